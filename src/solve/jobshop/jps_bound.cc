#include "solve/jobshop/jps_bound.h"

#include <algorithm>
#include <queue>

namespace ordo {

Time JacksonPreemptiveBound(std::vector<std::array<Time, 3>> ops) {
  std::sort(ops.begin(), ops.end(), [](const auto& a, const auto& b) { return a[0] < b[0]; });
  // Max-heap on tail of (tail, remaining duration).
  std::priority_queue<std::pair<Time, Time>> ready;
  Time t = 0, bound = 0;
  std::size_t next = 0;
  while (next < ops.size() || !ready.empty()) {
    if (ready.empty()) t = std::max(t, ops[next][0]);
    while (next < ops.size() && ops[next][0] <= t) {
      ready.push({ops[next][2], ops[next][1]});
      ++next;
    }
    auto [tail, remaining] = ready.top();
    ready.pop();
    // Run it until it completes or the next release, whichever comes first.
    const Time until = next < ops.size() ? std::min(t + remaining, ops[next][0]) : t + remaining;
    remaining -= until - t;
    t = until;
    if (remaining > 0) {
      ready.push({tail, remaining});
    } else {
      bound = std::max(bound, t + tail);
    }
  }
  return bound;
}

Time JobShopLowerBound(const ShopProblem& shop) {
  Time bound = 0;
  std::vector<Time> head(shop.num_ops), tail(shop.num_ops);
  for (int j = 0; j < shop.num_jobs; ++j) {
    Time h = shop.job_release[j];
    for (int o = shop.job_begin[j]; o < shop.job_begin[j + 1]; ++o) {
      h = std::max(h, shop.release[o]);
      head[o] = h;
      h += shop.modes[shop.mode_begin[o]].duration;
    }
    bound = std::max(bound, h);
    Time t = 0;
    for (int o = shop.job_begin[j + 1] - 1; o >= shop.job_begin[j]; --o) {
      tail[o] = t;
      t += shop.modes[shop.mode_begin[o]].duration;
    }
  }
  std::vector<std::vector<std::array<Time, 3>>> per_machine(shop.num_machines);
  for (int o = 0; o < shop.num_ops; ++o) {
    const ShopMode& m = shop.modes[shop.mode_begin[o]];
    per_machine[m.machine].push_back({head[o], m.duration, tail[o]});
  }
  for (auto& ops : per_machine) bound = std::max(bound, JacksonPreemptiveBound(std::move(ops)));
  return bound;
}

}  // namespace ordo
