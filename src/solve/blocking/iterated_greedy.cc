#include "solve/blocking/iterated_greedy.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <thread>

#include "solve/blocking/alternative_graph.h"
#include "solve/blocking/job_insertion.h"
#include "solve/blocking/timetable_insertion.h"
#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rng.h"
#include "solve/jobshop/jps_bound.h"
#include "solve/shop/shop_problem.h"

namespace ordo {

std::vector<ParamSpec> IteratedGreedyParams() {
  return {
      {"iterations", ParamType::Int, "0", 0, 1e15, {}, "stop after this many destroy-and-rebuild iterations per thread (0 = until the time limit)"},
      {"destroy", ParamType::Int, "4", 1, 1e6, {}, "most jobs removed per iteration (each iteration removes 1 to this many, at most all jobs)"},
      {"critical", ParamType::Double, "0.5", 0, 1, {}, "probability that a removed job is drawn from a critical path rather than uniformly"},
      {"temperature", ParamType::Double, "1", 0, 1e6, {},
       "acceptance temperature as a multiple of the mean operation duration: a worse schedule is accepted with probability exp(-increase / T)"},
      {"search", ParamType::Double, "10", 0, 1e6, {},
       "job reinsertion by branch and bound within this many times the placements of one greedy insertion (0 = greedy insertion)"},
      {"restart_after", ParamType::Int, "0", 0, 1e12, {},
       "iterations without improving a thread's best before it continues from the best schedule known (0 = 200 + 10 x jobs)"},
  };
}

namespace {

struct IgOptions {
  std::int64_t iterations, destroy, restart_after;
  double critical, temperature, search;
};

// Incumbent shared by the threads.
struct SharedBest {
  std::mutex mutex;
  std::atomic<std::int64_t> objective{std::numeric_limits<std::int64_t>::max()};
  BlockingGraph::Snapshot snapshot;
  std::int64_t iterations = 0, placements = 0;
};

class IgWorker {
 public:
  IgWorker(const ShopProblem& shop, const CompletionObjective& objective, bool no_swaps, const IgOptions& options,
           std::uint64_t seed, std::int64_t lower_bound)
      : shop_(shop), g_(shop, objective, no_swaps), insertion_(g_, no_swaps), options_(options), rng_(seed),
        lower_bound_(lower_bound) {
    for (int j = 0; j < shop.num_jobs; ++j) {
      if (shop.job_begin[j] < shop.job_begin[j + 1]) jobs_.push_back(j);
    }
    Time total = 0;
    for (int o = 0; o < shop.num_ops; ++o) total += shop.mean_duration[o];
    temperature_ = options.temperature * static_cast<double>(total) / std::max(1, shop.num_ops);
    ops_on_machine_.assign(shop.num_machines, 0);
    for (const ShopMode& m : shop.modes) ++ops_on_machine_[m.machine];
    restart_after_ = options.restart_after > 0 ? options.restart_after : 200 + 10 * static_cast<std::int64_t>(jobs_.size());
    removed_.reserve(jobs_.size());
  }

  void Run(const BlockingGraph::Snapshot& start, SharedBest& shared, const SolveControl& control) {
    g_.Restore(start);
    g_.Save(current_);
    g_.Save(best_);
    current_objective_ = best_objective_ = g_.objective();
    Publish(shared, control);
    std::int64_t iteration = 0, since_improvement = 0;
    const std::int64_t most = std::min<std::int64_t>(options_.destroy, static_cast<std::int64_t>(jobs_.size()));
    while (!jobs_.empty() && (options_.iterations == 0 || iteration < options_.iterations)) {
      if (control.ShouldStop() || shared.objective.load() <= lower_bound_) break;
      ++iteration;
      if (!Rebuild(1 + static_cast<std::int64_t>(rng_.Below(static_cast<std::uint64_t>(most))), control)) {
        g_.Restore(current_);
        continue;
      }
      const std::int64_t objective = g_.objective();
      if (objective < best_objective_) {
        best_objective_ = objective;
        g_.Save(best_);
        Publish(shared, control);
        since_improvement = 0;
      } else {
        ++since_improvement;
      }
      const bool accept = objective <= current_objective_ ||
                          (temperature_ > 0 &&
                           rng_.Uniform01() < std::exp(-static_cast<double>(objective - current_objective_) / temperature_));
      if (accept) {
        g_.Save(current_);
        current_objective_ = objective;
      } else {
        g_.Restore(current_);
      }
      if (since_improvement >= restart_after_) {
        JumpBack(shared);
        since_improvement = 0;
      }
    }
    std::lock_guard<std::mutex> lock(shared.mutex);
    shared.iterations += iteration;
    shared.placements += insertion_.placements();
  }

