#include "io/solution_io.h"

#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "io/instance_reader.h"
#include "io/json_value.h"
#include "io/scanner.h"
#include "model/calendar.h"
#include "model/family.h"

namespace ordo {
namespace {

int MachineOf(const Instance& in, int op, int mode) {
  const Mode& m = in.operations[op].modes[mode];
  return m.demands.empty() ? -1 : m.demands[0].resource;
}

std::vector<int> PositionInJob(const Instance& in) {
  std::vector<int> position(in.operations.size(), 0);
  for (const Job& job : in.jobs) {
    for (std::size_t k = 0; k < job.operations.size(); ++k) position[job.operations[k]] = static_cast<int>(k);
  }
  return position;
}

enum class CsvLayout { Shop, SingleMachine, Project };

CsvLayout LayoutOf(const Instance& in) {
  const Family family = ClassifyFamily(in);
  if (family == Family::SingleMachine) return CsvLayout::SingleMachine;
  if (IsShop(family)) return CsvLayout::Shop;
  return CsvLayout::Project;
}

const char* HeaderOf(CsvLayout layout) {
  switch (layout) {
    case CsvLayout::Shop: return "job,op,machine,start,end";
    case CsvLayout::SingleMachine: return "job,start,end";
    case CsvLayout::Project: return "activity,mode,start,end";
  }
  return "";
}

int ModeOnMachine(const Instance& in, int op, int machine) {
  const auto& modes = in.operations[op].modes;
  for (std::size_t m = 0; m < modes.size(); ++m) {
    if (MachineOf(in, op, static_cast<int>(m)) == machine) return static_cast<int>(m);
  }
  return -1;
}

}  // namespace

std::string WriteSolutionJson(const Instance& in, const Solution& sol, const SolutionInfo& info) {
  const std::vector<int> position = PositionInJob(in);
  std::string out = "{\n  \"format\": \"ordo-solution\",\n  \"version\": 1,\n";
  out += fmt::format("  \"instance\": {},\n", io::JsonQuote(in.name));
  out += fmt::format("  \"objective\": {},\n", sol.objective);
  if (!info.status.empty()) out += fmt::format("  \"status\": \"{}\",\n", info.status);
  if (info.bound) out += fmt::format("  \"bound\": {},\n", *info.bound);
  if (!info.solver.empty()) out += fmt::format("  \"solver\": {},\n  \"seed\": {},\n", io::JsonQuote(info.solver), info.seed);
  out += "  \"operations\": [";
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    const int mode = sol.mode[o];
    const Time end = OperationEnd(in, static_cast<int>(o), mode, sol.start[o]);
    out += fmt::format("{}\n    {{\"id\": {}, \"job\": {}, \"op\": {}, \"mode\": {}, \"machine\": {}, \"start\": {}, \"end\": {}}}",
                       o ? "," : "", o, in.operations[o].job, position[o], mode, MachineOf(in, static_cast<int>(o), mode),
                       sol.start[o], end);
  }
  out += "\n  ]\n}\n";
  return out;
}

std::string WriteSolutionCsv(const Instance& in, const Solution& sol) {
  const CsvLayout layout = LayoutOf(in);
  const std::vector<int> position = PositionInJob(in);
  std::string out = HeaderOf(layout);
  out += '\n';
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    const int mode = sol.mode[o];
    const Time end = OperationEnd(in, static_cast<int>(o), mode, sol.start[o]);
    switch (layout) {
      case CsvLayout::Shop:
        out += fmt::format("{},{},{},{},{}\n", in.operations[o].job, position[o], MachineOf(in, static_cast<int>(o), mode),
                           sol.start[o], end);
        break;
      case CsvLayout::SingleMachine: out += fmt::format("{},{},{}\n", in.operations[o].job, sol.start[o], end); break;
      case CsvLayout::Project: out += fmt::format("{},{},{},{}\n", o + 1, mode + 1, sol.start[o], end); break;
    }
  }
  return out;
}

namespace {

using io::ParseError;

struct Assigner {
  const Instance& in;
  const std::string& source;
  ReadSolution result;
  std::vector<int> seen_line;

  explicit Assigner(const Instance& instance, const std::string& src) : in(instance), source(src) {
    const std::size_t n = in.operations.size();
    result.solution.mode.assign(n, -1);
    result.solution.start.assign(n, 0);
    seen_line.assign(n, 0);
  }

