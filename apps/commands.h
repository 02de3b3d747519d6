// The `ordo` command line: one function per subcommand. Each registers its options on the
// CLI11 app and returns the code to run when the subcommand was chosen. The library does
// the work (src/report/run.h); this layer only parses arguments and prints.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace ordo::cli {

using Action = std::function<int()>;

// Exit codes shared by every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitNoSolution = 1;  // no verified schedule / check failed
inline constexpr int kExitBadInput = 2;    // unreadable or invalid input, bad options

Action AddSolveCommand(CLI::App& app);
Action AddCheckCommand(CLI::App& app);
Action AddBenchCommand(CLI::App& app);
Action AddSolversCommand(CLI::App& app);
Action AddConvertCommand(CLI::App& app);
Action AddGenerateCommand(CLI::App& app);

// Options shared by commands that read an instance.
struct InstanceOptions {
  std::string path;
  std::string format = "auto";
  int index = 1;
  int wt_jobs = 0;
  bool blocking = false;
  bool no_swaps = false;
};
void AddInstanceOptions(CLI::App& command, InstanceOptions& options);

}  // namespace ordo::cli
