// Lower bound for one machine by Lagrangian relaxation of the time-indexed formulation: the
// first stage of the SSDP method of Tanaka, Fujikuma & Araki (2009, J. Scheduling
// 12:575-593), after Abdul-Razaq & Potts (1988) and Péridy et al.
//
// The machine works without idle time on [0, P], P = sum p. Relax "every job exactly once"
// with multipliers mu_j: a schedule becomes any path of jobs from 0 to P, each job j ending
// at t costing f_j(t) - mu_j, and
//     L(mu) = min over paths of the path cost + sum_j mu_j  <=  the optimum, for every mu.
// Two constraints stay in the paths because an optimal sequence meets them: no job twice in
// a row, and no adjacent pair (i, j) that the pairwise interchange makes strictly cheaper
// (ties broken by index, which some optimal sequence also meets). The path problem is a
// dynamic programme over (end time, last job); subgradient ascent (Polyak steps towards the
// upper bound) improves mu. When a path uses every job once it is a sequence whose cost
// equals L(mu), hence optimal.
//
// Time per iteration O(P n log n); memory 16 P n bytes (skipped beyond P n = 2e7).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "solve/single_machine/sm_cost.h"

namespace ordo {

struct LagrangianBoundOptions {
  int iterations = 300;  // subgradient steps at most
};

struct LagrangianBoundResult {
  std::int64_t bound = 0;       // ceil of the best L(mu), a valid lower bound
  std::vector<int> sequence;    // set when a relaxed path was a sequence: an optimal one
  std::vector<double> multipliers;  // the mu of the best bound (empty if none was computed)
  int iterations = 0;
};

// Whether job i ending at t - p_j may be followed by job j ending at t in some optimal
// sequence: not when j first is strictly cheaper, nor on a tie with i > j.
bool AdjacentPairAllowed(const SmCostModel& model, int i, int j, Time t);

// upper_bound: the cost of a known sequence (steps aim at it; the ascent stops when the bound
// reaches it).
LagrangianBoundResult LagrangianLowerBound(const SmCostModel& model, std::int64_t upper_bound,
                                           const LagrangianBoundOptions& options, const std::function<bool()>& should_stop);

}  // namespace ordo
