// The list scheduler and the activity-list genetic algorithm: every schedule passes the
// independent checker, justification never makes a schedule longer, the schedule budget is
// honoured exactly, a fixed seed repeats, a J30 instance reaches its optimum, and other regular
// objectives (tardiness, completion, lateness) are what the GA ranks by.
#include <gtest/gtest.h>

#include <numeric>

#include "check/checker.h"
#include "io/instance_reader.h"
#include "model/validate.h"
#include "random_instances.h"
#include "solve/common/evaluate.h"
#include "solve/common/rng.h"
#include "solve/project/genetic_algorithm.h"
#include "solve/project/list_scheduler.h"
#include "test_util.h"
#include "tiny_projects.h"

namespace ordo {
namespace {

Solution FromStarts(const std::vector<Time>& start) {
  Solution s;
  s.mode.assign(start.size(), 0);
  s.start = start;
  return s;
}

// A decoded schedule must pass the independent checker and have the length its pass returned.
void ExpectCheckedScheduleOfLength(const Instance& in, const std::vector<Time>& start, Time length) {
  Solution s = FromStarts(start);
  s.objective = EvaluateObjective(in, s);
  EXPECT_EQ(s.objective, length) << in.name;
  EXPECT_TRUE(CheckSolution(in, s).feasible()) << in.name;
}

void Shuffle(std::vector<int>& list, std::uint64_t seed) {
  Rng rng(seed);
  for (std::size_t k = list.size(); k > 1; --k) std::swap(list[k - 1], list[rng.Below(k)]);
}

// The random projects with their calendars and release dates removed: schedules may then be
// shifted in time, which the two-population GA needs.
Instance ShiftInvariant(Instance in) {
  for (Resource& r : in.resources) r.calendar.clear();
  for (Operation& op : in.operations) op.release = 0;
  for (Job& j : in.jobs) j.release = 0;
  return in;
}

TEST(ListScheduler, ForwardAndJustifiedSchedulesAreFeasibleAndJustificationNeverLonger) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const Instance in = test::SingleModeMakespanRcpsp(seed, 25);
    ASSERT_TRUE(ValidateInstance(in).ok()) << in.name;
    ASSERT_EQ(ListSchedulerUnsupported(in), "") << in.name;
    ListScheduler scheduler(in);
    std::vector<int> list = scheduler.topological_order();
    const Time forward = scheduler.Forward(list);
    ASSERT_GE(forward, 0);
    ExpectCheckedScheduleOfLength(in, scheduler.start(), forward);
    std::int64_t passes = 0;
    const Time justified = scheduler.Justify(list, &passes);
    EXPECT_LE(justified, forward) << in.name;
    EXPECT_GE(passes, 1);
    ExpectCheckedScheduleOfLength(in, scheduler.start(), justified);
    // The rewritten list decodes to the same schedule length or better.
    EXPECT_LE(scheduler.Forward(list), justified) << in.name;
  }
}

TEST(ListScheduler, BackwardPassesShiftedToZeroAreFeasibleSchedules) {
  // The two-population GA decodes children by a single backward pass from any priority list
  // and shifts the result to time 0; that must be a feasible schedule of the stated length.
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const Instance in = ShiftInvariant(test::SingleModeMakespanRcpsp(seed, 25));
    ListScheduler scheduler(in);
    ASSERT_TRUE(scheduler.ShiftInvariant()) << in.name;
    std::vector<int> list(scheduler.size());
    std::iota(list.begin(), list.end(), 0);
    Shuffle(list, seed);
    ASSERT_GE(scheduler.BackwardList(list, scheduler.horizon()), 0) << in.name;
    const Time length = scheduler.ShiftToZero();
    ExpectCheckedScheduleOfLength(in, scheduler.start(), length);
    // Its increasing-start list decodes forward to a schedule no longer (left justification).
    scheduler.ListByStart(list);
    EXPECT_LE(scheduler.Forward(list), length) << in.name;
  }
  Instance with_release = ShiftInvariant(test::SingleModeMakespanRcpsp(5, 10));
  with_release.operations[3].release = 4;
  EXPECT_FALSE(ListScheduler(with_release).ShiftInvariant());
}

