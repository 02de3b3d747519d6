#include "solve/jobshop/tabu_search.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rng.h"
#include "solve/dispatch/best_gt_schedule.h"
#include "solve/jobshop/disjunctive_bnb.h"
#include "solve/jobshop/disjunctive_graph.h"
#include "solve/jobshop/jps_bound.h"
#include "solve/jobshop/tabu_worker.h"
#include "solve/shop/shop_problem.h"

namespace ordo {

std::vector<ParamSpec> TabuSearchParams() {
  return {
      {"iterations", ParamType::Int, "0", 0, 1e15, {}, "stop after this many moves per thread (0 = until the time limit)"},
      {"restart_after", ParamType::Int, "0", 0, 1e12, {},
       "moves without improvement before a restart from the elite pool (0 = 10,000 + 20 x operations)"},
      {"tenure", ParamType::Int, "0", 0, 1e6, {}, "base tabu tenure (0 = 10 + jobs/machines); each move adds a random 0..tenure/2"},
      {"perturbation", ParamType::Int, "4", 0, 1000, {}, "random N7 moves applied after a jump back to an elite schedule"},
      {"elite", ParamType::Int, "8", 1, 1000, {}, "schedules kept in each thread's elite pool"},
      {"relink", ParamType::Double, "0.5", 0, 1, {},
       "probability that a restart relinks two elite schedules instead of perturbing one"},
      {"proof", ParamType::Choice, "auto", 0, 0, {"auto", "on", "off"},
       "run the exact search (disjunctive_bnb.h) beside the tabu search: with 2+ threads on one of them, with 1 thread "
       "for 30% of the time left after a short tabu phase; above 100 operations it proves a lower bound first; "
       "auto = on for instances of at most 400 operations"},
  };
}

namespace {

class TabuSearchSolver : public Solver {
 public:
  TabuSearchSolver(TabuOptions options, std::string proof) : options_(options), proof_(std::move(proof)) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    const ShopProblem shop = BuildShopProblem(instance);
    const auto& terms = instance.objective.terms;
    const bool makespan_only = terms.size() == 1 && terms[0].kind == ObjectiveKind::Makespan && terms[0].weight > 0;
    SolveStats stats;
    GtStart gt = BestGtSchedule(instance, shop, control.seed, stats);
    std::optional<Solution> start = std::move(gt.solution);
    const std::vector<Time>& best_starts = gt.start;
    std::int64_t bound = TrivialLowerBound(instance);
    if (shop.flexible || !makespan_only) {
      SolveResult result = FinishResult(instance, std::move(start), bound, control, stats);
      result.message = "jobshop-tabu handles job shops with the makespan objective; this is the best dispatching schedule";
      return result;
    }
    const std::int64_t weight = terms[0].weight;
    SharedIncumbent shared(control, weight, std::max(bound / weight, JobShopLowerBound(shop)));
    control.Report({control.Elapsed(), start->objective, shared.bound() * weight, "best dispatching rule"});
    DisjunctiveGraph initial(shop);
    initial.SetFromStarts(best_starts);
    const MachineSequences sequences = initial.Sequences();
    shared.Offer(initial.makespan(), sequences, "");

    const int threads = std::max(1, control.threads);
    // The exact search models every operation as uninterruptible, so it would prove wrong
    // bounds where a resumable operation can pause over a downtime.
    const bool exact = !shop.has_resumable && (proof_ == "on" || (proof_ == "auto" && shop.num_ops <= kExactMaxOps));
    std::int64_t nodes = 0;
    if (threads == 1) {
      SolveAlone(shop, control, shared, exact, sequences, nodes);
    } else {
      const int tabu_threads = exact ? threads - 1 : threads;
      std::vector<std::unique_ptr<TabuWorker>> workers;
      for (int k = 0; k < tabu_threads; ++k) {
        workers.push_back(std::make_unique<TabuWorker>(shop, options_, control.seed + 0x9E3779B97F4A7C15ULL * k));
      }
      std::vector<std::thread> pool;
      for (int k = 0; k < tabu_threads; ++k) pool.emplace_back([&, k] { workers[k]->Run(sequences, shared, control); });
      if (exact) {
        pool.emplace_back([&] {
          // A short head start gives the exact search a good upper bound.
          const double head_start = std::min(0.2, 0.02 * control.time_limit_seconds);
          while (!control.ShouldStop() && !shared.done() && control.Elapsed() < head_start) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
          }
          if (!RunExact(shop, control, shared, control.time_limit_seconds, nodes) && !shared.done()) {
            TabuWorker(shop, options_, control.seed + 0x9E3779B97F4A7C15ULL * tabu_threads)
                .Run(shared.Sequences(), shared, control);
          }
        });
      }
      for (std::thread& t : pool) t.join();
    }
    stats.iterations = shared.iterations() + nodes;
    stats.evaluations = shared.evaluations();
    DisjunctiveGraph best(shop);
    best.SetSequences(shared.Sequences());
    bound = std::max(bound, shared.bound() * weight);
    std::vector<int> modes(shop.num_ops);
    for (int o = 0; o < shop.num_ops; ++o) modes[o] = shop.mode_begin[o];
    std::optional<Solution> solution = ToSolution(instance, shop, best.Starts(), modes);
    KeepBetter(solution, std::move(*start));
    return FinishResult(instance, std::move(solution), bound, control, stats);
  }

