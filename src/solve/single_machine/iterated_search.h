// Iterated local search over sequences for one machine: descents alternate with kicks (a
// few random swaps of nearby jobs); a new local optimum is accepted when it is no worse than
// the current one, and after a run of kicks without a new best the search goes back to the
// best sequence with a stronger kick. This is iterated dynasearch (Congram, Potts & van de
// Velde 2002; Grosso, Della Croce & Tadei 2004) when the jobs have no release dates, and
// the same iteration around the first-improvement descent of release_date_search.h when
// they have (dynasearch needs moves that do not interact).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "solve/single_machine/dynasearch.h"
#include "solve/single_machine/sm_cost.h"

namespace ordo {

struct IteratedSearchOptions {
  DynasearchOptions neighbourhood;
  int kick_swaps = 3;        // random swaps per kick at first
  int max_kick_swaps = 12;   // the kick grows by one swap per `stall_kicks` kicks without improvement
  int stall_kicks = 40;      // kicks without a new best before returning to the best sequence
  std::int64_t max_kicks = 0;  // 0 = until stopped
};

struct IteratedSearchStats {
  std::int64_t kicks = 0;
  std::int64_t passes = 0;  // dynasearch passes, or sweeps of the release-date descent
};

// Improves `sequence` in place (it ends as the best found) until should_stop() or max_kicks;
// on_improvement(cost, sequence) is called for every new best, the starting local optimum
// included. Stops early when the cost reaches `lower_bound`. Deterministic for a seed.
IteratedSearchStats RunIteratedSearch(const SmCostModel& model, const IteratedSearchOptions& options,
                                      std::uint64_t seed, std::int64_t lower_bound, std::vector<int>& sequence,
                                      const std::function<bool()>& should_stop,
                                      const std::function<void(std::int64_t, const std::vector<int>&)>& on_improvement);

}  // namespace ordo
