// Solver "sm-dispatch": single-machine dispatching rules (sm_rules.h); rule=best runs every
// rule and keeps the best sequence by the instance's objective.
#pragma once

#include <memory>

#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> SmDispatchParams();
std::unique_ptr<Solver> MakeSmDispatch(const ParamValues& params);

}  // namespace ordo
