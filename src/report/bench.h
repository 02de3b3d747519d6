// Benchmark harness: runs a named suite (bench/suites/<suite>.csv) with one solver, checks
// every result with the independent checker, and writes a CSV of per-instance rows plus a
// Markdown table with per-size-class summaries and a header that says how it was produced
// (machine, commit, threads, limits, solver and options).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/expected.h"
#include "report/run.h"

namespace ordo {

struct SuiteEntry {
  std::string instance;
  std::string file;    // relative to the repository root
  std::string format;  // InstanceFormat name
  int index = 1;
  std::optional<std::int64_t> bks;
  std::optional<std::int64_t> lb;
  bool optimal = false;
  std::string size_class;
  std::optional<std::int64_t> cpm_lb;  // RCPSP: critical-path lower bound (optional column)
  bool blocking = false;               // read as a blocking shop (optional column `blocking`, 1)
};

// Finds bench/suites/<name>.csv (or takes name as a path to a suite CSV) and parses it.
// repo_root is where relative instance paths start.
Expected<std::vector<SuiteEntry>> LoadSuite(const std::string& name, std::string* repo_root);

// The repository root: ORDO_HOME if set, else the first of the current directory and its
// parents that holds bench/suites, else the source tree the binary was built from.
std::string FindRepoRoot();

struct BenchConfig {
  std::string suite;
  std::string solver;
  std::vector<std::string> params;
  double time_limit = 10;
  int threads = 1;
  std::uint64_t seed = 1;
  bool blocking = false;  // run the suite's shops as blocking shops (also per row: SuiteEntry::blocking)
  bool no_swaps = false;  // blocking shops without swaps
  std::string command_line;  // recorded in the report header
};

struct BenchRow {
  SuiteEntry entry;
  std::string status;
  std::optional<std::int64_t> objective;  // recomputed by the checker
  std::int64_t bound = 0;
  double seconds = 0;
  double seconds_to_best = 0;  // when the solver last reported an improvement
  bool verified = false;
  std::string error;  // read or run error
  std::optional<double> gap_percent() const;  // (objective - bks) / bks
  std::optional<double> cpm_deviation_percent() const;  // (objective - cpm_lb) / cpm_lb
};

struct BenchReport {
  BenchConfig config;
  std::string resolved_solver;
  std::string resolved_params;
  std::string machine;  // CPU model and cores
  std::string commit;
  std::string date;
  std::vector<BenchRow> rows;
};

BenchReport RunBench(const BenchConfig& config, const std::vector<SuiteEntry>& suite, const std::string& repo_root,
                     const std::function<void(const BenchRow&, std::size_t done, std::size_t total)>& on_row);

std::string BenchCsv(const BenchReport& report);
std::string BenchMarkdown(const BenchReport& report);

}  // namespace ordo
