// Property tests: on hundreds of random instances of each family, every registered solver
// and every one of its rules returns a schedule that the independent checker accepts, whose
// objective equals the checker's recomputation, and whose bound does not exceed it.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "check/checker.h"
#include "model/validate.h"
#include "random_instances.h"
#include "report/run.h"

namespace ordo {
namespace {

// Every (solver, rule) pair that accepts the instance.
std::vector<RunRequest> AllRequests(const Instance& in) {
  std::vector<RunRequest> requests;
  for (const SolverInfo& info : SolverRegistry()) {
    if (!info.Accepts(in)) continue;
    for (const ParamSpec& spec : info.params) {
      if (spec.name != "rule") continue;
      for (const std::string& rule : spec.choices) {
        RunRequest r;
        r.solver = info.name;
        r.params = {"rule=" + rule};
        if (rule == "random") r.params.push_back("samples=3");
        r.control.time_limit_seconds = 5;
        requests.push_back(r);
      }
    }
  }
  return requests;
}

void ExpectAllVerified(const Instance& in, int min_requests) {
  ASSERT_TRUE(ValidateInstance(in).ok()) << ValidateInstance(in).Summary();
  const auto requests = AllRequests(in);
  ASSERT_GE(static_cast<int>(requests.size()), min_requests);
  for (const RunRequest& request : requests) {
    const auto outcome = SolveAndCheck(in, request);
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    const std::string what = fmt::format("{} {} {} on {}", request.solver, request.params[0],
                                         ToString(outcome->result.status), in.name);
    ASSERT_TRUE(outcome->result.solution.has_value()) << what << ": " << outcome->result.message;
    EXPECT_TRUE(outcome->verified()) << what << ": "
                                     << (outcome->check.violations.empty() ? "" : outcome->check.violations[0].message);
    EXPECT_EQ(outcome->result.solution->objective, outcome->check.objective) << what;
    EXPECT_LE(outcome->result.bound, outcome->check.objective) << what;
  }
}

TEST(DispatchProperty, JobShop) {
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    ExpectAllVerified(test::RandomJobShop(seed, 2 + static_cast<int>(seed % 7), 1 + static_cast<int>(seed % 5), seed % 3 == 0), 20);
  }
}

TEST(DispatchProperty, FlexibleJobShop) {
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    Instance in = test::RandomFlexibleShop(seed, 2 + static_cast<int>(seed % 6), 2 + static_cast<int>(seed % 4), seed % 3 == 0);
    ExpectAllVerified(in, 10);
  }
}

TEST(DispatchProperty, Rcpsp) {
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    ExpectAllVerified(test::RandomRcpsp(seed, 3 + static_cast<int>(seed % 15), 1 + static_cast<int>(seed % 4), seed % 2 == 0), 10);
  }
}

TEST(DispatchProperty, SingleMachine) {
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    ExpectAllVerified(test::RandomSingleMachine(seed, 1 + static_cast<int>(seed % 30), seed % 2 == 0), 8);
  }
}

TEST(DispatchProperty, BlockingShops) {
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    Instance in = seed % 2 ? test::RandomJobShop(seed, 2 + static_cast<int>(seed % 7), 2 + static_cast<int>(seed % 4), seed % 3 == 0)
                           : test::RandomFlexibleShop(seed, 2 + static_cast<int>(seed % 6), 2 + static_cast<int>(seed % 4));
    in.blocking = true;
    in.allow_swaps = seed % 4 < 2;
    ExpectAllVerified(in, 5);
  }
}

TEST(DispatchProperty, SameSeedSameSchedule) {
  const Instance in = test::RandomJobShop(7, 8, 5);
  RunRequest request;
  request.solver = "gt-active";
  request.params = {"rule=random", "samples=20"};
  request.control.seed = 42;
  const auto a = SolveAndCheck(in, request);
  const auto b = SolveAndCheck(in, request);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->result.solution->start, b->result.solution->start);
}

TEST(DispatchProperty, BoundIsOptimalOnSingleMachineMakespan) {
  // With a makespan objective and no releases, any non-delay sequence is optimal and the
  // trivial bound (total work) proves it.
  Instance in = test::RandomSingleMachine(3, 10);
  in.objective.terms = {ObjectiveTerm{ObjectiveKind::Makespan, 1}};
  RunRequest request;
  request.solver = "sm-dispatch";
  request.control.time_limit_seconds = 1;
  const auto outcome = SolveAndCheck(in, request);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->result.status, SolveStatus::Optimal);
}

}  // namespace
}  // namespace ordo
