#include "solve/fjsp/flexible_bound.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "solve/jobshop/jps_bound.h"

namespace ordo {
namespace {

// Best energy bound for one machine set; ops are (head, shortest duration, tail). For every
// head threshold h (ops with head >= h, by decreasing head) and every tail threshold t among
// them, C >= h + ceil(work / machines) + t: O(n^2), with the ops kept sorted by tail.
Time EnergyBound(std::vector<std::array<Time, 3>>& ops, Time machines) {
  std::sort(ops.begin(), ops.end(), [](const auto& a, const auto& b) { return a[0] > b[0]; });
  std::vector<std::array<Time, 3>> by_tail;  // the ops with head >= h, by decreasing tail
  by_tail.reserve(ops.size());
  Time bound = 0;
  for (const auto& op : ops) {
    by_tail.insert(std::upper_bound(by_tail.begin(), by_tail.end(), op,
                                    [](const auto& a, const auto& b) { return a[2] > b[2]; }),
                   op);
    Time work = 0;
    for (const auto& x : by_tail) {
      work += x[1];
      bound = std::max(bound, op[0] + (work + machines - 1) / machines + x[2]);
    }
  }
  return bound;
}

}  // namespace

Time FlexibleShopLowerBound(const ShopProblem& shop) {
  const int n = shop.num_ops;
  std::vector<Time> shortest(n), head(n), tail(n);
  for (int o = 0; o < n; ++o) {
    Time p = shop.modes[shop.mode_begin[o]].duration;
    for (int k = shop.mode_begin[o]; k < shop.mode_begin[o + 1]; ++k) p = std::min(p, shop.modes[k].duration);
    shortest[o] = p;
  }
  Time bound = 0;
  for (int j = 0; j < shop.num_jobs; ++j) {
    Time h = shop.job_release[j];
    for (int o = shop.job_begin[j]; o < shop.job_begin[j + 1]; ++o) {
      h = std::max(h, shop.release[o]);
      head[o] = h;
      h += shortest[o];
    }
    bound = std::max(bound, h);
    Time t = 0;
    for (int o = shop.job_begin[j + 1] - 1; o >= shop.job_begin[j]; --o) {
      tail[o] = t;
      t += shortest[o];
    }
  }

  // Eligible machine sets as sorted lists; the distinct ones, plus the set of all machines.
  std::vector<std::vector<int>> eligible(n);
  for (int o = 0; o < n; ++o) {
    for (int k = shop.mode_begin[o]; k < shop.mode_begin[o + 1]; ++k) eligible[o].push_back(shop.modes[k].machine);
    std::sort(eligible[o].begin(), eligible[o].end());
    eligible[o].erase(std::unique(eligible[o].begin(), eligible[o].end()), eligible[o].end());
  }
  std::vector<std::vector<int>> sets = eligible;
  std::vector<int> all(shop.num_machines);
  for (int m = 0; m < shop.num_machines; ++m) all[m] = m;
  sets.push_back(all);
  std::sort(sets.begin(), sets.end());
  sets.erase(std::unique(sets.begin(), sets.end()), sets.end());

  // Smallest sets first (the fixed-machine bounds, then the tightest groups), so the set of
  // all machines comes last; on very large instances the work is capped at about 2e7
  // membership tests, the set of all machines always done, so the bound stays cheap.
  std::stable_sort(sets.begin(), sets.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
  std::vector<std::array<Time, 3>> ops;
  std::int64_t work = 0;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const std::vector<int>& set = sets[i];
    if (set.empty()) continue;
    work += n;
    if (work > 20'000'000 && i + 1 < sets.size()) continue;
    ops.clear();
    for (int o = 0; o < n; ++o) {
      if (!std::includes(set.begin(), set.end(), eligible[o].begin(), eligible[o].end())) continue;
      ops.push_back({head[o], shortest[o], tail[o]});
    }
    if (set.size() == 1) {
      bound = std::max(bound, JacksonPreemptiveBound(ops));
    } else {
      work += static_cast<std::int64_t>(ops.size()) * static_cast<std::int64_t>(ops.size());
      if (work <= 20'000'000 || i + 1 == sets.size()) {
        bound = std::max(bound, EnergyBound(ops, static_cast<Time>(set.size())));
      }
    }
  }
  return bound;
}

}  // namespace ordo
