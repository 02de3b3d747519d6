#include "solve/jobshop/tabu_search.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rng.h"
#include "solve/dispatch/gt_generator.h"
#include "solve/jobshop/disjunctive_graph.h"
#include "solve/jobshop/jps_bound.h"
#include "solve/jobshop/n7_neighbourhood.h"
#include "solve/jobshop/path_relinking.h"
#include "solve/jobshop/settimes_bnb.h"
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
       "run the exact search (settimes_bnb.h) beside the tabu search: with 2+ threads on one of them, with 1 thread "
       "for 30% of the time left after a short tabu phase; auto = on for instances of at most 100 operations"},
  };
}

namespace {

struct TabuOptions {
  std::int64_t iterations, restart_after, tenure, perturbation, elite;
  double relink;
  std::string proof;
};

// Incumbent shared by the threads.
struct SharedBest {
  std::mutex mutex;
  std::atomic<Time> makespan{std::numeric_limits<Time>::max()};
  std::vector<std::vector<int>> sequences;
  std::int64_t iterations = 0;
  std::atomic<bool> proved{false};  // the exact search proved the incumbent optimal
};

class TabuWorker {
 public:
  TabuWorker(const ShopProblem& shop, const TabuOptions& options, std::uint64_t seed, Time lower_bound)
      : shop_(shop), g_(shop), options_(options), rng_(seed), lower_bound_(lower_bound),
        elite_(static_cast<std::size_t>(options.elite)) {
    // Per-machine local indices for the tabu matrices.
    local_.resize(shop.num_ops);
    std::vector<int> count(shop.num_machines, 0);
    for (int o = 0; o < shop.num_ops; ++o) local_[o] = count[g_.machine_of(o)]++;
    base_.resize(shop.num_machines);
    std::size_t total = 0;
    for (int m = 0; m < shop.num_machines; ++m) {
      base_[m] = total;
      total += static_cast<std::size_t>(count[m]) * count[m];
    }
    size_ = count;
    tabu_.assign(total, 0);
  }

  // Runs until the control says stop, the iteration limit, or the bound is reached.
  void Run(const std::vector<std::vector<int>>& start, SharedBest& shared, const SolveControl& control) {
    g_.SetSequences(start);
    best_ = cycle_best_ = g_.makespan();
    best_sequences_ = cycle_best_sequences_ = g_.Sequences();
    Publish(shared, control);
    std::int64_t since_improvement = 0;
    const std::int64_t restart_after = options_.restart_after > 0 ? options_.restart_after : 10000 + 20 * static_cast<std::int64_t>(shop_.num_ops);
    const std::int64_t base_tenure = options_.tenure > 0 ? options_.tenure : 10 + shop_.num_jobs / std::max(1, shop_.num_machines);
    for (iteration_ = 1; options_.iterations == 0 || iteration_ <= options_.iterations; ++iteration_) {
      if ((iteration_ & 15) == 0 && (control.ShouldStop() || shared.proved.load() || shared.makespan.load() <= lower_bound_)) {
        break;
      }
      neighbourhood_.Generate(g_, moves_);
      if (moves_.empty()) break;  // every block has one operation: the critical path is a job
      const ShopMove* move = Choose();
      const std::int64_t tenure = base_tenure + static_cast<std::int64_t>(rng_.Below(static_cast<std::uint64_t>(base_tenure / 2 + 1)));
      if (!Apply(*move, tenure)) continue;
      if (g_.makespan() < cycle_best_) {
        cycle_best_ = g_.makespan();
        cycle_best_sequences_ = g_.Sequences();
        since_improvement = 0;
        if (cycle_best_ < best_) {
          best_ = cycle_best_;
          best_sequences_ = cycle_best_sequences_;
          Publish(shared, control);
        }
      } else if (++since_improvement >= restart_after) {
        JumpBack(shared);
        since_improvement = 0;
      }
    }
    std::lock_guard<std::mutex> lock(shared.mutex);
    shared.iterations += iteration_;
  }

 private:
  bool IsTabu(const ShopMove& m) {
    N7Neighbourhood::Segment(g_, m, segment_);
    const int machine = g_.machine_of(m.u);
    const std::size_t n = static_cast<std::size_t>(size_[machine]);
    const std::int64_t* t = &tabu_[base_[machine]];
    for (int x : segment_) {
      if (x == m.u) continue;
      // The move puts x before u (forward) or u before x (backward).
      const std::size_t idx = m.forward ? local_[x] * n + local_[m.u] : local_[m.u] * n + local_[x];
      if (t[idx] > iteration_) return true;
    }
    return false;
  }

  const ShopMove* Choose() {
    const ShopMove* chosen = nullptr;
    int ties = 0;
    for (const ShopMove& m : moves_) {
      if (chosen != nullptr && m.estimate > chosen->estimate) continue;
      if (IsTabu(m) && m.estimate >= best_) continue;  // aspiration: tabu moves that beat the best pass
      if (chosen == nullptr || m.estimate < chosen->estimate) {
        chosen = &m;
        ties = 1;
      } else if (rng_.Below(static_cast<std::uint64_t>(++ties)) == 0) {
        chosen = &m;  // uniform among equal estimates
      }
    }
    if (chosen == nullptr) chosen = &moves_[rng_.Below(moves_.size())];  // all tabu: any move
    return chosen;
  }

