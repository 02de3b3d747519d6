// The lazy clause generation engine (src/solve/lcg) and the project-lcg solver: pure clause
// reasoning, difference constraints with enablers, and on tiny random projects (calendars,
// releases, minimum and maximum time lags, disjunctive pairs) agreement with an exhaustive
// search that shares no code with the engine; every schedule passes the checker.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "check/checker.h"
#include "model/validate.h"
#include "solve/common/rng.h"
#include "solve/lcg/engine.h"
#include "solve/lcg/timetable.h"
#include "test_util.h"

namespace ordo {
namespace {

using lcg::AtLeast;
using lcg::AtMost;
using lcg::Engine;

std::optional<lcg::Atom> FirstUnfixed(const Engine& e, int vars) {
  for (int v = 0; v < vars; ++v) {
    if (!e.Fixed(v)) return AtMost(v, e.Lb(v));
  }
  return std::nullopt;
}

TEST(LcgEngine, PigeonholeIsInfeasible) {
  // Four pigeons, three holes: x[p][h] Booleans, each pigeon somewhere, no hole shared.
  Engine e;
  int x[4][3];
  for (auto& row : x) {
    for (int& v : row) v = e.NewBool();
  }
  for (auto& row : x) ASSERT_TRUE(e.AddClause({e.BoolLit(row[0]), e.BoolLit(row[1]), e.BoolLit(row[2])}));
  for (int h = 0; h < 3; ++h) {
    for (int p = 0; p < 4; ++p) {
      for (int q = p + 1; q < 4; ++q) {
        ASSERT_TRUE(e.AddClause({lcg::NegLit(e.BoolLit(x[p][h])), lcg::NegLit(e.BoolLit(x[q][h]))}));
      }
    }
  }
  const auto out = e.Search([&](const Engine& en) { return FirstUnfixed(en, 12); }, [] { return false; });
  EXPECT_EQ(out, Engine::Outcome::Infeasible);
  EXPECT_GT(e.stats().conflicts, 0);
}

TEST(LcgEngine, DifferenceConstraintsAndEnablers) {
  Engine e;
  const int a = e.NewVar(0, 10), b = e.NewVar(0, 10), order = e.NewBool();
  e.AddPrecedence(a, b, 3);  // b >= a + 3
  EXPECT_EQ(e.Lb(b), 3);
  EXPECT_EQ(e.Ub(a), 7);
  // order -> a >= b + 1. Bounds alone do not see the cycle with b >= a + 3 yet...
  e.AddPrecedence(b, a, 1, e.BoolLit(order));
  EXPECT_FALSE(e.IsFalse(e.BoolLit(order)));
  // ...but once b >= 8 the edge would need a >= 9 > ub(a) = 7: order is false.
  ASSERT_TRUE(e.PostAtRoot(AtLeast(a, 5)));
  EXPECT_EQ(e.Lb(b), 8);
  EXPECT_TRUE(e.IsFalse(e.BoolLit(order)));
  EXPECT_FALSE(e.PostAtRoot(AtMost(b, 7)));
  EXPECT_TRUE(e.infeasible());
}

TEST(LcgEngine, TimetablePushesPastCompulsoryParts) {
  // Capacity 1: task 0 fixed at [2, 6) pushes task 1 (duration 3, window [0, 20]) to 6.
  Engine e;
  const int s0 = e.NewVar(2, 2), s1 = e.NewVar(0, 20);
  lcg::TimetablePropagator::Post(e, {{s0, 4, 1}, {s1, 3, 1}}, 1, {});
  ASSERT_TRUE(e.PostAtRoot(AtMost(s1, 20)));
  EXPECT_EQ(e.Lb(s1), 6);
  // Downtime [10, 12) as fixed usage: a task of duration 5 in [6, 9] cannot fit before it.
  Engine f;
  const int t = f.NewVar(6, 30);
  lcg::TimetablePropagator::Post(f, {{t, 5, 1}}, 1, {{10, 12, 1}});
  ASSERT_TRUE(f.PostAtRoot(AtMost(t, 30)));
  EXPECT_EQ(f.Lb(t), 12);
}

// ---- Tiny random projects and an exhaustive search ----

struct Tiny {
  Instance in;
  Time horizon;  // every schedule of interest ends by it
};

Tiny RandomProject(std::uint64_t seed) {
  Rng rng(seed);
  auto uniform = [&](Time lo, Time hi) { return lo + static_cast<Time>(rng.Below(static_cast<std::uint64_t>(hi - lo + 1))); };
  Tiny t;
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
  const int n = 3 + static_cast<int>(rng.Below(3));  // 3..5 activities
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

bool FitsAll(const Instance& in, const std::vector<Time>& start, int upto) {
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
    for (Time time = 0; time < 40; ++time) {
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

// Smallest makespan of a schedule ending by `horizon`, or nothing.
std::optional<Time> BruteForce(const Instance& in, Time horizon) {
  const int n = static_cast<int>(in.operations.size());
  std::vector<Time> start(n, 0);
  std::optional<Time> best;
  auto dfs = [&](auto&& self, int o, Time makespan) -> void {
    if (o == n) {
      if (!best || makespan < *best) best = makespan;
      return;
    }
    const Time p = in.operations[o].modes[0].duration;
    const Time release = std::max(in.operations[o].release, in.jobs[in.operations[o].job].release);
    for (Time s = release; s + p <= horizon; ++s) {
      const Time m = std::max(makespan, s + p);
      if (best && m >= *best) break;
      start[o] = s;
      if (FitsAll(in, start, o)) self(self, o + 1, m);
    }
  };
  dfs(dfs, 0, 0);
  return best;
}

TEST(ProjectLcg, AgreesWithExhaustiveSearchOnTinyProjects) {
  int optimal = 0, infeasible = 0;
  for (std::uint64_t seed = 1; seed <= 120; ++seed) {
    Tiny t = RandomProject(seed);
    // Deadlines make the horizon exact for both searches.
    for (Operation& op : t.in.operations) op.deadline = t.horizon;
    if (!ValidateInstance(t.in).ok()) continue;  // e.g. lags that form a positive cycle
    const RunOutcome out = test::SolveChecked(t.in, "project-lcg", {}, 1, seed, 20);
    const std::optional<Time> truth = BruteForce(t.in, t.horizon);
    if (!truth) {
      EXPECT_NE(out.result.status, SolveStatus::Optimal) << t.in.name;
      EXPECT_FALSE(out.result.solution.has_value()) << t.in.name;
      ++infeasible;
      continue;
    }
    ASSERT_TRUE(out.result.solution.has_value()) << t.in.name << ": " << out.result.message;
    EXPECT_TRUE(out.verified()) << t.in.name;
    EXPECT_EQ(out.result.status, SolveStatus::Optimal) << t.in.name << ": " << out.result.message;
    EXPECT_EQ(out.check.objective, *truth) << t.in.name;
    EXPECT_LE(out.result.bound, *truth) << t.in.name;
    ++optimal;
  }
  EXPECT_GT(optimal, 50);
  EXPECT_GT(infeasible, 0);
}

TEST(ProjectLcg, ProvesInfeasibilityWhenMaximumLagsForceAnOverlap) {
  // Two activities of duration 3 on one machine whose starts may differ by at most 1: they
  // would have to overlap. The lags alone are consistent (the cycle has length -2).
  Instance in = test::MakeJobShop({{{0, 3}}, {{0, 3}}}, 1);
  in.precedences = {{0, 1, -1, PrecedenceType::StartToStart}, {1, 0, -1, PrecedenceType::StartToStart}};
  ASSERT_TRUE(ValidateInstance(in).ok());
  const RunOutcome out = test::SolveChecked(in, "project-lcg", {}, 1, 1, 10);
  EXPECT_EQ(out.result.status, SolveStatus::Infeasible) << out.result.message;
}

}  // namespace
}  // namespace ordo
