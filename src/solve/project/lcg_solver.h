// Solvers "project" and "project-lcg": exact project scheduling by lazy clause generation
// (lcg_model.h). Both start from the best schedule-generation-scheme schedule, then search
// for a schedule one shorter than the incumbent until the search space is exhausted
// (OPTIMAL; INFEASIBLE with a conflict explanation when there is no incumbent) or the time
// limit. "project" adds the activity-list genetic algorithm (genetic_algorithm.h) where the
// list scheduler applies: with 2+ threads on threads-1 of them, its schedules tightening the
// exact search as they come; with 1 thread first, for a schedule budget, so that one thread
// is deterministic for a seed. "project-lcg" is the exact search alone.
#pragma once

#include <memory>
#include <vector>

#include "solve/solver.h"

namespace ordo {

// hybrid: the defaults of "project" (genetic algorithm on) rather than "project-lcg".
std::vector<ParamSpec> ProjectLcgParams(bool hybrid);
std::unique_ptr<Solver> MakeProjectLcg(const ParamValues& params);

}  // namespace ordo
