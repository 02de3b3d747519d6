// Flexible job-shop engine: the tabu search never returns a schedule the checker rejects (with
// and without downtime), is never worse than the best dispatching rule, is deterministic for a
// seed and an iteration limit on one thread, reaches known optima on small instances, and its
// lower bound never exceeds the optimum found by an independent exhaustive search.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>

#include "io/instance_reader.h"
#include "random_instances.h"
#include "report/run.h"
#include "solve/fjsp/flexible_bound.h"
#include "solve/fjsp/flexible_graph.h"
#include "solve/common/rng.h"
#include "solve/fjsp/reassignment_neighbourhood.h"
#include "solve/jobshop/n7_neighbourhood.h"
#include "solve/shop/shop_problem.h"
#include "test_util.h"

namespace ordo {
namespace {

RunOutcome Tabu(const Instance& in, std::vector<std::string> params, int threads = 1, std::uint64_t seed = 1) {
  return test::SolveChecked(in, "fjsp-tabu", std::move(params), threads, seed);
}

Instance Read(const std::string& relative) {
  auto in = ReadInstanceFile(test::Repo(relative));
  EXPECT_TRUE(in.ok()) << relative;
  return *in;
}

// A random flexible shop with the makespan objective; with_downtime adds machine downtime,
// release dates and zero durations (RandomFlexibleShop's extras).
Instance RandomMakespanShop(std::uint64_t seed, int jobs, int machines, bool with_downtime) {
  Instance in = test::RandomFlexibleShop(seed, jobs, machines, with_downtime);
  in.objective.terms = {ObjectiveTerm{ObjectiveKind::Makespan, 1}};
  return in;
}

// Optimal makespan by exhaustive search written independently of the solver: every order in
// which operations can be dispatched (any job's next operation, in any of its modes, appended
// to its machine), each operation starting as early as its job, its machine, its release and
// the machine's downtime allow (the checker lets zero-duration operations sit anywhere).
// Every machine assignment and acyclic machine order arises
// this way, and left-shifted starts are optimal for a fixed order. Partial makespans only
// grow, so branches at or above the best are cut.
Time ExhaustiveOptimum(const Instance& in) {
  const int jobs = static_cast<int>(in.jobs.size());
  std::vector<std::size_t> next(jobs, 0);
  std::vector<Time> job_ready(jobs), machine_ready(in.resources.size(), 0);
  for (int j = 0; j < jobs; ++j) job_ready[j] = in.jobs[j].release;
  Time best = std::numeric_limits<Time>::max();
  auto fit = [&](int machine, Time t, Time duration) {
    if (duration == 0) return t;
    for (const CapacityPeriod& p : in.resources[machine].calendar) {
      if (p.capacity >= 1 || p.end <= t) continue;
      if (t + duration <= p.start) break;
      t = p.end;
    }
    return t;
  };
  std::function<void(int, Time)> rec = [&](int remaining, Time makespan) {
    if (makespan >= best) return;
    if (remaining == 0) {
      best = makespan;
      return;
    }
    for (int j = 0; j < jobs; ++j) {
      if (next[j] == in.jobs[j].operations.size()) continue;
      const Operation& op = in.operations[in.jobs[j].operations[next[j]]];
      for (const Mode& mode : op.modes) {
        const int m = mode.demands[0].resource;
        const Time start = fit(m, std::max({job_ready[j], machine_ready[m], op.release}), mode.duration);
        const Time end = start + mode.duration;
        const Time saved_job = job_ready[j], saved_machine = machine_ready[m];
        job_ready[j] = end;
        machine_ready[m] = std::max(machine_ready[m], end);
        ++next[j];
        rec(remaining - 1, std::max(makespan, end));
        --next[j];
        job_ready[j] = saved_job;
        machine_ready[m] = saved_machine;
      }
    }
  };
  rec(static_cast<int>(in.operations.size()), 0);
  return best;
}

void ExpectSound(const Instance& in, const RunOutcome& out) {
  ASSERT_TRUE(out.result.solution.has_value()) << in.name;
  EXPECT_TRUE(out.verified()) << in.name << ": " << out.result.message;
  EXPECT_EQ(out.result.solution->objective, out.check.objective) << in.name;
  EXPECT_LE(out.result.bound, out.check.objective) << in.name;
  if (out.result.status == SolveStatus::Optimal) {
    EXPECT_EQ(out.result.bound, out.check.objective) << in.name;
  }
}

TEST(FjspTabu, CheckedOnRandomInstances) {
  int with_downtime = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    const bool downtime = seed % 3 == 0;
    Instance in = RandomMakespanShop(seed, 2 + static_cast<int>(seed % 8), 2 + static_cast<int>(seed % 5), downtime);
    for (const Resource& r : in.resources) with_downtime += !r.calendar.empty();
    const RunOutcome out = Tabu(in, {"iterations=200", "restart_after=50"}, seed % 5 == 0 ? 2 : 1, seed);
    ExpectSound(in, out);
  }
  EXPECT_GT(with_downtime, 30);
}

TEST(FjspTabu, CheckedOnJobShopsWithDowntime) {
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    Instance in = test::RandomJobShop(500 + seed, 3 + static_cast<int>(seed % 6), 2 + static_cast<int>(seed % 4), true);
    in.objective.terms = {ObjectiveTerm{ObjectiveKind::Makespan, 2}};
    ExpectSound(in, Tabu(in, {"iterations=300"}, 1, seed));
  }
}

