// Solver "sm": the default for one machine when the cost is a sum over jobs (sm_cost.h).
//   1. every dispatching rule (ATC and COVERT over a grid of look-aheads) gives a start;
//   2. iterated dynasearch (dynasearch.h) improves it, one independent run per thread;
//   3. for 1||sum T_j, Lawler's decomposition with memoisation (total_tardiness_exact.h)
//      proves the optimum: after a short dynasearch with one thread, beside the runs with
//      more. OPTIMAL is reported only when that proof completes (or the cost meets the
//      lower bound); otherwise the best bound is the larger of the generic bound and
//      a_min * sum_i max(0, C_(i) - d_(i)) (the i-th SPT completion time against the i-th
//      EDD due date: every schedule's sorted completion times dominate SPT's) plus the
//      WSPT optimum of the completion-time part.
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