 private:
  // Destruction and construction: removes `count` distinct jobs, each from a critical path
  // with probability `critical`, and reinserts them in random order. False if stopped
  // before the schedule was complete again.
  bool Rebuild(std::int64_t count, const SolveControl& control) {
    g_.CriticalPath(path_);
    critical_jobs_.clear();
    for (int v : path_) {
      if (v < shop_.num_ops && (critical_jobs_.empty() || critical_jobs_.back() != shop_.job_of[v])) {
        critical_jobs_.push_back(shop_.job_of[v]);
      }
    }
    removed_.clear();
    pool_ = jobs_;
    while (static_cast<std::int64_t>(removed_.size()) < count) {
      // Drop the drawn job from its pool (critical path or all), so every draw succeeds.
      std::vector<int>& pool = !critical_jobs_.empty() && rng_.Uniform01() < options_.critical ? critical_jobs_ : pool_;
      const std::size_t k = rng_.Below(pool.size());
      const int job = pool[k];
      pool[k] = pool.back();
      pool.pop_back();
      if (std::find(removed_.begin(), removed_.end(), job) == removed_.end()) removed_.push_back(job);
    }
    for (int job : removed_) g_.RemoveJob(job);
    g_.Evaluate();
    for (std::size_t k = removed_.size(); k > 1; --k) std::swap(removed_[k - 1], removed_[rng_.Below(k)]);
    for (int job : removed_) {
      const bool ok = options_.search > 0 ? insertion_.InsertSearch(job, rng_, SearchBudget(job), control) : insertion_.Insert(job, rng_);
      if (!ok || control.ShouldStop()) return false;
    }
    return true;
  }

  // Placements of one greedy insertion of the job (positions per operation), times `search`.
  std::int64_t SearchBudget(int job) const {
    std::int64_t greedy = 0;
    for (int o = shop_.job_begin[job]; o < shop_.job_begin[job + 1]; ++o) {
      for (int q = shop_.mode_begin[o]; q < shop_.mode_begin[o + 1]; ++q) greedy += 1 + ops_on_machine_[shop_.modes[q].machine];
    }
    return static_cast<std::int64_t>(options_.search * static_cast<double>(greedy));
  }

  void Publish(SharedBest& shared, const SolveControl& control) {
    if (best_objective_ >= shared.objective.load()) return;
    std::lock_guard<std::mutex> lock(shared.mutex);
    if (best_objective_ >= shared.objective.load()) return;
    shared.objective.store(best_objective_);
    shared.snapshot = best_;
    control.Report({control.Elapsed(), best_objective_, lower_bound_, ""});
  }

  // After a stagnation, continue from the best schedule known (the shared one if better).
  void JumpBack(SharedBest& shared) {
    {
      std::lock_guard<std::mutex> lock(shared.mutex);
      if (shared.objective.load() < best_objective_) {
        best_objective_ = shared.objective.load();
        best_ = shared.snapshot;
      }
    }
    g_.Restore(best_);
    g_.Save(current_);
    current_objective_ = best_objective_;
  }

