#include "check/checker.h"

#include <algorithm>
#include <cstddef>

#include <fmt/format.h>

#include "check/check_context.h"

namespace ordo {

const char* ToString(ViolationKind kind) {
  switch (kind) {
    case ViolationKind::Shape: return "shape";
    case ViolationKind::Eligibility: return "eligibility";
    case ViolationKind::Window: return "window";
    case ViolationKind::Precedence: return "precedence";
    case ViolationKind::MachineOverlap: return "machine-overlap";
    case ViolationKind::Capacity: return "capacity";
    case ViolationKind::Calendar: return "calendar";
    case ViolationKind::Disjunctive: return "disjunctive";
    case ViolationKind::Blocking: return "blocking";
    case ViolationKind::Objective: return "objective";
  }
  return "unknown";
}

bool CheckReport::feasible() const {
  return std::none_of(violations.begin(), violations.end(),
                      [](const Violation& v) { return v.kind != ViolationKind::Objective; });
}

bool CheckReport::Has(ViolationKind kind) const {
  return std::any_of(violations.begin(), violations.end(), [kind](const Violation& v) { return v.kind == kind; });
}

namespace check_detail {

void Context::Add(ViolationKind kind, std::vector<int> ops, Time time, std::string message) {
  ++report.violation_count;
  if (report.violations.size() < kMaxViolations) {
    report.violations.push_back(Violation{kind, std::move(ops), time, std::move(message)});
  }
}

namespace {

std::string DeadlineText(Time t) { return t == kNoDeadline ? "none" : std::to_string(t); }

void CheckWindows(Context& ctx) {
  for (std::size_t o = 0; o < ctx.in.operations.size(); ++o) {
    const Operation& op = ctx.in.operations[o];
    const Job& job = ctx.in.jobs[op.job];
    const Time s = ctx.sol.start[o];
    const Time release = std::max(op.release, job.release);
    const Time deadline = std::min(op.deadline, job.deadline);
    const int id = static_cast<int>(o);
    if (s < release) {
      ctx.Add(ViolationKind::Window, {id}, s,
              fmt::format("operation {} starts at {} before its release date {}", o, s, release));
    }
    if (ctx.end[o] > deadline) {
      ctx.Add(ViolationKind::Window, {id}, ctx.end[o],
              fmt::format("operation {} ends at {} after its deadline {}", o, ctx.end[o], DeadlineText(deadline)));
    }
  }
}

void CheckPrecedences(Context& ctx) {
  for (const Precedence& p : ctx.in.precedences) {
    const bool end_to_start = p.type == PrecedenceType::EndToStart;
    const Time base = end_to_start ? ctx.end[p.from] : ctx.sol.start[p.from];
    if (ctx.sol.start[p.to] < base + p.lag) {
      ctx.Add(ViolationKind::Precedence, {p.from, p.to}, ctx.sol.start[p.to],
              fmt::format("operation {} starts at {} but must start at or after {} of operation {} ({}) {} lag {} = {}",
                          p.to, ctx.sol.start[p.to], end_to_start ? "the end" : "the start", p.from, base,
                          "plus", p.lag, base + p.lag));
    }
  }
}

void CheckDisjunctivePairs(Context& ctx) {
  for (const DisjunctivePair& d : ctx.in.disjunctive) {
    const Time lo = std::max(ctx.sol.start[d.a], ctx.sol.start[d.b]);
    const Time hi = std::min(ctx.end[d.a], ctx.end[d.b]);
    if (lo < hi) {
      ctx.Add(ViolationKind::Disjunctive, {d.a, d.b}, lo,
              fmt::format("operations {} [{}, {}) and {} [{}, {}) must not overlap but share [{}, {})", d.a,
                          ctx.sol.start[d.a], ctx.end[d.a], d.b, ctx.sol.start[d.b], ctx.end[d.b], lo, hi));
    }
  }
}

// End of a resumable operation: it works only outside the zero-capacity periods of the
// resources of its mode. Repeatedly find the earliest-starting such period that meets the
// work still to do, count the work done before it, and continue after it.
Time ResumableEnd(const Instance& in, const Mode& mode, Time start) {
  Time t = start, left = mode.duration;
  while (left > 0) {
    const CapacityPeriod* hit = nullptr;
    for (const Demand& d : mode.demands) {
      if (d.amount <= 0) continue;
      for (const CapacityPeriod& p : in.resources[d.resource].calendar) {
        if (p.capacity != 0 || p.end <= t || p.start >= t + left) continue;
        if (hit == nullptr || p.start < hit->start) hit = &p;
      }
    }
    if (hit == nullptr) break;
    left -= std::max<Time>(0, hit->start - t);
    t = std::max(t, hit->end);
  }
  return t + left;
}

// A resumable operation must start at an instant where it can work.
void CheckResumableStarts(Context& ctx) {
  for (std::size_t o = 0; o < ctx.in.operations.size(); ++o) {
    if (!ctx.in.operations[o].resumable) continue;
    const Time s = ctx.sol.start[o];
    for (const Demand& d : ctx.in.operations[o].modes[ctx.sol.mode[o]].demands) {
      for (const CapacityPeriod& p : ctx.in.resources[d.resource].calendar) {
        if (d.amount > 0 && p.capacity == 0 && p.start <= s && s < p.end) {
          ctx.Add(ViolationKind::Calendar, {static_cast<int>(o)}, s,
                  fmt::format("resumable operation {} starts at {}, inside downtime [{}, {}) of resource {} ('{}')", o,
                              s, p.start, p.end, d.resource, ctx.in.resources[d.resource].name));
        }
      }
    }
  }
}

// Objective recomputed from job completion times, as defined in model/instance.h.
std::int64_t RecomputeObjective(const Context& ctx) {
  std::vector<Time> completion(ctx.in.jobs.size(), 0);
  for (std::size_t o = 0; o < ctx.in.operations.size(); ++o) {
    Time& c = completion[ctx.in.operations[o].job];
    c = std::max(c, ctx.end[o]);
  }
  std::int64_t total = 0;
  for (const ObjectiveTerm& term : ctx.in.objective.terms) {
    std::int64_t value = 0;
    bool first = true;
    for (std::size_t j = 0; j < ctx.in.jobs.size(); ++j) {
      const Job& job = ctx.in.jobs[j];
      const Time c = completion[j];
      switch (term.kind) {
        case ObjectiveKind::Makespan: value = std::max(value, c); break;
        case ObjectiveKind::TotalWeightedTardiness: value += job.weight * std::max<Time>(0, c - job.due); break;
        case ObjectiveKind::TotalWeightedCompletion: value += job.weight * c; break;
        case ObjectiveKind::MaxLateness:
          value = first ? c - job.due : std::max(value, c - job.due);
          break;
      }
      first = false;
    }
    total += term.weight * value;
  }
  return total;
}

}  // namespace
}  // namespace check_detail

CheckReport CheckSolution(const Instance& in, const Solution& sol, bool compare_objective) {
  using namespace check_detail;
  CheckReport report;
  Context ctx{in, sol, report, {}, {}};
  const std::size_t n = in.operations.size();
  if (sol.start.size() != n || sol.mode.size() != n) {
    ctx.Add(ViolationKind::Shape, {}, 0,
            fmt::format("the solution has {} starts and {} modes; the instance has {} operations", sol.start.size(),
                        sol.mode.size(), n));
    return report;
  }
  bool modes_ok = true;
  for (std::size_t o = 0; o < n; ++o) {
    const int m = sol.mode[o];
    if (m < 0 || static_cast<std::size_t>(m) >= in.operations[o].modes.size()) {
      ctx.Add(ViolationKind::Eligibility, {static_cast<int>(o)}, sol.start[o],
              fmt::format("operation {} uses mode {}, which is not one of its {} eligible modes", o, m,
                          in.operations[o].modes.size()));
      modes_ok = false;
    }
  }
  if (!modes_ok) return report;

  ctx.end.resize(n);
  for (std::size_t o = 0; o < n; ++o) {
    const Mode& mode = in.operations[o].modes[sol.mode[o]];
    ctx.end[o] = in.operations[o].resumable ? ResumableEnd(in, mode, sol.start[o]) : sol.start[o] + mode.duration;
  }
  // Blocking: an operation holds its machine until the next operation of its job starts.
  ctx.released = ctx.end;
  if (in.blocking) {
    for (const Job& job : in.jobs) {
      for (std::size_t i = 1; i < job.operations.size(); ++i) {
        const int prev = job.operations[i - 1];
        ctx.released[prev] = std::max(ctx.end[prev], sol.start[job.operations[i]]);
      }
    }
  }

  CheckWindows(ctx);
  CheckResumableStarts(ctx);
  CheckPrecedences(ctx);
  CheckResources(ctx);
  CheckDisjunctivePairs(ctx);
  if (in.blocking && !in.allow_swaps) CheckNoSwaps(ctx);

  report.objective = RecomputeObjective(ctx);
  report.objective_computed = true;
  if (compare_objective && report.objective != sol.objective) {
    ctx.Add(ViolationKind::Objective, {}, 0,
            fmt::format("the stated objective is {} but the schedule's objective is {}", sol.objective,
                        report.objective));
  }
  return report;
}

}  // namespace ordo
