#include "solve/project/ga_solver.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/project/genetic_algorithm.h"
#include "solve/project/list_scheduler.h"

namespace ordo {

std::vector<ParamSpec> ProjectGaParams() {
  return {
      {"population", ParamType::Int, "0", 0, 100000, {}, "individuals kept per generation, per population when there are two (0 = with two populations 20 (max_schedules / 1000)^0.68 within [10, 500], or 60 without a budget; with one 40; for objectives other than the makespan 100 (max_schedules / 5000)^0.65 within [20, 1000], or 100)"},
      {"mutation", ParamType::Double, "0.05", 0, 1, {}, "probability per list position of a neighbour swap"},
      {"restart_after", ParamType::Int, "0", 0, 1e12, {}, "generations without a new best before the population is drawn afresh but for its best (0 = never)"},
      {"bipopulation", ParamType::Bool, "true", 0, 0, {}, "two populations of left- and right-justified schedules breeding each other, one schedule per child (Debels & Vanhoucke 2007); instances with release dates or calendars always use the double-justified single population"},
      {"parallel", ParamType::Double, "0.1", 0, 1, {}, "two populations: probability that a list is decoded by the parallel SGS (non-delay) instead of the serial one"},
      {"peak_crossover", ParamType::Bool, "true", 0, 0, {}, "the child keeps the father's order on his busiest window and the mother's elsewhere (after Valls, Ballestin & Quintanilla 2008) instead of Hartmann's two-point crossover"},
      {"epoch_schedules", ParamType::Int, "0", 0, 1e15, {}, "multi-start: each thread runs successive independent GAs of this many schedules until the budget or the time limit (0 = automatic: one GA under max_schedules, runs of 100,000 schedules when only the time limits)"},
      {"max_schedules", ParamType::Int, "0", 0, 1e15, {}, "budget of schedule-generation passes over all threads (0 = until the time limit)"},
  };
}

namespace {

class ProjectGaSolver : public Solver {
 public:
  explicit ProjectGaSolver(GaOptions options) : options_(options) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    // Every objective of the model is regular (weights are never negative), so the list
    // decoder reaches an optimal schedule: the GA takes them all.
    const std::string why = ListSchedulerUnsupported(instance);
    if (!why.empty()) return ModelInvalidResult(why);
    const std::int64_t bound = TrivialLowerBound(instance);
    ProjectIncumbent incumbent(instance, control, bound);
    SolveStats stats;
    RunGaIslands(instance, options_, std::max(1, control.threads), control.seed, incumbent,
                 [&] { return control.ShouldStop() || incumbent.done(); }, stats);
    std::optional<Solution> best = incumbent.Take();
    return FinishResult(instance, std::move(best), bound, control, stats);
  }

 private:
  GaOptions options_;
};

}  // namespace

void RunGaIslands(const Instance& instance, const GaOptions& options, int threads, std::uint64_t seed,
                  ProjectIncumbent& incumbent, const std::function<bool()>& should_stop, SolveStats& stats) {
  std::mutex mutex;
  // A converged GA breeds near-copies, and more schedules buy little: on 10 unproved J120
  // instances (1 thread, sum of makespans) one GA of 1,000,000 schedules is beaten by the best
  // of 5 independent GAs of 200,000 (1469), of 20 of 50,000 (1468) or of 50 of 20,000 (1472),
  // where a single GA of 50,000 gives 1482 on average. Hence the epochs of a multi-start.
  auto island = [&](int k) {
    std::int64_t budget = options.max_schedules;
    if (budget > 0) {
      budget = budget / threads + (k < budget % threads ? 1 : 0);
      if (budget == 0) return;  // fewer schedules than threads: this island has none (0 would mean unlimited)
    }
    std::int64_t schedules = 0;
    std::int64_t generations = 0;
    for (std::uint64_t epoch = 0;; ++epoch) {
      GaOptions own = options;
      own.max_schedules = budget;
      if (options.epoch_schedules > 0) {
        own.max_schedules = budget > 0 ? std::min(options.epoch_schedules, budget - schedules) : options.epoch_schedules;
      }
      ActivityListGa ga(instance, own, seed + static_cast<std::uint64_t>(k) + epoch * static_cast<std::uint64_t>(threads));
      ga.Run(should_stop, [&](Time makespan, const std::vector<Time>& start) { incumbent.OfferStarts(start, makespan); });
      schedules += ga.schedules();
      generations += ga.generations();
      if (options.epoch_schedules <= 0 || should_stop() || (budget > 0 && schedules >= budget) || ga.schedules() == 0) break;
    }
    std::lock_guard<std::mutex> lock(mutex);
    stats.schedules += schedules;
    stats.iterations += generations;
  };
  if (threads <= 1) {
    island(0);
    return;
  }
  std::vector<std::thread> pool;
  for (int k = 0; k < threads; ++k) pool.emplace_back(island, k);
  for (std::thread& t : pool) t.join();
}

std::unique_ptr<Solver> MakeProjectGa(const ParamValues& params) {
  GaOptions options;
  options.population = static_cast<int>(params.GetInt("population"));
  options.mutation = params.GetDouble("mutation");
  options.max_schedules = params.GetInt("max_schedules");
  options.restart_after = params.GetInt("restart_after");
  options.epoch_schedules = params.GetInt("epoch_schedules");
  if (options.epoch_schedules == 0 && options.max_schedules == 0) options.epoch_schedules = 100000;
  options.bipopulation = params.GetBool("bipopulation");
  options.peak_crossover = params.GetBool("peak_crossover");
  options.parallel = params.GetDouble("parallel");
  return std::make_unique<ProjectGaSolver>(options);
}

}  // namespace ordo
