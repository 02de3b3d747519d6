// Large neighbourhood search with exact repair (solve/project/lns.h): every schedule it
// keeps passes the independent checker, it never makes the incumbent longer, a seed
// repeats, it stops at its neighbourhood budget, and on tiny projects with lags, windows,
// calendars and disjunctive pairs it never claims less than the exhaustive optimum.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "check/checker.h"
#include "model/validate.h"
#include "random_instances.h"
#include "solve/common/evaluate.h"
#include "solve/project/feasibility.h"
#include "solve/project/lcg_model.h"
#include "solve/project/lns.h"
#include "tiny_projects.h"

namespace ordo {
namespace {

struct LnsRun {
  std::optional<Solution> start, best;
  LnsStats stats;
};

LnsRun RunFromRules(const Instance& in, std::uint64_t seed, std::int64_t neighbourhoods,
                    lcg::CumulativeReasoning reasoning = {}) {
  LnsRun run;
  SolveControl control;
  control.time_limit_seconds = 1e9;
  ProjectIncumbent incumbent(in, control, TrivialLowerBound(in));
  run.start = BestRuleSchedule(in);
  if (!run.start) return run;
  incumbent.Offer(*run.start);
  LnsOptions options;
  options.conflicts = 50;
  options.max_neighbourhoods = neighbourhoods;
  options.reasoning = reasoning;
  run.stats = RunProjectLns(in, options, seed, incumbent, [] { return false; });
  run.best = incumbent.Take();
  return run;
}

TEST(ProjectLns, KeepsCheckedSchedulesNeverLongerAndRepeatsForASeed) {
  int improved = 0;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    const Instance in = test::SingleModeMakespanRcpsp(seed, 20);
    ASSERT_TRUE(ValidateInstance(in).ok()) << in.name;
    ASSERT_EQ(LcgUnsupported(in), "") << in.name;
    const LnsRun a = RunFromRules(in, seed, 40);
    if (!a.start) continue;
    ASSERT_TRUE(a.best.has_value());
    EXPECT_LE(a.stats.neighbourhoods, 40);
    EXPECT_LE(a.best->objective, a.start->objective) << in.name;
    EXPECT_EQ(a.best->objective, EvaluateObjective(in, *a.best)) << in.name;
    EXPECT_TRUE(CheckSolution(in, *a.best).feasible()) << in.name;
    if (a.best->objective < a.start->objective) ++improved;
    const LnsRun b = RunFromRules(in, seed, 40);
    EXPECT_EQ(a.best->start, b.best->start) << in.name;
    EXPECT_EQ(a.stats.conflicts, b.stats.conflicts) << in.name;
  }
  EXPECT_GT(improved, 0) << "the search should shorten some rule schedule";
}

TEST(ProjectLns, NeverBelowTheExhaustiveOptimumOnTinyProjects) {
  int checked = 0;
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    const test::TinyProject p = test::RandomTinyProject(seed);
    if (!ValidateInstance(p.in).ok() || !LcgUnsupported(p.in).empty()) continue;
    // Every other project with the overload check and edge finding in the repairs.
    const LnsRun run = RunFromRules(p.in, seed, 20, {seed % 2 == 0, seed % 2 == 0});
    if (!run.start) continue;
    const std::optional<Time> optimum = test::BruteForceMakespan(p.in, run.start->objective);
    ASSERT_TRUE(optimum.has_value()) << p.in.name;  // the rule schedule itself is one
    ASSERT_TRUE(run.best.has_value());
    EXPECT_TRUE(CheckSolution(p.in, *run.best).feasible()) << p.in.name;
    EXPECT_GE(run.best->objective, *optimum) << p.in.name;
    EXPECT_LE(run.best->objective, run.start->objective) << p.in.name;
    ++checked;
  }
  EXPECT_GT(checked, 40);
}

// With 2+ threads the LNS waits for the first schedule where no rule met the deadlines: the
// wait ends on an offer from another thread, or on the stop condition without a schedule.
TEST(ProjectIncumbent, WaitForScheduleEndsOnAnOfferOrOnStop) {
  const Instance in = test::SingleModeMakespanRcpsp(3, 20);
  const std::optional<Solution> start = BestRuleSchedule(in);
  ASSERT_TRUE(start.has_value());
  SolveControl control;
  control.time_limit_seconds = 1e9;
  {
    ProjectIncumbent incumbent(in, control, TrivialLowerBound(in));
    std::atomic<bool> waiting{false};
    std::thread offerer([&] {
      while (!waiting.load()) std::this_thread::yield();
      incumbent.Offer(*start);
    });
    waiting.store(true);
    EXPECT_TRUE(incumbent.WaitForSchedule([] { return false; }));
    offerer.join();
    EXPECT_TRUE(incumbent.has_schedule());
  }
  {
    ProjectIncumbent incumbent(in, control, TrivialLowerBound(in));
    int polls = 0;
    EXPECT_FALSE(incumbent.WaitForSchedule([&] { return ++polls >= 3; }));
    EXPECT_EQ(polls, 3);
    EXPECT_FALSE(incumbent.has_schedule());
  }
}

}  // namespace
}  // namespace ordo
