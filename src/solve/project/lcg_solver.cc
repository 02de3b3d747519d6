#include "solve/project/lcg_solver.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rng.h"
#include "solve/project/conflict_explanation.h"
#include "solve/project/feasibility.h"
#include "solve/project/ga_solver.h"
#include "solve/project/list_scheduler.h"
#include "solve/project/lns.h"
#include "solve/project/project_incumbent.h"
#include "solve/project/lcg_model.h"
#include "solve/project/safe_horizon.h"

namespace ordo {

std::vector<ParamSpec> ProjectLcgParams(bool hybrid) {
  return {
      {"ga_schedules", ParamType::Int, hybrid ? "50000" : "0", 0, 1e15, {},
       "genetic algorithm beside the exact search (0 = none), for this many schedules before the LNS: with 1 thread "
       "first; with 2+ threads on threads-1 of them when ga_epoch = 0"},
      {"ga_epoch", ParamType::Int, hybrid ? "100000" : "0", 0, 1e15, {},
       "with 2+ threads: the heuristic threads run a multi-start genetic algorithm, independent runs of this many "
       "schedules each, until the end, and no LNS where the GA applies (0 = one GA of ga_schedules, then the LNS)"},
      {"lns_conflicts", ParamType::Int, hybrid ? "100" : "0", 0, 1e12, {},
       "large neighbourhood search after the genetic algorithm, or alone where the GA does not apply (0 = none): "
       "conflict budget of one exact repair (lns.h)"},
      {"lns_neighbourhoods", ParamType::Int, "300", 0, 1e12, {},
       "with 1 thread, neighbourhoods searched before the exact search (with 2+ threads the LNS runs until the end)"},
      {"restart_unit", ParamType::Int, "256", 0, 1e9, {}, "conflicts per Luby restart unit (0 = no restarts)"},
      {"reduce_first", ParamType::Int, "4000", 100, 1e9, {}, "learned clauses kept before the first reduction"},
      {"search", ParamType::Choice, "alternate", 0, 0, {"settimes", "activity", "alternate"},
       "branching: set-times (earliest unfixed start), activity (most active start in recent conflicts, at its earliest), "
       "or alternate between them at each restart (the default: neither wins everywhere; PSPLIB figures in BENCHMARKS 6.2)"},
      {"overload", ParamType::Int, "0", 0, 1, {}, "energetic overload check on every resource beside time-tabling (1) or not (0); measured slower on PSPLIB, so off"},
      {"edge_finding", ParamType::Int, "0", 0, 1, {}, "time-table edge finding (overload detection and start-time filtering, Vilim 2011) on every resource beside time-tabling (1) or not (0)"},
      {"feasibility", ParamType::Int, "0", 0, 1, {}, "1: stop at the first schedule (a feasibility question, as in the ramps); 0: minimise the objective"},
      {"explain", ParamType::Int, "1", 0, 1, {}, "when infeasible, find a minimal conflicting set of constraints (1) or not (0)"},
  };
}

namespace {

// Conflict budget of the one-thread feasibility probe run when no rule meets the time windows:
// with it all 96 infeasible levels of the ramps of BENCHMARKS.md 6.3 are proved in at most
// 0.034 s each, explanation included (0.2 s and more when the GA's 50,000 schedules came first).
constexpr std::int64_t kProbeConflicts = 2000;

struct BelowIncumbent {
  bool exhausted = false;  // no schedule with an objective below `below`
  bool mismatch = false;   // the model's objective disagreed with the evaluation (internal error)
  std::int64_t below = 0;  // the last objective bound posted
  std::int64_t schedules = 0;
};

// Searches for schedules with an objective below the incumbent's, offering each and posting it
// as the new bound at the root, until the search is exhausted, stop() or the incumbent is done;
// a better schedule found elsewhere interrupts the search and tightens the root bound (learned
// clauses stay valid: they only exclude worse). `below` is the bound already in the model
// (post_first: post it first).
BelowIncumbent SearchBelowIncumbent(ProjectLcgModel& model, const lcg::Engine::Brancher& brancher, ProjectIncumbent& incumbent,
                                    std::int64_t below, bool post_first, const std::function<bool()>& stop) {
  BelowIncumbent r;
  r.below = below;
  lcg::Engine& engine = model.engine();
  r.exhausted = model.infeasible() || (post_first && !engine.PostAtRoot(model.ObjectiveBelow(r.below)));
  while (!r.exhausted && !incumbent.done()) {
    const lcg::Engine::Outcome out =
        engine.Search(brancher, [&] { return stop() || incumbent.done() || incumbent.objective() < r.below; });
    if (out == lcg::Engine::Outcome::Infeasible) {
      r.exhausted = true;
      break;
    }
    if (out == lcg::Engine::Outcome::Limit && (stop() || incumbent.done())) break;
    if (out == lcg::Engine::Outcome::Solution) {
      Solution s = model.CurrentSolution();
      ++r.schedules;
      // The model's objective must be the evaluation's; were it not, the bound posted below
      // would not exclude this schedule and the search would find it again and again.
      if (model.ObjectiveLowerBound(engine) != s.objective) {
        r.mismatch = true;
        break;
      }
      incumbent.Offer(s);
    }
    r.below = std::min(r.below, incumbent.objective());
    if (!engine.PostAtRoot(model.ObjectiveBelow(r.below))) r.exhausted = true;
  }
  return r;
}

class ProjectLcgSolver : public Solver {
 public:
  ProjectLcgSolver(lcg::EngineOptions options, bool explain, std::int64_t ga_schedules, std::int64_t ga_epoch,
                   LnsOptions lns, int search, lcg::CumulativeReasoning reasoning, bool feasibility_only)
      : options_(options),
        explain_(explain),
        ga_schedules_(ga_schedules),
        ga_epoch_(ga_epoch),
        lns_(lns),
        search_(search),
        reasoning_(reasoning),
        feasibility_only_(feasibility_only) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    SolveStats stats;
    if (std::string why = LcgUnsupported(instance); !why.empty()) return ModelInvalidResult(std::move(why));
    std::int64_t bound = TrivialLowerBound(instance);
    const auto& terms = instance.objective.terms;
    const bool makespan_only = terms.size() == 1 && terms[0].kind == ObjectiveKind::Makespan;
    ProjectIncumbent incumbent(instance, control, bound);
    // Start: the best SGS schedule over every deterministic rule and both schemes (those that
    // miss a deadline or a maximum lag are no incumbent).
    if (std::optional<Solution> s = BestRuleSchedule(instance, &stats.schedules)) incumbent.Offer(*s);
    if (feasibility_only_) {
      // The question is only whether a schedule exists: the rules' schedule answers it, or
      // the exact search over the safe horizon finds one or proves there is none.
      std::optional<Solution> best = incumbent.Take();
      if (!best) {
        const FeasibilityVerdict v = DecideFeasibility(instance, [&] { return control.ShouldStop(); }, options_, reasoning_);
        if (v.verdict == Feasibility::Infeasible) return InfeasibleResult(instance, SafeHorizon(instance), bound, control, stats);
        best = v.schedule;
      }
      return FinishResult(instance, std::move(best), bound, control, stats);
    }
    // One thread and no rule met the time windows: a short exact probe (a conflict budget, so
    // still deterministic) before the heuristics, so that an infeasible instance is not first
    // given to the GA's schedule budget (0.2 s on a 30-task ramp level, against 0.01 s) and a
    // feasible one may start from the probe's schedule.
    if (control.threads <= 1 && !incumbent.has_schedule()) {
      const FeasibilityVerdict v =
          DecideFeasibility(instance, [&] { return control.ShouldStop(); }, options_, reasoning_, kProbeConflicts);
      if (v.verdict == Feasibility::Infeasible) return InfeasibleResult(instance, SafeHorizon(instance), bound, control, stats);
      if (v.schedule) incumbent.Offer(*v.schedule);
    }
    // The heuristics: the genetic algorithm where the list scheduler applies, for a schedule
    // budget, then large neighbourhood search from its best schedule. With 2+ threads they run
    // on threads-1 threads beside the exact search until the end: by default a multi-start GA
    // on all of them (ga_epoch), or the LNS alone where the GA does not apply, or with
    // ga_epoch = 0 the GA and then the LNS on one (its repairs are exact searches too). With one
    // thread they run first, for budgets, so that one thread stays deterministic.
    // The GA takes every objective (all are regular); the LNS minimises the makespan only. For
    // other objectives, where the GA does not apply or after a GA of ga_schedules (ga_epoch =
    // 0), the other threads run a second exact search with the other branching (a portfolio
    // sharing the incumbent). On 10 J120 instances with weighted due dates (BENCHMARKS.md 6.6,
    // 10 s x 2 threads, sum of tardiness) the second exact search alone gave 46,083; with the
    // GA's first population size (40) one GA of 50,000 schedules then the second search 36,187,
    // the multi-start GA 33,534 / 33,941 (two runs), and with the sizes now 28,328.
    const bool ga = ga_schedules_ > 0 && ListSchedulerUnsupported(instance).empty();
    const bool lns = makespan_only && lns_.conflicts > 0;
    std::atomic<bool> exact_done{false};
    SolveStats ga_stats;
    LnsStats lns_stats;
    // lns_budget: neighbourhoods, or nothing for "until stopped".
    const auto heuristics = [&](int threads, std::optional<std::int64_t> lns_budget, const std::function<bool()>& stop) {
      // Until the end (2+ threads) a multi-start GA rather than one GA and then the LNS: on 10
      // unproved J120 instances (60 s x 2 threads, sum of makespans) 1466 against 1478; the
      // LNS had stalled, finding its last improvement after 1-2 s on most of them.
      const bool multistart = ga && !lns_budget && ga_epoch_ > 0;
      if (ga) {
        GaOptions options;
        if (multistart) {
          options.max_schedules = 0;
          options.epoch_schedules = ga_epoch_;
        } else {
          // Alone (no LNS after it; for other objectives the second exact search comes after
          // it) the GA runs until stopped on its own threads.
          options.max_schedules = makespan_only && !lns && !lns_budget ? 0 : ga_schedules_;
        }
        RunGaIslands(instance, options, threads, control.threads >= 2 ? control.seed + 1 : control.seed, incumbent, stop,
                     ga_stats);
      }
      // With 2+ threads and no schedule yet (no rule met the deadlines or maximum lags, and
      // the GA does not take them), the LNS and the second exact search wait for the main
      // exact search's first schedule instead of leaving their core idle.
      const auto have_start = [&] { return lns_budget ? incumbent.has_schedule() : incumbent.WaitForSchedule(stop); };
      if (lns && !multistart && lns_budget.value_or(1) > 0 && have_start()) {
        LnsOptions options = lns_;
        options.engine = options_;
        options.reasoning = reasoning_;
        options.max_neighbourhoods = lns_budget.value_or(0);
        lns_stats = RunProjectLns(instance, options, control.seed + 2, incumbent, stop);
      }
      if (!makespan_only && !lns_budget && have_start()) {
        ProjectLcgModel second(instance, SafeHorizon(instance), options_, reasoning_);
        const bool activity = search_ != 1;  // the main search's other strategy
        const lcg::Engine::Brancher brancher = [&](const lcg::Engine& e) {
          return activity ? second.NextActivityDecision(e) : second.NextDecision(e);
        };
        const BelowIncumbent r = SearchBelowIncumbent(second, brancher, incumbent, incumbent.objective(), true, stop);
        if (r.exhausted && !r.mismatch) {  // nothing below r.below, which the incumbent holds
          incumbent.RaiseBound(r.below);
          incumbent.MarkProved();
        }
      }
    };
    std::thread heuristic_thread;
    if (control.threads >= 2) {
      heuristic_thread = std::thread([&] {
        heuristics(control.threads - 1, std::nullopt, [&] { return control.ShouldStop() || incumbent.done() || exact_done.load(); });
      });
    } else {
      heuristics(1, lns_.max_neighbourhoods, [&] { return control.ShouldStop() || incumbent.done(); });
    }
    // The exact search below the incumbent; a better schedule from the GA interrupts it and
    // tightens the bound at the root (learned clauses stay valid: they only exclude worse).
    // For the makespan the horizon is the incumbent's makespan - 1; for other objectives an
    // optimal schedule may end later, but the shift argument of safe_horizon.h (move what
    // starts after an idle stretch earlier, all together) never raises a regular objective,
    // so some optimal schedule ends by the safe horizon. The incumbent is read once: the GA
    // may improve it meanwhile, and the loop below catches up.
    const std::int64_t initial = incumbent.objective();
    const bool have_initial = incumbent.has_schedule() && initial != std::numeric_limits<std::int64_t>::max();
    const Time horizon = makespan_only && have_initial ? initial / terms[0].weight - 1 : SafeHorizon(instance);
    ProjectLcgModel model(instance, horizon, options_, reasoning_);
    lcg::Engine& engine = model.engine();
    const lcg::Engine::Brancher brancher = [&](const lcg::Engine& e) {
      if (search_ == 1 || (search_ == 2 && e.stats().restarts % 2 == 1)) return model.NextActivityDecision(e);
      return model.NextDecision(e);
    };
    const BelowIncumbent search = SearchBelowIncumbent(model, brancher, incumbent, initial, have_initial && !makespan_only,
                                                       [&] { return control.ShouldStop(); });
    const bool exhausted = search.exhausted;
    const bool objective_mismatch = search.mismatch;
    stats.schedules += search.schedules;
    exact_done.store(true);
    if (heuristic_thread.joinable()) heuristic_thread.join();
    stats.schedules += ga_stats.schedules;
    const lcg::EngineStats& es = engine.stats();
    stats.iterations = es.decisions;
    std::optional<Solution> best = incumbent.Take();
    bound = std::max(bound, incumbent.bound());  // the second exact search may have proved it
    if (exhausted || (best && best->objective <= bound)) {
      if (!best) return InfeasibleResult(instance, horizon, bound, control, stats);
      bound = best->objective;
    } else if (!objective_mismatch) {  // (a model that disagrees gives no bound)
      engine.BacktrackToRoot();
      const std::int64_t root = model.ObjectiveLowerBound(engine);
      if (best) bound = std::max(bound, std::min(best->objective, root));
    }
    SolveResult result = FinishResult(instance, std::move(best), bound, control, stats);
    if (objective_mismatch) {
      result.message = "internal error: the exact model's objective disagrees with the evaluation; the search stopped";
    } else if (result.message.empty() && !exhausted) {
      result.message = fmt::format("{} conflicts, {} decisions, {} GA schedules, {} LNS neighbourhoods ({} improving, {} proved empty)",
                                   es.conflicts, es.decisions, ga_stats.schedules, lns_stats.neighbourhoods,
                                   lns_stats.improvements, lns_stats.exhausted);
    }
    return result;
  }

