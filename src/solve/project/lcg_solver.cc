#include "solve/project/lcg_solver.h"

#include <algorithm>

#include <fmt/format.h>

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rng.h"
#include "solve/project/lcg_model.h"
#include "solve/project/sgs.h"

namespace ordo {

std::vector<ParamSpec> ProjectLcgParams() {
  return {
      {"restart_unit", ParamType::Int, "256", 0, 1e9, {}, "conflicts per Luby restart unit (0 = no restarts)"},
      {"reduce_first", ParamType::Int, "4000", 100, 1e9, {}, "learned clauses kept before the first reduction"},
  };
}

namespace {

// A makespan that some schedule respects whenever any schedule exists, for instances on which
// the schedule-generation schemes fail (maximum time lags): the horizon used for RCPSP/max
// (e.g. Schutt et al. 2013), the sum over activities of the larger of the duration and the
// largest outgoing time lag, counted from the latest release and the end of the last
// calendar period (after which capacities are constant, so a schedule can be shifted there).
// Empty when no safe value is known: deadlines and calendars that raise capacity break the
// shifting argument.
std::optional<Time> SafeHorizon(const Instance& in) {
  Time latest = 0;
  for (const Job& j : in.jobs) latest = std::max(latest, j.release);
  for (const Operation& op : in.operations) {
    latest = std::max(latest, op.release);
    if (op.deadline != kNoDeadline) return std::nullopt;
  }
  for (const Job& j : in.jobs) {
    if (j.deadline != kNoDeadline) return std::nullopt;
  }
  for (const Resource& r : in.resources) {
    for (const CapacityPeriod& p : r.calendar) {
      if (p.capacity > r.capacity) return std::nullopt;
      latest = std::max(latest, p.end);
    }
  }
  std::vector<Time> longest(in.operations.size());
  for (std::size_t o = 0; o < in.operations.size(); ++o) longest[o] = in.operations[o].modes[0].duration;
  for (const Precedence& p : in.precedences) {
    const Time d = p.type == PrecedenceType::EndToStart ? in.operations[p.from].modes[0].duration + p.lag : p.lag;
    longest[p.from] = std::max(longest[p.from], d);
  }
  Time sum = latest;
  for (Time t : longest) sum += t;
  return sum;
}

class ProjectLcgSolver : public Solver {
 public:
  explicit ProjectLcgSolver(lcg::EngineOptions options) : options_(options) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    SolveStats stats;
    if (const std::string why = LcgUnsupported(instance); !why.empty()) {
      SolveResult result;
      result.status = SolveStatus::ModelInvalid;
      result.message = why;
      return result;
    }
    std::int64_t bound = TrivialLowerBound(instance);
    const std::int64_t weight = instance.objective.terms[0].weight;
    // Start: the best SGS schedule over every deterministic rule and both schemes.
    std::optional<Solution> best;
    {
      SgsGenerator generator(instance);
      Rng rng(control.seed);
      for (const ProjectRuleInfo& rule : ProjectRules()) {
        if (rule.rule == ProjectRule::Random) continue;
        for (SgsScheme scheme : {SgsScheme::Serial, SgsScheme::Parallel}) {
          ++stats.schedules;
          if (!generator.Run(rule.rule, scheme, rng)) continue;
          Solution s = generator.solution();
          s.objective = EvaluateObjective(instance, s);
          KeepBetterAndReport(best, std::move(s), bound, control);
        }
      }
    }
    const std::optional<Time> safe = SafeHorizon(instance);
    const Time horizon = best ? best->objective / weight - 1 : safe.value_or(LargeHorizon(instance));
    ProjectLcgModel model(instance, horizon, options_);
    lcg::Engine& engine = model.engine();
    const lcg::Engine::Brancher brancher = [&](const lcg::Engine& e) { return model.NextDecision(e); };
    bool exhausted = model.infeasible();
    while (!exhausted) {
      const lcg::Engine::Outcome out = engine.Search(brancher, [&] { return control.ShouldStop(); });
      if (out == lcg::Engine::Outcome::Limit) break;
      if (out == lcg::Engine::Outcome::Infeasible) {
        exhausted = true;
        break;
      }
      Solution s = model.CurrentSolution();
      s.objective = EvaluateObjective(instance, s);
      ++stats.schedules;
      const Time makespan = s.objective / weight;
      KeepBetterAndReport(best, std::move(s), bound, control);
      if (!engine.PostAtRoot(lcg::AtMost(model.makespan_var(), makespan - 1))) exhausted = true;
    }
    const lcg::EngineStats& es = engine.stats();
    stats.iterations = es.decisions;
    stats.evaluations = 0;
    if (exhausted) {
      if (best) {
        bound = best->objective;
      } else {
        SolveResult result = FinishResult(instance, std::nullopt, bound, control, stats);
        if (safe) {
          result.status = SolveStatus::Infeasible;
          result.message = fmt::format(
              "no schedule exists: the exact search found none within the horizon {}, which every feasible "
              "instance of this kind respects",
              horizon);
        } else {
          result.message = fmt::format("no schedule within the horizon {} (exhaustive search)", horizon);
        }
        return result;
      }
    } else {
      engine.BacktrackToRoot();
      const Time root = engine.Lb(model.makespan_var());
      if (best) bound = std::max(bound, std::min(best->objective, root * weight));
    }
    SolveResult result = FinishResult(instance, std::move(best), bound, control, stats);
    if (result.message.empty() && !exhausted) {
      result.message = fmt::format("{} conflicts, {} decisions", es.conflicts, es.decisions);
    }
    return result;
  }

 private:
  // Without a safe horizon: the latest release, deadline or calendar change, plus every
  // duration, positive lag and calendar period. Exhausting the search below it proves nothing.
  static Time LargeHorizon(const Instance& in) {
    Time latest = 0, sum = 0;
    for (const Job& j : in.jobs) {
      latest = std::max(latest, j.release);
      if (j.deadline != kNoDeadline) latest = std::max(latest, j.deadline);
    }
    for (const Operation& op : in.operations) {
      latest = std::max(latest, op.release);
      if (op.deadline != kNoDeadline) latest = std::max(latest, op.deadline);
      sum += op.modes[0].duration;
    }
    for (const Precedence& p : in.precedences) sum += std::max<Time>(0, p.lag);
    for (const Resource& r : in.resources) {
      for (const CapacityPeriod& p : r.calendar) {
        latest = std::max(latest, p.end);
        sum += p.end - p.start;
      }
    }
    return latest + sum;
  }

  lcg::EngineOptions options_;
};

}  // namespace

std::unique_ptr<Solver> MakeProjectLcg(const ParamValues& params) {
  lcg::EngineOptions options;
  options.restart_unit = static_cast<int>(params.GetInt("restart_unit"));
  options.reduce_first = static_cast<int>(params.GetInt("reduce_first"));
  return std::make_unique<ProjectLcgSolver>(options);
}

}  // namespace ordo
