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
      {"population", ParamType::Int, "0", 0, 100000, {}, "individuals kept per generation, per population when there are two (0 = with two populations 20 (max_schedules / 1000)^0.68 within [10, 500], or 60 without a budget; with one 40)"},
      {"mutation", ParamType::Double, "0.05", 0, 1, {}, "probability per list position of a neighbour swap"},
      {"restart_after", ParamType::Int, "0", 0, 1e12, {}, "generations without a new best before the population is drawn afresh but for its best (0 = never)"},
      {"bipopulation", ParamType::Bool, "true", 0, 0, {}, "two populations of left- and right-justified schedules breeding each other, one schedule per child (Debels & Vanhoucke 2007); instances with release dates or calendars always use the double-justified single population"},
      {"peak_crossover", ParamType::Bool, "true", 0, 0, {}, "the child keeps the father's order on his busiest window and the mother's elsewhere (after Valls, Ballestin & Quintanilla 2008) instead of Hartmann's two-point crossover"},
      {"max_schedules", ParamType::Int, "0", 0, 1e15, {}, "budget of schedule-generation passes over all threads (0 = until the time limit)"},
  };
}

namespace {

class ProjectGaSolver : public Solver {
 public:
  explicit ProjectGaSolver(GaOptions options) : options_(options) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    const auto& terms = instance.objective.terms;
    std::string why = ListSchedulerUnsupported(instance);
    if (why.empty() && (terms.size() != 1 || terms[0].kind != ObjectiveKind::Makespan || terms[0].weight <= 0)) {
      why = "the genetic algorithm minimises the makespan only";
    }
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
  auto island = [&](int k) {
    GaOptions own = options;
    if (own.max_schedules > 0) own.max_schedules = own.max_schedules / threads + (k < own.max_schedules % threads ? 1 : 0);
    ActivityListGa ga(instance, own, seed + static_cast<std::uint64_t>(k));
    ga.Run(should_stop, [&](Time makespan, const std::vector<Time>& start) { incumbent.OfferMakespan(start, makespan); });
    std::lock_guard<std::mutex> lock(mutex);
    stats.schedules += ga.schedules();
    stats.iterations += ga.generations();
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
  options.bipopulation = params.GetBool("bipopulation");
  options.peak_crossover = params.GetBool("peak_crossover");
  return std::make_unique<ProjectGaSolver>(options);
}

}  // namespace ordo
