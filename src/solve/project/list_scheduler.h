// Serial and parallel schedule generation from an activity list, forward and backward, on flat arrays:
// the decoder of the activity-list genetic algorithm (Hartmann 1998) and its double
// justification (Valls, Ballestin & Quintanilla 2005: a backward pass that shifts every
// activity as late as possible, in decreasing order of finish times, then a forward pass in
// increasing order of those starts; the makespan never grows on plain RCPSP and often
// shrinks).
//
// Scope: single-mode activities, precedences whose minimum start distance is non-negative
// (end-to-start and start-to-start with lags), release dates, capacity calendars and
// disjunctive pairs (one unit resource each); no maximum lags (those go to the exact engine).
// Deadlines are not taken into account by the passes: DeadlineExcess says by how much a
// decoded schedule misses them, and callers keep only schedules that miss none. Resources are time-indexed arrays over a safe horizon, so a fit test is
// a scan of d cells per resource and nothing is allocated while decoding.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "model/instance.h"

namespace ordo {

// Why the list scheduler cannot take the instance (empty when it can).
std::string ListSchedulerUnsupported(const Instance& instance);

class ListScheduler {
 public:
  explicit ListScheduler(const Instance& instance);

  int size() const { return n_; }
  // A fixed topological order (Kahn, smallest index first): ties in the passes follow it.
  const std::vector<int>& topological_order() const { return topo_; }
  bool HasArc(int from, int to) const;  // a direct precedence from -> to
  std::span<const int> Successors(int a) const { return {succ_.data() + succ_begin_[a], succ_.data() + succ_begin_[a + 1]}; }
  // Minimum start distance of each arc of Successors(a), in the same order.
  std::span<const Time> SuccessorDistances(int a) const {
    return {succ_dist_.data() + succ_begin_[a], succ_dist_.data() + succ_begin_[a + 1]};
  }
  std::span<const int> Predecessors(int a) const { return {pred_.data() + pred_begin_[a], pred_.data() + pred_begin_[a + 1]}; }
  Time duration(int a) const { return duration_[a]; }
  Time release(int a) const { return release_[a]; }

  // Serial SGS: each activity of `list` (a precedence-feasible order) at its earliest
  // feasible start. Returns the makespan; starts in start().
  Time Forward(std::span<const int> list);
  // Forward, then backward and forward again (double justification). Rewrites `list` as the
  // activities by increasing start of the best of the two forward schedules, which is kept
  // in start(). Returns its makespan. *passes counts the SGS passes made (1 when the first fails, else 2 or 3).
  Time Justify(std::vector<int>& list, std::int64_t* passes);
  // Serial SGS backward: the activities in the priority order of `list` (an activity waits
  // until all its successors are placed, so any permutation will do), each as late as it
  // fits finishing by end_by. Returns the earliest start, or -1 if an activity does not fit
  // (a release date in the way); starts in start().
  Time BackwardList(std::span<const int> list, Time end_by);
  // Parallel SGS (Kelley 1963; Kolisch 1996) with `list` as the priority: time advances from
  // event to event (finishes, earliest starts) and at each time every ready activity that fits
  // starts, in list order, so the schedule is non-delay. Forward from 0, or backward (each
  // activity finishing as late as it fits, by end_by). Only for ShiftInvariant() instances:
  // capacity that rises at a calendar boundary is not an event. Return as Forward /
  // BackwardList.
  Time ForwardParallel(std::span<const int> list);
  Time BackwardParallel(std::span<const int> list, Time end_by);
  // Moves the schedule in start() so that it begins at 0 and returns its length; only
  // meaningful when ShiftInvariant().
  Time ShiftToZero();
  // No release dates and no capacity calendars: a schedule stays feasible when shifted in
  // time, so a backward pass yields a schedule of its own (the bi-population GA needs it).
  bool ShiftInvariant() const { return shift_invariant_; }
  Time horizon() const { return horizon_; }
  // The activities of start() by increasing start (the input of a forward pass) or by
  // decreasing finish (the input of a backward pass), ties by topological rank.
  void ListByStart(std::vector<int>& list) const { SortByStart(start_, list); }
  void ListByFinishDescending(std::vector<int>& list) const;

  const std::vector<Time>& start() const { return start_; }
  // Some activity has a deadline (its own or its job's).
  bool has_deadlines() const { return has_deadlines_; }
  // Sum over the activities of start() of how far each ends after its deadline (0: start()
  // meets every deadline).
  Time DeadlineExcess() const;

 private:
  // Latest start <= latest with the demands of a fitting in [t, t + d) of the profile, or -1.
  Time LatestFit(int a, Time latest, Time earliest);
  Time EarliestFit(int a, Time earliest);
  void Reserve(int a, Time t);
  void ResetProfile();
  bool Backward(Time end_by);  // from start_, into back_start_; false if a release is in the way
  Time BackwardInto(std::span<const int> order, Time end_by, std::vector<Time>& out);
  Time Parallel(std::span<const int> list, bool forward, Time end_by);
  void SortByStart(const std::vector<Time>& start, std::vector<int>& list) const;

  int n_ = 0;
  int resources_ = 0;  // instance resources plus one per disjunctive pair
  Time horizon_ = 0;   // cells per resource
  bool shift_invariant_ = false;
  std::vector<Time> duration_, release_;
  std::vector<Time> deadline_;  // latest end: the operation's or its job's, kNoDeadline if none
  bool has_deadlines_ = false;
  // CSR arcs: successor lists with their minimum start distance, and predecessor lists.
  std::vector<int> succ_begin_, succ_, pred_begin_, pred_;
  std::vector<Time> succ_dist_, pred_dist_;
  std::vector<int> demand_begin_, demand_resource_;  // CSR demands per activity
  std::vector<std::int64_t> demand_amount_;
  std::vector<int> topo_, topo_rank_;
  std::vector<std::int64_t> base_profile_, profile_;  // resource r, time t at r * horizon_ + t
  std::vector<Time> start_, back_start_, best_start_;
  std::vector<int> order_, pending_, position_, remaining_;
  std::vector<int> ready_;
  std::vector<Time> events_, bound_;
};

}  // namespace ordo
