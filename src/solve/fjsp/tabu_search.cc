#include "solve/fjsp/tabu_search.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <limits>
#include <mutex>
#include <thread>

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rng.h"
#include "solve/dispatch/best_gt_schedule.h"
#include "solve/fjsp/flexible_bound.h"
#include "solve/fjsp/flexible_graph.h"
#include "solve/fjsp/flexible_relinking.h"
#include "solve/fjsp/reassignment_neighbourhood.h"
#include "solve/jobshop/n7_neighbourhood.h"
#include "solve/shop/shop_problem.h"

namespace ordo {

std::vector<ParamSpec> FjspTabuParams() {
  return {
      {"iterations", ParamType::Int, "0", 0, 1e15, {},
       "stop after this many moves per thread (0 = until the time limit)"},
      {"restart_after", ParamType::Int, "0", 0, 1e12, {},
       "moves without improvement before a restart from the elite pool (0 = 5,000 + 20 x operations)"},
      {"tenure", ParamType::Int, "0", 0, 1e6, {},
       "base tabu tenure of machine orders (0 = 10 + jobs/machines), halved in a random half of the restart cycles; "
       "each move adds a random 0..tenure/2"},
      {"assign_tenure", ParamType::Int, "0", 0, 1e6, {},
       "base tabu tenure of (operation, machine) pairs after a reassignment (0 = same as tenure); each move adds a "
       "random 0..assign_tenure/2"},
      {"perturbation", ParamType::Int, "4", 0, 1000, {}, "random moves applied after a jump back to an elite schedule"},
      {"elite", ParamType::Int, "8", 1, 1000, {}, "schedules kept in each thread's elite pool"},
      {"relink", ParamType::Double, "0.5", 0, 1, {},
       "probability that a restart relinks two elite schedules instead of perturbing one"},
  };
}

namespace {

struct FjspOptions {
  std::int64_t iterations, restart_after, tenure, assign_tenure, perturbation, elite;
  double relink;
};

// Incumbent shared by the threads.
struct SharedBest {
  std::mutex mutex;
  std::atomic<Time> makespan{std::numeric_limits<Time>::max()};
  FlexibleSchedule schedule;
  std::int64_t iterations = 0;
};

// Tabu status of machine orders "a before b", for any two operations (they may meet on any
// machine). Dense for up to 1024 operations (8 MB at most); above, a lossy hash table whose
// collisions only forget a tabu status early.
class PairTabu {
 public:
  explicit PairTabu(int n) : n_(static_cast<std::uint64_t>(n)) {
    if (n <= 1024) {
      dense_.assign(static_cast<std::size_t>(n) * n, 0);
    } else {
      slots_.assign(std::size_t{1} << 18, Slot{});
    }
  }
  std::int64_t Get(int a, int b) const {
    const std::uint64_t key = static_cast<std::uint64_t>(a) * n_ + static_cast<std::uint64_t>(b);
    if (!dense_.empty()) return dense_[key];
    const Slot& s = slots_[Hash(key)];
    return s.key == key + 1 ? s.until : 0;
  }
  void Set(int a, int b, std::int64_t until) {
    const std::uint64_t key = static_cast<std::uint64_t>(a) * n_ + static_cast<std::uint64_t>(b);
    if (!dense_.empty()) {
      dense_[key] = until;
    } else {
      slots_[Hash(key)] = Slot{key + 1, until};
    }
  }

 private:
  struct Slot {
    std::uint64_t key = 0;  // key + 1; 0 = empty
    std::int64_t until = 0;
  };
  std::size_t Hash(std::uint64_t key) const { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 46); }
  std::uint64_t n_;
  std::vector<std::int64_t> dense_;
  std::vector<Slot> slots_;
};

class FjspWorker {
 public:
  // lower_bound stops the search when reached; weight scales makespans to objective values.
  FjspWorker(const ShopProblem& shop, const FjspOptions& options, std::uint64_t seed, Time lower_bound,
             std::int64_t weight)
      : g_(shop), options_(options), rng_(seed), lower_bound_(lower_bound), weight_(weight),
        pair_tabu_(shop.num_ops),
        assign_tabu_(shop.modes.size(), 0), relinker_(shop.num_ops), elite_(static_cast<std::size_t>(options.elite)) {
    base_tenure_ = options.tenure > 0 ? options.tenure : 10 + shop.num_jobs / std::max(1, shop.num_machines);
    assign_tenure_ = options.assign_tenure > 0 ? options.assign_tenure : base_tenure_;
    restart_after_ =
        options.restart_after > 0 ? options.restart_after : 5000 + 20 * static_cast<std::int64_t>(shop.num_ops);
    blocked_.reserve(16);
  }

