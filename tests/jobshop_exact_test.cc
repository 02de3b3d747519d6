// The job-shop exact search (disjunctive_bnb.h): its lower bounds never exceed the
// brute-force optimum, exhausted searches find the optimum, found schedules pass the
// independent checker, with and without machine downtime and release dates.
#include <gtest/gtest.h>

#include <atomic>

#include "check/checker.h"
#include "io/instance_reader.h"
#include "random_instances.h"
#include "shop_brute_force.h"
#include "solve/common/rng.h"
#include "solve/jobshop/disjunctive_bnb.h"
#include "solve/jobshop/jps_bound.h"
#include "solve/shop/shop_problem.h"
#include "test_util.h"

namespace ordo {
namespace {

// Tiny random job shops; every third has downtime, every fourth a late release.
Instance Tiny(std::uint64_t seed) {
  Instance in = test::RandomJobShop(seed, 3 + static_cast<int>(seed % 2), 3);
  Rng rng(seed);
  if (seed % 3 == 0) {
    for (Resource& r : in.resources) {
      const Time s = static_cast<Time>(rng.Below(20));
      r.calendar.push_back({s, s + 1 + static_cast<Time>(rng.Below(10)), 0});
    }
  }
  if (seed % 4 == 0) in.jobs[0].release = 9;
  return in;
}

SolveControl Limit(double seconds) {
  SolveControl control;
  control.time_limit_seconds = seconds;
  control.Start();
  return control;
}

TEST(DisjunctiveBnb, DestructiveBoundNeverExceedsTheOptimum) {
  int tested = 0, raised = 0;
  for (std::uint64_t seed = 1; seed <= 80; ++seed) {
    const Instance in = Tiny(seed);
    if (in.operations.size() > 9) continue;
    const Time optimum = test::BruteForceJobShopOptimum(in);
    const ShopProblem shop = BuildShopProblem(in);
    const Time jps = JobShopLowerBound(shop);
    ASSERT_LE(jps, optimum) << in.name;
    DisjunctiveBnb bnb(shop);
    const Time bound = bnb.DestructiveBound(jps, optimum + 25, Limit(10));
    EXPECT_GE(bound, jps) << in.name;
    EXPECT_LE(bound, optimum) << in.name;
    raised += bound > jps;
    ++tested;
  }
  EXPECT_GT(tested, 20);
  EXPECT_GT(raised, 0);  // the propagation is stronger than the one-machine bound somewhere
}

TEST(DisjunctiveBnb, ExhaustedSearchFindsTheOptimum) {
  int tested = 0;
  for (std::uint64_t seed = 1; seed <= 80; ++seed) {
    const Instance in = Tiny(seed);
    if (in.operations.size() > 9) continue;
    const Time optimum = test::BruteForceJobShopOptimum(in);
    const ShopProblem shop = BuildShopProblem(in);
    DisjunctiveBnb bnb(shop);
    int found = 0;
    const BnbOutcome out = bnb.Run(optimum + 30, Limit(10), nullptr, [&](Time, const std::vector<Time>&) { ++found; });
    ASSERT_TRUE(out.proved) << in.name;
    EXPECT_EQ(out.upper, optimum) << in.name;
    ASSERT_EQ(out.starts.size(), static_cast<std::size_t>(shop.num_ops)) << in.name;
    EXPECT_GE(found, 1);
    std::vector<int> modes(shop.num_ops);
    for (int o = 0; o < shop.num_ops; ++o) modes[o] = shop.mode_begin[o];
    const Solution solution = ToSolution(in, shop, out.starts, modes);
    const CheckReport report = CheckSolution(in, solution);
    EXPECT_TRUE(report.feasible()) << in.name << ": " << (report.violations.empty() ? "" : report.violations[0].message);
    EXPECT_EQ(report.objective, optimum) << in.name;
    ++tested;
  }
  EXPECT_GT(tested, 20);
}

TEST(DisjunctiveBnb, AnUpperBoundAtTheOptimumIsProvedWithoutASchedule) {
  const Instance in = Tiny(7);
  const Time optimum = test::BruteForceJobShopOptimum(in);
  const ShopProblem shop = BuildShopProblem(in);
  DisjunctiveBnb bnb(shop);
  const BnbOutcome out = bnb.Run(optimum, Limit(10), nullptr, nullptr);
  EXPECT_TRUE(out.proved);
  EXPECT_EQ(out.upper, optimum);
  EXPECT_TRUE(out.starts.empty());
}

TEST(DisjunctiveBnb, ProvesFt06) {
  auto ft06 = ReadInstanceFile(test::Repo("bench/instances/jssp/ft06.txt"));
  ASSERT_TRUE(ft06.ok());
  const ShopProblem shop = BuildShopProblem(*ft06);
  DisjunctiveBnb bnb(shop);
  const BnbOutcome out = bnb.Run(60, Limit(60), nullptr, nullptr);
  EXPECT_TRUE(out.proved);
  EXPECT_EQ(out.upper, 55);
}

TEST(DisjunctiveBnb, StopsWhenAskedAndClaimsNothing) {
  auto ta = ReadInstanceFile(test::Repo("bench/instances/jssp/ta41.txt"));
  ASSERT_TRUE(ta.ok());
  const ShopProblem shop = BuildShopProblem(*ta);
  DisjunctiveBnb bnb(shop);
  std::atomic<bool> stop{true};
  SolveControl control = Limit(600);
  control.stop_flag = &stop;
  const BnbOutcome out = bnb.Run(2100, control, nullptr, nullptr);
  EXPECT_FALSE(out.proved);
  const Time lower = JobShopLowerBound(shop);
  EXPECT_EQ(bnb.DestructiveBound(lower, 2100, control), lower);
}

}  // namespace
}  // namespace ordo
