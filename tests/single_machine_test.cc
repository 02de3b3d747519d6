// Single machine: the exact 1||sum T_j method and the sm solver against brute-force
// enumeration, dynasearch local optimality, the rules of Cetinkaya et al. (2025) and the
// Potts-Van Wassenhove generator.
#include <algorithm>
#include <limits>
#include <numeric>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "gen/single_machine_tardiness.h"
#include "io/instance_reader.h"
#include "model/validate.h"
#include "solve/common/rng.h"
#include "solve/single_machine/iterated_search.h"
#include "solve/single_machine/lagrangian_bound.h"
#include "solve/single_machine/lagrangian_branch_and_bound.h"
#include "solve/single_machine/release_date_search.h"
#include "solve/single_machine/sm_cost.h"
#include "solve/single_machine/sm_rules.h"
#include "solve/single_machine/sm_solver.h"
#include "solve/single_machine/state_space_modifiers.h"
#include "solve/single_machine/total_tardiness_exact.h"
#include "test_util.h"

namespace ordo {
namespace {

// Random instance with many ties when `ties` (processing times and due dates from small
// ranges), so that the tie-breaking of the decomposition is exercised.
Instance RandomTardiness(std::uint64_t seed, int n, bool weighted, bool ties) {
  Rng rng(seed);
  const double tf = 0.2 + 0.2 * static_cast<double>(rng.Below(4));
  const double rdd = 0.2 + 0.2 * static_cast<double>(rng.Below(5));
  Instance in = gen::GenerateSmTardiness(n, weighted, ties ? 6 : 100, 10, tf, rdd, seed, "t");
  if (ties) {
    for (Job& job : in.jobs) job.due -= job.due % 5;
  }
  return in;
}

// Random 1|r_j|sum w_j T_j instance (Chu's scheme, sm generator); with `ties`, short jobs
// and release dates on a grid of 5, so that idle time and equal completions are common.
Instance RandomReleaseTardiness(std::uint64_t seed, int n, bool weighted, bool ties) {
  Rng rng(seed);
  const double alpha[] = {0.5, 1.0, 1.5}, beta[] = {0.05, 0.25, 0.5};
  Instance in = gen::GenerateSmReleaseTardiness(n, weighted, ties ? 6 : 100, 10, alpha[rng.Below(3)], beta[rng.Below(3)],
                                                seed, "r");
  if (ties) {
    for (Job& job : in.jobs) job.release -= job.release % 5;
  }
  return in;
}

std::int64_t BruteForce(const SmCostModel& model) {
  std::vector<int> seq(model.size());
  std::iota(seq.begin(), seq.end(), 0);
  std::int64_t best = model.SequenceCost(seq);
  while (std::next_permutation(seq.begin(), seq.end())) best = std::min(best, model.SequenceCost(seq));
  return best;
}

const std::function<bool()> kNever = [] { return false; };

TEST(TotalTardinessExact, AgreesWithBruteForce) {
  for (std::uint64_t seed = 1; seed <= 600; ++seed) {
    const int n = 1 + static_cast<int>(seed % 8);
    const Instance in = RandomTardiness(seed, n, false, seed % 2 == 0);
    const SmCostModel model = BuildSmCostModel(in);
    const std::int64_t optimum = BruteForce(model);
    for (int variant = 0; variant < 4; ++variant) {
      TotalTardinessExactOptions options;
      options.dominance = variant % 2 == 0;
      options.bounding = variant < 2;
      const TotalTardinessExactResult r = SolveTotalTardiness(model.p, model.d, options, kNoUpperBound, kNever);
      ASSERT_TRUE(r.solved) << r.why;
      EXPECT_EQ(r.tardiness, optimum) << "seed " << seed << " variant " << variant;
      ASSERT_EQ(static_cast<int>(r.sequence.size()), n);
      EXPECT_EQ(model.SequenceCost(r.sequence), r.tardiness) << "seed " << seed;
    }
    // With a known sequence as the budget: a better one, or that one proved optimal.
    std::vector<int> edd(n);
    std::iota(edd.begin(), edd.end(), 0);
    const std::int64_t known = model.SequenceCost(edd);
    TotalTardinessExactOptions bounded;
    bounded.bounding = true;
    const TotalTardinessExactResult r = SolveTotalTardiness(model.p, model.d, bounded, known, kNever);
    ASSERT_TRUE(r.solved);
    EXPECT_EQ(r.tardiness, optimum) << "seed " << seed;
    EXPECT_EQ(r.sequence.empty(), optimum == known);
    if (!r.sequence.empty()) {
      EXPECT_EQ(model.SequenceCost(r.sequence), optimum);
    }
  }
}

// Optimum by dynamic programming over subsets (the last job of each set), O(2^n n): an
// independent check of the decomposition and its reductions up to 16 jobs.
std::int64_t SubsetDp(const SmCostModel& model) {
  const int n = model.size();
  std::vector<std::int64_t> best(std::size_t{1} << n, std::numeric_limits<std::int64_t>::max());
  best[0] = 0;
  for (std::size_t set = 1; set < best.size(); ++set) {
    Time length = 0;
    for (int j = 0; j < n; ++j) {
      if (set >> j & 1) length += model.p[j];
    }
    for (int j = 0; j < n; ++j) {
      if (set >> j & 1) best[set] = std::min(best[set], best[set ^ (std::size_t{1} << j)] + model.JobCost(j, length));
    }
  }
  return best.back();
}

TEST(TotalTardinessExact, AgreesWithSubsetDynamicProgrammeUpTo16Jobs) {
  for (std::uint64_t seed = 1; seed <= 240; ++seed) {
    const int n = 10 + static_cast<int>(seed % 7);
    const Instance in = RandomTardiness(1000 + seed, n, false, seed % 3 == 0);
    const SmCostModel model = BuildSmCostModel(in);
    const std::int64_t optimum = SubsetDp(model);
    for (const bool bounding : {false, true}) {
      TotalTardinessExactOptions options;
      options.bounding = bounding;
      const TotalTardinessExactResult r = SolveTotalTardiness(model.p, model.d, options, kNoUpperBound, kNever);
      ASSERT_TRUE(r.solved) << r.why;
      EXPECT_EQ(r.tardiness, optimum) << "seed " << seed << " bounding " << bounding;
      EXPECT_EQ(model.SequenceCost(r.sequence), optimum) << "seed " << seed;
    }
  }
}

TEST(TotalTardinessExact, DominanceRulesKeepTheOptimumOnLargerInstances) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const Instance in = RandomTardiness(seed, 12 + static_cast<int>(seed % 20), false, seed % 3 == 0);
    const SmCostModel model = BuildSmCostModel(in);
    TotalTardinessExactOptions with, without;
    with.bounding = false;
    without.dominance = false;
    without.bounding = false;
    const auto a = SolveTotalTardiness(model.p, model.d, with, kNoUpperBound, kNever);
    const auto b = SolveTotalTardiness(model.p, model.d, without, kNoUpperBound, kNever);
    ASSERT_TRUE(a.solved && b.solved);
    EXPECT_EQ(a.tardiness, b.tardiness) << "seed " << seed;
    EXPECT_LE(a.subproblems, b.subproblems);
  }
}

