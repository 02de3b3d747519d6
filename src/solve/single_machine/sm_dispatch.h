// Solver "sm-dispatch": single-machine dispatching rules (sm_rules.h), and "atc-k", ATC with
// the best look-ahead of a grid (0.5 to 6); rule=best runs every rule and keeps the best
// sequence by the instance's objective.
#pragma once

#include <memory>

#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> SmDispatchParams();
std::unique_ptr<Solver> MakeSmDispatch(const ParamValues& params);

}  // namespace ordo
