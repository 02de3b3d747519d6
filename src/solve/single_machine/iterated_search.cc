#include "solve/single_machine/iterated_search.h"

#include <algorithm>

#include "solve/common/rng.h"
#include "solve/single_machine/release_date_search.h"

namespace ordo {

namespace {

template <class Descent>
IteratedSearchStats Iterate(Descent& search, const IteratedSearchOptions& options, std::uint64_t seed,
                            std::int64_t lower_bound, std::vector<int>& sequence, const std::function<bool()>& should_stop,
                            const std::function<void(std::int64_t, const std::vector<int>&)>& on_improvement) {
  IteratedSearchStats stats;
  Rng rng(seed);
  const int n = static_cast<int>(sequence.size());
  std::int64_t best_cost = search.Descend(sequence);
  on_improvement(best_cost, sequence);
  std::vector<int> current = sequence, trial;
  std::int64_t current_cost = best_cost;
  // Kicks swap jobs at most `reach` positions apart, so a kick perturbs the sequence locally
  // and the descent repairs it (Congram et al. use random swaps as well).
  const int reach = std::max(2, n / 8);
  int strength = options.kick_swaps;
  std::int64_t since_best = 0;
  while (n >= 2 && best_cost > lower_bound && !should_stop() && (options.max_kicks == 0 || stats.kicks < options.max_kicks)) {
    trial = current;
    for (int s = 0; s < strength; ++s) {
      const int i = static_cast<int>(rng.Below(static_cast<std::uint64_t>(n - 1)));
      const int span = std::min(n - 1 - i, reach);
      const int j = i + 1 + static_cast<int>(rng.Below(static_cast<std::uint64_t>(span)));
      std::swap(trial[i], trial[j]);
    }
    const std::int64_t cost = search.Descend(trial);
    ++stats.kicks;
    if (cost < best_cost) {
      best_cost = cost;
      sequence = trial;
      on_improvement(best_cost, sequence);
      since_best = 0;
      strength = options.kick_swaps;
    } else if (++since_best % options.stall_kicks == 0) {
      // Stalled: back to the best sequence, with a stronger kick.
      current = sequence;
      current_cost = best_cost;
      strength = std::min(options.max_kick_swaps, strength + 1);
      continue;
    }
    if (cost <= current_cost) {
      current.swap(trial);
      current_cost = cost;
    }
  }
  stats.passes = search.passes();
  return stats;
}

}  // namespace

IteratedSearchStats RunIteratedSearch(const SmCostModel& model, const IteratedSearchOptions& options,
                                      std::uint64_t seed, std::int64_t lower_bound, std::vector<int>& sequence,
                                      const std::function<bool()>& should_stop,
                                      const std::function<void(std::int64_t, const std::vector<int>&)>& on_improvement) {
  if (model.HasReleaseDates()) {
    ReleaseDateDescent search(model, options.neighbourhood);
    return Iterate(search, options, seed, lower_bound, sequence, should_stop, on_improvement);
  }
  Dynasearch search(model, options.neighbourhood);
  return Iterate(search, options, seed, lower_bound, sequence, should_stop, on_improvement);
}

}  // namespace ordo
