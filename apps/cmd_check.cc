// ordo check INSTANCE SOLUTION: independent feasibility check and objective recomputation.
#include <iostream>

#include <fmt/format.h>

#include "check/checker.h"
#include "commands.h"
#include "io/instance_reader.h"
#include "io/solution_io.h"

namespace ordo::cli {

Expected<Instance> LoadInstance(const InstanceOptions& options);  // cmd_solve.cc

Action AddCheckCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("check", "check a solution against an instance; exit 0 only if feasible "
                                              "and the stated objective equals the recomputed one");
  struct Options {
    InstanceOptions instance;
    std::string solution;
  };
  auto o = std::make_shared<Options>();
  AddInstanceOptions(*cmd, o->instance);
  cmd->add_option("solution", o->solution, "solution file (JSON or CSV)")->required();
  return [o]() {
    const auto instance = LoadInstance(o->instance);
    if (!instance) {
      std::cerr << "error: " << instance.error() << "\n";
      return kExitBadInput;
    }
    const auto read = ReadSolutionFile(*instance, o->solution);
    if (!read) {
      std::cerr << "error: " << read.error() << "\n";
      return kExitBadInput;
    }
    const CheckReport report = CheckSolution(*instance, read->solution, read->objective_stated);
    for (const Violation& v : report.violations) std::cout << "violation (" << ToString(v.kind) << "): " << v.message << "\n";
    if (report.violation_count > report.violations.size()) {
      std::cout << fmt::format("... and {} more violations\n", report.violation_count - report.violations.size());
    }
    if (report.objective_computed) {
      std::cout << fmt::format("objective {} (recomputed){}\n", report.objective,
                               read->objective_stated ? fmt::format(", stated {}", read->solution.objective) : "");
    }
    const bool ok = report.violation_count == 0;
    std::cout << (ok ? "feasible: yes\n" : fmt::format("feasible: {} ({} violations)\n", report.feasible() ? "yes" : "no",
                                                       report.violation_count));
    return ok ? kExitOk : kExitNoSolution;
  };
}

}  // namespace ordo::cli
