#include "report/bench.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "io/instance_reader.h"

namespace ordo {

namespace fs = std::filesystem;

std::string FindRepoRoot() {
  if (const char* home = std::getenv("ORDO_HOME"); home != nullptr && *home) return home;
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "bench" / "suites", ec)) return dir.string();
    if (dir == dir.parent_path()) break;
  }
  return ORDO_SOURCE_DIR;
}

namespace {

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.push_back(field);
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  fields.push_back(field);
  return fields;
}

std::optional<std::int64_t> OptionalInt(const std::string& text) {
  if (text.empty()) return std::nullopt;
  try {
    return std::stoll(text);
  } catch (...) {
    return std::nullopt;
  }
}

std::string Trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

std::string CommandOutput(const std::string& command) {
  std::array<char, 256> buffer{};
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "";
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) out += buffer.data();
  pclose(pipe);
  return Trim(out);
}

std::string CpuModel() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) == 0) return Trim(line.substr(line.find(':') + 2));
  }
  return "unknown CPU";
}

}  // namespace

Expected<std::vector<SuiteEntry>> LoadSuite(const std::string& name, std::string* repo_root) {
  *repo_root = FindRepoRoot();
  std::string path = name;
  if (!fs::exists(path) || fs::is_directory(path)) path = *repo_root + "/bench/suites/" + name + ".csv";
  std::ifstream file(path);
  if (!file) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(*repo_root + "/bench/suites", ec)) {
      if (e.path().extension() == ".csv") names.push_back(e.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    return Expected<std::vector<SuiteEntry>>::Error(
        fmt::format("unknown suite '{}' (looked for {}); suites: {}", name, path, list.empty() ? "none found" : list));
  }
  std::string line;
  std::getline(file, line);
  const std::vector<std::string> header = SplitCsvLine(line);
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < header.size(); ++i) column[Trim(header[i])] = i;
  for (const char* required : {"instance", "file", "format", "index", "bks", "lb", "optimal", "size_class"}) {
    if (!column.count(required)) {
      return Expected<std::vector<SuiteEntry>>::Error(fmt::format("{}:1: expected a column '{}'", path, required));
    }
  }
  std::vector<SuiteEntry> entries;
  int line_number = 1;
  while (std::getline(file, line)) {
    ++line_number;
    if (Trim(line).empty()) continue;
    const std::vector<std::string> f = SplitCsvLine(line);
    if (f.size() != header.size()) {
      return Expected<std::vector<SuiteEntry>>::Error(
          fmt::format("{}:{}: expected {} fields, found {}", path, line_number, header.size(), f.size()));
    }
    SuiteEntry e;
    e.instance = f[column["instance"]];
    e.file = f[column["file"]];
    e.format = f[column["format"]];
    e.index = static_cast<int>(OptionalInt(f[column["index"]]).value_or(1));
    e.bks = OptionalInt(f[column["bks"]]);
    e.lb = OptionalInt(f[column["lb"]]);
    e.optimal = f[column["optimal"]] == "1";
    e.size_class = f[column["size_class"]];
    if (column.count("cpm_lb")) e.cpm_lb = OptionalInt(f[column["cpm_lb"]]);
    if (column.count("blocking")) e.blocking = Trim(f[column["blocking"]]) == "1";
    entries.push_back(std::move(e));
  }
  return entries;
}

std::optional<double> BenchRow::gap_percent() const {
  if (!objective || !entry.bks) return std::nullopt;
  if (*entry.bks == 0) return *objective == 0 ? std::optional<double>(0.0) : std::nullopt;
  return 100.0 * static_cast<double>(*objective - *entry.bks) / static_cast<double>(*entry.bks);
}

