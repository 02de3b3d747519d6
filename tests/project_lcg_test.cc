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
#include "solve/lcg/linear_sum.h"
#include "solve/lcg/timetable.h"
#include "solve/project/lcg_model.h"
#include "test_util.h"
#include "tiny_projects.h"

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

TEST(LcgEngine, EdgeFindingPushesWhereTimeTablingCannot) {
  // Capacity 1; A and B (length 2) in [0, 5) leave one unit of [0, 5) free, so C (length 2,
  // window [0, 10)) starts at 4 or later; no task has a compulsory part, so time-tabling alone
  // moves nothing. Mirrored: A and B in [5, 10) make C end by 6.
  for (const bool early : {true, false}) {
    for (const bool edge_finding : {false, true}) {
      Engine e;
      const int a = early ? e.NewVar(0, 3) : e.NewVar(5, 8), b = early ? e.NewVar(0, 3) : e.NewVar(5, 8), c = e.NewVar(0, 8);
      lcg::CumulativeReasoning reasoning;
      reasoning.edge_finding = edge_finding;
      lcg::TimetablePropagator::Post(e, {{a, 2, 1}, {b, 2, 1}, {c, 2, 1}}, 1, {}, reasoning);
      ASSERT_TRUE(e.PostAtRoot(AtMost(c, 8)));
      if (early) {
        EXPECT_EQ(e.Lb(c), edge_finding ? 4 : 0);
      } else {
        EXPECT_EQ(e.Ub(c), edge_finding ? 4 : 8);
      }
    }
  }
}

TEST(LcgEngine, HugeEnergiesLeaveTimeTablingAlone) {
  // Capacity 2^40 over a window of 2^40: capacity x window is 2^80, beyond 64 bits, so the
  // energy reasoning asked for is left off and time-tabling still pushes: the fixed task
  // holds the whole capacity on [0, 2^40), so the other starts at 2^40. (With the energy
  // reasoning on, the wrapped products made a false conflict: "infeasible".)
  constexpr lcg::Value kBig = lcg::Value{1} << 40;
  Engine e;
  const int fixed = e.NewVar(0, 0), free = e.NewVar(0, 2 * kBig);
  lcg::CumulativeReasoning reasoning;
  reasoning.overload = true;
  reasoning.edge_finding = true;
  lcg::TimetablePropagator::Post(e, {{fixed, kBig, kBig}, {free, kBig, 1}}, kBig, {}, reasoning);
  ASSERT_TRUE(e.PostAtRoot(AtMost(free, 2 * kBig)));
  EXPECT_EQ(e.Lb(free), kBig);
  ASSERT_TRUE(e.PostAtRoot(AtMost(free, 2 * kBig - 1)));
  EXPECT_EQ(e.Lb(free), kBig);
}

TEST(LcgEngine, LinearSumBoundsTheTotalAndTheTerms) {
  // z >= 2x + 3y, x, y in [0, 10], z in [0, 12].
  Engine e;
  const int x = e.NewVar(0, 10), y = e.NewVar(0, 10), z = e.NewVar(0, 12);
  lcg::LinearSumPropagator::Post(e, {x, y}, {2, 3}, z);
  ASSERT_TRUE(e.PostAtRoot(AtMost(z, 12)));
  EXPECT_EQ(e.Ub(x), 6);
  EXPECT_EQ(e.Ub(y), 4);
  ASSERT_TRUE(e.PostAtRoot(AtLeast(x, 3)));  // 2 * 3 = 6: y <= 2, z >= 6
  EXPECT_EQ(e.Lb(z), 6);
  EXPECT_EQ(e.Ub(y), 2);
  ASSERT_TRUE(e.PostAtRoot(AtLeast(y, 2)));  // 6 + 6 = 12: x <= 3
  EXPECT_EQ(e.Lb(z), 12);
  EXPECT_EQ(e.Ub(x), 3);
  EXPECT_FALSE(e.PostAtRoot(AtMost(z, 11)));
}

