// Dynasearch for one machine (Congram, Potts & van de Velde 2002, INFORMS J. Computing
// 14(1):52-67), with the enhanced neighbourhood of Grosso, Della Croce & Tadei (2004, Oper.
// Res. Letters 32(1):68-72).
//
// A move acts on an interval of positions [i, j] of the sequence: swap the jobs at i and j,
// move the job at i to j (forward insertion) or the job at j to i (backward insertion). Moves
// on disjoint intervals are independent: jobs outside an interval keep their completion
// times, so the cost change of a set of disjoint moves is the sum of their changes. The best
// such set is found by dynamic programming over the positions,
//     F(0) = 0,  F(j+1) = min( F(j) + f(job at j),  min over i < j, move on [i, j] of
//                              F(i) + cost of positions i..j after the move ),
// and applied at once; a descent repeats this until no set improves. Insertions cost O(n)
// per position with running sums (the shifted jobs move by the length of one fixed job);
// swaps shift their middle by p_j - p_i, so they cost O(window) per pair.
// Iterated dynasearch (iterated_search.h) alternates these descents with kicks.
#pragma once

#include <cstdint>
#include <vector>

#include "solve/single_machine/sm_cost.h"

namespace ordo {

struct DynasearchOptions {
  int window = 0;           // largest j - i of a move; 0 = every pair up to 200 jobs, else 100
  bool insertions = true;   // Grosso et al.'s insertions besides Congram et al.'s swaps
};

class Dynasearch {
 public:
  Dynasearch(const SmCostModel& model, DynasearchOptions options);

  // Descends from `sequence` to a local optimum of the neighbourhood; returns its cost.
  std::int64_t Descend(std::vector<int>& sequence);
  std::int64_t passes() const { return passes_; }

 private:
  // One DP pass over `sequence`; returns the best cost and leaves the moves in choice_.
  std::int64_t BestMoveSet(const std::vector<int>& sequence);
  void ApplyMoves(std::vector<int>& sequence);

  enum class MoveKind : std::uint8_t { None, Swap, Forward, Backward };
  struct Choice {
    MoveKind kind = MoveKind::None;
    int from = 0;  // i of the move ending at this position
  };

  const SmCostModel& model_;
  int window_;
  bool insertions_;
  std::int64_t passes_ = 0;
  // Per position, rebuilt at every pass (no allocation after the first).
  std::vector<Time> p_, d_, c_;
  std::vector<std::int64_t> a_, b_, current_, forward_sum_, best_;
  std::vector<Choice> choice_;
  std::vector<int> scratch_;
};

}  // namespace ordo