TEST(TotalTardinessExact, StopsAtTheMemoryLimit) {
  const Instance in = gen::GenerateSmTardiness(300, false, 100, 10, 0.6, 0.2, 5, "hard");
  const SmCostModel model = BuildSmCostModel(in);
  TotalTardinessExactOptions options;
  options.memory_mb = 1;  // 32,768 entries
  options.dominance = false;
  options.bounding = false;
  const auto r = SolveTotalTardiness(model.p, model.d, options, kNoUpperBound, kNever);
  EXPECT_FALSE(r.solved);
  EXPECT_NE(r.why.find("memory limit"), std::string::npos) << r.why;
}

// The branch and bound on the relaxation's network, from the front and from the back, completes
// with the optimum, and hands over a sequence exactly when the upper bound was not already
// optimal.
void ExpectBranchAndBoundFindsOptimum(const SmCostModel& model, TimeIndexedRelaxation& relaxation,
                                      const std::vector<double>& multipliers, std::int64_t upper,
                                      std::int64_t optimum) {
  for (const bool backward : {false, true}) {
    SCOPED_TRACE(backward ? "from the back" : "from the front");
    LagrangianBnbOptions options;
    options.backward = backward;
    const LagrangianBnbResult b = SolveByLagrangianBranchAndBound(model, relaxation, multipliers, upper, options, kNever);
    ASSERT_TRUE(b.solved) << b.why;
    EXPECT_EQ(b.cost, optimum);
    if (!b.sequence.empty()) {
      EXPECT_EQ(model.SequenceCost(b.sequence), optimum);
    }
    EXPECT_EQ(b.sequence.empty(), upper == optimum);
  }
}