// Tiny projects with due dates and weights: total weighted tardiness, total weighted
// completion time, maximum lateness and a weighted sum with the makespan, against the
// exhaustive search; some jobs hold two activities (completion = the later end), some
// instances an extra job without activities (it completes at 0), and edge finding is on in
// some runs. The settings vary independently of one another.
TEST(ProjectLcg, MinimisesOtherObjectivesLikeExhaustiveSearch) {
  const std::vector<std::vector<ObjectiveTerm>>& objectives = test::OtherObjectives();
  int optimal = 0;
  for (std::uint64_t seed = 1; seed <= 160; ++seed) {
    Rng rng(seed * 31 + 7);
    test::TinyProject t = test::RandomTinyProjectWithDues(seed, rng);
    Instance& in = t.in;
    if (rng.Below(2) == 0) {  // the last activity joins job 0
      const int last = static_cast<int>(in.operations.size()) - 1;
      in.operations[last].job = 0;
      in.jobs[0].operations.push_back(last);
      in.jobs.pop_back();
    }
    if (rng.Below(4) == 0) in.jobs.push_back(Job{"empty", {}, 0, static_cast<Time>(rng.Below(6)), kNoDeadline, 2});
    in.objective.terms = objectives[rng.Below(objectives.size())];
    if (!ValidateInstance(in).ok()) continue;
    ASSERT_EQ(LcgUnsupported(in), "") << in.name;
    const std::optional<std::int64_t> truth = test::BruteForceObjective(in, t.horizon);
    std::vector<std::string> params = {rng.Below(2) == 0 ? "search=settimes" : "search=alternate"};
    if (rng.Below(2) == 0) params.push_back("edge_finding=1");
    const RunOutcome out = test::SolveChecked(in, rng.Below(2) == 0 ? "project-lcg" : "project", params,
                                              1 + static_cast<int>(rng.Below(2)), seed, 20);
    if (!truth) {
      EXPECT_EQ(out.result.status, SolveStatus::Infeasible) << in.name << ": " << out.result.message;
      continue;
    }
    ASSERT_TRUE(out.result.solution.has_value()) << in.name << ": " << out.result.message;
    EXPECT_TRUE(out.verified()) << in.name;
    EXPECT_EQ(out.result.status, SolveStatus::Optimal) << in.name << ": " << out.result.message;
    EXPECT_EQ(out.check.objective, *truth) << in.name;
    EXPECT_LE(out.result.bound, *truth) << in.name;
    ++optimal;
  }
  EXPECT_GT(optimal, 60);
}

TEST(ProjectLcg, AgreesWithExhaustiveSearchOnTinyProjects) {
  int optimal = 0, infeasible = 0;
  for (std::uint64_t seed = 1; seed <= 240; ++seed) {
    test::TinyProject t = test::RandomTinyProject(seed);
    // Deadlines make the horizon exact for both searches.
    for (Operation& op : t.in.operations) op.deadline = t.horizon;
    if (!ValidateInstance(t.in).ok()) continue;  // e.g. lags that form a positive cycle
    // Both searches, the overload check and edge finding on and off, and the hybrid with its GA;
    // every third run with 2 threads (where no rule meets the windows, the LNS or the second
    // search waits for the exact search's first schedule, and must not hold up the end).
    const std::vector<std::vector<std::string>> settings = {
        {}, {"search=settimes", "edge_finding=1"}, {"search=alternate", "overload=1"}, {"edge_finding=1"}};
    const std::vector<std::string>& params = settings[(seed / 2) % settings.size()];
    const int threads = seed % 3 == 0 ? 2 : 1;
    const RunOutcome out = test::SolveChecked(t.in, seed % 2 == 0 ? "project-lcg" : "project", params, threads, seed, 20);
    const std::optional<Time> truth = test::BruteForceMakespan(t.in, t.horizon);
    if (!truth) {
      EXPECT_EQ(out.result.status, SolveStatus::Infeasible) << t.in.name << ": " << out.result.message;
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