// Whether some activity could start earlier with every other one fixed (the schedule would not
// be active): precedences with their minimum distances, resources and disjunctive pairs.
bool SomeActivityShiftsLeft(const Instance& in, const std::vector<Time>& start) {
  const int n = static_cast<int>(in.operations.size());
  const auto duration = [&](int a) { return in.operations[a].modes[0].duration; };
  const auto distance = [&](const Precedence& p) { return p.lag + (p.type == PrecedenceType::EndToStart ? duration(p.from) : 0); };
  for (int a = 0; a < n; ++a) {
    Time earliest = 0;
    for (const Precedence& p : in.precedences) {
      if (p.to == a && p.from != a) earliest = std::max(earliest, start[p.from] + distance(p));
    }
    for (Time t = earliest; t < start[a]; ++t) {
      bool fits = true;
      for (const Precedence& p : in.precedences) {
        if (p.from == a && p.to != a && t + distance(p) > start[p.to]) fits = false;
      }
      for (const Demand& d : in.operations[a].modes[0].demands) {
        for (Time u = t; u < t + duration(a) && fits; ++u) {
          std::int64_t used = d.amount;
          for (int b = 0; b < n; ++b) {
            if (b == a || start[b] > u || start[b] + duration(b) <= u) continue;
            for (const Demand& e : in.operations[b].modes[0].demands) {
              if (e.resource == d.resource) used += e.amount;
            }
          }
          fits = used <= in.resources[d.resource].capacity;
        }
      }
      for (const DisjunctivePair& pair : in.disjunctive) {
        if (pair.a != a && pair.b != a) continue;
        const int b = pair.a == a ? pair.b : pair.a;
        if (duration(a) > 0 && duration(b) > 0 && t < start[b] + duration(b) && start[b] < t + duration(a)) fits = false;
      }
      if (fits) return true;
    }
  }
  return false;
}

TEST(ListScheduler, ParallelPassesGiveFeasibleActiveSchedules) {
  // The parallel SGS decodes some of the two-population GA's lists: forward from any
  // precedence-feasible list, backward (shifted to 0) from any permutation. Each schedule must
  // be feasible, of the stated length, and the forward one active; a serial pass over its list
  // by start reproduces it or shortens it.
  int parallel_differs = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const Instance in = ShiftInvariant(test::SingleModeMakespanRcpsp(seed, 25));
    ListScheduler scheduler(in);
    ASSERT_TRUE(scheduler.ShiftInvariant()) << in.name;
    std::vector<int> list = scheduler.topological_order();
    const Time forward = scheduler.ForwardParallel(list);
    ASSERT_GE(forward, 0) << in.name;
    ExpectCheckedScheduleOfLength(in, scheduler.start(), forward);
    EXPECT_FALSE(SomeActivityShiftsLeft(in, scheduler.start())) << in.name;
    std::vector<int> by_start = list;
    scheduler.ListByStart(by_start);
    EXPECT_LE(scheduler.Forward(by_start), forward) << in.name;
    if (scheduler.Forward(list) != forward) ++parallel_differs;

    Shuffle(list, seed);
    ASSERT_GE(scheduler.BackwardParallel(list, scheduler.horizon()), 0) << in.name;
    const Time length = scheduler.ShiftToZero();
    ExpectCheckedScheduleOfLength(in, scheduler.start(), length);
  }
  // The schemes differ: the parallel one builds non-delay schedules, the serial one active ones.
  EXPECT_GT(parallel_differs, 0);
}

