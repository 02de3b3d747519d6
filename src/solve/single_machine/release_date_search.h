// Local search for one machine with release dates, 1|r_j|sum f_j (sm_cost.h), for instance
// 1|r_j|sum w_j T_j. With release dates a move can shift every later job, or be absorbed
// by idle time, so moves on disjoint intervals are no longer independent and dynasearch's
// dynamic programme does not apply. This descent uses the same moves (swap the jobs at
// positions i < j, move the job at i to j, move the job at j to i; distance up to a
// window) with first improvement, on the semi-active schedule, and evaluates them
// incrementally. The fact behind it: a block of jobs scheduled semi-actively from a start
// time s completes its q-th job at
//     C_q(s) = max(s + (sum of the block's p up to q), C_q(0)),
// so once a delayed block catches up with its own schedule (s + P <= C_q(0)), the rest of
// the block is unchanged, and its cost is a prefix-sum lookup. Hence, for a fixed i:
//   - forward insertions extend one block (positions i+1..j from the old start) by a job
//     per j, O(1) each;
//   - a backward insertion delays positions i..j-1, and costs only as many steps as the
//     delay survives; a swap does the same for positions i+1..j-1 against the schedule of
//     that block from time 0, kept per i;
//   - before any scan, a move is rejected in O(1) when a lower bound on its change is >= 0:
//     the exact change of the two end jobs, plus, for a delayed block, its smallest delay
//     (the delay only shrinks along a block) times the slopes of its late jobs, minus, for
//     a block that starts earlier, the time saved times all its slopes; the jobs after j
//     count 0 when they start no earlier than now (as in dynasearch's swap bound);
//   - past position j the completion times are recomputed only while they differ from the
//     current ones, and the move is dropped as soon as its change so far is >= 0 while the
//     completion time is no earlier than before (later jobs can then only lose).
// An applied move rewrites the per-position arrays from i on; the scan restarts at i.
#pragma once

#include <cstdint>
#include <vector>

#include "solve/single_machine/dynasearch.h"
#include "solve/single_machine/sm_cost.h"

namespace ordo {

class ReleaseDateDescent {
 public:
  ReleaseDateDescent(const SmCostModel& model, DynasearchOptions options);

  // Descends from `sequence` to a local optimum of the moves; returns its cost.
  std::int64_t Descend(std::vector<int>& sequence);
  std::int64_t passes() const { return passes_; }

 private:
  // Tries every move with first position i; applies the first improving one (and returns
  // its cost change) or returns 0.
  std::int64_t ImproveAt(int i);
  // Adds the change of positions after j, where the new schedule reaches position j at
  // time t, to `delta`; kNoGain when the move cannot improve.
  std::int64_t WithTail(int j, Time t, std::int64_t delta) const;
  // Per-position arrays of sequence_ from position `from` on.
  void Rebuild(int from);
  std::int64_t Cost(int job, Time completion) const { return model_.JobCost(job, completion); }

  const SmCostModel& model_;
  int window_;
  bool insertions_;
  std::int64_t passes_ = 0;
  std::vector<Time> release_;  // the model's, or zeros when it has none
  std::vector<int> sequence_;
  // Per position q of sequence_ (prefix arrays have n + 1 entries, index q = before q):
  std::vector<Time> completion_;
  std::vector<Time> length_prefix_;   // sum of p before q
  std::vector<std::int64_t> cost_prefix_;   // sum of job costs before q
  std::vector<std::int64_t> slope_prefix_;  // sum of a + b before q: most a unit of time is worth
  std::vector<std::int64_t> late_slope_prefix_;  // the same over b, plus a of late jobs: least a unit of delay costs
  // For the current i, the block from position i+1 scheduled from time 0: completion and
  // prefix sums of costs (index q - i - 1).
  std::vector<Time> own_completion_;
  std::vector<std::int64_t> own_cost_prefix_;
};

}  // namespace ordo
