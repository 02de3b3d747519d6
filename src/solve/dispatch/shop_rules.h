// Priority rules for shop dispatching. Each rule maps a candidate operation to a key;
// the smallest key wins, ties go to the lowest job index. Definitions follow Haupt (1989),
// "A survey of priority rule-based scheduling", and Sels, Gheysen & Vanhoucke (2012) for
// FDD/MWKR; in flexible shops the work content of an operation is its mean duration.
#pragma once

#include <string_view>
#include <vector>

namespace ordo {

enum class ShopRule {
  Spt,      // shortest processing time on the conflict machine
  Lpt,      // longest processing time
  Mwkr,     // most work remaining in the job (this operation included)
  Lwkr,     // least work remaining
  Mopnr,    // most operations remaining
  Fifo,     // first in first out: earliest time the operation became available
  FddMwkr,  // smallest ratio of flow due date (release + work up to this op) to work remaining
  Random,   // uniformly random among the conflict set (seeded)
};

struct ShopRuleInfo {
  ShopRule rule;
  std::string_view name;
  std::string_view help;
};

// Every rule, in a fixed order (the registry of shop rules).
const std::vector<ShopRuleInfo>& ShopRules();

}  // namespace ordo
