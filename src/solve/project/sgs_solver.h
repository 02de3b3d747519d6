// Solvers "sgs-serial" and "sgs-parallel": schedule-generation schemes with a priority
// rule for RCPSP and every other non-blocking instance. rule=best runs every deterministic
// rule; rule=random samples `samples` schedules (or until the time limit).
#pragma once

#include <memory>

#include "solve/project/sgs.h"
#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> SgsParams();
std::unique_ptr<Solver> MakeSgsSolver(SgsScheme scheme, const ParamValues& params);

}  // namespace ordo