TEST(ListScheduler, DeclinesWhatTheExactEngineMustDo) {
  Instance in = test::SingleModeMakespanRcpsp(3, 6);
  in.operations[2].deadline = 100;
  EXPECT_EQ(ListSchedulerUnsupported(in), "");  // deadlines: the GA ranks by how far they are missed
  in.operations[2].deadline = kNoDeadline;
  in.precedences.push_back({4, 1, -3, PrecedenceType::StartToStart});
  EXPECT_NE(ListSchedulerUnsupported(in), "");
}

TEST(ListScheduler, DeadlineExcessSumsTheLatenessPastEachDeadline) {
  Instance in = ShiftInvariant(test::SingleModeMakespanRcpsp(4, 12));
  ListScheduler plain(in);
  EXPECT_FALSE(plain.has_deadlines());
  const Time makespan = plain.Forward(plain.topological_order());
  ASSERT_GT(makespan, 2);
  EXPECT_EQ(plain.DeadlineExcess(), 0);
  // A job deadline 2 before the end: each of its activities ending later counts by how much.
  const std::vector<Time> start = plain.start();
  Time expected = 0;
  in.jobs[0].deadline = makespan - 2;
  for (int o : in.jobs[0].operations) {
    expected += std::max<Time>(0, start[o] + in.operations[o].modes[0].duration - (makespan - 2));
  }
  ListScheduler with(in);
  EXPECT_TRUE(with.has_deadlines());
  ASSERT_EQ(with.Forward(with.topological_order()), makespan);
  EXPECT_EQ(with.DeadlineExcess(), expected);
}

// The GA ranks schedules first by how far they miss the deadlines and offers only those that
// meet them: with a common deadline at the rules' best makespan every schedule it returns
// passes the checker, and below the critical path it returns none.
TEST(ProjectGa, MeetsDeadlinesOrReturnsNoSchedule) {
  int feasible = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    Instance in = test::SingleModeMakespanRcpsp(seed, 25);
    const RunOutcome free = test::SolveChecked(in, "project-ga", {"max_schedules=200"}, 1, seed, 10);
    ASSERT_TRUE(free.verified()) << in.name;
    const Time deadline = free.check.objective;
    for (Operation& op : in.operations) op.deadline = deadline;
    if (seed % 2 == 0) in.operations[seed % in.operations.size()].deadline = deadline - 1;  // one tighter
    const RunOutcome out = test::SolveChecked(in, "project-ga", {"max_schedules=2000"}, 1, seed, 10);
    if (out.result.solution) {
      EXPECT_TRUE(out.verified()) << in.name << ": " << out.result.message;
      EXPECT_LE(out.check.objective, deadline) << in.name;
      ++feasible;
    }
    for (Operation& op : in.operations) op.deadline = TrivialLowerBound(in) - 1;
    const RunOutcome none = test::SolveChecked(in, "project-ga", {"max_schedules=300"}, 1, seed, 10);
    EXPECT_FALSE(none.result.solution.has_value()) << in.name;
  }
  EXPECT_GE(feasible, 10);
}

TEST(ListScheduler, ZeroLengthCyclesGoToTheExactEngineAndSelfLoopsHold) {
  // Two activities that must start together (start-to-start lags of 0 both ways) fit no
  // activity list: the list scheduler declines and the project solver still schedules them.
  Instance together = test::MakeJobShop({{{0, 3}}, {{1, 4}}, {{0, 2}}}, 2);
  together.precedences.push_back({0, 1, 0, PrecedenceType::StartToStart});
  together.precedences.push_back({1, 0, 0, PrecedenceType::StartToStart});
  ASSERT_TRUE(ValidateInstance(together).ok()) << ValidateInstance(together).Summary();
  EXPECT_NE(ListSchedulerUnsupported(together), "");
  const RunOutcome out = test::SolveChecked(together, "project", {}, 1, 1, 10);
  ASSERT_TRUE(out.verified()) << out.result.message;
  EXPECT_EQ(out.result.solution->start[0], out.result.solution->start[1]);
  // A start-to-start self-loop of lag 0 always holds: the GA schedules every activity.
  Instance loop = ShiftInvariant(test::SingleModeMakespanRcpsp(3, 8));
  loop.precedences.push_back({2, 2, 0, PrecedenceType::StartToStart});
  ASSERT_TRUE(ValidateInstance(loop).ok()) << ValidateInstance(loop).Summary();
  EXPECT_EQ(ListSchedulerUnsupported(loop), "");
  const RunOutcome ga = test::SolveChecked(loop, "project-ga", {"max_schedules=300"}, 1, 1, 10);
  EXPECT_TRUE(ga.verified()) << ga.result.message;
}

