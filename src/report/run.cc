#include "report/run.h"

#include <fmt/format.h>

#include "model/family.h"

namespace ordo {

Expected<RunOutcome> SolveAndCheck(const Instance& instance, RunRequest request) {
  if (request.solver.empty()) request.solver = DefaultSolverName(instance);
  const auto info = FindSolver(request.solver);
  if (!info) return Expected<RunOutcome>::Error(info.error());
  const SolverInfo& solver_info = **info;
  if (!solver_info.Accepts(instance)) {
    std::string accepted;
    for (Family f : solver_info.families) accepted += fmt::format("{}{}", accepted.empty() ? "" : ", ", ToString(f));
    return Expected<RunOutcome>::Error(fmt::format(
        "solver {} does not handle this instance (family {}{}); it accepts: {}{}", solver_info.name,
        ToString(ClassifyFamily(instance)), instance.blocking ? ", blocking" : "", accepted,
        solver_info.handles_blocking ? "" : " (not blocking)"));
  }
  auto params = ParamValues::Parse(solver_info.params, request.params);
  if (!params) return Expected<RunOutcome>::Error(fmt::format("solver {}: {}", solver_info.name, params.error()));

  RunOutcome outcome;
  outcome.solver = solver_info.name;
  outcome.params = params->ToString();
  std::unique_ptr<Solver> solver = solver_info.make(*params);
  request.control.Start();
  outcome.result = solver->Solve(instance, request.control);
  if (outcome.result.solution) {
    outcome.check = CheckSolution(instance, *outcome.result.solution);
    outcome.checked = true;
    if (!outcome.verified()) {
      outcome.result.status = SolveStatus::Unknown;
      outcome.result.message = fmt::format("the checker rejected the solver's schedule ({} violations; first: {})",
                                           outcome.check.violation_count,
                                           outcome.check.violations.empty() ? "" : outcome.check.violations[0].message);
    }
  }
  return outcome;
}

}  // namespace ordo
