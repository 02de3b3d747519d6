// Solver "sm": the default for one machine when the cost is a sum over jobs (sm_cost.h).
//   1. every dispatching rule (ATC and COVERT over a grid of look-aheads) gives a start;
//   2. iterated dynasearch (dynasearch.h) improves it, one independent run per thread; with
//      release dates (1|r_j|sum w_j T_j) the iterated first-improvement descent of
//      release_date_search.h takes its place, and step 3 is skipped;
//   3. proof, on the first thread (with one thread: after a short search): for 1||sum T_j
//      Lawler's decomposition with memoisation (total_tardiness_exact.h); for other costs
//      the time-indexed Lagrangian bound, state-space modifiers and the Lagrangian branch
//      and bound (lagrangian_*.h, state_space_modifiers.h).
// OPTIMAL is reported only when a proof completes (or the cost meets the lower bound);
// otherwise the bound is the best of the generic bound, the proof's bound, and
// a_min * sum_i max(0, C_(i) - d_(i)) (the i-th SPT completion time against the i-th EDD due
// date: every schedule's sorted completion times dominate SPT's) plus the WSPT optimum of
// the completion-time part, both computed with the release dates dropped (a relaxation).
// Deterministic for a seed with one thread.
#pragma once

#include <memory>

#include "solve/single_machine/sm_cost.h"
#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> SmSolverParams();
std::unique_ptr<Solver> MakeSmSolver(const ParamValues& params);

// The lower bound of step 3 (without the generic one).
std::int64_t SmSimpleLowerBound(const SmCostModel& model);

}  // namespace ordo
