#include "solve/project/sgs_solver.h"

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rule_runner.h"

namespace ordo {

namespace {

std::vector<std::string_view> RuleNames() {
  std::vector<std::string_view> names;
  for (const ProjectRuleInfo& r : ProjectRules()) names.push_back(r.name);
  return names;
}

}  // namespace

std::vector<ParamSpec> SgsParams() { return RuleParams(RuleNames(), "priority rule"); }

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
    RunRequestedRules(RuleNames(), rule_, samples_, control, [&](std::size_t k) {
      ++stats.schedules;
      if (!generator.Run(ProjectRules()[k].rule, scheme_, rng)) {
        failure = generator.reason();
        return;
      }
      Solution candidate = generator.solution();
      candidate.objective = EvaluateObjective(instance, candidate);
      KeepBetterAndReport(best, std::move(candidate), bound, control);
    });
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
