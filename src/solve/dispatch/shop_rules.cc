#include "solve/dispatch/shop_rules.h"

namespace ordo {

const std::vector<ShopRuleInfo>& ShopRules() {
  static const std::vector<ShopRuleInfo> rules = {
      {ShopRule::Spt, "spt", "shortest processing time"},
      {ShopRule::Lpt, "lpt", "longest processing time"},
      {ShopRule::Mwkr, "mwkr", "most work remaining"},
      {ShopRule::Lwkr, "lwkr", "least work remaining"},
      {ShopRule::Mopnr, "mopnr", "most operations remaining"},
      {ShopRule::Fifo, "fifo", "first in, first out"},
      {ShopRule::FddMwkr, "fdd-mwkr", "flow due date / work remaining"},
      {ShopRule::Random, "random", "uniformly random (seeded)"},
  };
  return rules;
}

}  // namespace ordo
