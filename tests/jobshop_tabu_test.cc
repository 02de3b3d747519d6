// Job shop engine: the tabu search never returns a schedule the checker rejects, is
// deterministic for a seed and an iteration limit on one thread, and its lower bound never
// exceeds the optimum found by brute force on tiny instances.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "random_instances.h"
#include "shop_brute_force.h"
#include "report/run.h"
#include "solve/jobshop/disjunctive_graph.h"
#include "solve/common/rng.h"
#include "solve/jobshop/jps_bound.h"
#include "solve/shop/shop_problem.h"
#include "test_util.h"
#include "io/instance_reader.h"

namespace ordo {
namespace {

RunOutcome Tabu(const Instance& in, std::vector<std::string> params, int threads = 1, std::uint64_t seed = 1) {
  return test::SolveChecked(in, "jobshop-tabu", std::move(params), threads, seed, 3);
}

Time BruteForceOptimum(const Instance& in) { return test::BruteForceJobShopOptimum(in); }

TEST(JobShopTabu, CheckedOnRandomInstances) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    Instance in = test::RandomJobShop(seed, 2 + static_cast<int>(seed % 9), 2 + static_cast<int>(seed % 6));
    if (seed % 5 == 0) in.jobs[0].release = 17;
    const RunOutcome out = Tabu(in, {"iterations=300"}, seed % 3 == 0 ? 2 : 1, seed);
    ASSERT_TRUE(out.result.solution.has_value());
    EXPECT_TRUE(out.verified()) << in.name << ": " << out.result.message;
    EXPECT_LE(out.result.bound, out.check.objective);
    if (out.result.status == SolveStatus::Optimal) {
      EXPECT_EQ(out.result.bound, out.check.objective);
    }
  }
}

TEST(JobShopTabu, NeverWorseThanTheBestRule) {
  auto ta = ReadInstanceFile(test::Repo("bench/instances/jssp/ta01.txt"));
  ASSERT_TRUE(ta.ok());
  RunRequest rules;
  rules.solver = "gt-active";
  const auto dispatch = SolveAndCheck(*ta, rules);
  const RunOutcome tabu = Tabu(*ta, {"iterations=3000"});
  EXPECT_TRUE(tabu.verified());
  EXPECT_LT(tabu.check.objective, dispatch->check.objective);
}

TEST(JobShopTabu, DeterministicForSeedAndIterations) {
  auto ft10 = ReadInstanceFile(test::Repo("bench/instances/jssp/ft10.txt"));
  ASSERT_TRUE(ft10.ok());
  const RunOutcome a = Tabu(*ft10, {"iterations=5000", "proof=off"}, 1, 7);
  const RunOutcome b = Tabu(*ft10, {"iterations=5000", "proof=off"}, 1, 7);
  ASSERT_TRUE(a.verified() && b.verified());
  EXPECT_EQ(a.result.solution->start, b.result.solution->start);
  EXPECT_EQ(a.result.stats.iterations, b.result.stats.iterations);
}

TEST(JobShopTabu, BoundBelowBruteForceOptimum) {
  int hits = 0, total = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    Instance in = test::RandomJobShop(100 + seed, 3, 3);
    if (in.operations.size() > 8) continue;
    const Time optimum = BruteForceOptimum(in);
    const Time bound = JobShopLowerBound(BuildShopProblem(in));
    EXPECT_LE(bound, optimum) << in.name;
    const RunOutcome out = Tabu(in, {"iterations=2000"});
    EXPECT_GE(out.check.objective, optimum) << in.name;
    hits += out.check.objective == optimum;
    ++total;
  }
  EXPECT_GT(total, 10);
  EXPECT_GE(hits, total * 9 / 10);
}

TEST(JobShopExact, ProvesBruteForceOptimaOnTinyInstances) {
  int proved = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    Instance in = test::RandomJobShop(300 + seed, 3 + static_cast<int>(seed % 2), 3);
    if (in.operations.size() > 9) continue;
    const Time optimum = BruteForceOptimum(in);
    // No tabu moves: the dispatching schedule is the upper bound the exact search starts from.
    const RunOutcome out = Tabu(in, {"iterations=1", "proof=on"});
    ASSERT_TRUE(out.verified());
    EXPECT_EQ(out.result.status, SolveStatus::Optimal) << in.name;
    EXPECT_EQ(out.check.objective, optimum) << in.name;
    proved += out.result.status == SolveStatus::Optimal;
  }
  EXPECT_GT(proved, 10);
}

