#include "solve/single_machine/sm_solver.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <mutex>
#include <numeric>
#include <thread>

#include <fmt/format.h>

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/single_machine/iterated_search.h"
#include "solve/single_machine/lagrangian_bound.h"
#include "solve/single_machine/lagrangian_branch_and_bound.h"
#include "solve/single_machine/sm_rules.h"
#include "solve/single_machine/state_space_modifiers.h"
#include "solve/single_machine/total_tardiness_exact.h"

namespace ordo {

std::vector<ParamSpec> SmSolverParams() {
  return {
      {"exact", ParamType::Bool, "true", 0, 0, {}, "prove optima: 1||sum T_j by Lawler's decomposition with memoisation, other costs (up to 128 jobs) by Lagrangian branch and bound"},
      {"lagrangian_iterations", ParamType::Int, "1000", 0, 1e9, {}, "subgradient steps of the time-indexed Lagrangian bound (other costs): a tenth before the first elimination, half per later round; 0 = off"},
      {"modifier_states", ParamType::Int, "0", 0, 1e9, {}, "weighted costs: states per round of the state-space modifiers' search (SSDP stage 3) before the branch and bound takes over; 0 = skip it (the default: the branch and bound from the back proves wt40/wt50 faster without it)"},
      {"branch_from", ParamType::Choice, "back", 0, 0, {"back", "front"}, "weighted costs: the branch and bound builds sequences from the back (a front whose jobs can all be on time closes the node) or from the front"},
      {"memory_mb", ParamType::Int, "2048", 16, 1e7, {}, "memory limit of the exact methods' memo tables (MiB)"},
      {"kicks_before_exact", ParamType::Int, "100", 0, 1e12, {}, "with one thread: dynasearch kicks run before the exact method or the bound"},
      {"window", ParamType::Int, "0", 0, 1e9, {}, "largest distance of a dynasearch move; 0 = all up to 200 jobs, else 100"},
      {"insertions", ParamType::Bool, "true", 0, 0, {}, "insertion moves besides swaps (Grosso, Della Croce & Tadei 2004)"},
      {"kick_swaps", ParamType::Int, "3", 1, 1e6, {}, "random swaps in a kick at first"},
      {"max_kick_swaps", ParamType::Int, "12", 1, 1e6, {}, "largest kick, reached while the search stalls"},
      {"stall_kicks", ParamType::Int, "40", 1, 1e12, {}, "kicks without improvement before returning to the best sequence"},
      {"max_kicks", ParamType::Int, "0", 0, 1e15, {}, "kicks per thread; 0 = until the time limit"},
  };
}

std::int64_t SmSimpleLowerBound(const SmCostModel& m) {
  const int n = m.size();
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  // Tardiness part: a_min * sum max(0, i-th SPT completion - i-th smallest due date).
  std::int64_t a_min = n ? *std::min_element(m.a.begin(), m.a.end()) : 0;
  std::vector<Time> p = m.p, d = m.d;
  std::sort(p.begin(), p.end());
  std::sort(d.begin(), d.end());
  std::int64_t late = 0;
  Time t = 0;
  for (int i = 0; i < n; ++i) {
    t += p[i];
    late += std::max<Time>(0, t - d[i]);
  }
  // Completion part: WSPT (Smith 1956) is optimal for sum b_j C_j.
  std::sort(order.begin(), order.end(), [&](int x, int y) { return m.p[x] * m.b[y] < m.p[y] * m.b[x]; });
  std::int64_t completion = 0;
  t = 0;
  for (int j : order) {
    t += m.p[j];
    completion += m.b[j] * t;
  }
  return m.constant + a_min * late + completion;
}

namespace {

// Best sequence of all the dispatching rules, by model cost.
std::vector<int> BestRuleSequence(const Instance& instance, const SmCostModel& model, std::int64_t& schedules) {
  const SmJobs jobs = BuildSmJobs(instance);
  std::vector<int> best;
  std::int64_t best_cost = 0;
  std::vector<Time> start;
  for (const SmRuleInfo& rule : SmRules()) {
    const bool look_ahead = rule.rule == SmRule::Atc || rule.rule == SmRule::Covert;
    for (double k : look_ahead ? std::vector<double>{0.5, 1, 1.5, 2, 3, 4, 6} : std::vector<double>{2}) {
      DispatchSingleMachine(jobs, rule.rule, k, start);
      ++schedules;
      std::vector<int> sequence(model.size());
      std::iota(sequence.begin(), sequence.end(), 0);
      std::stable_sort(sequence.begin(), sequence.end(), [&](int x, int y) { return start[x] < start[y]; });
      const std::int64_t cost = model.SequenceCost(sequence);
      if (best.empty() || cost < best_cost) best = std::move(sequence), best_cost = cost;
    }
  }
  return best;
}

// The best sequence of the solve, shared by its threads.
class SmIncumbent {
 public:
  SmIncumbent(const SmCostModel& model, const SolveControl& control, std::vector<int> sequence, std::int64_t bound)
      : control_(control), sequence_(std::move(sequence)), cost_(model.SequenceCost(sequence_)), bound_(bound) {}