TEST(ProjectGa, BudgetBelowTheThreadCountIsHonoured) {
  // Three threads share two schedules: the third island gets none (not an endless run).
  const Instance in = ShiftInvariant(test::SingleModeMakespanRcpsp(5, 12));
  const RunOutcome out = test::SolveChecked(in, "project-ga", {"max_schedules=2"}, 3, 1, 5);
  ASSERT_TRUE(out.verified()) << out.result.message;
  EXPECT_LE(out.result.stats.schedules, 2);
}

TEST(ProjectGa, SchedulesPassTheCheckerAndTheBudgetHolds) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    // Odd seeds keep calendars and release dates (one population), even ones drop them (two
    // populations); seeds also cycle through the single population with frequent restarts
    // and the two-point crossover, and every fourth is a multi-start of runs of 150 schedules
    // (the last one cut to the budget), so that every path is exercised.
    const Instance raw = test::SingleModeMakespanRcpsp(seed, 30);
    const Instance in = seed % 2 == 0 ? ShiftInvariant(raw) : raw;
    std::vector<std::string> params = {"max_schedules=700"};
    if (seed / 2 % 3 == 1) params.insert(params.end(), {"bipopulation=false", "restart_after=2"});
    if (seed / 2 % 3 == 2) params.push_back("peak_crossover=false");
    if (seed % 4 == 3) params.push_back("epoch_schedules=150");
    const RunOutcome out = test::SolveChecked(in, "project-ga", params, 1, seed, 30);
    ASSERT_TRUE(out.verified()) << in.name << ": " << out.result.message;
    EXPECT_LE(out.result.stats.schedules, 700) << in.name;
    EXPECT_LE(out.result.bound, out.check.objective);
    if (out.result.status != SolveStatus::Optimal) {
      EXPECT_EQ(out.result.stats.schedules, 700) << in.name;
    }
  }
}

TEST(ProjectGa, DefaultPopulationFollowsTheBudget) {
  const Instance plain = ShiftInvariant(test::SingleModeMakespanRcpsp(4, 20));
  auto size = [](const Instance& in, std::int64_t budget) {
    GaOptions options;
    options.max_schedules = budget;
    return ActivityListGa(in, options, 1).population();
  };
  EXPECT_EQ(size(plain, 1000), 20);
  EXPECT_EQ(size(plain, 5000), 60);
  EXPECT_EQ(size(plain, 50000), 286);
  EXPECT_EQ(size(plain, 0), 60);
  EXPECT_EQ(size(plain, 10), 10);
  EXPECT_EQ(size(test::SingleModeMakespanRcpsp(1, 20), 5000), 40);  // calendars: one population
  Instance tardiness = plain;  // another objective: one population, larger
  tardiness.objective.terms = {{ObjectiveKind::TotalWeightedTardiness, 1}};
  EXPECT_EQ(size(tardiness, 1000), 35);
  EXPECT_EQ(size(tardiness, 5000), 100);
  EXPECT_EQ(size(tardiness, 50000), 447);
  EXPECT_EQ(size(tardiness, 0), 100);
}

