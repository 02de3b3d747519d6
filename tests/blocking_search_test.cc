// Blocking job shop search (blocking-ig): every schedule passes the independent checker on
// hundreds of random blocking shops (job shops and flexible shops, with and without swaps,
// with downtime, release dates, zero durations and other objectives); the result is never
// below the brute-force optimum of tiny instances and reaches it; one thread with a seed
// and an iteration limit is deterministic; it is never worse than blocking-insertion; the
// bound never exceeds the objective.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <limits>

#include <fmt/format.h>

#include "check/checker.h"
#include "io/instance_reader.h"
#include "model/validate.h"
#include "random_instances.h"
#include "report/run.h"
#include "test_util.h"

namespace ordo {
namespace {

RunOutcome Ig(const Instance& in, std::vector<std::string> params, int threads = 1, std::uint64_t seed = 1) {
  return test::SolveChecked(in, "blocking-ig", std::move(params), threads, seed);
}

std::string FirstViolation(const RunOutcome& out) {
  return out.check.violations.empty() ? "" : out.check.violations[0].message;
}

Instance Blocking(Instance in, bool swaps) {
  in.blocking = true;
  in.allow_swaps = swaps;
  return in;
}

// Optimal blocking makespan of a tiny job shop, independently of the solver: every
// combination of machine orders, each timed by fixed-point iteration of the start
// constraints (job predecessor ended; machine predecessor released, i.e. its job's next
// operation started or, for a last operation, it ended) and kept if the checker accepts it
// (which decides swaps). The earliest schedule of an optimal schedule's orders is optimal.
Time BruteForceOptimum(const Instance& in) {
  const std::size_t n = in.operations.size();
  std::vector<int> next(n, -1), prev(n, -1);
  for (const Job& job : in.jobs) {
    for (std::size_t i = 1; i < job.operations.size(); ++i) {
      next[job.operations[i - 1]] = job.operations[i];
      prev[job.operations[i]] = job.operations[i - 1];
    }
  }
  std::vector<std::vector<int>> orders(in.resources.size());
  for (std::size_t o = 0; o < n; ++o) orders[in.operations[o].modes[0].demands[0].resource].push_back(static_cast<int>(o));
  Time horizon = 0;
  for (const Operation& op : in.operations) horizon += op.modes[0].duration;
  Time best = std::numeric_limits<Time>::max();
  std::function<void(std::size_t)> enumerate = [&](std::size_t m) {
    if (m == orders.size()) {
      std::vector<Time> start(n, 0);
      for (bool changed = true; changed;) {
        changed = false;
        auto raise = [&](int o, Time t) {
          if (t > start[o]) start[o] = t, changed = true;
        };
        for (std::size_t o = 0; o < n; ++o) {
          if (prev[o] >= 0) raise(static_cast<int>(o), start[prev[o]] + in.operations[prev[o]].modes[0].duration);
        }
        for (const auto& order : orders) {
          for (std::size_t i = 1; i < order.size(); ++i) {
            const int a = order[i - 1];
            raise(order[i], next[a] >= 0 ? start[next[a]] : start[a] + in.operations[a].modes[0].duration);
          }
        }
        if (std::any_of(start.begin(), start.end(), [&](Time s) { return s > horizon; })) return;  // a positive cycle
      }
      Solution sol;
      sol.start = start;
      sol.mode.assign(n, 0);
      const CheckReport report = CheckSolution(in, sol, false);
      if (report.feasible()) best = std::min(best, report.objective);
      return;
    }
    std::sort(orders[m].begin(), orders[m].end());
    do {
      enumerate(m + 1);
    } while (std::next_permutation(orders[m].begin(), orders[m].end()));
  };
  enumerate(0);
  return best;
}

TEST(BlockingIg, CheckedOnRandomShops) {
  int runs = 0;
  for (std::uint64_t seed = 1; seed <= 240; ++seed) {
    const bool flexible = seed % 3 == 0;
    const bool extras = seed % 2 == 0;  // downtime, releases, zero durations, tardiness objective
    const int jobs = 2 + static_cast<int>(seed % 6), machines = 2 + static_cast<int>(seed % 4);
    Instance in = flexible ? test::RandomFlexibleShop(seed, jobs, machines, extras) : test::RandomJobShop(seed, jobs, machines, extras);
    in = Blocking(in, seed % 4 < 2);
    ASSERT_TRUE(ValidateInstance(in).ok()) << ValidateInstance(in).Summary();
    const RunOutcome out = Ig(in, {"iterations=40"}, seed % 5 == 0 ? 2 : 1, seed);
    const std::string what = fmt::format("{} (swaps {}, flexible {}, extras {})", in.name, in.allow_swaps, flexible, extras);
    ASSERT_TRUE(out.result.solution.has_value()) << what << ": " << out.result.message;
    EXPECT_TRUE(out.verified()) << what << ": " << FirstViolation(out);
    EXPECT_EQ(out.result.solution->objective, out.check.objective) << what;
    EXPECT_LE(out.result.bound, out.check.objective) << what;
    if (out.result.status == SolveStatus::Optimal) {
      EXPECT_EQ(out.result.bound, out.check.objective) << what;
    }
    ++runs;
  }
  EXPECT_EQ(runs, 240);
}

TEST(BlockingIg, ReachesBruteForceOptimumOnTinyShops) {
  int total = 0, hits = 0;
  for (std::uint64_t seed = 1; seed <= 48; ++seed) {
    Instance in = Blocking(test::RandomJobShop(500 + seed, 3 + static_cast<int>(seed % 2), 3), seed % 2 == 0);
    if (in.operations.size() > 10) continue;
    const Time optimum = BruteForceOptimum(in);
    ASSERT_NE(optimum, std::numeric_limits<Time>::max()) << in.name;
    const RunOutcome out = Ig(in, {"iterations=300"}, 1, seed);
    ASSERT_TRUE(out.verified()) << in.name << ": " << FirstViolation(out);
    EXPECT_GE(out.check.objective, optimum) << in.name;
    EXPECT_LE(out.result.bound, optimum) << in.name;
    hits += out.check.objective == optimum;
    ++total;
  }
  EXPECT_GT(total, 15);
  EXPECT_EQ(hits, total);
}

TEST(BlockingIg, DeterministicForSeedAndIterations) {
  auto la = ReadInstanceFile(test::Repo("bench/instances/jssp/la06.txt"));
  ASSERT_TRUE(la.ok());
  for (bool swaps : {true, false}) {
    const Instance in = Blocking(*la, swaps);
    const RunOutcome a = Ig(in, {"iterations=40"}, 1, 7);
    const RunOutcome b = Ig(in, {"iterations=40"}, 1, 7);
    ASSERT_TRUE(a.verified() && b.verified());
    EXPECT_EQ(a.result.solution->start, b.result.solution->start);
    EXPECT_EQ(a.result.stats.iterations, b.result.stats.iterations);
  }
}

TEST(BlockingIg, NeverWorseThanBlockingInsertion) {
  auto la = ReadInstanceFile(test::Repo("bench/instances/jssp/la01.txt"));
  ASSERT_TRUE(la.ok());
  std::vector<Instance> instances;
  for (bool swaps : {true, false}) {
    instances.push_back(Blocking(*la, swaps));
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
      instances.push_back(Blocking(test::RandomJobShop(900 + seed, 3 + static_cast<int>(seed % 5), 3, seed % 2 == 0), swaps));
    }
  }
  for (const Instance& in : instances) {
    const RunOutcome construction = test::SolveChecked(in, "blocking-insertion", {});
    const RunOutcome search = Ig(in, {"iterations=20"});
    ASSERT_TRUE(construction.verified() && search.verified()) << in.name;
    EXPECT_LE(search.check.objective, construction.check.objective) << in.name;
  }
}

TEST(BlockingIg, ImprovesOnTheConstructionAndReportsProgress) {
  auto la = ReadInstanceFile(test::Repo("bench/instances/jssp/la06.txt"));
  ASSERT_TRUE(la.ok());
  const Instance in = Blocking(*la, true);
  RunRequest request;
  request.solver = "blocking-ig";
  request.params = {"iterations=60"};
  std::vector<std::int64_t> reported;
  request.control.on_progress = [&](const Progress& p) {
    if (p.best) reported.push_back(*p.best);
  };
  const auto out = SolveAndCheck(in, request);
  ASSERT_TRUE(out.ok() && out->verified());
  ASSERT_GE(reported.size(), 2u);
  EXPECT_TRUE(std::is_sorted(reported.rbegin(), reported.rend()));
  EXPECT_EQ(reported.back(), out->check.objective);
  const RunOutcome construction = test::SolveChecked(in, "blocking-insertion", {});
  EXPECT_LT(out->check.objective, construction.check.objective);
}

TEST(BlockingIg, ProvesOptimalityWhenTheBoundIsReached) {
  // One machine: any order is optimal, and the bound (total work) proves it.
  Instance in = Blocking(test::MakeJobShop({{{0, 3}}, {{0, 4}}, {{0, 2}}}, 1), true);
  const RunOutcome out = Ig(in, {});
  ASSERT_TRUE(out.verified());
  EXPECT_EQ(out.result.status, SolveStatus::Optimal);
  EXPECT_EQ(out.check.objective, 9);
}

TEST(BlockingIg, StopFlagReturnsTheBestSchedule) {
  auto la = ReadInstanceFile(test::Repo("bench/instances/jssp/la21.txt"));
  ASSERT_TRUE(la.ok());
  const Instance in = Blocking(*la, false);
  std::atomic<bool> stop{true};
  RunRequest request;
  request.solver = "blocking-ig";
  request.control.threads = 2;
  request.control.time_limit_seconds = 1000;
  request.control.stop_flag = &stop;
  const auto out = SolveAndCheck(in, request);
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out->verified()) << FirstViolation(*out);
}