  // Runs until the control says stop, the iteration limit, or the bound is reached.
  void Run(const FlexibleSchedule& start, SharedBest& shared, const SolveControl& control) {
    g_.Set(start);
    best_ = cycle_best_ = g_.makespan();
    cycle_critical_ = g_.critical_count();
    g_.Get(best_schedule_);
    cycle_best_schedule_ = best_schedule_;
    Publish(shared, control);
    std::int64_t since_improvement = 0;
    std::int64_t iteration = 0;
    for (; options_.iterations == 0 || iteration < options_.iterations; ++iteration) {
      // A poll costs one clock read (about 30 ns measured), far below one move (3 us or more).
      if ((iteration & 7) == 0 && (control.ShouldStop() || shared.makespan.load() <= lower_bound_)) break;
      Generate();
      if (sequencing_.empty() && routing_.empty()) break;  // the critical path has nothing to move
      if (Apply(Choose(), true)) {
        blocked_.clear();
      }
      ++clock_;
      // Improvement: a smaller makespan, or as small with fewer critical operations (a way
      // off the plateaus of small integer makespans).
      if (g_.makespan() < cycle_best_ || (g_.makespan() == cycle_best_ && g_.critical_count() < cycle_critical_)) {
        cycle_best_ = g_.makespan();
        cycle_critical_ = g_.critical_count();
        g_.Get(cycle_best_schedule_);
        since_improvement = 0;
        if (cycle_best_ < best_) {
          best_ = cycle_best_;
          best_schedule_ = cycle_best_schedule_;
          Publish(shared, control);
        }
      } else if (++since_improvement >= restart_after_) {
        JumpBack(shared);
        since_improvement = 0;
      }
    }
    std::lock_guard<std::mutex> lock(shared.mutex);
    shared.iterations += iteration;
  }

 private:
  // A candidate move: index into sequencing_ (>= 0) or into routing_ (encoded as -1 - i).
  using MoveRef = int;

  void Generate() {
    n7_.Generate(g_, sequencing_);
    ReassignmentNeighbourhood::Generate(g_, routing_);
  }

  bool SequencingTabu(const ShopMove& m) {
    N7Neighbourhood::Segment(g_, m, segment_);
    for (int x : segment_) {
      if (x == m.u) continue;
      // The move puts x before u (forward) or u before x (backward).
      const std::int64_t until = m.forward ? pair_tabu_.Get(x, m.u) : pair_tabu_.Get(m.u, x);
      if (until > clock_) return true;
    }
    return false;
  }
  bool RoutingTabu(const ReassignMove& m) const { return assign_tabu_[m.mode] > clock_; }

  // The best admissible move by estimate, uniformly among ties; when every move is tabu and
  // none is aspirated, a random move. Routing moves are rated only when their lower bound
  // could still win: it cannot when it exceeds the best estimate so far, nor when the move is
  // tabu and the bound does not beat the best makespan (no aspiration possible).
  MoveRef Choose() {
    MoveRef chosen = 0;
    bool found = false;
    Time chosen_estimate = 0;
    int ties = 0;
    auto consider = [&](MoveRef ref, Time estimate) {
      if (!found || estimate < chosen_estimate) {
        chosen = ref;
        chosen_estimate = estimate;
        found = true;
        ties = 1;
      } else if (estimate == chosen_estimate && rng_.Below(static_cast<std::uint64_t>(++ties)) == 0) {
        chosen = ref;
      }
    };
    for (std::size_t i = 0; i < sequencing_.size(); ++i) {
      const ShopMove& m = sequencing_[i];
      if (found && m.estimate > chosen_estimate) continue;
      if (Blocked({m.u, m.v, m.forward ? 1 : 0})) continue;
      if (m.estimate >= best_ && SequencingTabu(m)) continue;  // aspiration: tabu moves that beat the best pass
      consider(static_cast<MoveRef>(i), m.estimate);
    }
    for (std::size_t i = 0; i < routing_.size(); ++i) {
      ReassignMove& m = routing_[i];
      if (found && m.estimate > chosen_estimate) continue;
      if (Blocked({m.op, m.mode, 2})) continue;
      const bool tabu = RoutingTabu(m);
      if (tabu && m.estimate >= best_) continue;
      ReassignmentNeighbourhood::Rate(g_, m);
      if (found && m.estimate > chosen_estimate) continue;
      if (tabu && m.estimate >= best_) continue;
      consider(-1 - static_cast<MoveRef>(i), m.estimate);
    }
    if (found) return chosen;
    const std::size_t k = rng_.Below(sequencing_.size() + routing_.size());
    return k < sequencing_.size() ? static_cast<MoveRef>(k) : -1 - static_cast<MoveRef>(k - sequencing_.size());
  }

