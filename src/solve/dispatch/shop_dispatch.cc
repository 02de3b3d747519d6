#include "solve/dispatch/shop_dispatch.h"

#include <fmt/format.h>

#include "solve/common/evaluate.h"
#include "solve/common/result.h"

namespace ordo {

std::vector<ParamSpec> ShopDispatchParams() {
  std::vector<std::string> rules;
  for (const ShopRuleInfo& r : ShopRules()) rules.emplace_back(r.name);
  rules.emplace_back("best");
  return {
      {"rule", ParamType::Choice, "best", 0, 0, rules,
       "priority rule; best = every deterministic rule, keep the best schedule"},
      {"samples", ParamType::Int, "1", 1, 1e9, {}, "schedules sampled with rule=random (stops earlier at the time limit)"},
  };
}

namespace {

class ShopDispatchSolver : public Solver {
 public:
  ShopDispatchSolver(GtVariant variant, std::string rule, std::int64_t samples)
      : variant_(variant), rule_(std::move(rule)), samples_(samples) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    const ShopProblem shop = BuildShopProblem(instance);
    GtGenerator generator(shop);
    Rng rng(control.seed);
    const std::int64_t bound = TrivialLowerBound(instance);
    std::optional<Solution> best;
    SolveStats stats;
    auto run = [&](ShopRule rule) {
      generator.Run(rule, variant_, rng);
      ++stats.schedules;
      Solution candidate = ToSolution(instance, shop, generator.start(), generator.mode());
      const bool improved = !best || candidate.objective < best->objective;
      KeepBetter(best, std::move(candidate));
      if (improved) control.Report({control.Elapsed(), best->objective, bound, ""});
    };
    for (const ShopRuleInfo& info : ShopRules()) {
      if (rule_ == info.name) {
        const std::int64_t count = info.rule == ShopRule::Random ? samples_ : 1;
        for (std::int64_t i = 0; i < count && (i == 0 || !control.ShouldStop()); ++i) run(info.rule);
      } else if (rule_ == "best" && info.rule != ShopRule::Random) {
        if (best && control.ShouldStop()) break;
        run(info.rule);
      }
    }
    return FinishResult(instance, std::move(best), bound, control, stats);
  }

 private:
  GtVariant variant_;
  std::string rule_;
  std::int64_t samples_;
};

}  // namespace

std::unique_ptr<Solver> MakeShopDispatch(GtVariant variant, const ParamValues& params) {
  return std::make_unique<ShopDispatchSolver>(variant, params.GetChoice("rule"), params.GetInt("samples"));
}

}  // namespace ordo