TEST(BlockingIg, HonoursDowntime) {
  // M0 is down during [3, 6): J0 = (M0,3)(M1,2) and J1 = (M1,2)(M0,2) must work around it, and
  // a job blocked on M0 may not hold it into the downtime either.
  for (bool swaps : {true, false}) {
    Instance in = Blocking(test::MakeJobShop({{{0, 3}, {1, 2}}, {{1, 2}, {0, 2}}, {{0, 1}, {1, 1}}}, 2), swaps);
    in.resources[0].calendar.push_back({3, 6, 0});
    ASSERT_TRUE(ValidateInstance(in).ok()) << ValidateInstance(in).Summary();
    const RunOutcome out = Ig(in, {"iterations=100"});
    EXPECT_TRUE(out.verified()) << FirstViolation(out);
  }
}

TEST(BlockingIg, IsTheDefaultForBlockingShops) {
  Instance in = test::MakeJobShop({{{0, 2}, {1, 2}}, {{1, 2}, {0, 2}}}, 2);
  EXPECT_EQ(DefaultSolverName(in), "jobshop-tabu");
  in.blocking = true;
  EXPECT_EQ(DefaultSolverName(in), "blocking-ig");
  EXPECT_EQ(DefaultSolverName(Blocking(test::RandomFlexibleShop(3, 4, 3), false)), "blocking-ig");
}

TEST(BlockingIg, SwapsOnlyWhenAllowed) {
  // J0 = (M0,2)(M1,2), J1 = (M1,2)(M0,2): with swaps both jobs exchange machines at t = 2
  // (makespan 4); without, one job must go through before the other starts (makespan 8).
  Instance in = test::MakeJobShop({{{0, 2}, {1, 2}}, {{1, 2}, {0, 2}}}, 2);
  const RunOutcome with = Ig(Blocking(in, true), {"iterations=50"});
  const RunOutcome without = Ig(Blocking(in, false), {"iterations=50"});
  ASSERT_TRUE(with.verified() && without.verified());
  EXPECT_EQ(with.check.objective, 4);
  EXPECT_EQ(without.check.objective, 8);
  EXPECT_EQ(BruteForceOptimum(Blocking(in, true)), 4);
  EXPECT_EQ(BruteForceOptimum(Blocking(in, false)), 8);
}

}  // namespace
}  // namespace ordo
