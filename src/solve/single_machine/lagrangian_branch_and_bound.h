// Exact search for one machine with a sum-over-jobs cost (sm_cost.h), used for weighted
// tardiness: depth-first branch and bound over sequences built from the front, bounded by the
// Lagrangian relaxation of lagrangian_bound.h (in the manner of the final stage of Tanaka,
// Fujikuma & Araki 2009, without their state-space sublimation).
//
// With the multipliers mu of the best bound, B(t, j) is the relaxed cost-to-go of the network
// (time_indexed_relaxation.h, after its dominated-state elimination): the cheapest path from
// "j ends at t" to the end of the horizon P, each job costing f_k(end) - mu_k; eliminated
// nodes are never entered. A partial sequence ending
// with job j at time t costs at least
//     (its relaxed cost) + B(t, j) + sum mu,
// so it is cut when that reaches the incumbent. Children are tried cheapest bound first.
// Dominance: partial sequences with the same job set end at the same time and face the same
// jobs, so one that is strictly dearer than another of its set, or as dear with the same last
// job, is not extended (a memo keyed by the set, capped by memory; beyond the cap it just
// stops pruning that way; the argument is in the .cc).
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
};

struct LagrangianBnbResult {
  bool solved = false;        // the search completed: the incumbent (or `sequence`) is optimal
  std::int64_t cost = 0;      // optimal cost when solved
  std::vector<int> sequence;  // a better sequence than the upper bound's, if one was found
  std::int64_t nodes = 0;
  std::string why;            // when not solved
};

// Jobs at most 128. upper_bound: the cost of a known sequence, at most the one the network was
// reduced with; `relaxation` holds the cost-to-go for `multipliers` (LagrangianLowerBound).
LagrangianBnbResult SolveByLagrangianBranchAndBound(const SmCostModel& model, const TimeIndexedRelaxation& relaxation,
                                                    const std::vector<double>& multipliers, std::int64_t upper_bound,
                                                    const LagrangianBnbOptions& options,
                                                    const std::function<bool()>& should_stop);

}  // namespace ordo