// Upper bounds from EDD and just above the optimum (the sharpest test of the elimination), with
// and without elimination rounds: the bound never passes the optimum, the branch and bound on
// the reduced network finds it.
TEST(LagrangianBound, NeverAboveTheOptimum) {
  int closed = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    const int n = 1 + static_cast<int>(seed % 8);
    Instance in = RandomTardiness(seed, n, true, seed % 2 == 0);
    if (seed % 3 == 0) in.objective.terms.push_back({ObjectiveKind::TotalWeightedCompletion, 1});
    const SmCostModel model = BuildSmCostModel(in);
    const std::int64_t optimum = BruteForce(model);
    std::vector<int> edd(n);
    std::iota(edd.begin(), edd.end(), 0);
    for (const std::int64_t upper : {model.SequenceCost(edd), optimum + 1}) {
      for (const int rounds : {0, 20}) {
        SCOPED_TRACE(fmt::format("seed {} upper {} rounds {}", seed, upper, rounds));
        TimeIndexedRelaxation relaxation(model);
        LagrangianBoundOptions options;
        options.rounds = rounds;
        const LagrangianBoundResult r = LagrangianLowerBound(model, relaxation, [upper] { return upper; }, options, kNever);
        EXPECT_LE(r.bound, optimum);
        EXPECT_LE(r.nodes_left, relaxation.alive_count());
        if (!r.sequence.empty()) {
          EXPECT_EQ(model.SequenceCost(r.sequence), optimum);
        }
        closed += r.bound == optimum;
        if (r.multipliers.empty() || r.bound == upper) continue;
        ExpectBranchAndBoundFindsOptimum(model, relaxation, r.multipliers, upper, optimum);
      }
    }
  }
  EXPECT_GT(closed, 400);  // the relaxation is strong on small instances
}

// The branch and bound's set-keyed dominance (a strictly dearer prefix of a set is cut whatever
// its last job) against the subset dynamic programme, on instances too large to enumerate and
// with a deliberately weak bound (ten steps, no elimination), so that the search and its memo
// do the work; half with many ties, where prefixes of equal cost abound.
// A third of them also weigh completion times, where no front can be all on time and the
// closing rule of the search from the back never fires, so that its bound and memo carry the
// proof; the upper bound just above the optimum, on the eliminated network too, is the
// sharpest test of a cut too many.
TEST(LagrangianBranchAndBound, AgreesWithSubsetDynamicProgrammeUpTo14Jobs) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const int n = 10 + static_cast<int>(seed % 5);
    Instance in = RandomTardiness(2000 + seed, n, true, seed % 2 == 0);
    if (seed % 3 == 0) in.objective.terms.push_back({ObjectiveKind::TotalWeightedCompletion, 1});
    const SmCostModel model = BuildSmCostModel(in);
    const std::int64_t optimum = SubsetDp(model);
    std::vector<int> edd(n);
    std::iota(edd.begin(), edd.end(), 0);
    for (const std::int64_t upper : {model.SequenceCost(edd), optimum + 1}) {
      for (const int rounds : {0, 20}) {
        SCOPED_TRACE(fmt::format("seed {} upper {} rounds {}", seed, upper, rounds));
        TimeIndexedRelaxation relaxation(model);
        LagrangianBoundOptions options;
        options.iterations = 100;
        options.rounds = rounds;
        const LagrangianBoundResult r = LagrangianLowerBound(model, relaxation, [upper] { return upper; }, options, kNever);
        ASSERT_LE(r.bound, optimum);
        if (r.multipliers.empty() || r.bound == upper) continue;
        ExpectBranchAndBoundFindsOptimum(model, relaxation, r.multipliers, upper, optimum);
      }
    }
  }
}