// A random job shop whose machines have one to three downtime periods (makespan only).
Instance WithDowntime(std::uint64_t seed, int jobs, int machines) {
  Instance in = test::RandomJobShop(seed, jobs, machines);
  Rng rng(seed * 7919);
  for (Resource& r : in.resources) {
    Time t = static_cast<Time>(rng.Below(15));
    const int periods = 1 + static_cast<int>(rng.Below(3));
    for (int k = 0; k < periods; ++k) {
      const Time length = 1 + static_cast<Time>(rng.Below(12));
      r.calendar.push_back({t, t + length, 0});
      t += length + 1 + static_cast<Time>(rng.Below(30));
    }
  }
  return in;
}

TEST(DisjunctiveGraph, DowntimeDelaysOperationsThatDoNotFit) {
  // One machine, down during [4, 10): an operation of 5 cannot run before it, one of 3 can.
  Instance in = test::RandomJobShop(1, 2, 1);
  in.operations[in.jobs[0].operations[0]].modes[0].duration = 3;
  in.operations[in.jobs[1].operations[0]].modes[0].duration = 5;
  in.resources[0].calendar = {{4, 10, 0}};
  const ShopProblem shop = BuildShopProblem(in);
  DisjunctiveGraph g(shop);
  ASSERT_TRUE(g.SetSequences({{0, 1}}));
  EXPECT_EQ(g.head(0), 0);
  EXPECT_EQ(g.head(1), 10);
  EXPECT_EQ(g.makespan(), 15);
  ASSERT_TRUE(g.SetSequences({{1, 0}}));
  EXPECT_EQ(g.head(1), 10);  // 5 does not fit in [0, 4)
  EXPECT_EQ(g.head(0), 15);
  EXPECT_EQ(g.makespan(), 18);
  ASSERT_FALSE(g.critical_path().empty());
  EXPECT_EQ(g.critical_path().back(), 0);
}

TEST(JobShopTabu, DowntimeIsHonoured) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const Instance in = WithDowntime(500 + seed, 3 + static_cast<int>(seed % 6), 2 + static_cast<int>(seed % 4));
    const RunOutcome out = Tabu(in, {"iterations=500"}, seed % 4 == 0 ? 2 : 1, seed);
    ASSERT_TRUE(out.result.solution.has_value());
    EXPECT_TRUE(out.verified()) << in.name << ": " << out.result.message;
    EXPECT_TRUE(out.result.message.empty()) << out.result.message;
    EXPECT_LE(out.result.bound, out.check.objective);
  }
}

// Tiny shops with downtime (every other operation resumable when asked): every schedule is
// checked and its bound valid; on those small enough for brute force, the bound is below the
// optimum and at least 80% of the runs reach it.
void ExpectOptimaOverDowntime(std::uint64_t first_seed, bool resumable) {
  int hits = 0, total = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    Instance in = WithDowntime(first_seed + seed, 3, 3);
    if (resumable) {
      for (std::size_t o = 0; o < in.operations.size(); o += 2) in.operations[o].resumable = true;
    }
    const int threads = resumable && seed % 4 == 0 ? 2 : 1;
    const RunOutcome out = Tabu(in, {"iterations=2000"}, threads, resumable ? seed : 1);
    ASSERT_TRUE(out.verified()) << in.name << ": " << out.result.message;
    EXPECT_LE(out.result.bound, out.check.objective);
    if (in.operations.size() > 8) continue;
    const Time optimum = BruteForceOptimum(in);  // the brute force honours downtime
    EXPECT_GE(out.check.objective, optimum) << in.name;
    EXPECT_LE(out.result.bound, optimum) << in.name;
    hits += out.check.objective == optimum;
    ++total;
  }
  EXPECT_GT(total, 10);
  EXPECT_GE(hits, total * 8 / 10);
}

TEST(JobShopTabu, DowntimeOptimaByBruteForce) { ExpectOptimaOverDowntime(700, false); }

TEST(JobShopTabu, ResumableOperationsPauseOverDowntime) { ExpectOptimaOverDowntime(900, true); }

TEST(JacksonPreemptive, SmallCases) {
  // Two operations released at 0 with tails 5 and 0: run the long-tail one first.
  EXPECT_EQ(JacksonPreemptiveBound({{0, 3, 5}, {0, 4, 0}}), 8);
  // Preemption at a release: (0,10,0) is interrupted by (2,2,20) -> 2 + 2 + 20 = 24.
  EXPECT_EQ(JacksonPreemptiveBound({{0, 10, 0}, {2, 2, 20}}), 24);
  EXPECT_EQ(JacksonPreemptiveBound({}), 0);
}

TEST(JobShopTabu, OtherObjectivesFallBackWithAMessage) {
  Instance in = test::RandomJobShop(3, 5, 3);
  in.objective.terms = {{ObjectiveKind::TotalWeightedTardiness, 1}};
  const RunOutcome out = Tabu(in, {});
  EXPECT_TRUE(out.verified());
  EXPECT_FALSE(out.result.message.empty());
}

}  // namespace
}  // namespace ordo
