// The solvers' own objective evaluation (the checker has an independent one).
#pragma once

#include <vector>

#include "model/instance.h"

namespace ordo {

// Objective of a schedule given each operation's end time.
std::int64_t EvaluateObjective(const Instance& instance, const std::vector<Time>& op_end);

// Same, with the job completions computed in `completion` (resized; no allocation once it has
// the jobs' size): for hot loops such as the genetic algorithm's decoder.
std::int64_t EvaluateObjective(const Instance& instance, const std::vector<Time>& op_end, std::vector<Time>& completion);

// Same, from a solution (end = start + duration of the chosen mode).
std::int64_t EvaluateObjective(const Instance& instance, const Solution& solution);

// Lower bound on the objective from release dates, precedences with their lags (shortest
// modes) and resource energy (each resource cannot do more than its peak capacity per unit
// of time). Valid for every family; O(ops * precedences) worst case with negative lags.
std::int64_t TrivialLowerBound(const Instance& instance);

}  // namespace ordo