// The state-space modifiers' search on the eliminated network: optimal, or stopped by its state
// cap with a bound that never passes the optimum.
TEST(StateSpaceModifiers, AgreesWithBruteForce) {
  int solved = 0;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    const int n = 2 + static_cast<int>(seed % 8);
    Instance in = RandomTardiness(seed * 7 + 3, n, true, seed % 2 == 1);
    const SmCostModel model = BuildSmCostModel(in);
    const std::int64_t optimum = BruteForce(model);
    std::vector<int> edd(n);
    std::iota(edd.begin(), edd.end(), 0);
    for (const std::int64_t upper : {model.SequenceCost(edd), optimum + 1}) {
      SCOPED_TRACE(fmt::format("seed {} upper {}", seed, upper));
      TimeIndexedRelaxation relaxation(model);
      LagrangianBoundOptions options;
      options.iterations = 10;  // weak multipliers leave work for the modifiers
      options.rounds = 0;
      const LagrangianBoundResult r = LagrangianLowerBound(model, relaxation, [upper] { return upper; }, options, kNever);
      if (r.multipliers.empty() || r.bound == upper || !r.sequence.empty()) continue;
      ModifierSearchOptions modifier_options;
      modifier_options.add_per_round = 1 + static_cast<int>(seed % 3);
      const ModifierSearchResult m = SolveByStateSpaceModifiers(model, relaxation, r.multipliers, upper, modifier_options, kNever);
      EXPECT_LE(m.bound, optimum);
      if (!m.solved) continue;
      ++solved;
      EXPECT_EQ(m.cost, optimum);
      EXPECT_EQ(m.sequence.empty(), upper == optimum);
      if (!m.sequence.empty()) {
        EXPECT_EQ(model.SequenceCost(m.sequence), optimum);
      }
    }
  }
  EXPECT_GT(solved, 50);
}

TEST(SmSolver, ProvesTotalTardinessOptimaAndPassesTheChecker) {
  for (std::uint64_t seed = 1; seed <= 120; ++seed) {
    const int n = 1 + static_cast<int>(seed % 9);
    const Instance in = RandomTardiness(seed, n, false, seed % 2 == 1);
    const std::int64_t optimum = BruteForce(BuildSmCostModel(in));
    for (int threads : {1, 2}) {
      const RunOutcome out = test::SolveChecked(in, "sm", {"max_kicks=20"}, threads);
      ASSERT_TRUE(out.verified()) << "seed " << seed;
      EXPECT_EQ(out.result.status, SolveStatus::Optimal) << "seed " << seed << ": " << out.result.message;
      EXPECT_EQ(out.result.solution->objective, optimum) << "seed " << seed;
      EXPECT_EQ(out.result.bound, optimum);
    }
  }
}

TEST(SmSolver, ProvesWeightedOptimaAndNeverLosesToTheBestRule) {
  for (std::uint64_t seed = 1; seed <= 120; ++seed) {
    const int n = 1 + static_cast<int>(seed % 9);
    Instance in = RandomTardiness(seed, n, true, seed % 2 == 0);
    if (seed % 3 == 0) in.objective.terms.push_back({ObjectiveKind::TotalWeightedCompletion, 2});
    if (seed % 5 == 0) in.objective.terms.push_back({ObjectiveKind::Makespan, 3});
    const std::int64_t optimum = BruteForce(BuildSmCostModel(in));
    const RunOutcome best_rule = test::SolveChecked(in, "sm-dispatch", {});
    const RunOutcome out = test::SolveChecked(in, "sm", {"max_kicks=50"});
    ASSERT_TRUE(out.verified() && best_rule.verified()) << "seed " << seed;
    EXPECT_GE(out.result.solution->objective, optimum);
    EXPECT_LE(out.result.bound, optimum);
    EXPECT_LE(out.result.solution->objective, best_rule.result.solution->objective);
    EXPECT_EQ(out.result.status, SolveStatus::Optimal) << "seed " << seed << ": " << out.result.message;
    EXPECT_EQ(out.result.solution->objective, optimum) << "seed " << seed;
  }
}

