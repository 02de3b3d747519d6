// ordo solve FILE: read, solve, check, print; optionally write the solution and a Gantt page.
#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "io/instance_reader.h"
#include "io/solution_io.h"
#include "model/family.h"
#include "report/gantt.h"
#include "report/run.h"

namespace ordo::cli {

namespace {

// The one process-wide flag: a signal handler can reach nothing else. Ctrl-C asks the
// solver to stop and return its best schedule.
std::atomic<bool> g_interrupted{false};
void OnSignal(int) { g_interrupted.store(true); }

std::string GapText(std::int64_t objective, std::int64_t bound) {
  if (objective == bound) return "0.00%";
  if (objective <= 0) return "-";
  return fmt::format("{:.2f}%", 100.0 * static_cast<double>(objective - bound) / static_cast<double>(objective));
}

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

std::string ObjectiveName(const Instance& in) {
  std::string name;
  for (const ObjectiveTerm& t : in.objective.terms) {
    name += fmt::format("{}{}{}", name.empty() ? "" : "+", t.weight == 1 ? "" : fmt::format("{}*", t.weight), ToString(t.kind));
  }
  return name;
}

}  // namespace

void AddInstanceOptions(CLI::App& command, InstanceOptions& options) {
  command.add_option("instance", options.path, "instance file")->required();
  command.add_option("--format", options.format, "jobshop|taillard|fjs|sm|rcp|wt|json (default: detect from content)");
  command.add_option("--index", options.index, "instance number in multi-instance files (OR-Library wt), from 1")
      ->check(CLI::Range(1, 1000000));
  command.add_option("--wt-jobs", options.wt_jobs, "jobs per instance in a wt file (default: from the name wt<n>)");
  command.add_flag("--blocking", options.blocking, "treat a shop as blocking (no buffers; swaps allowed)");
  command.add_flag("--no-swaps", options.no_swaps, "with --blocking: forbid swaps");
}

Expected<Instance> LoadInstance(const InstanceOptions& options) {
  ReadOptions read;
  if (!ParseInstanceFormat(options.format, &read.format)) {
    return Expected<Instance>::Error(fmt::format("unknown format '{}'", options.format));
  }
  read.index = options.index;
  read.wt_jobs = options.wt_jobs;
  read.blocking = options.blocking || options.no_swaps;
  read.no_swaps = options.no_swaps;
  return ReadInstanceFile(options.path, read);
}

Action AddSolveCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("solve", "solve an instance, check the schedule, print the result");
  struct Options {
    InstanceOptions instance;
    std::string solver;
    std::vector<std::string> params;
    double time_limit = 10;
    int threads = 1;
    std::uint64_t seed = 1;
    std::string out, gantt;
    bool quiet = false;
  };
  auto o = std::make_shared<Options>();
  AddInstanceOptions(*cmd, o->instance);
  cmd->add_option("--solver", o->solver, "solver name (see `ordo solvers`; default: the family's default)");
  cmd->add_option("--param,-p", o->params, "solver parameter key=value (repeatable)");
  cmd->add_option("--time-limit,-t", o->time_limit, "time limit in seconds")->check(CLI::Range(0.0, 1e7));
  cmd->add_option("--threads", o->threads, "worker threads")->check(CLI::Range(1, 1024));
  cmd->add_option("--seed", o->seed, "random seed");
  cmd->add_option("--out,-o", o->out, "write the solution: .csv for CSV, anything else JSON");
  cmd->add_option("--gantt", o->gantt, "write a Gantt chart as a self-contained HTML page");
  cmd->add_flag("--quiet,-q", o->quiet, "no progress lines");
  return [o]() {
    const auto instance = LoadInstance(o->instance);
    if (!instance) {
      std::cerr << "error: " << instance.error() << "\n";
      return kExitBadInput;
    }
    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);
    RunRequest request;
    request.solver = o->solver;
    request.params = o->params;
    request.control.time_limit_seconds = o->time_limit;
    request.control.threads = o->threads;
    request.control.seed = o->seed;
    request.control.stop_flag = &g_interrupted;
    if (!o->quiet) {
      request.control.on_progress = [](const Progress& p) {
        std::cerr << fmt::format("[{:8.3f}s] best {} bound {} gap {}{}\n", p.seconds,
                                 p.best ? std::to_string(*p.best) : "-", p.bound,
                                 p.best ? GapText(*p.best, p.bound) : "-", p.message.empty() ? "" : "  " + p.message);
      };
    }
    const auto outcome = SolveAndCheck(*instance, request);
    if (!outcome) {
      std::cerr << "error: " << outcome.error() << "\n";
      return kExitBadInput;
    }
    const SolveResult& r = outcome->result;
    std::string summary = fmt::format("instance {} ({}, {} jobs, {} operations, {} resources) solver {} seed {} threads {}",
                                      instance->name, ToString(ClassifyFamily(*instance)), instance->jobs.size(),
                                      instance->operations.size(), instance->resources.size(), outcome->solver,
                                      o->seed, o->threads);
    std::cout << summary << "\n";
    if (outcome->verified()) {
      const std::int64_t objective = outcome->check.objective;
      std::cout << fmt::format("status {} {} {} bound {} gap {} time {:.3f}s checked ok\n", ToString(r.status),
                               ObjectiveName(*instance), objective, r.bound, GapText(objective, r.bound), r.stats.seconds);
      std::cout << fmt::format("statistics: {} schedules generated, {} search iterations", r.stats.schedules,
                               r.stats.iterations);
      if (r.stats.evaluations > 0) {
        std::cout << fmt::format(", {} moves evaluated ({:.0f} per second)", r.stats.evaluations,
                                 static_cast<double>(r.stats.evaluations) / std::max(1e-9, r.stats.seconds));
      }
      std::cout << "\n";
      if (!r.message.empty()) std::cout << "note: " << r.message << "\n";
    } else {
      if (r.status == SolveStatus::Infeasible) {  // a bound means nothing without schedules
        std::cout << fmt::format("status {} time {:.3f}s: {}\n", ToString(r.status), r.stats.seconds, r.message);
      } else {
        std::cout << fmt::format("status {} bound {} time {:.3f}s: {}\n", ToString(r.status), r.bound, r.stats.seconds,
                                 r.message);
      }
      if (!r.explanation.empty()) {
        std::cout << "conflicting constraints (they cannot all hold together):\n";
        for (const std::string& line : r.explanation) std::cout << "  - " << line << "\n";
      }
    }
    if (outcome->checked && !outcome->verified()) {
      for (const Violation& v : outcome->check.violations) std::cerr << "  violation: " << v.message << "\n";
    }
    if (r.solution && outcome->verified()) {
      if (!o->out.empty()) {
        const bool csv = o->out.size() >= 4 && o->out.substr(o->out.size() - 4) == ".csv";
        SolutionInfo info{ToString(r.status), r.bound, outcome->solver, o->seed};
        const std::string text = csv ? WriteSolutionCsv(*instance, *r.solution) : WriteSolutionJson(*instance, *r.solution, info);
        if (!WriteFile(o->out, text)) {
          std::cerr << "error: cannot write " << o->out << "\n";
          return kExitBadInput;
        }
      }
      if (!o->gantt.empty()) {
        GanttOptions gantt;
        gantt.title = fmt::format("{} — {}", instance->name, outcome->solver);
        gantt.subtitle = fmt::format("{} {} (bound {}, {})", ObjectiveName(*instance), outcome->check.objective, r.bound,
                                     ToString(r.status));
        if (!WriteFile(o->gantt, RenderGanttHtml(*instance, *r.solution, gantt))) {
          std::cerr << "error: cannot write " << o->gantt << "\n";
          return kExitBadInput;
        }
      }
    }
    return outcome->verified() || r.status == SolveStatus::Infeasible ? kExitOk : kExitNoSolution;
  };
}

}  // namespace ordo::cli