std::optional<double> BenchRow::cpm_deviation_percent() const {
  if (!objective || !entry.cpm_lb || *entry.cpm_lb <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(*objective - *entry.cpm_lb) / static_cast<double>(*entry.cpm_lb);
}

BenchReport RunBench(const BenchConfig& config, const std::vector<SuiteEntry>& suite, const std::string& repo_root,
                     const std::function<void(const BenchRow&, std::size_t, std::size_t)>& on_row) {
  BenchReport report;
  report.config = config;
  report.machine = fmt::format("{}, {} hardware threads", CpuModel(), std::thread::hardware_concurrency());
  report.commit = CommandOutput(fmt::format("git -C '{}' rev-parse --short HEAD 2>/dev/null", repo_root));
  if (report.commit.empty()) report.commit = "unknown";
  if (!CommandOutput(fmt::format("git -C '{}' status --porcelain --untracked-files=no 2>/dev/null", repo_root)).empty()) {
    report.commit += " (with uncommitted changes)";
  }
  const std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  report.date = date;

  for (std::size_t i = 0; i < suite.size(); ++i) {
    const SuiteEntry& entry = suite[i];
    BenchRow row;
    row.entry = entry;
    ReadOptions options;
    options.index = entry.index;
    options.blocking = config.blocking || config.no_swaps || entry.blocking;
    options.no_swaps = config.no_swaps;
    if (!ParseInstanceFormat(entry.format, &options.format)) options.format = InstanceFormat::Auto;
    const std::string path = entry.file.empty() || entry.file[0] == '/' ? entry.file : repo_root + "/" + entry.file;
    const auto instance = ReadInstanceFile(path, options);
    if (!instance) {
      row.status = "ERROR";
      row.error = instance.error();
    } else {
      RunRequest request;
      request.solver = config.solver;
      request.params = config.params;
      request.control.time_limit_seconds = config.time_limit;
      request.control.threads = config.threads;
      request.control.seed = config.seed;
      std::optional<std::int64_t> best_reported;
      request.control.on_progress = [&](const Progress& p) {  // solvers report serially
        if (p.best && (!best_reported || *p.best < *best_reported)) {
          best_reported = p.best;
          row.seconds_to_best = p.seconds;
        }
      };
      const auto start = std::chrono::steady_clock::now();
      const auto outcome = SolveAndCheck(*instance, request);
      row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!outcome) {
        row.status = "ERROR";
        row.error = outcome.error();
      } else {
        if (report.resolved_solver.empty()) {
          report.resolved_solver = outcome->solver;
          report.resolved_params = outcome->params;
        }
        row.status = ToString(outcome->result.status);
        row.bound = outcome->result.bound;
        row.verified = outcome->verified();
        if (outcome->checked && outcome->check.objective_computed) row.objective = outcome->check.objective;
        if (!row.verified) row.error = outcome->result.message;
      }
    }
    report.rows.push_back(row);
    if (on_row) on_row(report.rows.back(), i + 1, suite.size());
  }
  return report;
}

std::string BenchCsv(const BenchReport& report) {
  std::string out =
      "instance,size_class,objective,bks,gap_percent,cpm_deviation_percent,bound,status,verified,seconds,seconds_to_best,error\n";
  for (const BenchRow& r : report.rows) {
    const auto gap = r.gap_percent();
    std::string error = r.error;
    std::replace(error.begin(), error.end(), '"', '\'');
    std::replace(error.begin(), error.end(), '\n', ' ');
    const auto dev = r.cpm_deviation_percent();
    out += fmt::format("{},{},{},{},{},{},{},{},{},{:.3f},{:.3f},\"{}\"\n", r.entry.instance, r.entry.size_class,
                       r.objective ? std::to_string(*r.objective) : "", r.entry.bks ? std::to_string(*r.entry.bks) : "",
                       gap ? fmt::format("{:.3f}", *gap) : "", dev ? fmt::format("{:.3f}", *dev) : "", r.bound, r.status,
                       r.verified ? 1 : 0, r.seconds, r.seconds_to_best, error);
  }
  return out;
}