TEST(SmSolver, SameSeedSameSequenceWithOneThread) {
  const Instance in = RandomTardiness(11, 60, true, false);
  const RunOutcome a = test::SolveChecked(in, "sm", {"max_kicks=200"}, 1, 7);
  const RunOutcome b = test::SolveChecked(in, "sm", {"max_kicks=200"}, 1, 7);
  ASSERT_TRUE(a.verified() && b.verified());
  EXPECT_EQ(a.result.solution->start, b.result.solution->start);
}

TEST(SmSolver, TakesReleaseDatesAndRefusesDeadlines) {
  Instance in = RandomTardiness(3, 5, true, false);
  in.jobs[2].release = 7;
  EXPECT_EQ(DefaultSolverName(in), "sm");
  in.jobs[3].deadline = 1000;
  EXPECT_EQ(DefaultSolverName(in), "sm-dispatch");
  const RunOutcome out = test::SolveChecked(in, "sm", {});
  EXPECT_EQ(out.result.status, SolveStatus::ModelInvalid);
  EXPECT_NE(out.result.message.find("deadline"), std::string::npos) << out.result.message;
}

TEST(SmSolver, FindsReleaseDateOptimaAndNeverLosesToTheBestRule) {
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    const int n = 1 + static_cast<int>(seed % 8);
    Instance in = RandomReleaseTardiness(seed, n, seed % 4 != 0, seed % 2 == 0);
    if (seed % 3 == 0) in.objective.terms.push_back({ObjectiveKind::TotalWeightedCompletion, 2});
    if (seed % 5 == 0) in.objective.terms.push_back({ObjectiveKind::Makespan, 3});
    const SmCostModel model = BuildSmCostModel(in);
    const std::int64_t optimum = BruteForce(model);
    const RunOutcome best_rule = test::SolveChecked(in, "sm-dispatch", {});
    for (int threads : {1, 2}) {
      const RunOutcome out = test::SolveChecked(in, "sm", {"max_kicks=100"}, threads);
      ASSERT_TRUE(out.verified() && best_rule.verified()) << "seed " << seed;
      EXPECT_EQ(out.result.solution->objective, optimum) << "seed " << seed << " threads " << threads;
      EXPECT_LE(out.result.bound, optimum);
      EXPECT_LE(out.result.solution->objective, best_rule.result.solution->objective);
    }
  }
}

TEST(SmSolver, ReachesTheOptimaOfTheFirstWt40Instances) {
  // OR-Library wt40 instances 1-5, optimal values from wtopt40.txt.
  const std::int64_t optimum[] = {913, 1225, 537, 2094, 990};
  for (int index = 1; index <= 5; ++index) {
    ReadOptions options;
    options.index = index;
    const auto in = ReadInstanceFile(test::Repo("bench/instances/smwt/wt40.txt"), options);
    ASSERT_TRUE(in.ok()) << in.error();
    const RunOutcome out = test::SolveChecked(*in, "sm", {"max_kicks=3000", "exact=false"});
    ASSERT_TRUE(out.verified());
    EXPECT_EQ(out.result.solution->objective, optimum[index - 1]) << "wt40 #" << index;
  }
}

// Every single move of the neighbourhood, by full recomputation: none may improve.
// Without `insertions`, only the swaps are checked.
void ExpectNoImprovingMove(const SmCostModel& model, const std::vector<int>& seq, std::int64_t cost, std::uint64_t seed,
                           bool insertions = true) {
  const int n = model.size();
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      std::vector<int> s = seq;
      std::swap(s[i], s[j]);
      EXPECT_GE(model.SequenceCost(s), cost) << "swap " << i << " " << j << " seed " << seed;
      if (!insertions) continue;
      s = seq;
      std::rotate(s.begin() + i, s.begin() + i + 1, s.begin() + j + 1);
      EXPECT_GE(model.SequenceCost(s), cost) << "forward " << i << " " << j << " seed " << seed;
      s = seq;
      std::rotate(s.begin() + i, s.begin() + j, s.begin() + j + 1);
      EXPECT_GE(model.SequenceCost(s), cost) << "backward " << i << " " << j << " seed " << seed;
    }
  }
}