TEST(ProjectGa, OneThreadWithASeedRepeats) {
  const Instance in = test::SingleModeMakespanRcpsp(7, 40);
  const RunOutcome a = test::SolveChecked(in, "project-ga", {"max_schedules=3000"}, 1, 42, 30);
  const RunOutcome b = test::SolveChecked(in, "project-ga", {"max_schedules=3000"}, 1, 42, 30);
  ASSERT_TRUE(a.verified() && b.verified());
  EXPECT_EQ(a.result.solution->start, b.result.solution->start);
  EXPECT_EQ(a.result.stats.schedules, b.result.stats.schedules);
}

TEST(ProjectGa, RanksByTheObjectiveNotTheMakespan) {
  // One machine, two independent jobs: A (1 long, due at 1, weight 1) and B (5 long, due at
  // 5, weight 10). Both orders end at 6; A first costs 10 (B one late, times 10), B first 5 (A
  // five late). The due dates put A first in every initial list, and every list has the same
  // makespan: only mutation finds B first, and only ranking by the objective keeps it.
  Instance in = test::MakeJobShop({{{0, 1}}, {{0, 5}}}, 1);
  in.jobs[0].due = 1;
  in.jobs[0].weight = 1;
  in.jobs[1].due = 5;
  in.jobs[1].weight = 10;
  in.objective.terms = {{ObjectiveKind::TotalWeightedTardiness, 1}};
  ASSERT_TRUE(ValidateInstance(in).ok());
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const RunOutcome out = test::SolveChecked(in, "project-ga", {"max_schedules=400"}, 1, seed, 10);
    ASSERT_TRUE(out.verified()) << out.result.message;
    EXPECT_EQ(out.check.objective, 5) << "seed " << seed;
  }
}

TEST(ProjectGa, RegularObjectivesNeverBelowTheExhaustiveOptimumAndUsuallyAtIt) {
  // Weighted tardiness, weighted completion, maximum lateness and a weighted sum with the
  // makespan on tiny projects without maximum lags (the list scheduler's scope), due dates and
  // weights drawn per job: every schedule passes the checker, none beats brute force, and the
  // GA finds the optimum on most (it is a heuristic: no proof, so no bound check beyond <=).
  const std::vector<std::vector<ObjectiveTerm>>& objectives = test::OtherObjectives();
  int runs = 0, optimal = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    Rng rng(seed * 17 + 3);
    test::TinyProject t = test::RandomTinyProjectWithDues(seed, rng);
    Instance& in = t.in;
    in.objective.terms = objectives[seed % objectives.size()];
    if (!ValidateInstance(in).ok() || !ListSchedulerUnsupported(in).empty()) continue;
    const std::optional<std::int64_t> truth = test::BruteForceObjective(in, t.horizon);
    if (!truth) continue;
    const RunOutcome out = test::SolveChecked(in, "project-ga", {"max_schedules=300"}, 1, seed, 10);
    if (!out.result.solution) continue;  // the horizon as a deadline may be missed by every list
    ASSERT_TRUE(out.verified()) << in.name << ": " << out.result.message;
    EXPECT_GE(out.check.objective, *truth) << in.name;
    EXPECT_LE(out.result.bound, out.check.objective) << in.name;
    ++runs;
    if (out.check.objective == *truth) ++optimal;
  }
  EXPECT_GT(runs, 60);
  EXPECT_GE(optimal * 10, runs * 8) << optimal << " of " << runs;
}

TEST(ProjectGa, ReachesTheOptimumOfJ301_1) {
  const auto in = ReadInstanceFile(test::Repo("bench/instances/rcpsp/j30/j301_1.sm"));
  ASSERT_TRUE(in) << in.error();
  const RunOutcome out = test::SolveChecked(*in, "project-ga", {"max_schedules=5000"}, 1, 1, 30);
  ASSERT_TRUE(out.verified());
  EXPECT_EQ(out.check.objective, 43);
}

}  // namespace
}  // namespace ordo