TEST(FjspTabu, NeverWorseThanTheBestRule) {
  std::vector<Instance> instances = {Read("bench/instances/fjsp/brandimarte/mk01.fjs"),
                                     Read("bench/instances/fjsp/brandimarte/mk10.fjs"),
                                     Read("bench/instances/fjsp/hurink/vdata/la01.fjs")};
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    instances.push_back(RandomMakespanShop(900 + seed, 6, 4, seed % 2 == 0));
  }
  for (const Instance& in : instances) {
    const RunOutcome active = test::SolveChecked(in, "gt-active", {});
    const RunOutcome nondelay = test::SolveChecked(in, "gt-nondelay", {});
    const RunOutcome tabu = Tabu(in, {"iterations=500"});
    ASSERT_TRUE(active.verified() && nondelay.verified() && tabu.verified()) << in.name;
    EXPECT_LE(tabu.check.objective, std::min(active.check.objective, nondelay.check.objective)) << in.name;
  }
}

TEST(FjspTabu, DeterministicForSeedAndIterations) {
  const Instance mk06 = Read("bench/instances/fjsp/brandimarte/mk06.fjs");
  const RunOutcome a = Tabu(mk06, {"iterations=3000", "restart_after=500"}, 1, 7);
  const RunOutcome b = Tabu(mk06, {"iterations=3000", "restart_after=500"}, 1, 7);
  ASSERT_TRUE(a.verified() && b.verified());
  EXPECT_EQ(a.result.solution->start, b.result.solution->start);
  EXPECT_EQ(a.result.solution->mode, b.result.solution->mode);
  EXPECT_EQ(a.result.stats.iterations, b.result.stats.iterations);
}

TEST(FjspBound, BelowExhaustiveOptimum) {
  int total = 0, hits = 0;
  for (std::uint64_t seed = 1; seed <= 80; ++seed) {
    const bool downtime = seed % 2 == 0;
    const Instance in = RandomMakespanShop(200 + seed, 3, 2 + static_cast<int>(seed % 2), downtime);
    if (in.operations.size() > 7) continue;
    const Time optimum = ExhaustiveOptimum(in);
    EXPECT_LE(FlexibleShopLowerBound(BuildShopProblem(in)), optimum) << in.name;
    const RunOutcome out = Tabu(in, {"iterations=2000", "restart_after=200"});
    ExpectSound(in, out);
    EXPECT_GE(out.check.objective, optimum) << in.name;
    EXPECT_LE(out.result.bound, optimum) << in.name;
    hits += out.check.objective == optimum;
    ++total;
  }
  EXPECT_GT(total, 30);
  EXPECT_GE(hits, total * 9 / 10);
}