TEST(Dynasearch, EndsAtALocalOptimumOfEverySingleMove) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const Instance in = RandomTardiness(seed, 2 + static_cast<int>(seed % 25), seed % 2 == 0, seed % 3 == 0);
    const SmCostModel model = BuildSmCostModel(in);
    std::vector<int> seq(model.size());
    std::iota(seq.begin(), seq.end(), 0);
    const std::int64_t start = model.SequenceCost(seq);
    Dynasearch search(model, {});
    const std::int64_t cost = search.Descend(seq);
    EXPECT_LE(cost, start);
    EXPECT_EQ(cost, model.SequenceCost(seq));
    ExpectNoImprovingMove(model, seq, cost, seed);
  }
}

TEST(ReleaseDateSearch, EndsAtALocalOptimumOfEverySingleMove) {
  // The descent's incremental evaluation stops early (unchanged completion, or no possible
  // gain); a wrong stop leaves an improving move that this full recomputation finds.
  for (std::uint64_t seed = 1; seed <= 120; ++seed) {
    Instance in = RandomReleaseTardiness(seed, 2 + static_cast<int>(seed % 30), seed % 2 == 0, seed % 3 == 0);
    if (seed % 4 == 0) in.objective.terms.push_back({ObjectiveKind::TotalWeightedCompletion, 1});
    if (seed % 5 == 0) in.objective.terms.push_back({ObjectiveKind::Makespan, 7});
    const SmCostModel model = BuildSmCostModel(in);
    std::vector<int> seq(model.size());
    std::iota(seq.begin(), seq.end(), 0);
    const std::int64_t start = model.SequenceCost(seq);
    const bool insertions = seed % 7 != 0;
    ReleaseDateDescent search(model, {0, insertions});
    const std::int64_t cost = search.Descend(seq);
    EXPECT_LE(cost, start);
    ASSERT_EQ(cost, model.SequenceCost(seq)) << "seed " << seed;
    ExpectNoImprovingMove(model, seq, cost, seed, insertions);
  }
}

TEST(ReleaseDateSearch, IteratedNeverWorseThanItsStartAndReportsEveryBest) {
  const Instance in = RandomReleaseTardiness(5, 80, true, false);
  const SmCostModel model = BuildSmCostModel(in);
  ASSERT_TRUE(model.HasReleaseDates());
  std::vector<int> seq(model.size());
  std::iota(seq.begin(), seq.end(), 0);
  const std::int64_t start = model.SequenceCost(seq);
  std::int64_t last = std::numeric_limits<std::int64_t>::max();
  IteratedSearchOptions options;
  options.max_kicks = 300;
  RunIteratedSearch(model, options, 3, 0, seq, kNever, [&](std::int64_t cost, const std::vector<int>& s) {
    EXPECT_LT(cost, last);
    EXPECT_EQ(cost, model.SequenceCost(s));
    last = cost;
  });
  EXPECT_EQ(model.SequenceCost(seq), last);
  EXPECT_LE(last, start);
}

TEST(Dynasearch, IteratedNeverWorseThanItsStartAndReportsEveryBest) {
  const Instance in = RandomTardiness(5, 80, true, false);
  const SmCostModel model = BuildSmCostModel(in);
  std::vector<int> seq(model.size());
  std::iota(seq.begin(), seq.end(), 0);
  const std::int64_t start = model.SequenceCost(seq);
  std::int64_t last = std::numeric_limits<std::int64_t>::max();
  IteratedSearchOptions options;
  options.max_kicks = 300;
  RunIteratedSearch(model, options, 3, 0, seq, kNever, [&](std::int64_t cost, const std::vector<int>& s) {
    EXPECT_LT(cost, last);
    EXPECT_EQ(cost, model.SequenceCost(s));
    last = cost;
  });
  EXPECT_EQ(model.SequenceCost(seq), last);
  EXPECT_LE(last, start);
}

