#include "solve/dispatch/shop_dispatch.h"

#include <fmt/format.h>

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rule_runner.h"

namespace ordo {

namespace {

std::vector<std::string_view> RuleNames() {
  std::vector<std::string_view> names;
  for (const ShopRuleInfo& r : ShopRules()) names.push_back(r.name);
  return names;
}

}  // namespace

std::vector<ParamSpec> ShopDispatchParams() { return RuleParams(RuleNames(), "priority rule"); }

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
    RunRequestedRules(RuleNames(), rule_, samples_, control, [&](std::size_t k) {
      generator.Run(ShopRules()[k].rule, variant_, rng);
      ++stats.schedules;
      KeepBetterAndReport(best, ToSolution(instance, shop, generator.start(), generator.mode()), bound, control);
    });
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
