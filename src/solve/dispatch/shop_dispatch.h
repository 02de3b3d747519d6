// Solvers "gt-active" and "gt-nondelay": Giffler–Thompson generation with a priority rule,
// for job shops and flexible job shops. rule=best runs every deterministic rule and keeps
// the best schedule; rule=random samples schedules until `samples` or the time limit.
#pragma once

#include <memory>

#include "solve/dispatch/gt_generator.h"
#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> ShopDispatchParams();
std::unique_ptr<Solver> MakeShopDispatch(GtVariant variant, const ParamValues& params);

}  // namespace ordo