TEST(SmRules, MddcReproducesThePaperExample) {
  // Cetinkaya et al. (2025), worked example: MDDC sequences 4,6,3,1,2,5 (1-based) with total
  // tardiness 141, which is optimal; MDD gives 2,1,3,4,6,5 with 144.
  SmJobs jobs;
  jobs.p = {10, 11, 10, 10, 11, 10};
  jobs.d = {15, 11, 13, 11, 12, 11};
  jobs.r.assign(6, 0);
  jobs.w.assign(6, 1);
  const auto sequence_of = [&](SmRule rule) {
    std::vector<Time> start;
    DispatchSingleMachine(jobs, rule, 2, start);
    std::vector<int> seq(6);
    std::iota(seq.begin(), seq.end(), 0);
    std::sort(seq.begin(), seq.end(), [&](int x, int y) { return start[x] < start[y]; });
    return seq;
  };
  EXPECT_EQ(sequence_of(SmRule::Mddc), (std::vector<int>{3, 5, 2, 0, 1, 4}));
  EXPECT_EQ(sequence_of(SmRule::Mdd), (std::vector<int>{1, 0, 2, 3, 5, 4}));
  for (SmRule rule : {SmRule::Eddc, SmRule::Psk}) {
    std::vector<int> sorted = sequence_of(rule);
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, (std::vector<int>{0, 1, 2, 3, 4, 5}));
  }
  // PSK: SPT order (ties by d) starts with job 4 (index 3, p 10, d 11); no job scanned after it
  // has an earlier due date, and job 2 (p 11) could not finish before 11, so job 4 goes first.
  EXPECT_EQ(sequence_of(SmRule::Psk)[0], 3);
}

TEST(SmGenerator, FollowsPottsVanWassenhove) {
  gen::SmTardinessOptions options;
  options.jobs = 50;
  options.weighted = true;
  options.per_class = 2;
  const auto set = gen::GenerateSmTardinessSet(options, "g");
  ASSERT_EQ(set.size(), 40u);
  const auto again = gen::GenerateSmTardinessSet(options, "g");
  for (std::size_t i = 0; i < set.size(); ++i) {
    const Instance& in = set[i];
    EXPECT_TRUE(ValidateInstance(in).ok());
    EXPECT_EQ(in.jobs.size(), 50u);
    Time total = 0;
    for (const Operation& op : in.operations) {
      EXPECT_GE(op.modes[0].duration, 1);
      EXPECT_LE(op.modes[0].duration, 100);
      total += op.modes[0].duration;
    }
    for (std::size_t j = 0; j < in.jobs.size(); ++j) {
      EXPECT_GE(in.jobs[j].weight, 1);
      EXPECT_LE(in.jobs[j].weight, 10);
      EXPECT_LE(in.jobs[j].due, total * 13 / 10);  // at most P (1 - TF + RDD / 2), TF >= 0.2, RDD <= 1
      EXPECT_EQ(in.jobs[j].due, again[i].jobs[j].due);
    }
  }
  EXPECT_EQ(set[0].name, "g-tf0.2-rdd0.2-1");
}

TEST(SmGenerator, ReleaseDatesFollowChu) {
  gen::SmTardinessOptions options;
  options.jobs = 40;
  options.weighted = true;
  options.per_class = 2;
  options.release_factors = {0.5, 1.5};
  const auto set = gen::GenerateSmTardinessSet(options, "g");
  ASSERT_EQ(set.size(), 12u);  // 2 alphas x 3 betas x 2
  EXPECT_EQ(set[0].name, "g-a0.5-b0.05-1");
  for (const Instance& in : set) {
    EXPECT_TRUE(ValidateInstance(in).ok());
    const double alpha = in.name.find("-a0.5-") != std::string::npos ? 0.5 : 1.5;
    Time total = 0;
    for (const Operation& op : in.operations) total += op.modes[0].duration;
    for (std::size_t j = 0; j < in.jobs.size(); ++j) {
      const Job& job = in.jobs[j];
      const Time p = in.operations[j].modes[0].duration;
      EXPECT_GE(job.release, 0);
      EXPECT_LE(job.release, static_cast<Time>(alpha * static_cast<double>(total)));
      EXPECT_GE(job.due, job.release + p);
      EXPECT_LE(job.due, job.release + p + total / 2);
    }
  }
}

}  // namespace
}  // namespace ordo
