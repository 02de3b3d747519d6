// Infeasibility of projects: INFEASIBLE is proved with the safe horizon, and the conflict
// explanation is a minimal conflicting set — kept alone still infeasible, and dropping any
// one of its constraints gives a schedule that the independent checker accepts. Checked
// against the exhaustive search on tiny projects and on levels of the generated ramp.
#include <gtest/gtest.h>

#include <algorithm>

#include "check/checker.h"
#include "gen/project_ramp.h"
#include "model/validate.h"
#include "solve/project/conflict_explanation.h"
#include "solve/project/feasibility.h"
#include "solve/project/safe_horizon.h"
#include "test_util.h"
#include "tiny_projects.h"

namespace ordo {
namespace {

const auto kNoStop = [] { return false; };

// The verdict, with a checker-verified schedule whenever it says Feasible.
Feasibility Decide(const Instance& in) {
  const FeasibilityVerdict v = DecideFeasibility(in, kNoStop);
  if (v.verdict == Feasibility::Feasible) {
    EXPECT_TRUE(v.schedule.has_value());
    if (v.schedule) {
      EXPECT_TRUE(CheckSolution(in, *v.schedule).feasible()) << in.name;
    }
  }
  return v.verdict;
}

// The explanation's two defining properties, with `feasible` as the oracle for the sets.
void ExpectMinimalConflict(const Instance& in, const ConflictExplanation& why,
                           const std::function<bool(const Instance&)>& feasible) {
  ASSERT_TRUE(why.minimal) << in.name;
  ASSERT_FALSE(why.groups.empty()) << in.name;
  ASSERT_EQ(why.sentences.size(), why.groups.size());
  for (const std::string& s : why.sentences) EXPECT_FALSE(s.empty());
  EXPECT_FALSE(feasible(KeepOnly(in, why.groups))) << in.name << ": the conflicting set alone has a schedule";
  for (std::size_t g = 0; g < why.groups.size(); ++g) {
    std::vector<ConstraintGroup> fewer = why.groups;
    fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(g));
    EXPECT_TRUE(feasible(KeepOnly(in, fewer))) << in.name << ": still infeasible without '" << why.sentences[g] << "'";
  }
}

TEST(SafeHorizon, CoversLatestEventsAndEveryDurationAndLag) {
  Instance in = test::MakeJobShop({{{0, 3}, {0, 4}}}, 1);
  in.operations[1].deadline = 50;
  in.resources[0].calendar = {{60, 70, 0}};
  in.precedences.push_back({0, 1, 5, PrecedenceType::EndToStart});
  // Latest event 70; operation 0 covers max(3, 3 + 0, 3 + 5) = 8, operation 1 covers 4.
  EXPECT_EQ(SafeHorizon(in), 70 + 8 + 4);
}

TEST(ConflictExplanation, TinyProjectsAgreeWithExhaustiveSearch) {
  int explained = 0;
  for (std::uint64_t seed = 1; seed <= 400 && explained < 25; ++seed) {
    test::TinyProject t = test::RandomTinyProject(seed, 4);
    // Tight deadlines on some activities make conflicts among windows, lags and capacity.
    for (std::size_t o = 0; o < t.in.operations.size(); ++o) {
      if ((seed + o) % 3 == 0) t.in.operations[o].deadline = t.in.operations[o].release + 5;
    }
    if (!ValidateInstance(t.in).ok()) continue;
    auto truth = [](const Instance& in) { return test::BruteForceMakespan(in, SafeHorizon(in)).has_value(); };
    const bool feasible = truth(t.in);
    ASSERT_EQ(Decide(t.in), feasible ? Feasibility::Feasible : Feasibility::Infeasible) << t.in.name;
    if (feasible) continue;
    const ConflictExplanation why = ExplainInfeasibility(t.in, kNoStop);
    ExpectMinimalConflict(t.in, why, truth);
    ++explained;
  }
  EXPECT_GE(explained, 10);
}

TEST(ConflictExplanation, GeneratedRampLevelsAreDecidedAndExplained) {
  int infeasible = 0, feasible = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    gen::ProjectRampOptions options;
    options.tasks = 10;
    options.layers = 4;
    options.resources = 2;
    options.precedence_levels = 10;
    options.constraint_levels = 24;
    options.seed = seed;
    const std::vector<Instance> ramp = gen::GenerateProjectRamp(options, "ramp");
    ASSERT_EQ(ramp.size(), 34U);
    for (const Instance& level : ramp) {
      ASSERT_TRUE(ValidateInstance(level).ok()) << level.name << ": " << ValidateInstance(level).Summary();
      if (Decide(level) == Feasibility::Feasible) {
        ++feasible;
        continue;
      }
      // Explain the first infeasible level of each ramp (later ones only add constraints).
      const ConflictExplanation why = ExplainInfeasibility(level, kNoStop);
      ExpectMinimalConflict(level, why, [](const Instance& in) { return Decide(in) == Feasibility::Feasible; });
      ++infeasible;
      break;
    }
  }
  EXPECT_GT(feasible, 0);
  EXPECT_GT(infeasible, 0);
}

TEST(ConflictExplanation, CapacityGrantedByACalendarPeriodStaysWithItsResource) {
  // Base capacity 0 but 1 during [0, 100): an activity of 10 released at 95 cannot run. The
  // period grants capacity, so it is not a constraint to drop (dropping it would tighten the
  // instance); the conflict is the release against the resource with its period.
  Instance in = test::MakeJobShop({{{0, 10}}}, 1);
  in.resources[0].capacity = 0;
  in.resources[0].calendar = {{0, 100, 1}};
  in.operations[0].release = 95;
  ASSERT_TRUE(ValidateInstance(in).ok()) << ValidateInstance(in).Summary();
  const ConflictExplanation why = ExplainInfeasibility(in, kNoStop);
  ExpectMinimalConflict(in, why, [](const Instance& i) { return Decide(i) == Feasibility::Feasible; });
  std::string all;
  for (const std::string& s : why.sentences) all += s + "|";
  EXPECT_NE(all.find("cannot start before 95"), std::string::npos) << all;
  EXPECT_NE(all.find("capacity 0 (1 during [0, 100))"), std::string::npos) << all;
}

TEST(ConflictExplanation, SolverReportsInfeasibleWithSentences) {
  // One machine, two activities of 3 that must both end by 5: they cannot both fit.
  Instance in = test::MakeJobShop({{{0, 3}}, {{0, 3}}}, 1);
  in.operations[0].name = "backup";
  in.operations[1].name = "restore";
  in.operations[0].deadline = 5;
  in.operations[1].deadline = 5;
  in.resources[0].name = "SAN";
  const RunOutcome out = test::SolveChecked(in, "project-lcg", {}, 1, 1, 10);
  ASSERT_EQ(out.result.status, SolveStatus::Infeasible) << out.result.message;
  ASSERT_EQ(out.result.explanation.size(), 3U) << out.result.message;
  const std::string all = out.result.explanation[0] + "|" + out.result.explanation[1] + "|" + out.result.explanation[2];
  EXPECT_NE(all.find("\"backup\" must end by 5"), std::string::npos) << all;
  EXPECT_NE(all.find("\"restore\" must end by 5"), std::string::npos) << all;
  EXPECT_NE(all.find("resource \"SAN\" has capacity 1"), std::string::npos) << all;
}

}  // namespace
}  // namespace ordo
