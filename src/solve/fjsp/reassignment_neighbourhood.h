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
// Candidates are generated with a cheap lower bound on their rating, max(r_v + p_vk + q_v,
// bypass), and rated (position and estimate) on demand, so that a search can skip the
// candidates that cannot beat its best move. Cost: O(1) per candidate, then O(log |k| +
// range) to rate one with the position arrays of FlexibleGraph; no allocation once the move
// vector has grown.
#pragma once

#include <vector>

#include "solve/fjsp/flexible_graph.h"

namespace ordo {

struct ReassignMove {
  int op = -1;
  int mode = -1;       // the new mode (index into ShopProblem::modes)
  int after = -1;      // insert right after this operation of the new machine (-1: first)
  Time estimate = 0;   // estimated makespan after the move; a lower bound on it until rated
  bool rated = false;  // after and estimate are the best insertion's
};

class ReassignmentNeighbourhood {
 public:
  // Fills moves with every critical-path operation moved to every other eligible machine
  // (and onto its own machine when a mode there has another duration, keeping its place,
  // rated at once), each with the lower bound of its rating.
  static void Generate(const FlexibleGraph& g, std::vector<ReassignMove>& moves);

  // Finds the best insertion of an unrated move (no-op when rated).
  static void Rate(const FlexibleGraph& g, ReassignMove& move);
};

}  // namespace ordo