  const ShopProblem& shop_;
  BlockingGraph g_;
  JobInsertion insertion_;
  IgOptions options_;
  Rng rng_;
  std::int64_t lower_bound_;
  double temperature_ = 0;
  std::int64_t restart_after_ = 0;
  std::vector<int> jobs_, removed_, path_, critical_jobs_, pool_, ops_on_machine_;
  BlockingGraph::Snapshot current_, best_;
  std::int64_t current_objective_ = 0, best_objective_ = 0;
};

class IteratedGreedySolver : public Solver {
 public:
  explicit IteratedGreedySolver(IgOptions options) : options_(options) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    const ShopProblem shop = BuildShopProblem(instance);
    const bool no_swaps = instance.blocking && !instance.allow_swaps;
    const CompletionObjective objective = CompletionObjective::FromInstance(instance);
    std::int64_t bound = TrivialLowerBound(instance);
    const bool makespan_only = objective.makespan > 0 && objective.weighted_tardiness == 0 &&
                               objective.weighted_completion == 0 && objective.max_lateness == 0;
    if (makespan_only && !shop.flexible) bound = std::max(bound, JobShopLowerBound(shop) * objective.makespan);
    SolveStats stats;

    // The timetable insertion of blocking-insertion: a schedule to start from and to fall
    // back on.
    TimetableInsertion timetable(shop, no_swaps);
    std::optional<Solution> baseline;
    std::vector<Time> baseline_start;
    std::vector<int> baseline_mode;
    for (const char* rule : {"mwkr", "lwkr", "release"}) {
      timetable.Build(RuleJobOrder(shop, rule));
      ++stats.schedules;
      if (KeepBetter(baseline, ToSolution(instance, shop, timetable.start(), timetable.mode()))) {
        baseline_start = timetable.start();
        baseline_mode = timetable.mode();
      }
    }
    control.Report({control.Elapsed(), baseline->objective, bound, "timetable insertion"});
    if (baseline->objective <= bound) return FinishResult(instance, std::move(baseline), bound, control, stats);

    // The greedy graph insertion of every job, most work first; the timetable schedule
    // replaces it when better.
    BlockingGraph graph(shop, objective, no_swaps);
    {
      JobInsertion insertion(graph, no_swaps);
      Rng rng(control.seed);
      for (int job : RuleJobOrder(shop, "mwkr")) {
        if (control.ShouldStop()) {  // no time for the search: the timetable schedule
          SolveResult result = FinishResult(instance, std::move(baseline), bound, control, stats);
          return result;
        }
        insertion.Insert(job, rng);
      }
      graph.Evaluate();
      ++stats.schedules;
      stats.iterations += insertion.placements();
    }
    BlockingGraph::Snapshot start;
    graph.Save(start);
    BlockingGraph from_timetable(shop, objective, no_swaps);
    if (from_timetable.SetFromStarts(baseline_start, baseline_mode) && from_timetable.objective() < graph.objective()) {
      from_timetable.Save(start);
    }

    SharedBest shared;
    const int threads = std::max(1, control.threads);
    std::vector<std::unique_ptr<IgWorker>> workers;
    for (int k = 0; k < threads; ++k) {
      workers.push_back(std::make_unique<IgWorker>(shop, objective, no_swaps, options_,
                                                   control.seed + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(k), bound));
    }
    if (threads == 1) {
      workers[0]->Run(start, shared, control);
    } else {
      std::vector<std::thread> pool;
      for (int k = 0; k < threads; ++k) pool.emplace_back([&, k] { workers[k]->Run(start, shared, control); });
      for (std::thread& t : pool) t.join();
    }
    stats.schedules += shared.iterations;
    stats.iterations += shared.placements;

    BlockingGraph best(shop, objective, no_swaps);
    best.Restore(shared.snapshot);
    std::optional<Solution> solution = ToSolution(instance, shop, best.Starts(), best.modes());
    KeepBetter(solution, std::move(*baseline));
    return FinishResult(instance, std::move(solution), bound, control, stats);
  }

 private:
  IgOptions options_;
};

}  // namespace

std::unique_ptr<Solver> MakeIteratedGreedy(const ParamValues& params) {
  return std::make_unique<IteratedGreedySolver>(IgOptions{params.GetInt("iterations"), params.GetInt("destroy"),
                                                          params.GetInt("restart_after"), params.GetDouble("critical"),
                                                          params.GetDouble("temperature"), params.GetDouble("search")});
}

}  // namespace ordo