std::string BenchMarkdown(const BenchReport& report) {
  const BenchConfig& c = report.config;
  std::string out = fmt::format("## Suite `{}` — solver `{}`\n\n", c.suite, report.resolved_solver.empty() ? c.solver : report.resolved_solver);
  out += fmt::format("- command: `{}`\n", c.command_line);
  out += fmt::format("- machine: {}\n", report.machine);
  out += fmt::format("- commit: {}; date: {}\n", report.commit, report.date);
  const bool blocking = c.blocking || c.no_swaps ||
                        std::any_of(report.rows.begin(), report.rows.end(), [](const BenchRow& r) { return r.entry.blocking; });
  out += fmt::format("- threads: {}; time limit: {} s per instance; seed: {}{}\n", c.threads, c.time_limit, c.seed,
                     blocking ? (c.no_swaps ? "; blocking, no swaps" : "; blocking, swaps allowed") : "");
  out += fmt::format("- solver options: `{}`\n", report.resolved_params);
  std::size_t verified = 0;
  for (const BenchRow& r : report.rows) verified += r.verified;
  out += fmt::format("- checked by the independent checker: {}/{} results feasible with matching objective\n\n",
                     verified, report.rows.size());

  // Per size class.
  struct ClassSummary {
    int count = 0, with_gap = 0, hits = 0, proved = 0, verified = 0, with_cpm = 0;
    double gap_sum = 0, seconds = 0, cpm_sum = 0, to_best = 0;
    long double objective_sum = 0, bks_sum = 0;
  };
  std::vector<std::string> order;
  std::map<std::string, ClassSummary> classes;
  for (const BenchRow& r : report.rows) {
    if (!classes.count(r.entry.size_class)) order.push_back(r.entry.size_class);
    ClassSummary& s = classes[r.entry.size_class];
    ++s.count;
    s.seconds += r.seconds;
    s.to_best += r.seconds_to_best;
    s.verified += r.verified;
    if (const auto gap = r.gap_percent()) {
      ++s.with_gap;
      s.gap_sum += *gap;
    }
    if (const auto dev = r.cpm_deviation_percent()) {
      ++s.with_cpm;
      s.cpm_sum += *dev;
    }
    if (r.objective && r.entry.bks && *r.objective <= *r.entry.bks) ++s.hits;
    if (r.status == "OPTIMAL" && r.verified) ++s.proved;
    if (r.objective && r.entry.bks) {
      s.objective_sum += *r.objective;
      s.bks_sum += *r.entry.bks;
    }
  }
  bool any_cpm = false;
  for (const BenchRow& r : report.rows) any_cpm = any_cpm || r.entry.cpm_lb.has_value();
  out += fmt::format("| size class | instances | checked | mean gap to BKS % | sum obj / sum BKS - 1 % |{} BKS reached | proved optimal | mean time to best s | mean time s |\n",
                     any_cpm ? " mean deviation from CPM bound % |" : "");
  out += any_cpm ? "|---|---|---|---|---|---|---|---|---|---|\n" : "|---|---|---|---|---|---|---|---|---|\n";
  auto cpm_cell = [&](const ClassSummary& s) {
    if (!any_cpm) return std::string();
    return s.with_cpm ? fmt::format(" {:.2f} |", s.cpm_sum / s.with_cpm) : std::string(" - |");
  };
  ClassSummary all;
  for (const std::string& name : order) {
    const ClassSummary& s = classes[name];
    out += fmt::format("| {} | {} | {} | {} | {} |{} {} | {} | {:.2f} | {:.2f} |\n", name, s.count, s.verified,
                       s.with_gap ? fmt::format("{:.2f}", s.gap_sum / s.with_gap) : "-",
                       s.bks_sum > 0 ? fmt::format("{:.2f}", static_cast<double>(100 * (s.objective_sum / s.bks_sum - 1))) : "-",
                       cpm_cell(s), s.hits, s.proved, s.to_best / s.count, s.seconds / s.count);
    all.count += s.count, all.with_gap += s.with_gap, all.hits += s.hits, all.proved += s.proved,
        all.verified += s.verified, all.gap_sum += s.gap_sum, all.seconds += s.seconds,
        all.objective_sum += s.objective_sum, all.bks_sum += s.bks_sum, all.with_cpm += s.with_cpm, all.cpm_sum += s.cpm_sum, all.to_best += s.to_best;
  }
  if (order.size() > 1) {
    out += fmt::format("| **all** | {} | {} | {} | {} |{} {} | {} | {:.2f} | {:.2f} |\n", all.count, all.verified,
                       all.with_gap ? fmt::format("{:.2f}", all.gap_sum / all.with_gap) : "-",
                       all.bks_sum > 0 ? fmt::format("{:.2f}", static_cast<double>(100 * (all.objective_sum / all.bks_sum - 1))) : "-",
                       cpm_cell(all), all.hits, all.proved, all.count ? all.to_best / all.count : 0.0,
                       all.count ? all.seconds / all.count : 0.0);
  }
  const auto infeasible = std::count_if(report.rows.begin(), report.rows.end(), [](const BenchRow& r) { return r.status == "INFEASIBLE"; });
  if (infeasible > 0) {
    out += fmt::format("\n- proved infeasible (no schedule exists; nothing for the checker to check): {}\n", infeasible);
  }
  out += "\n<details><summary>Per instance</summary>\n\n";
  out += "| instance | objective | BKS | gap % | bound | status | checked | time s |\n|---|---|---|---|---|---|---|---|\n";
  for (const BenchRow& r : report.rows) {
    const auto gap = r.gap_percent();
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {:.2f} |\n", r.entry.instance,
                       r.objective ? std::to_string(*r.objective) : "-", r.entry.bks ? std::to_string(*r.entry.bks) : "-",
                       gap ? fmt::format("{:.2f}", *gap) : "-", r.bound, r.status,
                       r.verified ? "yes" : (r.status == "INFEASIBLE" ? "n/a" : "NO"), r.seconds);
  }
  out += "\n</details>\n";
  return out;
}

}  // namespace ordo
