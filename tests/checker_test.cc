// The checker catches each kind of violation on hand-made cases and agrees with a
// brute-force unit-time oracle on tiny random instances.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "check/checker.h"
#include "model/validate.h"
#include "random_instances.h"
#include "test_util.h"

namespace ordo {
namespace {

Solution Make(std::vector<Time> start, std::vector<int> mode = {}) {
  Solution s;
  s.start = std::move(start);
  s.mode = mode.empty() ? std::vector<int>(s.start.size(), 0) : std::move(mode);
  return s;
}

// Two jobs, two machines: J0 = (M0,3)(M1,2), J1 = (M1,4)(M0,1). Ops 0,1 | 2,3.
Instance TwoByTwo() { return test::MakeJobShop({{{0, 3}, {1, 2}}, {{1, 4}, {0, 1}}}, 2); }

CheckReport Check(const Instance& in, Solution s) {
  EXPECT_TRUE(ValidateInstance(in).ok()) << ValidateInstance(in).Summary();
  return CheckSolution(in, s, /*compare_objective=*/false);
}

TEST(Checker, AcceptsFeasibleSchedule) {
  const auto r = Check(TwoByTwo(), Make({0, 4, 0, 4}));
  EXPECT_TRUE(r.feasible());
  EXPECT_EQ(r.violation_count, 0u);
  EXPECT_EQ(r.objective, 6);
}

TEST(Checker, Precedence) {
  const auto r = Check(TwoByTwo(), Make({0, 2, 0, 4}));  // op1 starts at 2 < end of op0 (3)
  EXPECT_TRUE(r.Has(ViolationKind::Precedence));
  EXPECT_FALSE(r.feasible());
  EXPECT_EQ(r.violations[0].operations, (std::vector<int>{0, 1}));
}

TEST(Checker, PrecedenceWithLagAndStartToStart) {
  Instance in = TwoByTwo();
  in.precedences.push_back({0, 2, 2, PrecedenceType::StartToStart});  // S2 >= S0 + 2
  EXPECT_TRUE(Check(in, Make({0, 4, 1, 5})).Has(ViolationKind::Precedence));
  EXPECT_FALSE(Check(in, Make({0, 4, 2, 6})).Has(ViolationKind::Precedence));
}

TEST(Checker, MachineOverlap) {
  const auto r = Check(TwoByTwo(), Make({0, 3, 0, 4}));  // op1 on M1 [3,5) overlaps op2 on M1 [0,4)
  EXPECT_TRUE(r.Has(ViolationKind::MachineOverlap));
  EXPECT_EQ(r.violations[0].time, 3);
}

TEST(Checker, Capacity) {
  Instance in;
  in.resources.push_back({"R", ResourceKind::Renewable, 2, {}});
  for (int a = 0; a < 3; ++a) {
    in.operations.push_back({"", a, {Mode{4, {Demand{0, 1}}}}, 0, kNoDeadline});
    in.jobs.push_back({"", {a}, 0, 0, kNoDeadline, 1});
  }
  EXPECT_TRUE(Check(in, Make({0, 2, 3})).Has(ViolationKind::Capacity));  // three at [3,4)
  EXPECT_TRUE(Check(in, Make({0, 2, 4})).feasible());
}

TEST(Checker, CalendarDowntime) {
  Instance in = TwoByTwo();
  in.resources[0].calendar.push_back({5, 10, 0});
  const auto r = Check(in, Make({4, 7, 0, 9}));  // op0 on M0 [4,7) meets downtime [5,10)
  EXPECT_TRUE(r.Has(ViolationKind::Calendar));
  EXPECT_FALSE(r.Has(ViolationKind::MachineOverlap));
  EXPECT_TRUE(Check(in, Make({10, 13, 0, 13})).feasible());
}

TEST(Checker, ResumableOperationPausesOverDowntime) {
  Instance in = TwoByTwo();
  in.resources[0].calendar.push_back({5, 10, 0});
  in.operations[0].resumable = true;  // M0, 3: works [4, 5) and [10, 12)
  Solution ok = Make({4, 12, 0, 12});
  const CheckReport r = Check(in, ok);
  EXPECT_TRUE(r.feasible()) << (r.violations.empty() ? "" : r.violations[0].message);
  EXPECT_EQ(r.objective, 14);
  EXPECT_FALSE(Check(in, Make({4, 11, 0, 12})).feasible());                                // op1 before op0's end 12
  EXPECT_TRUE(Check(in, Make({4, 12, 0, 11})).Has(ViolationKind::MachineOverlap));        // op3 meets [10, 12)
  EXPECT_TRUE(Check(in, Make({4, 12, 0, 5})).Has(ViolationKind::Calendar));              // op3 inside the downtime
  EXPECT_TRUE(Check(in, Make({6, 14, 0, 14})).Has(ViolationKind::Calendar));             // starts while down
  in.operations[0].resumable = false;
  EXPECT_TRUE(Check(in, Make({4, 12, 0, 12})).Has(ViolationKind::Calendar));             // must not straddle
}

TEST(Checker, CalendarReducedCapacity) {
  Instance in;
  in.resources.push_back({"R", ResourceKind::Renewable, 3, {{2, 4, 1}}});
  for (int a = 0; a < 2; ++a) {
    in.operations.push_back({"", a, {Mode{3, {Demand{0, 1}}}}, 0, kNoDeadline});
    in.jobs.push_back({"", {a}, 0, 0, kNoDeadline, 1});
  }
  EXPECT_TRUE(Check(in, Make({0, 1})).Has(ViolationKind::Calendar));  // 2 used at [2,3), capacity 1
  EXPECT_TRUE(Check(in, Make({0, 4})).feasible());
}

TEST(Checker, Windows) {
  Instance in = TwoByTwo();
  in.jobs[1].release = 2;
  in.operations[1].deadline = 5;
  const auto r = Check(in, Make({0, 4, 0, 4}));  // op2 starts at 0 < 2; op1 ends 6 > 5
  EXPECT_TRUE(r.Has(ViolationKind::Window));
  EXPECT_EQ(r.violation_count, 2u);
  const auto negative = Check(TwoByTwo(), Make({-1, 4, 0, 4}));
  EXPECT_TRUE(negative.Has(ViolationKind::Window));
}

TEST(Checker, DisjunctivePair) {
  Instance in = TwoByTwo();
  in.disjunctive.push_back({0, 2});  // M0 and M1 ops that would otherwise run together
  EXPECT_TRUE(Check(in, Make({0, 4, 0, 4})).Has(ViolationKind::Disjunctive));
  EXPECT_FALSE(Check(in, Make({0, 7, 3, 7})).Has(ViolationKind::Disjunctive));
}

TEST(Checker, Eligibility) {
  const auto r = Check(TwoByTwo(), Make({0, 4, 0, 4}, {0, 1, 0, 0}));  // op1 has one mode
  EXPECT_TRUE(r.Has(ViolationKind::Eligibility));
  EXPECT_FALSE(r.objective_computed);
}

TEST(Checker, ShapeMismatch) {
  EXPECT_TRUE(Check(TwoByTwo(), Make({0, 4, 0})).Has(ViolationKind::Shape));
}

TEST(Checker, BlockingHoldsMachine) {
  Instance in = TwoByTwo();
  in.blocking = true;
  // op0 on M0 [0,3) holds M0 until op1 starts at 6, but op3 uses M0 during [4,5).
  const auto r = Check(in, Make({0, 6, 0, 4}));
  EXPECT_TRUE(r.Has(ViolationKind::Blocking));
  EXPECT_FALSE(r.Has(ViolationKind::MachineOverlap));
  // Without blocking the same schedule is fine.
  in.blocking = false;
  EXPECT_TRUE(Check(in, Make({0, 6, 0, 4})).feasible());
  // A sequential blocking schedule: J0 goes through, then J1.
  in.blocking = true;
  EXPECT_TRUE(Check(in, Make({0, 3, 5, 9})).feasible());
}

TEST(Checker, BlockingSwapOnTwoByTwo) {
  Instance in = TwoByTwo();
  in.blocking = true;
  // At t = 4, op0 moves M0 -> M1 while op2 moves M1 -> M0: a swap.
  in.allow_swaps = true;
  EXPECT_TRUE(Check(in, Make({0, 4, 0, 4})).feasible());
  in.allow_swaps = false;
  EXPECT_TRUE(Check(in, Make({0, 4, 0, 4})).Has(ViolationKind::Blocking));
  EXPECT_TRUE(Check(in, Make({0, 3, 5, 9})).feasible());
}

TEST(Checker, BlockingSwapAllowedOrNot) {
  // J0 = (M0,2)(M1,2), J1 = (M1,2)(M0,2): both finish their first op at 2 and exchange machines.
  Instance in = test::MakeJobShop({{{0, 2}, {1, 2}}, {{1, 2}, {0, 2}}}, 2);
  in.blocking = true;
  const Solution swap = Make({0, 2, 0, 2});
  in.allow_swaps = true;
  EXPECT_TRUE(Check(in, swap).feasible());
  in.allow_swaps = false;
  const auto r = Check(in, swap);
  EXPECT_TRUE(r.Has(ViolationKind::Blocking));
  EXPECT_EQ(r.violations[0].operations, (std::vector<int>{0, 2}));
}

TEST(Checker, ObjectiveMismatchAndRecomputation) {
  Instance in = TwoByTwo();
  in.jobs[0].due = 4;
  in.jobs[0].weight = 3;
  in.jobs[1].due = 10;
  in.objective.terms = {{ObjectiveKind::Makespan, 1}, {ObjectiveKind::TotalWeightedTardiness, 2},
                        {ObjectiveKind::TotalWeightedCompletion, 1}, {ObjectiveKind::MaxLateness, 1}};
  Solution s = Make({0, 4, 0, 4});
  // C0 = 6, C1 = 5. makespan 6; TWT = 3*(6-4) = 6; TWC = 3*6 + 1*5 = 23; Lmax = max(2, -5) = 2.
  const std::int64_t expected = 6 + 2 * 6 + 23 + 2;
  s.objective = expected;
  auto r = CheckSolution(in, s);
  EXPECT_EQ(r.objective, expected);
  EXPECT_EQ(r.violation_count, 0u);
  s.objective = expected - 1;
  r = CheckSolution(in, s);
  EXPECT_TRUE(r.Has(ViolationKind::Objective));
  EXPECT_TRUE(r.feasible());
}

// ---- Brute force: a unit-time oracle written independently of the checker. ----

bool OracleFeasible(const Instance& in, const Solution& s, Time horizon) {
  const std::size_t n = in.operations.size();
  std::vector<Time> end(n);
  for (std::size_t o = 0; o < n; ++o) end[o] = s.start[o] + in.operations[o].modes[s.mode[o]].duration;
  for (std::size_t o = 0; o < n; ++o) {
    const Operation& op = in.operations[o];
    const Job& job = in.jobs[op.job];
    if (s.start[o] < std::max(op.release, job.release)) return false;
    if (end[o] > std::min(op.deadline, job.deadline)) return false;
  }
  for (const Precedence& p : in.precedences) {
    const Time base = p.type == PrecedenceType::EndToStart ? end[p.from] : s.start[p.from];
    if (s.start[p.to] < base + p.lag) return false;
  }
  for (Time t = 0; t < horizon; ++t) {
    for (std::size_t r = 0; r < in.resources.size(); ++r) {
      std::int64_t cap = in.resources[r].capacity;
      for (const CapacityPeriod& cp : in.resources[r].calendar) {
        if (cp.start <= t && t < cp.end) cap = cp.capacity;
      }
      std::int64_t used = 0;
      for (std::size_t o = 0; o < n; ++o) {
        if (s.start[o] <= t && t < end[o]) {
          for (const Demand& d : in.operations[o].modes[s.mode[o]].demands) {
            if (d.resource == static_cast<int>(r)) used += d.amount;
          }
        }
      }
      if (used > cap) return false;
    }
    for (const DisjunctivePair& d : in.disjunctive) {
      if (s.start[d.a] <= t && t < end[d.a] && s.start[d.b] <= t && t < end[d.b]) return false;
    }
  }
  return true;
}

void EnumerateAll(const Instance& in, Time max_start, const std::function<void(const Solution&)>& visit) {
  const std::size_t n = in.operations.size();
  Solution s = Make(std::vector<Time>(n, 0));
  std::function<void(std::size_t)> rec = [&](std::size_t o) {
    if (o == n) {
      visit(s);
      return;
    }
    for (std::size_t m = 0; m < in.operations[o].modes.size(); ++m) {
      s.mode[o] = static_cast<int>(m);
      for (Time t = 0; t <= max_start; ++t) {
        s.start[o] = t;
        rec(o + 1);
      }
    }
  };
  rec(0);
}

TEST(Checker, AgreesWithBruteForceOnTinyProjects) {
  int feasible_seen = 0, infeasible_seen = 0;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    Instance in = test::RandomRcpsp(seed, 3, 2, /*extras=*/true);
    for (auto& op : in.operations) {
      for (auto& mode : op.modes) mode.duration = std::min<Time>(mode.duration, 4);
    }
    if (seed % 3 == 0) in.disjunctive.push_back({0, 2});
    if (seed % 4 == 0) in.operations[1].deadline = 7;
    ASSERT_TRUE(ValidateInstance(in).ok()) << ValidateInstance(in).Summary();
    EnumerateAll(in, 5, [&](const Solution& s) {
      const bool oracle = OracleFeasible(in, s, 5 + 12 + 60);
      const bool checker = CheckSolution(in, s, false).feasible();
      ASSERT_EQ(oracle, checker) << "seed " << seed << " starts " << s.start[0] << "," << s.start[1] << "," << s.start[2];
      (oracle ? feasible_seen : infeasible_seen)++;
    });
  }
  EXPECT_GT(feasible_seen, 100);
  EXPECT_GT(infeasible_seen, 100);
}

TEST(Checker, AgreesWithBruteForceOnTinyShops) {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    Instance in = test::RandomFlexibleShop(seed, 2, 2, /*extras=*/true);
    while (in.operations.size() > 4) {  // keep the enumeration small: drop trailing jobs
      const Job job = in.jobs.back();
      in.jobs.pop_back();
      in.operations.resize(in.operations.size() - job.operations.size());
      in.precedences.resize(in.precedences.size() - (job.operations.size() - 1));
    }
    for (auto& op : in.operations) {
      for (auto& mode : op.modes) mode.duration = std::min<Time>(mode.duration, 3);
    }
    ASSERT_TRUE(ValidateInstance(in).ok()) << ValidateInstance(in).Summary();
    EnumerateAll(in, 4, [&](const Solution& s) {
      ASSERT_EQ(OracleFeasible(in, s, 100), CheckSolution(in, s, false).feasible()) << "seed " << seed;
    });
  }
}

}  // namespace
}  // namespace ordo