 private:
  // No schedule within the safe horizon, hence none at all; with the conflicting constraints.
  SolveResult InfeasibleResult(const Instance& instance, Time horizon, std::int64_t bound, const SolveControl& control,
                               SolveStats stats) const {
    SolveResult result = FinishResult(instance, std::nullopt, bound, control, stats);
    result.status = SolveStatus::Infeasible;
    result.message = fmt::format(
        "no schedule exists: the exact search found none ending by {}, a horizon that some schedule respects "
        "whenever any exists",
        horizon);
    if (!explain_) return result;
    const ConflictExplanation why = ExplainInfeasibility(instance, [&] { return control.ShouldStop(); });
    result.explanation = why.sentences;
    result.message += fmt::format("; {} conflicting constraints{} ({} checks)", why.sentences.size(),
                                  why.minimal ? ", a minimal set" : " (the time limit stopped the reduction; not minimal)",
                                  why.checks);
    result.stats.seconds = control.Elapsed();
    return result;
  }

  lcg::EngineOptions options_;
  bool explain_ = true;
  std::int64_t ga_schedules_ = 0;  // 0: no genetic algorithm
  std::int64_t ga_epoch_ = 0;      // > 0: with 2+ threads a multi-start GA of runs this long instead of GA + LNS
  LnsOptions lns_;                 // conflicts 0: no LNS; max_neighbourhoods: the one-thread budget
  int search_ = 0;                 // 0 set-times, 1 activity, 2 alternate per restart
  lcg::CumulativeReasoning reasoning_;
  bool feasibility_only_ = false;
};

}  // namespace

std::unique_ptr<Solver> MakeProjectLcg(const ParamValues& params) {
  const std::int64_t ga_schedules = params.GetInt("ga_schedules");
  lcg::EngineOptions options;
  options.restart_unit = static_cast<int>(params.GetInt("restart_unit"));
  options.reduce_first = static_cast<int>(params.GetInt("reduce_first"));
  LnsOptions lns;
  lns.conflicts = params.GetInt("lns_conflicts");
  lns.max_neighbourhoods = params.GetInt("lns_neighbourhoods");
  const std::string search = params.GetChoice("search");
  const int mode = search == "activity" ? 1 : search == "alternate" ? 2 : 0;
  lcg::CumulativeReasoning reasoning;
  reasoning.overload = params.GetInt("overload") != 0;
  reasoning.edge_finding = params.GetInt("edge_finding") != 0;
  return std::make_unique<ProjectLcgSolver>(options, params.GetInt("explain") != 0, ga_schedules, params.GetInt("ga_epoch"),
                                            lns, mode, reasoning, params.GetInt("feasibility") != 0);
}

}  // namespace ordo
