// Local search for one machine with release dates, 1|r_j|sum f_j (sm_cost.h), for instance
// 1|r_j|sum w_j T_j. With release dates a move can shift every later job, or be absorbed
// by idle time, so moves on disjoint intervals are no longer independent and dynasearch's
// dynamic programme does not apply. This descent uses the same moves (swap the jobs at
// positions i < j, move the job at i to j, move the job at j to i; distance up to a
// window) with first improvement, and evaluates each move incrementally on the semi-active
// schedule:
//   - the completion times are recomputed from position i, through the moved interval and
//     past it only as long as they differ from the current ones: once a completion time
//     is the same as before, every later job is unchanged (idle time absorbed the change);
//   - the move is rejected as soon as its cost change so far is >= 0 while the completion
//     time is no earlier than before: every later job then starts no earlier than it does
//     now, so with non-decreasing costs the move cannot improve.
// An applied move rewrites the completion times and cost prefix sums from i on.
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
  // Cost change when positions i..j hold moved_[0..j-i] instead; kNoGain when the move
  // cannot improve.
  std::int64_t MoveDelta(int i, int j) const;
  // Completion times and cost prefix sums of sequence_ from position `from` on.
  void Rebuild(int from);
  std::int64_t CostNow() const;

  const SmCostModel& model_;
  int window_;
  bool insertions_;
  std::int64_t passes_ = 0;
  std::vector<Time> release_;         // the model's, or zeros when it has none
  std::vector<int> sequence_, moved_;
  std::vector<Time> completion_;      // per position
  std::vector<std::int64_t> prefix_;  // prefix_[q] = cost of the jobs at positions < q
};

}  // namespace ordo
