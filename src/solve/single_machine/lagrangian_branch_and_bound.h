// Exact search for one machine with a sum-over-jobs cost (sm_cost.h), used for weighted
// tardiness: depth-first branch and bound over sequences, bounded by the Lagrangian relaxation
// of lagrangian_bound.h (in the manner of the final stage of Tanaka, Fujikuma & Araki 2009,
// without their state-space sublimation), built from the back by default.
//
// With the multipliers mu of the best bound, B(t, j) is the relaxed cost-to-go of the network
// (time_indexed_relaxation.h, after its dominated-state elimination): the cheapest path from
// "j ends at t" to the end of the horizon P, each job costing f_k(end) - mu_k, and F(t, j) the
// cheapest relaxed prefix from 0 up to "j ends at t", j included; eliminated nodes are never
// entered. From the front, a partial sequence ending with job j at time t costs at least
//     (its relaxed cost) + B(t, j) + sum mu;
// from the back, a suffix whose first job j ends at t costs at least
//     F(t, j) + (the suffix's relaxed cost without j) + sum mu;
// a node is cut when that reaches the incumbent. Children are tried cheapest bound first.
// Dominance: partial sequences with the same job set occupy the same interval and leave the
// same jobs, so one that is strictly dearer than another of its set, or as dear with the same
// job at the open end, is not extended (a memo keyed by the set, capped by memory; beyond the
// cap it just stops pruning that way; the argument is in the .cc).
//
// Why from the back: with loose due dates many jobs can be on time, every subset of them that
// fits early costs 0, and neither the bound nor the memo can tell those prefixes apart, so the
// search from the front goes through them one by one (wt40 #14: a billion nodes in 300 s, no
// proof). From the back the expensive late jobs are fixed first, and a node whose remaining
// jobs all end on time in EDD order is closed at once (that front costs each job its least,
// so nothing beats it): wt40 #14 is proved in 38 nodes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "solve/single_machine/sm_cost.h"
#include "solve/single_machine/time_indexed_relaxation.h"

namespace ordo {

struct LagrangianBnbOptions {
  // Dominance memo cap. Kept small because doubling a table of 16M+ entries takes one to a few
  // seconds (fresh pages), an overrun of the time limit that the memo's pruning does not repay.
  std::int64_t memory_mb = 1024;
  // Build sequences from the back: a node is a suffix S ending at P, the rest R = N \ S fills
  // [0, p(R)], bounded by the relaxation's cheapest prefixes. A node whose R can be sequenced
  // at the least cost of each of its jobs (EDD puts every job of R on time) is closed at
  // once: that front is optimal for R. From the front, the search has to go through the sets
  // of on-time jobs one by one, and when many jobs can be on time their subsets are many and
  // all cost 0 (nothing prunes them); from the back it stops where they begin.
  bool backward = false;
};

struct LagrangianBnbResult {
  bool solved = false;        // the search completed: the incumbent (or `sequence`) is optimal
  std::int64_t cost = 0;      // optimal cost when solved
  std::vector<int> sequence;  // a better sequence than the upper bound's, if one was found
  std::int64_t nodes = 0;
  std::string why;            // when not solved
};

// Jobs at most 128. upper_bound: the cost of a known sequence, at most the one the network was
// reduced with (LagrangianLowerBound, and the modifiers' search if it ran); the search first
// recomputes the relaxation's prefixes and suffixes for `multipliers` on that network.
LagrangianBnbResult SolveByLagrangianBranchAndBound(const SmCostModel& model, TimeIndexedRelaxation& relaxation,
                                                    const std::vector<double>& multipliers, std::int64_t upper_bound,
                                                    const LagrangianBnbOptions& options,
                                                    const std::function<bool()>& should_stop);

}  // namespace ordo
