#include "solve/project/sgs_solver.h"

#include "solve/common/evaluate.h"
#include "solve/common/result.h"

namespace ordo {

std::vector<ParamSpec> SgsParams() {
  std::vector<std::string> rules;
  for (const ProjectRuleInfo& r : ProjectRules()) rules.emplace_back(r.name);
  rules.emplace_back("best");
  return {
      {"rule", ParamType::Choice, "best", 0, 0, rules,
       "priority rule; best = every deterministic rule, keep the best schedule"},
      {"samples", ParamType::Int, "1", 1, 1e9, {}, "schedules sampled with rule=random (stops earlier at the time limit)"},
  };
}

namespace {

class SgsSolver : public Solver {
 public:
  SgsSolver(SgsScheme scheme, std::string rule, std::int64_t samples)
      : scheme_(scheme), rule_(std::move(rule)), samples_(samples) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    SgsGenerator generator(instance);
    Rng rng(control.seed);
    const std::int64_t bound = TrivialLowerBound(instance);
    std::optional<Solution> best;
    SolveStats stats;
    std::string failure;
    auto run = [&](ProjectRule rule) {
      ++stats.schedules;
      if (!generator.Run(rule, scheme_, rng)) {
        failure = generator.reason();
        return;
      }
      Solution candidate = generator.solution();
      candidate.objective = EvaluateObjective(instance, candidate);
      const bool improved = !best || candidate.objective < best->objective;
      KeepBetter(best, std::move(candidate));
      if (improved) control.Report({control.Elapsed(), best->objective, bound, ""});
    };
    for (const ProjectRuleInfo& info : ProjectRules()) {
      if (rule_ == info.name) {
        const std::int64_t count = info.rule == ProjectRule::Random ? samples_ : 1;
        for (std::int64_t i = 0; i < count && (i == 0 || !control.ShouldStop()); ++i) run(info.rule);
      } else if (rule_ == "best" && info.rule != ProjectRule::Random) {
        if (best && control.ShouldStop()) break;
        run(info.rule);
      }
    }
    SolveResult result = FinishResult(instance, std::move(best), bound, control, stats);
    if (!result.solution && !failure.empty()) result.message = failure;
    return result;
  }

 private:
  SgsScheme scheme_;
  std::string rule_;
  std::int64_t samples_;
};

}  // namespace

std::unique_ptr<Solver> MakeSgsSolver(SgsScheme scheme, const ParamValues& params) {
  return std::make_unique<SgsSolver>(scheme, params.GetChoice("rule"), params.GetInt("samples"));
}

}  // namespace ordo
