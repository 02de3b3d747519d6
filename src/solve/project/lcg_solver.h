// Solver "project-lcg": exact project scheduling by lazy clause generation (lcg_model.h).
// Starts from the best schedule-generation-scheme schedule, then searches for a schedule of
// makespan one less than the incumbent until the search space is exhausted (OPTIMAL) or the
// time limit. One thread; deterministic.
#pragma once

#include <memory>
#include <vector>

#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> ProjectLcgParams();
std::unique_ptr<Solver> MakeProjectLcg(const ParamValues& params);

}  // namespace ordo