  [[noreturn]] void Fail(int line, const std::string& what) const {
    throw ParseError(fmt::format("{}:{}: {}", source, line, what));
  }

  int OpOf(int line, std::int64_t job, std::int64_t position) const {
    if (job < 0 || job >= static_cast<std::int64_t>(in.jobs.size())) {
      Fail(line, fmt::format("expected a job id in [0, {}], found {}", in.jobs.size() - 1, job));
    }
    const auto& ops = in.jobs[job].operations;
    if (position < 0 || position >= static_cast<std::int64_t>(ops.size())) {
      Fail(line, fmt::format("expected an operation position of job {} in [0, {}], found {}", job, ops.size() - 1, position));
    }
    return ops[position];
  }

  void Set(int line, int op, int mode, Time start, std::optional<Time> end) {
    if (seen_line[op]) Fail(line, fmt::format("operation {} was already given on line {}", op, seen_line[op]));
    seen_line[op] = line;
    result.solution.mode[op] = mode;
    result.solution.start[op] = start;
    if (end && mode >= 0) {
      const Time expected = OperationEnd(in, op, mode, start);
      if (*end != expected) {
        Fail(line, in.operations[op].resumable
                       ? fmt::format("operation {} ends at {}, but started at {} it ends at {} (resumable, duration {})", op,
                                     *end, start, expected, in.operations[op].modes[mode].duration)
                       : fmt::format("operation {} ends at {}, but start {} + duration {} = {}", op, *end, start,
                                     in.operations[op].modes[mode].duration, expected));
      }
    }
  }

