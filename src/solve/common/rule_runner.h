// What the dispatching solvers (gt-active/-nondelay, sgs-serial/-parallel, sm-dispatch)
// share: the "rule" and "samples" parameters and the loop that runs the requested rule(s).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "solve/solver.h"

namespace ordo {

// "rule": one of rule_names or "best" (default); "samples" when a rule is called "random".
std::vector<ParamSpec> RuleParams(const std::vector<std::string_view>& rule_names, std::string_view help);

// Runs run(k) for rule k = the one named `rule` (`samples` times if it is "random", stopping
// early at the time limit), or, for rule == "best", for every rule but "random" (stopping at
// the time limit once at least one schedule was built).
void RunRequestedRules(const std::vector<std::string_view>& rule_names, const std::string& rule, std::int64_t samples,
                       const SolveControl& control, const std::function<void(std::size_t)>& run);

}  // namespace ordo
