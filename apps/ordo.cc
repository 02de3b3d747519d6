// ordo: command-line front end of the Ordo scheduling engine.
#include <cstdio>
#include <map>

#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Ordo: scheduling optimisation engine (job shop, flexible job shop, RCPSP, single machine)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "ordo 0.1.0");
  std::map<CLI::App*, ordo::cli::Action> actions;
  auto add = [&](ordo::cli::Action action) { actions[app.get_subcommands({}).back()] = std::move(action); };
  add(ordo::cli::AddSolveCommand(app));
  add(ordo::cli::AddCheckCommand(app));
  add(ordo::cli::AddBenchCommand(app));
  add(ordo::cli::AddSolversCommand(app));
  add(ordo::cli::AddConvertCommand(app));
  add(ordo::cli::AddGenerateCommand(app));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : ordo::cli::kExitBadInput;
  }
  for (const auto& [command, action] : actions) {
    if (command->parsed()) return action();
  }
  return ordo::cli::kExitBadInput;
}