  // Applies a move, marks the undone orders tabu, re-evaluates; false (and undone) if the
  // move would create a cycle (cannot happen with the safety conditions; kept as a guard).
  bool Apply(const ShopMove& m, std::int64_t tenure) {
    N7Neighbourhood::Segment(g_, m, segment_);
    const int machine = g_.machine_of(m.u);
    const std::size_t n = static_cast<std::size_t>(size_[machine]);
    std::int64_t* t = &tabu_[base_[machine]];
    for (int x : segment_) {
      if (x == m.u) continue;
      // Before the move u was before x (forward) or x before u (backward): forbid going back.
      const std::size_t idx = m.forward ? local_[m.u] * n + local_[x] : local_[x] * n + local_[m.u];
      t[idx] = iteration_ + tenure;
    }
    const int old_prev = g_.machine_prev(m.u);
    if (m.forward) g_.MoveAfter(m.u, m.v);
    else g_.MoveBefore(m.u, m.v);
    if (g_.Evaluate()) return true;
    g_.MoveAfter(m.u, old_prev);
    g_.Evaluate();
    return false;
  }

  void Publish(SharedBest& shared, const SolveControl& control) {
    if (best_ >= shared.makespan.load()) return;
    std::lock_guard<std::mutex> lock(shared.mutex);
    if (best_ >= shared.makespan.load()) return;
    shared.makespan.store(best_);
    shared.sequences = best_sequences_;
    control.Report({control.Elapsed(), best_, lower_bound_, ""});
  }

  // Restart (i-TSAB's back jump, Nowicki & Smutnicki 2005, with TS/PR's relinking): the best
  // schedule of the finished cycle joins the elite pool (with the shared incumbent when it is
  // better); the next cycle starts either part way along a path between two elite schedules
  // or from an elite schedule perturbed by a few random N7 moves.
  void JumpBack(SharedBest& shared) {
    elite_.Add(cycle_best_, cycle_best_sequences_);
    {
      std::lock_guard<std::mutex> lock(shared.mutex);
      if (shared.makespan.load() < best_) {
        best_ = shared.makespan.load();
        best_sequences_ = shared.sequences;
        elite_.Add(best_, best_sequences_);
      }
    }
    // Prefer better elites: the smaller of two random ranks.
    auto pick = [&] { return std::min(rng_.Below(elite_.size()), rng_.Below(elite_.size())); };
    if (elite_.size() >= 2 && rng_.Uniform01() < options_.relink) {
      const std::size_t a = pick();
      std::size_t b = rng_.Below(elite_.size() - 1);
      if (b >= a) ++b;
      RelinkTowards(g_, elite_.sequences(a), elite_.sequences(b), 0.25 + 0.5 * rng_.Uniform01(), rng_);
    } else {
      g_.SetSequences(elite_.size() > 0 ? elite_.sequences(pick()) : best_sequences_);
      for (std::int64_t k = 0; k < options_.perturbation; ++k) {
        neighbourhood_.Generate(g_, moves_);
        if (moves_.empty()) break;
        const ShopMove m = moves_[rng_.Below(moves_.size())];
        Apply(m, 0);
      }
    }
    std::fill(tabu_.begin(), tabu_.end(), 0);
    cycle_best_ = g_.makespan();
    cycle_best_sequences_ = g_.Sequences();
  }

  const ShopProblem& shop_;
  DisjunctiveGraph g_;
  TabuOptions options_;
  Rng rng_;
  Time lower_bound_;
  N7Neighbourhood neighbourhood_;
  std::vector<ShopMove> moves_;
  std::vector<int> segment_;
  std::vector<int> local_, size_;
  std::vector<std::size_t> base_;
  std::vector<std::int64_t> tabu_;  // per machine: [a][b] = iteration until which "a before b" is tabu
  std::int64_t iteration_ = 0;
  Time best_ = 0, cycle_best_ = 0;
  MachineSequences best_sequences_, cycle_best_sequences_;
  ElitePool elite_;
};

class TabuSearchSolver : public Solver {
 public:
  explicit TabuSearchSolver(TabuOptions options) : options_(options) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    const ShopProblem shop = BuildShopProblem(instance);
    const auto& terms = instance.objective.terms;
    const bool makespan_only = terms.size() == 1 && terms[0].kind == ObjectiveKind::Makespan && terms[0].weight > 0;
    // Starting schedules: the best Giffler–Thompson schedule over every deterministic rule.
    GtGenerator generator(shop);
    Rng rng(control.seed);
    std::optional<Solution> start;
    SolveStats stats;
    std::vector<Time> best_starts;
    for (const ShopRuleInfo& rule : ShopRules()) {
      if (rule.rule == ShopRule::Random) continue;
      for (GtVariant variant : {GtVariant::Active, GtVariant::NonDelay}) {
        generator.Run(rule.rule, variant, rng);
        ++stats.schedules;
        if (KeepBetter(start, ToSolution(instance, shop, generator.start(), generator.mode()))) {
          best_starts = generator.start();
        }
      }
    }
    std::int64_t bound = TrivialLowerBound(instance);
    if (shop.flexible || shop.has_downtime || !makespan_only) {
      SolveResult result = FinishResult(instance, std::move(start), bound, control, stats);
      result.message = "jobshop-tabu handles job shops with the makespan objective and no downtime; this is the best "
                       "dispatching schedule";
      return result;
    }
    bound = std::max(bound, JobShopLowerBound(shop) * terms[0].weight);
    control.Report({control.Elapsed(), start->objective, bound, "best dispatching rule"});