  std::int64_t cost() const { return cost_.load(); }
  std::int64_t bound() const { return bound_.load(); }
  bool done() const { return cost_.load() <= bound_.load(); }
  void SetBound(std::int64_t bound) { bound_.store(bound); }

  void Offer(std::int64_t cost, const std::vector<int>& sequence) {
    if (cost >= cost_.load()) return;
    std::lock_guard<std::mutex> lock(mutex_);
    if (cost >= cost_.load()) return;
    sequence_ = sequence;
    cost_.store(cost);
    control_.Report({control_.Elapsed(), cost, bound_.load(), ""});
  }
  std::vector<int> Sequence() {
    std::lock_guard<std::mutex> lock(mutex_);
    return sequence_;
  }

 private:
  const SolveControl& control_;
  std::mutex mutex_;
  std::vector<int> sequence_;
  std::atomic<std::int64_t> cost_;
  std::atomic<std::int64_t> bound_;
};

class SmSolver : public Solver {
 public:
  explicit SmSolver(const ParamValues& params)
      : exact_(params.GetBool("exact")), lagrangian_iterations_(static_cast<int>(params.GetInt("lagrangian_iterations"))),
        memory_mb_(params.GetInt("memory_mb")), modifier_states_(params.GetInt("modifier_states")),
        kicks_before_exact_(params.GetInt("kicks_before_exact")), branch_from_back_(params.GetChoice("branch_from") == "back") {
    ils_.neighbourhood.window = static_cast<int>(params.GetInt("window"));
    ils_.neighbourhood.insertions = params.GetBool("insertions");
    ils_.kick_swaps = static_cast<int>(params.GetInt("kick_swaps"));
    ils_.max_kick_swaps = std::max(ils_.kick_swaps, static_cast<int>(params.GetInt("max_kick_swaps")));
    ils_.stall_kicks = static_cast<int>(params.GetInt("stall_kicks"));
    ils_.max_kicks = params.GetInt("max_kicks");
  }

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    if (std::string why = SmCostUnsupported(instance); !why.empty()) {
      return ModelInvalidResult("solver sm needs a sum-over-jobs cost without deadlines: " + why +
                                " (sm-dispatch handles it)");
    }
    const SmCostModel model = BuildSmCostModel(instance);
    SolveStats stats;
    const std::int64_t bound = std::max(TrivialLowerBound(instance), SmSimpleLowerBound(model));
    SmIncumbent incumbent(model, control, BestRuleSequence(instance, model, stats.schedules), bound);
    control.Report({control.Elapsed(), incumbent.cost(), bound, "best dispatching rule"});

