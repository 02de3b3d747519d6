// Lower bound for one machine by Lagrangian relaxation of the time-indexed formulation: the
// first two stages of the SSDP method of Tanaka, Fujikuma & Araki (2009, J. Scheduling
// 12:575-593), after Abdul-Razaq & Potts (1988) and Péridy et al., with their dominated-state
// elimination (stage 2's relaxation, no job twice within three positions, from the start).
//
// Relax "every job exactly once" with multipliers mu_j: a schedule becomes any path of the
// network of time_indexed_relaxation.h, and
//     L(mu) = min over paths of the path cost + sum_j mu_j  <=  the optimum, for every mu.
// Subgradient ascent (Polyak steps towards the upper bound) improves mu. After each round of
// steps the nodes that no sequence cheaper than the upper bound can pass are eliminated and
// the ascent resumes on the smaller network, whose L(mu) is higher; rounds go on while they
// remove nodes. When a path uses every job once it is a sequence costing L(mu), hence optimal;
// when no path is left the upper bound is optimal.
//
// Time per step O(P n log n) plus the pairs tried; memory TimeIndexedRelaxation::kBytesPerNode
// per (time, job) node.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "solve/single_machine/sm_cost.h"
#include "solve/single_machine/time_indexed_relaxation.h"

namespace ordo {

struct LagrangianBoundOptions {
  // Subgradient steps: a tenth in the first round, half in each later one. The first
  // elimination comes early because it leaves 5-15 % of the nodes and the later steps are
  // cheap (wt100 with a third first: 333 steps, 9 s, before any elimination).
  int iterations = 1000;
  int rounds = 20;          // elimination rounds at most (0: no elimination)
  double step_scale = 2.0;  // Polyak step factor at the start (halved in later rounds)
  int stall_steps = 20;     // steps without a better bound before the factor halves
  // (2.0 / 20 against 1.0 / 5: wt40-84 bound 615 against 167 of the optimum 617.)
};

struct LagrangianBoundResult {
  std::int64_t bound = 0;       // a valid lower bound, at most the upper bound
  std::vector<int> sequence;    // set when a relaxed path was a sequence cheaper than the upper bound: optimal
  std::vector<double> multipliers;  // the mu of the best bound (empty if none was computed)
  int iterations = 0;
  int rounds = 0;               // elimination rounds done
  std::int64_t nodes_left = 0;  // nodes of the network after elimination
};

// upper_bound(): the cost of a known sequence, read again at every step (it may improve while
// the bound runs). On return the relaxation holds the eliminated network and, when the result
// has multipliers, its cost-to-go for them (for lagrangian_branch_and_bound.h).
LagrangianBoundResult LagrangianLowerBound(const SmCostModel& model, TimeIndexedRelaxation& relaxation,
                                           const std::function<std::int64_t()>& upper_bound,
                                           const LagrangianBoundOptions& options, const std::function<bool()>& should_stop);

// Whether the relaxation fits: jobs of positive length and (P + 1) n nodes within memory_mb.
bool LagrangianRelaxationFits(const SmCostModel& model, std::int64_t memory_mb);

// The same with a network of its own (when it fits 2 GiB; otherwise only the constant).
LagrangianBoundResult LagrangianLowerBound(const SmCostModel& model, std::int64_t upper_bound,
                                           const LagrangianBoundOptions& options, const std::function<bool()>& should_stop);

}  // namespace ordo
