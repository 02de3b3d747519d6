// The N7 neighbourhood of Zhang, Li, Guan & Rao (2007), "A tabu search algorithm with a new
// neighborhood structure for the job shop scheduling problem", C&OR 34(11): on every block
// of a critical path, move an inner operation to the front or the back of its block (N6 of
// Balas & Vazacopoulos 1998), and move the first or the last operation of the block to any
// inner position. Moves that could create a cycle are left out by the sufficient conditions
// below; each remaining move gets the makespan estimate of Balas & Vazacopoulos (1998),
// "Guided local search with shifting bottleneck for job shop scheduling", Mgmt Sci 44(2):
// heads are propagated forward and tails backward through the reordered segment only,
// taking the other neighbours' heads and tails from the current schedule.
//
// Cost: O(sum over blocks of block length^2) per call; no allocation once warmed up.
#pragma once

#include <vector>

#include "solve/jobshop/disjunctive_graph.h"

namespace ordo {

struct ShopMove {
  int u = -1;          // the operation that moves
  int v = -1;          // forward: u goes right after v; backward: u goes right before v
  bool forward = true;
  Time estimate = 0;   // estimated makespan after the move
};

class N7Neighbourhood {
 public:
  // Fills moves with every N7 move of g's critical path and its estimate.
  void Generate(const DisjunctiveGraph& g, std::vector<ShopMove>& moves);

  // The operations whose machine order a move changes, in their new order: the reordered
  // segment. Used for tabu bookkeeping.
  static void Segment(const DisjunctiveGraph& g, const ShopMove& move, std::vector<int>& segment);

 private:
  Time Estimate(const DisjunctiveGraph& g, const ShopMove& move);
  std::vector<int> segment_;
  std::vector<Time> r_, q_;
};

}  // namespace ordo
