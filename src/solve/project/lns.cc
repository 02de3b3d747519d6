#include "solve/project/lns.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

#include "solve/common/rng.h"
#include "solve/project/lcg_model.h"

namespace ordo {
namespace {

// The activities freed by one neighbourhood: either a uniform random set, or a run of
// consecutive activities in the incumbent's start order (a time window, as in the
// "time-window" neighbourhood of Godard et al.), chosen with equal probability.
std::vector<char> ChooseFreed(const std::vector<Time>& start, int count, Rng& rng, std::vector<int>& order) {
  const int n = static_cast<int>(start.size());
  std::vector<char> freed(n, 0);
  if (rng.Below(2) == 0) {
    std::iota(order.begin(), order.end(), 0);
    for (int k = 0; k < count; ++k) {  // partial Fisher-Yates
      const int j = k + static_cast<int>(rng.Below(static_cast<std::uint64_t>(n - k)));
      std::swap(order[k], order[j]);
      freed[order[k]] = 1;
    }
  } else {
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return start[a] < start[b]; });
    const int first = static_cast<int>(rng.Below(static_cast<std::uint64_t>(n - count + 1)));
    for (int k = first; k < first + count; ++k) freed[order[k]] = 1;
  }
  return freed;
}

// Partial order schedule of the kept activities: on each resource, every kept user j gets an
// edge from each kept user i that ends by j's start in the incumbent and is not already
// ordered before j through another such user k (i ends by k's start); these immediate
// predecessors imply the rest of the resource order by transitivity.
std::vector<std::pair<int, int>> KeptOrder(const Instance& instance, const std::vector<Time>& start,
                                           const std::vector<Time>& duration, const std::vector<char>& freed) {
  std::vector<std::pair<int, int>> edges;
  std::vector<int> users;
  for (std::size_t r = 0; r < instance.resources.size(); ++r) {
    users.clear();
    for (std::size_t o = 0; o < instance.operations.size(); ++o) {
      if (freed[o] || duration[o] == 0) continue;
      for (const Demand& d : instance.operations[o].modes[0].demands) {
        if (d.resource == static_cast<int>(r) && d.amount > 0) {
          users.push_back(static_cast<int>(o));
          break;
        }
      }
    }
    for (int j : users) {
      Time latest_start = std::numeric_limits<Time>::min();  // of the users that end by j's start
      for (int i : users) {
        if (start[i] + duration[i] <= start[j]) latest_start = std::max(latest_start, start[i]);
      }
      for (int i : users) {
        const Time end = start[i] + duration[i];
        if (end <= start[j] && end > latest_start) edges.emplace_back(i, j);
      }
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return edges;
}

}  // namespace

LnsStats RunProjectLns(const Instance& instance, const LnsOptions& options, std::uint64_t seed, ProjectIncumbent& incumbent,
                       const std::function<bool()>& should_stop) {
  LnsStats stats;
  const int n = static_cast<int>(instance.operations.size());
  if (n == 0) return stats;
  std::vector<Time> duration(n);
  for (int o = 0; o < n; ++o) duration[o] = instance.operations[o].modes[0].duration;
  Rng rng(seed);
  std::vector<int> order(n);
  double share = options.free_share;
  const std::int64_t weight = instance.objective.terms[0].weight;
  // The schedule the neighbourhoods are drawn around: the incumbent, or, after a repair, the
  // best schedule that repair found even when it is only as short (a sideways step, which
  // keeps the walk moving on the plateaus of makespan landscapes).
  std::optional<Solution> current;
  while (!should_stop() && !incumbent.done()) {
    if (options.max_neighbourhoods > 0 && stats.neighbourhoods >= options.max_neighbourhoods) break;
    if (!current || incumbent.objective() < current->objective) current = incumbent.Best();
    if (!current) break;
    const Time makespan = current->objective / weight;
    const int count = std::clamp(static_cast<int>(share * n + 0.5), 1, n);
    const std::vector<char> freed = ChooseFreed(current->start, count, rng, order);
    ++stats.neighbourhoods;
    ProjectLcgModel model(instance, makespan, options.engine, options.reasoning);
    lcg::Engine& engine = model.engine();
    for (const auto& [from, to] : KeptOrder(instance, current->start, duration, freed)) {
      if (engine.infeasible()) break;
      engine.AddPrecedence(model.start_var(from), model.start_var(to), duration[from]);
    }
    const lcg::Engine::Brancher brancher = [&](const lcg::Engine& e) { return model.NextDecision(e); };
    bool exhausted = engine.infeasible();
    Time found = makespan + 1;
    while (!exhausted) {
      const lcg::Engine::Outcome out = engine.Search(brancher, [&] {
        return engine.stats().conflicts >= options.conflicts || should_stop() || incumbent.done();
      });
      if (out == lcg::Engine::Outcome::Infeasible) exhausted = true;
      if (out != lcg::Engine::Outcome::Solution) break;
      Solution s = model.CurrentSolution();
      found = s.objective / weight;
      incumbent.Offer(s);
      current = std::move(s);
      if (!engine.PostAtRoot(lcg::AtMost(model.makespan_var(), found - 1))) exhausted = true;
    }
    stats.conflicts += engine.stats().conflicts;
    const bool improved = found < makespan;
    if (improved) ++stats.improvements;
    // Nothing better in the neighbourhood: free more next time; the budget ran out: fewer.
    if (exhausted && !improved) {
      ++stats.exhausted;
      share = std::min(options.max_share, share * 1.05);
    } else if (!improved) {
      share = std::max(options.min_share, share / 1.05);
    }
  }
  return stats;
}

}  // namespace ordo