TEST(FjspBound, BelowKnownOptimaOfTheBenchmarks) {
  std::ifstream csv(test::Repo("bench/instances/fjsp/bks.csv"));
  std::string line;
  std::getline(csv, line);
  int checked = 0;
  while (std::getline(csv, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
    if (f.size() < 11 || f[10] != "1") continue;  // optimal == 1: lb == ub is the optimum
    const Instance in = Read("bench/instances/fjsp/" + f[2]);
    EXPECT_LE(FlexibleShopLowerBound(BuildShopProblem(in)), std::stoll(f[9])) << f[0];
    ++checked;
  }
  EXPECT_GT(checked, 200);
}

TEST(FjspTabu, ReachesKnownOptima) {
  const std::vector<std::pair<std::string, Time>> golden = {
      {"kacem/kacem1.fjs", 11}, {"kacem/kacem2.fjs", 11}, {"kacem/kacem3.fjs", 7},
      {"kacem/kacem4.fjs", 11}, {"brandimarte/mk01.fjs", 40}, {"brandimarte/mk08.fjs", 523}};
  for (const auto& [file, optimum] : golden) {
    const Instance in = Read("bench/instances/fjsp/" + file);
    const RunOutcome out = Tabu(in, {"iterations=20000"});
    ExpectSound(in, out);
    EXPECT_EQ(out.check.objective, optimum) << file;
  }
  const Instance ft06 = Read("bench/instances/jssp/ft06.txt");  // a job shop is a flexible shop too
  EXPECT_EQ(Tabu(ft06, {"iterations=20000"}).check.objective, 55);
}

TEST(FjspTabu, StopsAtOnceWhenAskedAndReportsProgress) {
  const Instance mk10 = Read("bench/instances/fjsp/brandimarte/mk10.fjs");
  std::atomic<bool> stop{true};
  RunRequest request;
  request.solver = "fjsp-tabu";
  request.control.time_limit_seconds = 1000;
  request.control.stop_flag = &stop;
  auto stopped = SolveAndCheck(mk10, request);
  ASSERT_TRUE(stopped.ok());
  EXPECT_TRUE(stopped->verified());
  EXPECT_LT(stopped->result.stats.iterations, 8);

  std::vector<std::int64_t> reported;
  request.control.stop_flag = nullptr;
  request.control.time_limit_seconds = 20;
  request.params = {"iterations=3000"};
  request.control.on_progress = [&](const Progress& p) {
    if (p.best) reported.push_back(*p.best);
  };
  auto run = SolveAndCheck(mk10, request);
  ASSERT_TRUE(run.ok() && run->verified());
  ASSERT_GE(reported.size(), 2u);
  EXPECT_TRUE(std::is_sorted(reported.rbegin(), reported.rend()));  // non-increasing
  EXPECT_EQ(reported.back(), run->check.objective);
}

// A stop request that arrives during the search (here from the progress callback, at the
// third improvement) ends it long before its iteration limit, with a checked schedule.
TEST(FjspTabu, StopsWhenAskedDuringTheSearch) {
  const Instance mk10 = Read("bench/instances/fjsp/brandimarte/mk10.fjs");
  for (int threads : {1, 2}) {
    std::atomic<bool> stop{false};
    int reports = 0;
    RunRequest request;
    request.solver = "fjsp-tabu";
    request.params = {"iterations=2000000"};
    request.control.threads = threads;
    request.control.time_limit_seconds = 1000;
    request.control.stop_flag = &stop;
    request.control.on_progress = [&](const Progress&) {
      if (++reports == 3) stop.store(true);
    };
    auto run = SolveAndCheck(mk10, request);
    ASSERT_TRUE(run.ok());
    EXPECT_TRUE(run->verified());
    EXPECT_LT(run->result.stats.iterations, 2000000 * threads);
  }
}

TEST(FjspTabu, OtherObjectivesFallBackWithAMessage) {
  Instance in = test::RandomFlexibleShop(3, 5, 3, true);  // makespan + weighted tardiness
  const RunOutcome out = Tabu(in, {});
  EXPECT_TRUE(out.verified());
  EXPECT_FALSE(out.result.message.empty());
}

// Mastrolilli–Gambardella insertions between L and R, and N7 moves, never create a cycle
// when durations are positive (the theorems behind both neighbourhoods).
TEST(FjspNeighbourhoods, MovesAreAcyclic) {
  int moves = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const int jobs = 4 + static_cast<int>(seed % 5), machines = 3 + static_cast<int>(seed % 3);
    const Instance in = RandomMakespanShop(700 + seed, jobs, machines, false);
    const ShopProblem shop = BuildShopProblem(in);
    const RunOutcome start = test::SolveChecked(in, "gt-active", {"rule=mwkr"});
    std::vector<int> mode(shop.num_ops);
    std::vector<Time> starts(shop.num_ops);
    for (int o = 0; o < shop.num_ops; ++o) {
      const int model = shop.model_op[o];
      starts[o] = start.result.solution->start[model];
      mode[o] = shop.mode_begin[o] + start.result.solution->mode[model];
    }
    FlexibleGraph g(shop);
    ASSERT_TRUE(g.SetFromStarts(starts, mode));
    FlexibleSchedule base;
    g.Get(base);
    std::vector<ReassignMove> routing;
    ReassignmentNeighbourhood::Generate(g, routing);
    std::vector<ShopMove> sequencing;
    N7Neighbourhood n7;
    n7.Generate(g, sequencing);
    for (ReassignMove& m : routing) {
      ReassignmentNeighbourhood::Rate(g, m);
      FlexibleGraph h(shop);
      ASSERT_TRUE(h.Set(base));
      h.Reassign(m.op, m.mode, m.after);
      EXPECT_TRUE(h.Evaluate()) << in.name << " op " << m.op;
      ++moves;
    }
    for (const ShopMove& m : sequencing) {
      FlexibleGraph h(shop);
      ASSERT_TRUE(h.Set(base));
      if (m.forward) h.MoveAfter(m.u, m.v);
      else h.MoveBefore(m.u, m.v);
      EXPECT_TRUE(h.Evaluate()) << in.name << " op " << m.u;
      ++moves;
    }
  }
  EXPECT_GT(moves, 200);
}

