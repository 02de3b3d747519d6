// Exact search for one machine with a sum-over-jobs cost (sm_cost.h), used for weighted
// tardiness: depth-first branch and bound over sequences built from the front, bounded by the
// Lagrangian relaxation of lagrangian_bound.h (in the manner of the final stage of Tanaka,
// Fujikuma & Araki 2009, without their state-space sublimation).
//
// With the multipliers mu of the best bound, B(t, j) is the relaxed cost-to-go: the cheapest
// path of jobs (no immediate repeat, adjacent pairs by the interchange rule) from "j ends at t"
// to the end of the horizon P, each job costing f_k(end) - mu_k. A partial sequence ending
// with job j at time t costs at least
//     (its relaxed cost) + B(t, j) + sum mu,
// so it is cut when that reaches the incumbent. Children are tried cheapest bound first.
// Dominance: partial sequences with the same job set and the same last job end at the same
// time and face the same future, so only the cheapest is extended (a memo keyed by set and
// last job, capped by memory; beyond the cap it just stops pruning that way).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "solve/single_machine/sm_cost.h"

namespace ordo {

struct LagrangianBnbOptions {
  std::int64_t memory_mb = 1024;  // dominance memo cap
};

struct LagrangianBnbResult {
  bool solved = false;        // the search completed: the incumbent (or `sequence`) is optimal
  std::int64_t cost = 0;      // optimal cost when solved
  std::vector<int> sequence;  // a better sequence than the upper bound's, if one was found
  std::int64_t nodes = 0;
  std::string why;            // when not solved
};

// Jobs at most 128. upper_bound: the cost of a known sequence.
LagrangianBnbResult SolveByLagrangianBranchAndBound(const SmCostModel& model, const std::vector<double>& multipliers,
                                                    std::int64_t upper_bound, const LagrangianBnbOptions& options,
                                                    const std::function<bool()>& should_stop);

}  // namespace ordo