    DisjunctiveGraph initial(shop);
    initial.SetFromStarts(best_starts);
    const std::vector<std::vector<int>> sequences = initial.Sequences();
    SharedBest shared;
    Time lower = bound / terms[0].weight;
    const int threads = std::max(1, control.threads);
    const bool proof = options_.proof == "on" || (options_.proof == "auto" && shop.num_ops <= 100);
    const int tabu_threads = proof && threads >= 2 ? threads - 1 : threads;
    std::vector<std::unique_ptr<TabuWorker>> workers;
    for (int k = 0; k < tabu_threads; ++k) {
      workers.push_back(std::make_unique<TabuWorker>(shop, options_, control.seed + 0x9E3779B97F4A7C15ULL * k, lower));
    }
    // The exact search polls the shared incumbent and publishes what it finds.
    BnbOutcome exact;
    auto run_exact = [&](const SolveControl& bnb_control) {
      SetTimesBnb bnb(shop);
      Time initial = shared.makespan.load();
      if (initial == std::numeric_limits<Time>::max()) initial = start->objective / terms[0].weight;
      exact = bnb.Run(initial, bnb_control, [&] { return shared.makespan.load(); },
                      [&](Time makespan, const std::vector<Time>& starts) {
                        DisjunctiveGraph g(shop);
                        g.SetFromStarts(starts);
                        std::lock_guard<std::mutex> lock(shared.mutex);
                        if (makespan < shared.makespan.load()) {
                          shared.makespan.store(makespan);
                          shared.sequences = g.Sequences();
                          control.Report({control.Elapsed(), makespan * terms[0].weight, bound, "exact search"});
                        }
                      });
      if (exact.proved) shared.proved.store(true);  // stops the tabu threads
    };
    if (threads == 1) {
      // One thread: a short tabu phase (at most 20,000 + 200 x operations moves, enough to
      // find small optima), the exact search for 30% of the time left, then the tabu search
      // again from the incumbent until the end.
      if (!proof) {
        workers[0]->Run(sequences, shared, control);
      } else {
        TabuOptions first = options_;
        const std::int64_t cap = 20000 + 200 * static_cast<std::int64_t>(shop.num_ops);
        first.iterations = first.iterations > 0 ? std::min(first.iterations, cap) : cap;
        TabuWorker(shop, first, control.seed, lower).Run(sequences, shared, control);
        if (shared.makespan.load() > lower && !control.ShouldStop()) {
          SolveControl exact_control = control;
          exact_control.time_limit_seconds = control.Elapsed() + 0.3 * (control.time_limit_seconds - control.Elapsed());
          run_exact(exact_control);
        }
        if (!shared.proved.load() && shared.makespan.load() > lower && options_.iterations == 0) {
          workers[0]->Run(shared.sequences, shared, control);
        }
      }
    } else {
      std::vector<std::thread> pool;
      for (int k = 0; k < tabu_threads; ++k) {
        pool.emplace_back([&, k] { workers[k]->Run(sequences, shared, control); });
      }
      if (proof) {
        pool.emplace_back([&] {
          // Give the tabu search a head start for a good first upper bound.
          while (!control.ShouldStop() && control.Elapsed() < std::min(1.0, 0.05 * control.time_limit_seconds) &&
                 shared.makespan.load() > lower) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
          }
          if (!control.ShouldStop() && shared.makespan.load() > lower) run_exact(control);
        });
      }
      for (std::thread& t : pool) t.join();
    }
    stats.iterations = shared.iterations + exact.nodes;
    DisjunctiveGraph best(shop);
    best.SetSequences(shared.sequences);
    if (exact.proved) bound = std::max(bound, best.makespan() * terms[0].weight);
    std::vector<int> modes(shop.num_ops);
    for (int o = 0; o < shop.num_ops; ++o) modes[o] = shop.mode_begin[o];
    std::optional<Solution> solution = ToSolution(instance, shop, best.Starts(), modes);
    KeepBetter(solution, std::move(*start));
    return FinishResult(instance, std::move(solution), bound, control, stats);
  }

 private:
  TabuOptions options_;
};

}  // namespace

std::unique_ptr<Solver> MakeTabuSearch(const ParamValues& params) {
  return std::make_unique<TabuSearchSolver>(TabuOptions{params.GetInt("iterations"), params.GetInt("restart_after"),
                                                        params.GetInt("tenure"), params.GetInt("perturbation"),
                                                        params.GetInt("elite"), params.GetDouble("relink"),
                                                        params.GetChoice("proof")});
}

}  // namespace ordo
