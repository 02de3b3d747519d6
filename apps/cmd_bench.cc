// ordo bench SUITE: run a benchmark suite, check every result, write CSV and Markdown.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "report/bench.h"

namespace ordo::cli {

Action AddBenchCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("bench", "run a benchmark suite (bench/suites/<SUITE>.csv) and report gaps to best-known values");
  struct Options {
    BenchConfig config;
    std::string out_dir = "bench/results";
    std::string name;
    std::size_t limit = 0;
  };
  auto o = std::make_shared<Options>();
  cmd->add_option("suite", o->config.suite, "suite name (e.g. ta, la, j30, wt40) or a suite CSV path")->required();
  cmd->add_option("--solver", o->config.solver, "solver name (default: the family's default)");
  cmd->add_option("--param,-p", o->config.params, "solver parameter key=value (repeatable)");
  cmd->add_option("--time-limit,-t", o->config.time_limit, "time limit per instance in seconds")->check(CLI::Range(0.0, 1e7));
  cmd->add_option("--threads", o->config.threads, "worker threads per run")->check(CLI::Range(1, 1024));
  cmd->add_option("--seed", o->config.seed, "random seed");
  cmd->add_option("--out-dir", o->out_dir, "directory for <name>.csv and <name>.md");
  cmd->add_option("--name", o->name, "report file name (default: <suite>-<solver>)");
  cmd->add_option("--limit", o->limit, "run only the first N instances");
  cmd->add_flag("--blocking", o->config.blocking, "run shops as blocking shops (swaps allowed)");
  cmd->add_flag("--no-swaps", o->config.no_swaps, "with --blocking: forbid swaps");
  return [o, cmd]() {
    std::string root;
    auto suite = LoadSuite(o->config.suite, &root);
    if (!suite) {
      std::cerr << "error: " << suite.error() << "\n";
      return kExitBadInput;
    }
    if (o->limit > 0 && suite->size() > o->limit) suite->resize(o->limit);
    std::string command = "ordo bench " + o->config.suite;
    for (const std::string& arg : cmd->remaining()) command += " " + arg;
    for (const CLI::Option* opt : cmd->get_options()) {
      if (opt->get_positional() || opt->count() == 0 || opt->get_name() == "--help") continue;
      for (const std::string& value : opt->results()) command += fmt::format(" {} {}", opt->get_name(), value);
    }
    o->config.command_line = command;
    const BenchReport report = RunBench(o->config, *suite, root, [](const BenchRow& row, std::size_t done, std::size_t total) {
      const auto gap = row.gap_percent();
      std::cerr << fmt::format("[{}/{}] {:<14} {:>9} bks {:>9} gap {:>7} {:<9} {} {:.2f}s{}\n", done, total,
                               row.entry.instance, row.objective ? std::to_string(*row.objective) : "-",
                               row.entry.bks ? std::to_string(*row.entry.bks) : "-",
                               gap ? fmt::format("{:.2f}%", *gap) : "-", row.status, row.verified ? "checked" : "UNCHECKED",
                               row.seconds, row.error.empty() ? "" : "  " + row.error);
    });
    const std::string name = o->name.empty() ? fmt::format("{}-{}", std::filesystem::path(o->config.suite).stem().string(),
                                                           report.resolved_solver.empty() ? "default" : report.resolved_solver)
                                             : o->name;
    std::error_code ec;
    std::filesystem::create_directories(o->out_dir, ec);
    const std::string markdown = BenchMarkdown(report);
    std::ofstream(o->out_dir + "/" + name + ".csv") << BenchCsv(report);
    std::ofstream(o->out_dir + "/" + name + ".md") << markdown;
    std::cout << markdown;
    std::cerr << fmt::format("wrote {0}/{1}.csv and {0}/{1}.md\n", o->out_dir, name);
    for (const BenchRow& row : report.rows) {
      if (!row.verified && row.status != "INFEASIBLE") return kExitNoSolution;  // a proof has nothing to check
    }
    return kExitOk;
  };
}

}  // namespace ordo::cli
