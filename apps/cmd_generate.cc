// ordo generate KIND: seeded instance generators, written as native JSON plus a suite CSV
// that `ordo bench` runs.
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "commands.h"
#include "gen/project_ramp.h"
#include "gen/single_machine_tardiness.h"
#include "io/instance_reader.h"
#include "model/validate.h"

namespace ordo::cli {

namespace {

// Writes every instance to dir/<name>.json and the suite dir/<suite_name>.csv listing them
// (paths as given, so run `ordo bench` from where dir is relative to).
int WriteSet(const std::vector<Instance>& instances, const std::string& dir, const std::string& suite_name,
             const std::string& size_class) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::cerr << "error: cannot create " << dir << ": " << ec.message() << "\n";
    return kExitBadInput;
  }
  std::string suite = "instance,file,format,index,bks,lb,optimal,size_class\n";
  for (const Instance& in : instances) {
    if (const ValidationResult v = ValidateInstance(in); !v.ok()) {
      std::cerr << "error: generated instance " << in.name << " is invalid: " << v.Summary() << "\n";
      return kExitBadInput;
    }
    const std::string path = (std::filesystem::path(dir) / (in.name + ".json")).string();
    if (!(std::ofstream(path) << WriteInstanceJson(in))) {
      std::cerr << "error: cannot write " << path << "\n";
      return kExitBadInput;
    }
    suite += fmt::format("{},{},json,1,,,0,{}\n", in.name, path, size_class);
  }
  const std::string suite_path = (std::filesystem::path(dir) / (suite_name + ".csv")).string();
  if (!(std::ofstream(suite_path) << suite)) {
    std::cerr << "error: cannot write " << suite_path << "\n";
    return kExitBadInput;
  }
  std::cout << fmt::format("wrote {} instances and the suite {}\n", instances.size(), suite_path);
  return kExitOk;
}

}  // namespace

Action AddGenerateCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("generate", "write seeded generated instances (native JSON) and a suite CSV");
  cmd->require_subcommand(1);
  struct Options {
    gen::ProjectRampOptions ramp;
    gen::SmTardinessOptions tardiness;
    std::string out_dir = "ramp";
    std::string prefix;
  };
  auto o = std::make_shared<Options>();
  CLI::App* ramp = cmd->add_subcommand(
      "ramp", "project feasibility ramp in the style of R-ConstraintBench: precedences one at a time, then downtime, time windows and disjunctive pairs");
  ramp->add_option("--out-dir", o->out_dir, "directory for the instances and <prefix>.csv")->capture_default_str();
  ramp->add_option("--prefix", o->prefix, "instance name prefix (default ramp-n<tasks>-s<seed>)");
  ramp->add_option("--tasks", o->ramp.tasks, "tasks")->check(CLI::Range(2, 5000))->capture_default_str();
  ramp->add_option("--layers", o->ramp.layers, "DAG layers")->check(CLI::Range(2, 5000))->capture_default_str();
  ramp->add_option("--resources", o->ramp.resources, "renewable resources")->check(CLI::Range(1, 100))->capture_default_str();
  ramp->add_option("--precedence-levels", o->ramp.precedence_levels, "levels adding one non-redundant precedence each")
      ->check(CLI::Range(0, 1000000))->capture_default_str();
  ramp->add_option("--constraint-levels", o->ramp.constraint_levels, "levels adding downtime, windows and pairs")
      ->check(CLI::Range(0, 1000000))->capture_default_str();
  ramp->add_option("--p-downtime", o->ramp.downtime_probability, "probability of a downtime per level")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  ramp->add_option("--p-window", o->ramp.window_probability, "probability of a time window per level")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  ramp->add_option("--p-pair", o->ramp.pair_probability, "probability of a disjunctive pair per level")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  ramp->add_option("--seed", o->ramp.seed, "random seed")->capture_default_str();
  CLI::App* tardiness = cmd->add_subcommand(
      "tardiness", "single-machine (weighted) tardiness, Potts-Van Wassenhove: p ~ U[1,100], w ~ U[1,10], due dates by TF and RDD; "
                   "with --release-factors, release dates and due dates by Chu's scheme");
  tardiness->add_option("--out-dir", o->out_dir, "directory for the instances and <prefix>.csv")->capture_default_str();
  tardiness->add_option("--prefix", o->prefix, "instance name prefix (default smtt-n<jobs>-s<seed>, smwt-... when weighted, smtt-r-... with release dates)");
  tardiness->add_option("--jobs", o->tardiness.jobs, "jobs per instance")->check(CLI::Range(1, 1000000))->capture_default_str();
  tardiness->add_flag("--weighted", o->tardiness.weighted, "weights w ~ U[1, max-w] (else all 1: total tardiness)");
  tardiness->add_option("--max-p", o->tardiness.max_p, "largest processing time")->check(CLI::Range(1, 1000000000))->capture_default_str();
  tardiness->add_option("--max-w", o->tardiness.max_w, "largest weight")->check(CLI::Range(1, 1000000))->capture_default_str();
  tardiness->add_option("--tf", o->tardiness.tardiness_factors, "tardiness factors")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  tardiness->add_option("--rdd", o->tardiness.due_date_ranges, "relative ranges of due dates")->check(CLI::Range(0.0, 2.0))->capture_default_str();
  tardiness->add_option("--release-factors", o->tardiness.release_factors,
                        "release dates r ~ U[0, alpha P] and d = r + p + U[0, beta P], one class per (alpha, beta) (Chu 1992); e.g. 0.5 1 1.5")
      ->check(CLI::Range(0.0, 10.0));
  tardiness->add_option("--due-slacks", o->tardiness.due_slacks, "beta values with --release-factors")->check(CLI::Range(0.0, 10.0))->capture_default_str();
  tardiness->add_option("--per-class", o->tardiness.per_class, "instances per class")->check(CLI::Range(1, 100000))->capture_default_str();
  tardiness->add_option("--seed", o->tardiness.seed, "random seed")->capture_default_str();
  return [o, ramp, tardiness]() {
    if (ramp->parsed()) {
      const std::string prefix = o->prefix.empty() ? fmt::format("ramp-n{}-s{}", o->ramp.tasks, o->ramp.seed) : o->prefix;
      return WriteSet(gen::GenerateProjectRamp(o->ramp, prefix), o->out_dir, prefix, prefix);
    }
    if (tardiness->parsed()) {
      const std::string prefix =
          o->prefix.empty() ? fmt::format("{}{}-n{}-s{}", o->tardiness.weighted ? "smwt" : "smtt",
                                                  o->tardiness.release_factors.empty() ? "" : "-r", o->tardiness.jobs, o->tardiness.seed)
                            : o->prefix;
      return WriteSet(gen::GenerateSmTardinessSet(o->tardiness, prefix), o->out_dir, prefix, prefix);
    }
    return kExitBadInput;
  };
}

}  // namespace ordo::cli
