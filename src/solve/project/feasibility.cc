#include "solve/project/feasibility.h"

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rng.h"
#include "solve/project/lcg_model.h"
#include "solve/project/safe_horizon.h"
#include "solve/project/sgs.h"

namespace ordo {

std::optional<Solution> BestRuleSchedule(const Instance& instance, std::int64_t* schedules) {
  std::optional<Solution> best;
  SgsGenerator generator(instance);
  Rng rng(1);
  for (const ProjectRuleInfo& rule : ProjectRules()) {
    if (rule.rule == ProjectRule::Random) continue;
    for (SgsScheme scheme : {SgsScheme::Serial, SgsScheme::Parallel}) {
      if (schedules != nullptr) ++*schedules;
      if (!generator.Run(rule.rule, scheme, rng)) continue;
      Solution s = generator.solution();
      if (!MissedDeadline(instance, s).empty()) continue;
      s.objective = EvaluateObjective(instance, s);
      KeepBetter(best, std::move(s));
    }
  }
  return best;
}

FeasibilityVerdict DecideFeasibility(const Instance& instance, const std::function<bool()>& should_stop,
                                     lcg::EngineOptions options, lcg::CumulativeReasoning reasoning,
                                     std::int64_t max_conflicts) {
  FeasibilityVerdict result;
  if (std::optional<Solution> s = BestRuleSchedule(instance, &result.schedules)) {
    result.verdict = Feasibility::Feasible;
    result.schedule = std::move(s);
    return result;
  }
  ProjectLcgModel model(instance, SafeHorizon(instance), options, reasoning, /*objective=*/false);
  if (model.infeasible()) {
    result.verdict = Feasibility::Infeasible;
    return result;
  }
  const lcg::Engine::Brancher brancher = [&](const lcg::Engine& e) { return model.NextDecision(e); };
  const lcg::Engine& engine = model.engine();
  const auto stop = [&] { return should_stop() || (max_conflicts > 0 && engine.stats().conflicts >= max_conflicts); };
  switch (model.engine().Search(brancher, stop)) {
    case lcg::Engine::Outcome::Solution: {
      Solution s = model.CurrentSolution();
      result.verdict = Feasibility::Feasible;
      result.schedule = std::move(s);
      break;
    }
    case lcg::Engine::Outcome::Infeasible: result.verdict = Feasibility::Infeasible; break;
    case lcg::Engine::Outcome::Limit: result.verdict = Feasibility::Unknown; break;
  }
  return result;
}

}  // namespace ordo