// The incremental evaluation after arbitrary moves (cyclic ones undone) gives the same heads,
// tails, makespan and critical path as a full evaluation of the same orders.
TEST(FlexibleGraph, IncrementalEvaluationMatchesFullEvaluation) {
  int cycles = 0, moves = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const int jobs = 3 + static_cast<int>(seed % 6), machines = 2 + static_cast<int>(seed % 4);
    const Instance in = RandomMakespanShop(800 + seed, jobs, machines, seed % 2 == 0);
    const ShopProblem shop = BuildShopProblem(in);
    const RunOutcome start = test::SolveChecked(in, "gt-active", {"rule=spt"});
    std::vector<int> mode(shop.num_ops);
    for (int o = 0; o < shop.num_ops; ++o) mode[o] = shop.mode_begin[o] + start.result.solution->mode[shop.model_op[o]];
    std::vector<Time> starts(shop.num_ops);
    for (int o = 0; o < shop.num_ops; ++o) starts[o] = start.result.solution->start[shop.model_op[o]];
    FlexibleGraph g(shop);
    ASSERT_TRUE(g.SetFromStarts(starts, mode));
    Rng rng(seed);
    FlexibleSchedule snapshot;
    for (int step = 0; step < 60; ++step) {
      const int op = static_cast<int>(rng.Below(static_cast<std::uint64_t>(shop.num_ops)));
      const int modes = shop.mode_begin[op + 1] - shop.mode_begin[op];
      const int k = shop.mode_begin[op] + static_cast<int>(rng.Below(static_cast<std::uint64_t>(modes)));
      const int machine = shop.modes[k].machine;
      const int old_mode = g.mode_of(op), old_prev = g.machine_prev(op);
      // A random place on the target machine, the operation itself excluded.
      std::vector<int> others;
      for (int i = 0; i < g.sequence_size(machine); ++i) {
        if (g.sequence(machine)[i] != op) others.push_back(g.sequence(machine)[i]);
      }
      const int at = static_cast<int>(rng.Below(others.size() + 1));
      g.Reassign(op, k, at == 0 ? -1 : others[at - 1]);
      if (!g.Evaluate()) {
        ++cycles;
        g.Reassign(op, old_mode, old_prev);
        ASSERT_TRUE(g.Evaluate());
      }
      ++moves;
      g.Get(snapshot);
      FlexibleGraph full(shop);
      ASSERT_TRUE(full.Set(snapshot));
      ASSERT_EQ(g.makespan(), full.makespan()) << in.name << " step " << step;
      ASSERT_EQ(g.critical_count(), full.critical_count());
      ASSERT_EQ(g.critical_path(), full.critical_path());
      ASSERT_EQ(g.blocks(), full.blocks());
      for (int o = 0; o < shop.num_ops; ++o) {
        ASSERT_EQ(g.head(o), full.head(o)) << in.name << " step " << step << " op " << o;
        ASSERT_EQ(g.tail(o), full.tail(o)) << in.name << " step " << step << " op " << o;
        ASSERT_EQ(g.machine_prev(o), full.machine_prev(o));
        ASSERT_EQ(g.position(o), full.position(o));
      }
    }
  }
  EXPECT_GT(cycles, 20);
  EXPECT_GT(moves, 1000);
}

}  // namespace
}  // namespace ordo
