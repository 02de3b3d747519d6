// The start of the shop local searches (jobshop-tabu, fjsp-tabu): the best Giffler–Thompson
// schedule over every deterministic rule, active and non-delay (14 schedules, each
// O(operations x candidates)).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/instance.h"
#include "solve/shop/shop_problem.h"
#include "solve/solver.h"

namespace ordo {

struct GtStart {
  std::optional<Solution> solution;  // the best schedule, with its objective
  std::vector<Time> start;           // per flat shop operation
  std::vector<int> mode;             // per flat shop operation: index into ShopProblem::modes
};

// Adds the schedules built to stats.schedules. The first rule wins ties.
GtStart BestGtSchedule(const Instance& instance, const ShopProblem& shop, std::uint64_t seed, SolveStats& stats);

}  // namespace ordo
