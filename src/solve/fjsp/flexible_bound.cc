#include "solve/fjsp/flexible_bound.h"

#include <algorithm>
#include <array>

#include "solve/jobshop/jps_bound.h"

namespace ordo {
namespace {

// Best energy bound for one machine set: ops are (head, shortest duration, tail).
Time EnergyBound(std::vector<std::array<Time, 3>>& ops, Time machines) {
  if (ops.empty()) return 0;
  Time bound = 0;
  // Head thresholds: sort by head descending, grow the set of ops with head >= h.
  std::sort(ops.begin(), ops.end(), [](const auto& a, const auto& b) { return a[0] > b[0]; });
  Time work = 0, min_tail = ops[0][2];
  for (const auto& op : ops) {
    work += op[1];
    min_tail = std::min(min_tail, op[2]);
    bound = std::max(bound, op[0] + (work + machines - 1) / machines + min_tail);
  }
  // Tail thresholds, symmetrically.
  std::sort(ops.begin(), ops.end(), [](const auto& a, const auto& b) { return a[2] > b[2]; });
  work = 0;
  Time min_head = ops[0][0];
  for (const auto& op : ops) {
    work += op[1];
    min_head = std::min(min_head, op[0]);
    bound = std::max(bound, min_head + (work + machines - 1) / machines + op[2]);
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

  std::vector<std::array<Time, 3>> ops;
  for (const std::vector<int>& set : sets) {
    if (set.empty()) continue;
    ops.clear();
    for (int o = 0; o < n; ++o) {
      if (!std::includes(set.begin(), set.end(), eligible[o].begin(), eligible[o].end())) continue;
      ops.push_back({head[o], shortest[o], tail[o]});
    }
    if (set.size() == 1) {
      bound = std::max(bound, JacksonPreemptiveBound(ops));
    } else {
      bound = std::max(bound, EnergyBound(ops, static_cast<Time>(set.size())));
    }
  }
  return bound;
}

}  // namespace ordo