  void Finish(int line) const {
    for (std::size_t o = 0; o < seen_line.size(); ++o) {
      if (!seen_line[o]) Fail(line, fmt::format("expected a row for every operation; operation {} (job {}) is missing", o, in.operations[o].job));
    }
  }
};

constexpr std::int64_t kTimeLimit = std::int64_t{1} << 52;

ReadSolution ParseCsv(const Instance& in, std::string_view text, const std::string& source) {
  const CsvLayout layout = LayoutOf(in);
  Assigner assign(in, source);
  std::istringstream stream{std::string(text)};
  std::string line_text;
  int line = 0;
  bool header_seen = false;
  while (std::getline(stream, line_text)) {
    ++line;
    if (!line_text.empty() && line_text.back() == '\r') line_text.pop_back();
    if (line_text.find_first_not_of(" \t") == std::string::npos) continue;
    if (!header_seen) {
      std::string compact;
      for (char c : line_text) if (c != ' ') compact += c;
      if (compact != HeaderOf(layout)) assign.Fail(line, fmt::format("expected the header '{}' for a {} instance", HeaderOf(layout), ToString(ClassifyFamily(in))));
      header_seen = true;
      continue;
    }
    std::vector<std::int64_t> fields;
    std::istringstream cells(line_text);
    std::string cell;
    while (std::getline(cells, cell, ',')) {
      io::Scanner scan(cell, source);
      try {
        fields.push_back(scan.Int("a field", -kTimeLimit, kTimeLimit));
        if (!scan.AtEnd()) throw ParseError("");
      } catch (const ParseError&) {
        assign.Fail(line, fmt::format("expected an integer field, found '{}'", cell.substr(0, 40)));
      }
    }
    const std::size_t expected = layout == CsvLayout::SingleMachine ? 3 : layout == CsvLayout::Shop ? 5 : 4;
    if (fields.size() != expected) assign.Fail(line, fmt::format("expected {} comma-separated fields, found {}", expected, fields.size()));
    switch (layout) {
      case CsvLayout::Shop: {
        const int op = assign.OpOf(line, fields[0], fields[1]);
        const int mode = ModeOnMachine(in, op, static_cast<int>(fields[2]));
        if (mode < 0) assign.Fail(line, fmt::format("machine {} is not eligible for job {} operation {}", fields[2], fields[0], fields[1]));
        assign.Set(line, op, mode, fields[3], fields[4]);
        break;
      }
      case CsvLayout::SingleMachine: assign.Set(line, assign.OpOf(line, fields[0], 0), 0, fields[1], fields[2]); break;
      case CsvLayout::Project: {
        const std::int64_t op = fields[0] - 1;
        if (op < 0 || op >= static_cast<std::int64_t>(in.operations.size())) {
          assign.Fail(line, fmt::format("expected an activity in [1, {}], found {}", in.operations.size(), fields[0]));
        }
        const std::int64_t mode = fields[1] - 1;
        if (mode < 0 || mode >= static_cast<std::int64_t>(in.operations[op].modes.size())) {
          assign.Fail(line, fmt::format("expected a mode of activity {} in [1, {}], found {}", fields[0], in.operations[op].modes.size(), fields[1]));
        }
        assign.Set(line, static_cast<int>(op), static_cast<int>(mode), fields[2], fields[3]);
        break;
      }
    }
  }
  if (!header_seen) assign.Fail(std::max(line, 1), fmt::format("expected the header '{}'", HeaderOf(layout)));
  assign.Finish(line);
  return std::move(assign.result);
}

std::int64_t JsonInt(const io::JsonValue& value, const Assigner& assign, const char* what) {
  if (value.type != io::JsonValue::Type::Integer) {
    assign.Fail(value.line, fmt::format("expected an integer for '{}', found {}", what, value.TypeName()));
  }
  if (value.integer < -kTimeLimit || value.integer > kTimeLimit) {
    assign.Fail(value.line, fmt::format("'{}' = {} is out of range", what, value.integer));
  }
  return value.integer;
}

ReadSolution ParseJson(const Instance& in, std::string_view text, const std::string& source) {
  Assigner assign(in, source);
  const io::JsonValue doc = io::ParseJson(text, source);
  const io::JsonValue* ops = doc.type == io::JsonValue::Type::Object ? doc.Find("operations") : nullptr;
  if (ops == nullptr || ops->type != io::JsonValue::Type::Array) {
    assign.Fail(doc.line, "expected an object with an \"operations\" array");
  }
  if (const io::JsonValue* objective = doc.Find("objective")) {
    assign.result.solution.objective = JsonInt(*objective, assign, "objective");
    assign.result.objective_stated = true;
  }
  for (const io::JsonValue& entry : ops->items) {
    const int line = entry.line;
    if (entry.type != io::JsonValue::Type::Object) assign.Fail(line, "expected an operation object");
    int op = -1;
    if (const io::JsonValue* id = entry.Find("id")) {
      const std::int64_t value = JsonInt(*id, assign, "id");
      if (value < 0 || value >= static_cast<std::int64_t>(in.operations.size())) {
        assign.Fail(line, fmt::format("expected an operation id in [0, {}], found {}", in.operations.size() - 1, value));
      }
      op = static_cast<int>(value);
    } else if (entry.Find("job") && entry.Find("op")) {
      op = assign.OpOf(line, JsonInt(*entry.Find("job"), assign, "job"), JsonInt(*entry.Find("op"), assign, "op"));
    } else {
      assign.Fail(line, "expected \"id\" or \"job\" and \"op\"");
    }
    int mode = 0;
    if (const io::JsonValue* m = entry.Find("mode")) {
      const std::int64_t value = JsonInt(*m, assign, "mode");
      mode = value < 0 || value >= static_cast<std::int64_t>(in.operations[op].modes.size()) ? -1 : static_cast<int>(value);
    } else if (const io::JsonValue* machine = entry.Find("machine")) {
      mode = ModeOnMachine(in, op, static_cast<int>(JsonInt(*machine, assign, "machine")));
    } else if (in.operations[op].modes.size() != 1) {
      assign.Fail(line, fmt::format("operation {} has several modes: expected \"mode\" or \"machine\"", op));
    }
    const io::JsonValue* start = entry.Find("start");
    if (start == nullptr) assign.Fail(line, "expected \"start\"");
    std::optional<Time> end;
    if (const io::JsonValue* e = entry.Find("end")) end = JsonInt(*e, assign, "end");
    assign.Set(line, op, mode, JsonInt(*start, assign, "start"), end);
  }
  assign.Finish(ops->items.empty() ? ops->line : ops->items.back().line);
  return std::move(assign.result);
}

}  // namespace

Expected<ReadSolution> ReadSolutionText(const Instance& instance, std::string_view text, const std::string& source) {
  try {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '{') return ParseJson(instance, text, source);
    return ParseCsv(instance, text, source);
  } catch (const ParseError& e) {
    return Expected<ReadSolution>::Error(e.what());
  }
}

Expected<ReadSolution> ReadSolutionFile(const Instance& instance, const std::string& path) {
  Expected<std::string> text = ReadTextFile(path);
  if (!text) return Expected<ReadSolution>::Error(text.error());
  return ReadSolutionText(instance, *text, path);
}

}  // namespace ordo
