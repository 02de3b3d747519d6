// PSPLIB single-mode .sm reader (Kolisch & Sprecher 1997; ProGen layout). Sections are
// found by their titles; activity 1 is the dummy source and activity J the dummy sink,
// both kept as zero-duration operations so ids match the file (operation i = activity i+1).
// Each activity is its own job, so completion-based objectives can use the project's
// due dates later; the objective is the makespan.
#include <string>

#include <fmt/format.h>

#include "io/format_readers.h"

namespace ordo::io {
namespace {

// Positions the scanner on the line holding title and reads the integer after its ':'.
std::int64_t ReadField(Scanner& in, std::string_view title, std::int64_t lo, std::int64_t hi) {
  if (!in.SkipToLineContaining(title)) in.Fail(fmt::format("expected a line containing '{}'", title), in.PeekLine());
  const int line = in.PeekLine();
  while (true) {
    const std::string_view token = in.Next();
    if (token.empty() || in.line() != line) in.Fail(fmt::format("expected ':' and a value after '{}'", title), line);
    if (token.back() == ':') break;
    const auto colon = token.find(':');
    if (colon != std::string_view::npos) in.Fail(fmt::format("expected a space after ':' in '{}'", title), line);
  }
  return in.Int(std::string(title), lo, hi);
}

void ExpectSection(Scanner& in, std::string_view title) {
  if (!in.SkipToLineContaining(title)) in.Fail(fmt::format("expected the section '{}'", title), in.PeekLine());
  in.SkipLine();
}

}  // namespace

Instance ReadPsplibSm(Scanner& in) {
  const auto count = static_cast<int>(ReadField(in, "jobs (incl. supersource/sink", 2, kMaxEntities));
  const auto renewable = static_cast<int>(ReadField(in, "- renewable", 0, 1000));
  const auto nonrenewable = ReadField(in, "- nonrenewable", 0, 1000);
  const auto doubly = ReadField(in, "- doubly constrained", 0, 1000);
  if (nonrenewable != 0 || doubly != 0) {
    in.Fail("non-renewable and doubly constrained resources are not supported (expected 0)");
  }
  Instance instance;
  for (int a = 1; a <= count; ++a) {
    Operation op;
    op.name = std::to_string(a);
    op.job = a - 1;
    instance.operations.push_back(std::move(op));
    instance.jobs.push_back(Job{std::to_string(a), {a - 1}, 0, 0, kNoDeadline, 1});
  }

  ExpectSection(in, "PRECEDENCE RELATIONS:");
  in.SkipLine();  // column titles
  for (int a = 1; a <= count; ++a) {
    in.Int("activity number", a, a);
    const int line = in.line();
    in.Int(fmt::format("number of modes of activity {}", a), 1, 1);
    const auto successors = in.Int(fmt::format("number of successors of activity {}", a), 0, count);
    for (std::int64_t k = 0; k < successors; ++k) {
      const auto s = static_cast<int>(in.Int(fmt::format("successor of activity {}", a), 1, count));
      if (in.line() != line) in.Fail(fmt::format("activity {} lists fewer than {} successors", a, successors), line);
      instance.precedences.push_back({a - 1, s - 1, 0, PrecedenceType::EndToStart});
    }
  }

  ExpectSection(in, "REQUESTS/DURATIONS:");
  in.SkipLine();  // column titles
  if (in.RestOfLine().find("---") != std::string_view::npos) in.SkipLine();
  for (int a = 1; a <= count; ++a) {
    in.Int("activity number", a, a);
    in.Int(fmt::format("mode of activity {}", a), 1, 1);
    Mode mode;
    mode.duration = in.Int(fmt::format("duration of activity {}", a), 0, Time{1} << 40);
    for (int r = 0; r < renewable; ++r) {
      const auto amount = in.Int(fmt::format("demand of activity {} for resource R{}", a, r + 1), 0, Time{1} << 40);
      if (amount > 0) mode.demands.push_back(Demand{r, amount});
    }
    instance.operations[a - 1].modes.push_back(std::move(mode));
  }

  ExpectSection(in, "RESOURCEAVAILABILITIES:");
  in.SkipLine();  // "R 1 R 2 ..."
  for (int r = 0; r < renewable; ++r) {
    const auto capacity = in.Int(fmt::format("capacity of resource R{}", r + 1), 0, Time{1} << 40);
    instance.resources.push_back(Resource{fmt::format("R{}", r + 1), ResourceKind::Renewable, capacity, {}});
  }
  return instance;
}

Instance ReadPattersonRcp(Scanner& in) {
  const auto count = static_cast<int>(in.Int("number of activities (with the two dummies)", 2, kMaxEntities));
  const auto renewable = static_cast<int>(in.Int("number of resources", 0, 1000));
  Instance instance;
  for (int r = 0; r < renewable; ++r) {
    const auto capacity = in.Int(fmt::format("capacity of resource R{}", r + 1), 0, Time{1} << 40);
    instance.resources.push_back(Resource{fmt::format("R{}", r + 1), ResourceKind::Renewable, capacity, {}});
  }
  for (int a = 1; a <= count; ++a) {
    Operation op;
    op.name = std::to_string(a);
    op.job = a - 1;
    Mode mode;
    mode.duration = in.Int(fmt::format("duration of activity {}", a), 0, Time{1} << 40);
    for (int r = 0; r < renewable; ++r) {
      const auto amount = in.Int(fmt::format("demand of activity {} for resource R{}", a, r + 1), 0, Time{1} << 40);
      if (amount > 0) mode.demands.push_back(Demand{r, amount});
    }
    op.modes.push_back(std::move(mode));
    const auto successors = in.Int(fmt::format("number of successors of activity {}", a), 0, count);
    for (std::int64_t k = 0; k < successors; ++k) {
      const auto s = static_cast<int>(in.Int(fmt::format("successor of activity {}", a), 1, count));
      instance.precedences.push_back({a - 1, s - 1, 0, PrecedenceType::EndToStart});
    }
    instance.operations.push_back(std::move(op));
    instance.jobs.push_back(Job{std::to_string(a), {a - 1}, 0, 0, kNoDeadline, 1});
  }
  if (!in.AtEnd()) in.FailAtToken("the end of the file after the last activity", in.Next());
  return instance;
}

}  // namespace ordo::io
