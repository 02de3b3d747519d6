// Solver "project-ga": the activity-list genetic algorithm (genetic_algorithm.h), one island
// per thread (seeds seed, seed + 1, ...; the best schedule wins), by time or by a schedule
// budget (max_schedules, split between the islands); with epoch_schedules each island is a
// multi-start, successive independent GAs of that many schedules.
#pragma once

#include <memory>
#include <vector>

#include "solve/params.h"
#include "solve/project/genetic_algorithm.h"
#include "solve/project/project_incumbent.h"
#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> ProjectGaParams();
std::unique_ptr<Solver> MakeProjectGa(const ParamValues& params);

// Runs `threads` GA islands (seeds seed, seed + 1, ...; max_schedules split between them;
// each a multi-start when options.epoch_schedules > 0, epoch e of island k with seed
// seed + k + e x threads)
// that offer their schedules to `incumbent`, until should_stop() or the budget; adds their
// schedules and generations to stats. The instance must suit the list scheduler.
void RunGaIslands(const Instance& instance, const GaOptions& options, int threads, std::uint64_t seed,
                  ProjectIncumbent& incumbent, const std::function<bool()>& should_stop, SolveStats& stats);

}  // namespace ordo
