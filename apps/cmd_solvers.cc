// ordo solvers: every registered solver with its families and parameters.
#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "model/family.h"
#include "solve/solver.h"

namespace ordo::cli {

Action AddSolversCommand(CLI::App& app) {
  app.add_subcommand("solvers", "list solvers, the families they accept and their parameters with defaults");
  return []() {
    for (const SolverInfo& info : SolverRegistry()) {
      std::string families;
      for (Family f : info.families) families += fmt::format("{}{}", families.empty() ? "" : ", ", ToString(f));
      std::cout << fmt::format("{}\n  {}\n  families: {}{}\n", info.name, info.description, families,
                               info.handles_blocking ? " (blocking too)" : "");
      for (const ParamSpec& spec : info.params) std::cout << "    " << DescribeParam(spec) << "\n";
    }
    std::cout << "\nDefaults: job shop jobshop-tabu; flexible job shop gt-active; blocking shops blocking-ig; RCPSP and "
                 "general sgs-serial; single machine sm-dispatch.\n";
    return kExitOk;
  };
}

}  // namespace ordo::cli