  // A tenure for one move: the base scaled for this cycle, plus a random 0..base/2.
  std::int64_t Draw(std::int64_t base) {
    base = std::max<std::int64_t>(1, static_cast<std::int64_t>(static_cast<double>(base) * tenure_scale_));
    return base + static_cast<std::int64_t>(rng_.Below(static_cast<std::uint64_t>(base / 2 + 1)));
  }

  // A move that turned out to create a cycle, blocked until a move succeeds: the graph is
  // unchanged after its undo, so the same choice would come back (with zero durations the
  // safety conditions of both neighbourhoods can fail).
  using MoveKey = std::array<int, 3>;
  bool Blocked(const MoveKey& key) const { return std::find(blocked_.begin(), blocked_.end(), key) != blocked_.end(); }

  // Applies a move (marking what it undid tabu when `tabu`) and re-evaluates; a move that
  // would create a cycle is undone, blocked, and false is returned.
  bool Apply(MoveRef ref, bool tabu) {
    if (ref >= 0) {
      const ShopMove m = sequencing_[ref];
      if (tabu) {
        N7Neighbourhood::Segment(g_, m, segment_);
        const std::int64_t until = clock_ + Draw(base_tenure_);
        for (int x : segment_) {
          if (x == m.u) continue;
          // Before the move u was before x (forward) or x before u (backward): forbid going back.
          if (m.forward) pair_tabu_.Set(m.u, x, until);
          else pair_tabu_.Set(x, m.u, until);
        }
      }
      const int old_prev = g_.machine_prev(m.u);
      if (m.forward) g_.MoveAfter(m.u, m.v);
      else g_.MoveBefore(m.u, m.v);
      if (!g_.Evaluate()) {
        g_.MoveAfter(m.u, old_prev);
        g_.Evaluate();
        blocked_.push_back({m.u, m.v, m.forward ? 1 : 0});
        return false;
      }
    } else {
      ReassignmentNeighbourhood::Rate(g_, routing_[-1 - ref]);
      const ReassignMove m = routing_[-1 - ref];
      const int old_mode = g_.mode_of(m.op), old_prev = g_.machine_prev(m.op);
      if (tabu) assign_tabu_[old_mode] = clock_ + Draw(assign_tenure_);
      g_.Reassign(m.op, m.mode, m.after);
      if (!g_.Evaluate()) {
        g_.Reassign(m.op, old_mode, old_prev);
        g_.Evaluate();
        blocked_.push_back({m.op, m.mode, 2});
        return false;
      }
    }
    return true;
  }

  void Publish(SharedBest& shared, const SolveControl& control) {
    if (best_ >= shared.makespan.load()) return;
    std::lock_guard<std::mutex> lock(shared.mutex);
    if (best_ >= shared.makespan.load()) return;
    shared.makespan.store(best_);
    shared.schedule = best_schedule_;
    control.Report({control.Elapsed(), best_ * weight_, lower_bound_ * weight_, ""});
  }

  // Restart (i-TSAB's back jump, Nowicki & Smutnicki 2005, with relinking as in TS/PR): the
  // best schedule of the finished cycle joins the elite pool (with the shared incumbent when
  // it is better); the next cycle starts from the best schedule met in the middle part of a
  // path between two elite schedules, or from an elite schedule perturbed by a few random
  // moves. Tabu statuses all expire.
  void JumpBack(SharedBest& shared) {
    elite_.Add(cycle_best_, cycle_best_schedule_);
    {
      std::lock_guard<std::mutex> lock(shared.mutex);
      if (shared.makespan.load() < best_) {
        best_ = shared.makespan.load();
        best_schedule_ = shared.schedule;
        elite_.Add(best_, best_schedule_);
      }
    }
    // Prefer better elites: the smaller of two random ranks.
    auto pick = [&] { return std::min(rng_.Below(elite_.size()), rng_.Below(elite_.size())); };
    if (elite_.size() >= 2 && rng_.Uniform01() < options_.relink) {
      const std::size_t a = pick();
      std::size_t b = rng_.Below(elite_.size() - 1);
      if (b >= a) ++b;
      relinker_.RelinkTowards(g_, elite_.schedule(a), elite_.schedule(b), 0.25, 0.75, rng_);
    } else {
      g_.Set(elite_.size() > 0 ? elite_.schedule(pick()) : best_schedule_);
      for (std::int64_t k = 0; k < options_.perturbation; ++k) {
        Generate();
        const std::size_t total = sequencing_.size() + routing_.size();
        if (total == 0) break;
        const std::size_t r = rng_.Below(total);
        Apply(r < sequencing_.size() ? static_cast<MoveRef>(r) : -1 - static_cast<MoveRef>(r - sequencing_.size()),
              false);
      }
    }
    clock_ += 2 * std::max(base_tenure_, assign_tenure_) + 1;  // every tabu status expires
    blocked_.clear();
    // No tenure suits every instance: small shops with long blocks want about half the
    // default, others the default. Each cycle draws one of the two.
    tenure_scale_ = rng_.Below(2) == 0 ? 0.5 : 1.0;
    cycle_best_ = g_.makespan();
    cycle_critical_ = g_.critical_count();
    g_.Get(cycle_best_schedule_);
  }

