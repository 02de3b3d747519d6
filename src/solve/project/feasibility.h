// Deciding whether a project (as modelled by ProjectLcgModel) has any schedule at all: the
// schedule-generation schemes first (a schedule in microseconds when one is easy to find),
// then the exact search over the safe horizon, which either finds a schedule or proves that
// none exists. Used to report INFEASIBLE and by the conflict explanation.
#pragma once

#include <functional>
#include <optional>

#include "model/instance.h"
#include "solve/lcg/engine.h"
#include "solve/lcg/timetable.h"

namespace ordo {

enum class Feasibility { Feasible, Infeasible, Unknown };

struct FeasibilityVerdict {
  Feasibility verdict = Feasibility::Unknown;  // Unknown: stopped before deciding
  std::optional<Solution> schedule;             // with Feasible
  std::int64_t schedules = 0;                   // SGS schedules generated
};

// The instance must be accepted by the LCG model (LcgUnsupported(instance) empty).
// max_conflicts > 0 bounds the exact search (Unknown when it runs out).
FeasibilityVerdict DecideFeasibility(const Instance& instance, const std::function<bool()>& should_stop,
                                     lcg::EngineOptions options = {}, lcg::CumulativeReasoning reasoning = {},
                                     std::int64_t max_conflicts = 0);

// The best SGS schedule over every deterministic rule and both schemes that respects every
// time lag and deadline (objective set); nothing when each of them failed.
std::optional<Solution> BestRuleSchedule(const Instance& instance, std::int64_t* schedules = nullptr);

}  // namespace ordo