    // With release dates only the local search runs (release_date_search.h); the bound is
    // that of the relaxation without them.
    const bool releases = model.HasReleaseDates();
    const bool exact = exact_ && !releases && model.IsTotalTardiness();
    std::atomic<bool> proved{false};
    std::string exact_note;
    std::atomic<std::int64_t> kicks{0};
    const auto local_search = [&](std::uint64_t seed, std::int64_t max_kicks) {
      IteratedSearchOptions options = ils_;
      if (max_kicks > 0) options.max_kicks = options.max_kicks > 0 ? std::min(options.max_kicks, max_kicks) : max_kicks;
      std::vector<int> sequence = incumbent.Sequence();
      const IteratedSearchStats s = RunIteratedSearch(
          model, options, seed, incumbent.bound(), sequence,
          [&] { return control.ShouldStop() || proved.load() || incumbent.done(); },
          [&](std::int64_t cost, const std::vector<int>& seq) { incumbent.Offer(cost, seq); });
      kicks += s.kicks;
    };
    // With one thread the proof gets a share of the time left, then the search resumes: 9/10
    // for the 1||sum T_j decomposition (it needs no upper bound, and at n = 500 it takes up to
    // 6.5 s where dynasearch is still 2 % off after 10 s), half for the Lagrangian method
    // (whose bound and elimination use the incumbent).
    const int threads = std::max(1, control.threads);
    double proof_deadline = 0;
    const auto proof_should_stop = [&] {
      return control.ShouldStop() || incumbent.done() || (threads == 1 && control.Elapsed() >= proof_deadline);
    };
    const auto prove_total_tardiness = [&] {
      TotalTardinessExactOptions options;
      options.memory_mb = memory_mb_;
      const std::int64_t known = (incumbent.cost() - model.constant) / model.a[0];
      const TotalTardinessExactResult r = SolveTotalTardiness(
          model.p, model.d, options, known, proof_should_stop);
      if (r.solved) {
        const std::int64_t optimum = model.a[0] * r.tardiness + model.constant;
        if (!r.sequence.empty()) incumbent.Offer(optimum, r.sequence);
        incumbent.SetBound(optimum);
        proved.store(true);
        exact_note = fmt::format("optimum proved by Lawler's decomposition ({} subproblems)", r.subproblems);
      } else {
        exact_note = fmt::format("exact method: {} ({} subproblems)", incumbent.done() ? "not needed" : r.why, r.subproblems);
      }
    };
    const auto bound_by_relaxation = [&] {
      if (!LagrangianRelaxationFits(model, memory_mb_)) {
        exact_note = "no Lagrangian bound: zero-length jobs, or the time-indexed network exceeds memory_mb";
        return;
      }
      TimeIndexedRelaxation relaxation(model);
      LagrangianBoundOptions options;
      options.iterations = lagrangian_iterations_;
      const LagrangianBoundResult r = LagrangianLowerBound(
          model, relaxation, [&] { return incumbent.cost(); }, options, proof_should_stop);
      if (!r.sequence.empty()) incumbent.Offer(model.SequenceCost(r.sequence), r.sequence);
      if (r.bound > incumbent.bound()) incumbent.SetBound(r.bound);
      exact_note = fmt::format("Lagrangian bound {} after {} subgradient steps, {} elimination rounds ({} of {} nodes left)",
                               r.bound, r.iterations, r.rounds, r.nodes_left,
                               static_cast<std::int64_t>(relaxation.horizon() + 1) * relaxation.size());
      if (incumbent.done()) {
        proved.store(true);
        return;
      }
      if (!exact_ || r.multipliers.empty()) return;
      if (modifier_states_ > 0) {
        ModifierSearchOptions modifier_options;
        modifier_options.memory_mb = memory_mb_;
        modifier_options.max_states = modifier_states_;
        const ModifierSearchResult s = SolveByStateSpaceModifiers(model, relaxation, r.multipliers, incumbent.cost(),
                                                                  modifier_options, proof_should_stop);
        if (!s.sequence.empty()) incumbent.Offer(s.cost, s.sequence);
        if (s.bound > incumbent.bound()) incumbent.SetBound(std::min(s.bound, incumbent.cost()));
        if (s.solved) {
          incumbent.SetBound(s.cost);
          proved.store(true);
          exact_note += fmt::format("; optimum proved by state-space modifiers ({} rounds, |M| = {}, at most {} states)",
                                    s.rounds, s.modifiers, s.max_states);
          return;
        }
        exact_note += fmt::format("; {} ({} rounds, |M| = {}, bound {})", s.why, s.rounds, s.modifiers, s.bound);
      }
      LagrangianBnbOptions bnb_options;
      bnb_options.memory_mb = std::min<std::int64_t>(memory_mb_, bnb_options.memory_mb);
      bnb_options.backward = branch_from_back_;
      const LagrangianBnbResult b = SolveByLagrangianBranchAndBound(model, relaxation, r.multipliers, incumbent.cost(),
                                                                    bnb_options, proof_should_stop);
      if (b.solved) {
        if (!b.sequence.empty()) incumbent.Offer(b.cost, b.sequence);
        incumbent.SetBound(b.cost);
        proved.store(true);
        exact_note += fmt::format("; optimum proved by Lagrangian branch and bound ({} nodes)", b.nodes);
      } else {
        exact_note += fmt::format("; branch and bound: {} ({} nodes)", b.why, b.nodes);
      }
    };
    const auto prove = [&] {
      const double share = exact ? 0.9 : 0.5;
      proof_deadline = control.Elapsed() + share * (control.time_limit_seconds - control.Elapsed());
      if (exact) {
        prove_total_tardiness();
      } else if (lagrangian_iterations_ > 0) {
        bound_by_relaxation();
      }
    };
    const bool proving = exact || (!releases && lagrangian_iterations_ > 0);

    if (threads == 1) {
      if (proving) {
        local_search(control.seed, std::max<std::int64_t>(1, kicks_before_exact_));
        prove();
      }
      if (!proved.load()) local_search(control.seed + 1, 0);
    } else {
      std::vector<std::thread> pool;
      for (int i = 0; i < threads; ++i) {
        pool.emplace_back([&, i] {
          if (proving && i == 0) prove();
          if (!proved.load()) local_search(control.seed + static_cast<std::uint64_t>(i), 0);
        });
      }
      for (std::thread& t : pool) t.join();
    }

    stats.iterations = kicks.load();
    const std::vector<int> sequence = incumbent.Sequence();
    Solution solution = SequenceToSolution(instance, model, sequence);
    solution.objective = EvaluateObjective(instance, solution);
    SolveResult result = FinishResult(instance, std::move(solution), incumbent.bound(), control, stats);
    if (!exact_note.empty() && result.message.empty()) result.message = exact_note;
    return result;
  }

 private:
  bool exact_;
  int lagrangian_iterations_;
  std::int64_t memory_mb_;
  std::int64_t modifier_states_;
  std::int64_t kicks_before_exact_;
  bool branch_from_back_;
  IteratedSearchOptions ils_;
};

}  // namespace

std::unique_ptr<Solver> MakeSmSolver(const ParamValues& params) { return std::make_unique<SmSolver>(params); }

}  // namespace ordo