  FlexibleGraph g_;
  FjspOptions options_;
  Rng rng_;
  Time lower_bound_;
  std::int64_t weight_;
  std::int64_t base_tenure_ = 0, assign_tenure_ = 0, restart_after_ = 0;
  double tenure_scale_ = 1.0;  // of the base tenures, drawn per restart cycle
  N7Neighbourhood n7_;
  std::vector<ShopMove> sequencing_;
  std::vector<ReassignMove> routing_;
  std::vector<int> segment_;
  std::vector<MoveKey> blocked_;
  PairTabu pair_tabu_;
  std::vector<std::int64_t> assign_tabu_;  // per mode: clock until which taking that mode is tabu
  std::int64_t clock_ = 1;
  Time best_ = 0, cycle_best_ = 0;
  int cycle_critical_ = 0;
  FlexibleSchedule best_schedule_, cycle_best_schedule_;
  FlexibleRelinker relinker_;
  FlexibleElitePool elite_;
};

class FjspTabuSolver : public Solver {
 public:
  explicit FjspTabuSolver(FjspOptions options) : options_(options) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    const ShopProblem shop = BuildShopProblem(instance);
    const auto& terms = instance.objective.terms;
    const bool makespan_only = terms.size() == 1 && terms[0].kind == ObjectiveKind::Makespan && terms[0].weight > 0;
    // Start: the best Giffler–Thompson schedule over every deterministic rule and variant.
    SolveStats stats;
    GtStart gt = BestGtSchedule(instance, shop, control.seed, stats);
    std::optional<Solution> start = std::move(gt.solution);
    const std::vector<Time>& best_starts = gt.start;
    const std::vector<int>& best_modes = gt.mode;
    std::int64_t bound = TrivialLowerBound(instance);
    if (!makespan_only) {
      SolveResult result = FinishResult(instance, std::move(start), bound, control, stats);
      result.message = "fjsp-tabu handles the makespan objective only; this is the best dispatching schedule";
      return result;
    }
    const std::int64_t weight = terms[0].weight;
    const Time lower = std::max(FlexibleShopLowerBound(shop), (bound + weight - 1) / weight);
    bound = std::max(bound, lower * weight);
    control.Report({control.Elapsed(), start->objective, bound, "best dispatching rule"});

    FlexibleGraph initial(shop);
    initial.SetFromStarts(best_starts, best_modes);
    FlexibleSchedule schedule;
    initial.Get(schedule);
    SharedBest shared;
    const int threads = std::max(1, control.threads);
    std::vector<std::unique_ptr<FjspWorker>> workers;
    for (int k = 0; k < threads; ++k) {
      workers.push_back(
          std::make_unique<FjspWorker>(shop, options_, control.seed + 0x9E3779B97F4A7C15ULL * k, lower, weight));
    }
    if (threads == 1) {
      workers[0]->Run(schedule, shared, control);
    } else {
      std::vector<std::thread> pool;
      for (int k = 0; k < threads; ++k) pool.emplace_back([&, k] { workers[k]->Run(schedule, shared, control); });
      for (std::thread& t : pool) t.join();
    }
    stats.iterations = shared.iterations;
    FlexibleGraph best(shop);
    best.Set(shared.schedule);
    std::optional<Solution> solution = ToSolution(instance, shop, best.Starts(), shared.schedule.mode);
    KeepBetter(solution, std::move(*start));
    return FinishResult(instance, std::move(solution), bound, control, stats);
  }

 private:
  FjspOptions options_;
};

}  // namespace

std::unique_ptr<Solver> MakeFjspTabu(const ParamValues& params) {
  return std::make_unique<FjspTabuSolver>(FjspOptions{params.GetInt("iterations"), params.GetInt("restart_after"),
                                                      params.GetInt("tenure"), params.GetInt("assign_tenure"),
                                                      params.GetInt("perturbation"), params.GetInt("elite"),
                                                      params.GetDouble("relink")});
}

}  // namespace ordo