 private:
  // Instances up to this size get the exact search with proof=auto (20 x 20 job shops).
  static constexpr int kExactMaxOps = 400;
  // Above this size the exact search first proves what it can of a lower bound by root
  // propagation (it rarely finishes the tree there, and the bound is worth reporting).
  static constexpr int kBoundFirstOps = 100;
  // Largest relative gap after the lower bound at which the branch and bound is tried: ta01
  // (15 x 15) is proved from a 0.24% gap in seconds, la21 (15 x 10) not from 1.2% in 60 s.
  static constexpr double kExactMaxGap = 0.01;

  // The exact search (disjunctive_bnb.h) until `until` seconds: for larger instances the
  // destructive lower bound first (at most a quarter of the time left), then the branch and
  // bound, which publishes the schedules it finds and polls the incumbent of the others.
  // Returns false, without running the branch and bound, when the bound leaves a gap above
  // kExactMaxGap: the tree is then too large to finish and the time is better spent on the
  // tabu search.
  static bool RunExact(const ShopProblem& shop, const SolveControl& control, SharedIncumbent& shared, double until,
                       std::int64_t& nodes) {
    if (control.ShouldStop() || shared.done()) return true;
    DisjunctiveBnb bnb(shop);
    SolveControl limited = control;
    if (shop.num_ops > kBoundFirstOps) {
      limited.time_limit_seconds = control.Elapsed() + 0.25 * (until - control.Elapsed());
      shared.RaiseBound(bnb.DestructiveBound(shared.bound(), shared.makespan(), limited), "exact search: lower bound");
      if (control.ShouldStop() || shared.done()) return true;
      if (static_cast<double>(shared.makespan() - shared.bound()) > kExactMaxGap * static_cast<double>(shared.makespan())) {
        return false;
      }
    }
    limited.time_limit_seconds = until;
    const BnbOutcome outcome = bnb.Run(
        shared.makespan(), limited, [&] { return shared.makespan(); },
        [&](Time makespan, const std::vector<Time>& starts) {
          DisjunctiveGraph g(shop);
          g.SetFromStarts(starts);
          shared.Offer(makespan, g.Sequences(), "exact search");
        });
    nodes += outcome.nodes;
    if (outcome.proved) {
      shared.RaiseBound(outcome.upper, "exact search: optimal");
      shared.MarkProved();
    }
    return true;
  }

  // One thread: a short tabu phase (at most 20,000 + 200 x operations moves, enough to find
  // small optima), the exact search for 30% of the time left, then the tabu search again
  // from the incumbent until the end.
  void SolveAlone(const ShopProblem& shop, const SolveControl& control, SharedIncumbent& shared, bool exact,
                  const MachineSequences& sequences, std::int64_t& nodes) const {
    TabuWorker worker(shop, options_, control.seed);
    if (!exact) {
      worker.Run(sequences, shared, control);
      return;
    }
    TabuOptions first = options_;
    const std::int64_t cap = 20000 + 200 * static_cast<std::int64_t>(shop.num_ops);
    first.iterations = first.iterations > 0 ? std::min(first.iterations, cap) : cap;
    TabuWorker(shop, first, control.seed).Run(sequences, shared, control);
    (void)RunExact(shop, control, shared, control.Elapsed() + 0.3 * (control.time_limit_seconds - control.Elapsed()), nodes);
    if (!shared.done() && options_.iterations == 0) worker.Run(shared.Sequences(), shared, control);
  }

  TabuOptions options_;
  std::string proof_;
};

}  // namespace

std::unique_ptr<Solver> MakeTabuSearch(const ParamValues& params) {
  TabuOptions options;
  options.iterations = params.GetInt("iterations");
  options.restart_after = params.GetInt("restart_after");
  options.tenure = params.GetInt("tenure");
  options.perturbation = params.GetInt("perturbation");
  options.elite = params.GetInt("elite");
  options.relink = params.GetDouble("relink");
  return std::make_unique<TabuSearchSolver>(options, params.GetChoice("proof"));
}

}  // namespace ordo
