// Brute-force optimum of a tiny job shop, independent of the solvers: every combination of
// machine orders, each evaluated by a fixpoint of "start = first time at or after the
// predecessors' ends (and the release) at which the operation fits between downtimes" (a
// resumable operation: the first time its machine is up; it ends after working its
// duration, unit by unit).
// Exponential: for instances of at most about 9 operations.
#pragma once

#include <algorithm>
#include <functional>
#include <limits>
#include <vector>

#include "model/instance.h"

namespace ordo::test {

inline Time BruteForceJobShopOptimum(const Instance& in) {
  const int n = static_cast<int>(in.operations.size());
  const int machines = static_cast<int>(in.resources.size());
  std::vector<int> machine(n), job_prev(n, -1);
  std::vector<Time> duration(n), release(n);
  for (int o = 0; o < n; ++o) {
    machine[o] = in.operations[o].modes[0].demands[0].resource;
    duration[o] = in.operations[o].modes[0].duration;
    release[o] = std::max(in.operations[o].release, in.jobs[in.operations[o].job].release);
  }
  for (const Job& job : in.jobs) {
    for (std::size_t k = 1; k < job.operations.size(); ++k) job_prev[job.operations[k]] = job.operations[k - 1];
  }
  auto down = [&](int m, Time t) {
    for (const CapacityPeriod& d : in.resources[m].calendar) {
      if (d.capacity == 0 && d.start <= t && t < d.end) return true;
    }
    return false;
  };
  auto fit = [&](int o, Time t) {
    const int m = machine[o];
    if (in.operations[o].resumable) {
      while (down(m, t)) ++t;
      return t;
    }
    for (const CapacityPeriod& d : in.resources[m].calendar) {
      if (d.capacity == 0 && t < d.end && d.start < t + duration[o]) t = d.end;
    }
    return t;
  };
  auto finish = [&](int o, Time s) {
    if (!in.operations[o].resumable) return s + duration[o];
    Time t = s;
    for (Time left = duration[o]; left > 0; ++t) left -= down(machine[o], t) ? 0 : 1;
    return t;
  };
  std::vector<std::vector<int>> seq(machines);
  for (int o = 0; o < n; ++o) seq[machine[o]].push_back(o);
  Time best = std::numeric_limits<Time>::max();
  std::vector<int> machine_prev(n);
  std::vector<Time> start(n), end(n);
  auto evaluate = [&] {
    for (const auto& s : seq) {
      for (std::size_t k = 0; k < s.size(); ++k) machine_prev[s[k]] = k > 0 ? s[k - 1] : -1;
    }
    std::fill(start.begin(), start.end(), 0);
    for (int o = 0; o < n; ++o) end[o] = finish(o, 0);
    for (int pass = 0; pass <= n + 1; ++pass) {
      bool changed = false;
      for (int o = 0; o < n; ++o) {
        Time t = release[o];
        if (job_prev[o] >= 0) t = std::max(t, end[job_prev[o]]);
        if (machine_prev[o] >= 0) t = std::max(t, end[machine_prev[o]]);
        t = fit(o, t);
        if (t != start[o]) {
          start[o] = t;
          end[o] = finish(o, t);
          changed = true;
        }
      }
      if (!changed) {
        Time makespan = 0;
        for (int o = 0; o < n; ++o) makespan = std::max(makespan, end[o]);
        best = std::min(best, makespan);
        return;
      }
    }  // still changing after n + 1 passes: the orders form a cycle
  };
  for (auto& s : seq) std::sort(s.begin(), s.end());
  std::function<void(int)> rec = [&](int m) {
    if (m == machines) {
      evaluate();
      return;
    }
    do {
      rec(m + 1);
    } while (std::next_permutation(seq[m].begin(), seq[m].end()));
  };
  rec(0);
  return best;
}

}  // namespace ordo::test
