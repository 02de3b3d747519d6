// Machine reassignment moves for the flexible job shop, after Mastrolilli & Gambardella
// (2000), "Effective neighbourhood functions for the flexible job shop problem", J. Sched.
// 3(1): take an operation v of the critical path off its machine and insert it on another
// eligible machine k at the best position. With r and q the heads and tails of the graph
// without v, r_v = end of v's job predecessor and q_v = length after v's job successor,
// the operations of k that must stay before v form a prefix L = {x : p_x + q_x > q_v} and
// those that must stay after it a suffix R = {x : r_x + p_x > r_v}; every insertion after all
// of L \ R and before all of R \ L is acyclic, and one of them is an optimal insertion of v
// on k (MG 2000, section 4). Each such position is rated by the longest path through v,
// max(r_v, end of its new predecessor) + p_vk + max(q_v, p + q of its new successor), in
// O(1); the best of the range is the move.
//
// Approximation: r and q are read from the current graph, not from the graph without v.
// They differ only for operations reached from v through its old machine successor (heads
// too large) or reaching v through its old machine predecessor (tails too large), so the
// rating is exact for most positions and never too optimistic. Because the path through v
// ignores what remains of the old critical path, the rating also takes the larger of the two
// paths that bypass v there (machine predecessor to machine successor, job predecessor to
// job successor), whose lengths are exact lower bounds on the new makespan. With downtime
// the new start of v is pushed past its new machine's downtimes (EarliestFit); tails ignore
// downtime, so ratings are estimates and the chosen move is evaluated exactly afterwards.
//
// Cost: per critical operation and alternative machine k, O(log |k| + range) with the
// position arrays of FlexibleGraph; no allocation once the move vector has grown.
#pragma once

#include <vector>

#include "solve/fjsp/flexible_graph.h"

namespace ordo {

struct ReassignMove {
  int op = -1;
  int mode = -1;      // the new mode (index into ShopProblem::modes)
  int after = -1;     // insert right after this operation of the new machine (-1: first)
  Time estimate = 0;  // estimated makespan after the move
};

class ReassignmentNeighbourhood {
 public:
  // Appends to moves (cleared first) the best insertion of every critical-path operation on
  // every other eligible machine (and onto its own machine when a mode there has another
  // duration, keeping its position).
  static void Generate(const FlexibleGraph& g, std::vector<ReassignMove>& moves);

  // The best insertion of op in `mode`, given the current graph; op must not already be on
  // the mode's machine.
  static ReassignMove BestInsertion(const FlexibleGraph& g, int op, int mode);
};

}  // namespace ordo
