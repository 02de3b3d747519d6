// Tiny random projects (calendars, releases, minimum and maximum time lags, disjunctive
// pairs) and an exhaustive search over integer start times that shares no code with the
// solvers: the ground truth of the project-scheduling tests.
#include "tiny_projects.h"

#include <algorithm>

#include <fmt/format.h>

#include "random_instances.h"
#include "solve/common/rng.h"

namespace ordo::test {

TinyProject RandomTinyProject(std::uint64_t seed, int max_activities) {
  Rng rng(seed);
  auto uniform = [&](Time lo, Time hi) { return lo + static_cast<Time>(rng.Below(static_cast<std::uint64_t>(hi - lo + 1))); };
  TinyProject t;
  Instance& in = t.in;
  in.name = fmt::format("tiny-{}", seed);
  const int resources = 1 + static_cast<int>(rng.Below(2));
  for (int r = 0; r < resources; ++r) {
    Resource res{fmt::format("R{}", r), ResourceKind::Renewable, uniform(1, 3), {}};
    if (rng.Below(3) == 0) {
      const Time s = uniform(0, 8);
      res.calendar.push_back({s, s + uniform(1, 4), uniform(0, res.capacity - 1)});
    }
    in.resources.push_back(res);
  }
  const int n = 3 + static_cast<int>(rng.Below(static_cast<std::uint64_t>(std::max(1, max_activities - 2))));
  for (int a = 0; a < n; ++a) {
    Operation op;
    op.job = a;
    Mode mode{uniform(1, 4), {}};
    for (int r = 0; r < resources; ++r) {
      if (rng.Below(3) != 0) mode.demands.push_back(Demand{r, uniform(1, in.resources[r].capacity)});
    }
    op.modes.push_back(mode);
    if (rng.Below(4) == 0) op.release = uniform(1, 5);
    in.operations.push_back(op);
    in.jobs.push_back(Job{fmt::format("A{}", a), {a}, 0, 0, kNoDeadline, 1});
  }
  for (int b = 0; b < n; ++b) {
    for (int a = b + 1; a < n; ++a) {
      const auto roll = rng.Below(6);
      if (roll == 0) in.precedences.push_back({b, a, uniform(0, 2), PrecedenceType::EndToStart});
      if (roll == 1) in.precedences.push_back({b, a, uniform(0, 3), PrecedenceType::StartToStart});
      if (roll == 2) {  // a maximum lag: start(a) <= start(b) + L, i.e. start(b) >= start(a) - L
        in.precedences.push_back({a, b, -uniform(2, 6), PrecedenceType::StartToStart});
      }
    }
  }
  if (n >= 4 && rng.Below(2) == 0) in.disjunctive.push_back({0, n - 1});
  t.horizon = 16;
  return t;
}

namespace {

bool FitsAll(const Instance& in, const std::vector<Time>& start, int upto, Time horizon) {
  // Precedences, pairs and resources among operations [0, upto].
  for (const Precedence& p : in.precedences) {
    if (p.from > upto || p.to > upto) continue;
    const Time base = p.type == PrecedenceType::EndToStart ? start[p.from] + in.operations[p.from].modes[0].duration
                                                          : start[p.from];
    if (start[p.to] < base + p.lag) return false;
  }
  for (const DisjunctivePair& d : in.disjunctive) {
    if (d.a > upto || d.b > upto) continue;
    const Time ea = start[d.a] + in.operations[d.a].modes[0].duration;
    const Time eb = start[d.b] + in.operations[d.b].modes[0].duration;
    if (start[d.a] < eb && start[d.b] < ea) return false;
  }
  for (std::size_t r = 0; r < in.resources.size(); ++r) {
    const Resource& res = in.resources[r];
    for (Time time = 0; time < horizon; ++time) {
      std::int64_t cap = res.capacity;
      for (const CapacityPeriod& p : res.calendar) {
        if (p.start <= time && time < p.end) cap = p.capacity;
      }
      std::int64_t use = 0;
      for (int o = 0; o <= upto; ++o) {
        const Mode& m = in.operations[o].modes[0];
        if (!(start[o] <= time && time < start[o] + m.duration)) continue;
        for (const Demand& d : m.demands) {
          if (d.resource == static_cast<int>(r)) use += d.amount;
        }
      }
      if (use > cap) return false;
    }
  }
  return true;
}

}  // namespace

namespace {

// The objective when the operations [0, upto] start at `start` and every later one ends at its
// earliest (release + duration): a lower bound on every completion of the partial schedule,
// and the objective itself when upto is the last operation (every term is non-decreasing in
// the completions).
std::int64_t ObjectiveBound(const Instance& in, const std::vector<Time>& start, int upto) {
  std::vector<Time> completion(in.jobs.size(), 0);  // a job without operations completes at 0
  Time makespan = 0;
  for (int o = 0; o < static_cast<int>(in.operations.size()); ++o) {
    const Operation& op = in.operations[o];
    const Time begin = o <= upto ? start[o] : std::max(op.release, in.jobs[op.job].release);
    const Time end = begin + op.modes[0].duration;
    completion[op.job] = std::max(completion[op.job], end);
    makespan = std::max(makespan, end);
  }
  std::int64_t total = 0;
  for (const ObjectiveTerm& term : in.objective.terms) {
    std::int64_t value = 0;
    bool first = true;
    for (std::size_t j = 0; j < in.jobs.size(); ++j) {
      const Job& job = in.jobs[j];
      const Time lateness = completion[j] - job.due;
      switch (term.kind) {
        case ObjectiveKind::Makespan: break;
        case ObjectiveKind::TotalWeightedTardiness: value += job.weight * std::max<Time>(0, lateness); break;
        case ObjectiveKind::TotalWeightedCompletion: value += job.weight * completion[j]; break;
        case ObjectiveKind::MaxLateness:
          value = first ? lateness : std::max<std::int64_t>(value, lateness);
          first = false;
          break;
      }
    }
    if (term.kind == ObjectiveKind::Makespan) value = makespan;
    total += term.weight * value;
  }
  return total;
}

}  // namespace

std::optional<std::int64_t> BruteForceObjective(const Instance& in, Time horizon) {
  const int n = static_cast<int>(in.operations.size());
  std::vector<Time> start(n, 0);
  std::optional<std::int64_t> best;
  auto dfs = [&](auto&& self, int o) -> void {
    if (o == n) {
      const std::int64_t value = ObjectiveBound(in, start, n - 1);
      if (!best || value < *best) best = value;
      return;
    }
    const Time p = in.operations[o].modes[0].duration;
    const Operation& op = in.operations[o];
    const Time release = std::max(op.release, in.jobs[op.job].release);
    const Time end_by = std::min({horizon, op.deadline, in.jobs[op.job].deadline});
    for (Time s = release; s + p <= end_by; ++s) {
      start[o] = s;
      // A later start only raises the bound: nothing better further on.
      if (best && ObjectiveBound(in, start, o) >= *best) break;
      if (FitsAll(in, start, o, horizon)) self(self, o + 1);
    }
  };
  dfs(dfs, 0);
  return best;
}

std::optional<Time> BruteForceMakespan(const Instance& in, Time horizon) {
  Instance makespan = in;
  makespan.objective.terms = {ObjectiveTerm{ObjectiveKind::Makespan, 1}};
  return BruteForceObjective(makespan, horizon);
}

Instance SingleModeMakespanRcpsp(std::uint64_t seed, int activities) {
  Instance in = RandomRcpsp(seed, activities, 3, true);
  for (Operation& op : in.operations) op.modes.resize(1);
  in.objective.terms = {ObjectiveTerm{ObjectiveKind::Makespan, 1}};
  return in;
}

const std::vector<std::vector<ObjectiveTerm>>& OtherObjectives() {
  static const std::vector<std::vector<ObjectiveTerm>> objectives = {
      {{ObjectiveKind::TotalWeightedTardiness, 1}},
      {{ObjectiveKind::TotalWeightedCompletion, 1}},
      {{ObjectiveKind::MaxLateness, 1}},
      {{ObjectiveKind::Makespan, 2}, {ObjectiveKind::TotalWeightedTardiness, 3}},
  };
  return objectives;
}

void DrawDuesAndWeights(Instance& instance, Rng& rng) {
  for (Job& job : instance.jobs) {
    job.due = static_cast<Time>(rng.Below(10));
    job.weight = static_cast<std::int64_t>(rng.Below(4));  // 0 now and then
  }
}

TinyProject RandomTinyProjectWithDues(std::uint64_t seed, Rng& rng) {
  TinyProject t = RandomTinyProject(seed);
  for (Operation& op : t.in.operations) op.deadline = t.horizon;
  DrawDuesAndWeights(t.in, rng);
  return t;
}

}  // namespace ordo::test
