#include "solve/dispatch/best_gt_schedule.h"

#include "solve/common/result.h"
#include "solve/common/rng.h"
#include "solve/dispatch/gt_generator.h"

namespace ordo {

GtStart BestGtSchedule(const Instance& instance, const ShopProblem& shop, std::uint64_t seed, SolveStats& stats) {
  GtGenerator generator(shop);
  Rng rng(seed);
  GtStart best;
  for (const ShopRuleInfo& rule : ShopRules()) {
    if (rule.rule == ShopRule::Random) continue;
    for (GtVariant variant : {GtVariant::Active, GtVariant::NonDelay}) {
      generator.Run(rule.rule, variant, rng);
      ++stats.schedules;
      if (KeepBetter(best.solution, ToSolution(instance, shop, generator.start(), generator.mode()))) {
        best.start = generator.start();
        best.mode = generator.mode();
      }
    }
  }
  return best;
}

}  // namespace ordo
