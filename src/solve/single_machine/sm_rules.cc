#include "solve/single_machine/sm_rules.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ordo {

const std::vector<SmRuleInfo>& SmRules() {
  static const std::vector<SmRuleInfo> rules = {
      {SmRule::Edd, "edd", "earliest due date"},
      {SmRule::Spt, "spt", "shortest processing time"},
      {SmRule::Wspt, "wspt", "weighted shortest processing time (p/w)"},
      {SmRule::Mdd, "mdd", "modified due date"},
      {SmRule::Wmdd, "wmdd", "weighted modified due date"},
      {SmRule::Atc, "atc", "apparent tardiness cost (look-ahead k)"},
      {SmRule::Covert, "covert", "cost over time (look-ahead k)"},
      {SmRule::Mddc, "mddc", "MDD challenger (Cetinkaya et al. 2025, LLM-discovered, unweighted)"},
      {SmRule::Eddc, "eddc", "EDD challenger (Cetinkaya et al. 2025, LLM-discovered, unweighted)"},
      {SmRule::Psk, "psk", "Panwalkar, Smith & Koulamas 1993 (unweighted)"},
  };
  return rules;
}

SmJobs BuildSmJobs(const Instance& in) {
  SmJobs jobs;
  for (const Job& job : in.jobs) {
    const Operation& op = in.operations[job.operations[0]];
    jobs.p.push_back(op.modes[0].duration);
    jobs.d.push_back(job.due);
    jobs.r.push_back(std::max(job.release, op.release));
    jobs.w.push_back(job.weight);
  }
  return jobs;
}

namespace {

// Smaller is better for every key.
double Key(const SmJobs& jobs, SmRule rule, int j, Time t, double k, double pbar, double pmax) {
  const double p = static_cast<double>(jobs.p[j]);
  const double d = static_cast<double>(jobs.d[j]);
  const double w = static_cast<double>(jobs.w[j]);
  const double now = static_cast<double>(t);
  switch (rule) {
    case SmRule::Edd: return d;
    case SmRule::Spt: return p;
    case SmRule::Wspt: return w > 0 ? p / w : std::numeric_limits<double>::infinity();
    case SmRule::Mdd: return std::max(now + p, d);
    case SmRule::Wmdd: return w > 0 ? std::max(p, d - now) / w : std::numeric_limits<double>::infinity();
    case SmRule::Atc: {
      if (p == 0) return -std::numeric_limits<double>::infinity();
      const double slack = std::max(d - p - now, 0.0);
      return -(w / p) * std::exp(-slack / std::max(1e-9, k * pbar));
    }
    case SmRule::Covert: {
      if (p == 0) return -std::numeric_limits<double>::infinity();
      const double slack = std::max(0.0, d - now - p);
      return -(w / p) * std::max(0.0, 1.0 - slack / (k * p));
    }
    case SmRule::Mddc: {
      const double rho = std::min(p / std::max(1e-9, now + pmax), 1.0);
      const double theta = rho * rho / (1 + rho * rho);
      return std::max(1.1 * p + now, d) * (1 + theta) + p / std::max(1e-9, now + pbar);
    }
    case SmRule::Eddc:
    case SmRule::Psk: return d;  // sequence rules (EddcSequence, PskSequence); kept total
  }
  return 0;
}

// Jobs by processing time, ties by due date: where EDDC and PSK start.
std::vector<int> SptOrderTiesByDueDate(const SmJobs& jobs) {
  std::vector<int> order(jobs.p.size());
  for (std::size_t j = 0; j < order.size(); ++j) order[j] = static_cast<int>(j);
  std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
    return jobs.p[x] != jobs.p[y] ? jobs.p[x] < jobs.p[y] : jobs.d[x] < jobs.d[y];
  });
  return order;
}

// EDDC's sequence (see the header).
std::vector<int> EddcSequence(const SmJobs& jobs) {
  const int n = static_cast<int>(jobs.p.size());
  std::vector<int> s = SptOrderTiesByDueDate(jobs);
  // Iteration i permutes positions 0..i only, so positions 0..i-1 hold the first i jobs of
  // the SPT order when it starts.
  const std::vector<int> spt = s;
  Time prefix = 0;  // sum of p over s[0..i-1]
  for (int i = 1; i < n; ++i) {
    prefix += jobs.p[spt[i - 1]];
    Time end_of_prev = prefix;  // completion time of s[j-1], sum of p over s[0..j-1]
    for (int j = i; j > 0 && jobs.d[s[j]] < jobs.d[s[j - 1]]; --j) {
      const int prev = s[j - 1];
      if (jobs.d[prev] > end_of_prev) std::swap(s[j], s[j - 1]);
      end_of_prev -= jobs.p[prev];
    }
  }
  return s;
}

// PSK's sequence (see the header).
std::vector<int> PskSequence(const SmJobs& jobs) {
  std::vector<int> unscheduled = SptOrderTiesByDueDate(jobs);
  std::vector<int> sequence;
  Time t = 0;
  while (!unscheduled.empty()) {
    std::size_t active = 0;
    const int first = unscheduled[0];
    if (t + jobs.p[first] < jobs.d[first]) {
      for (std::size_t s = 1; s < unscheduled.size(); ++s) {
        const int i = unscheduled[active];
        const int j = unscheduled[s];
        if (jobs.d[i] <= t + jobs.p[j]) break;  // j could not finish before d_i: schedule i
        if (jobs.d[j] < jobs.d[i]) active = s;
      }
    }
    const int i = unscheduled[active];
    sequence.push_back(i);
    t += jobs.p[i];
    unscheduled.erase(unscheduled.begin() + static_cast<std::ptrdiff_t>(active));
  }
  return sequence;
}

}  // namespace

void DispatchSingleMachine(const SmJobs& jobs, SmRule rule, double k, std::vector<Time>& start) {
  const int n = static_cast<int>(jobs.p.size());
  start.assign(n, 0);
  if (rule == SmRule::Eddc || rule == SmRule::Psk) {
    Time t = 0;
    for (int j : rule == SmRule::Eddc ? EddcSequence(jobs) : PskSequence(jobs)) {
      start[j] = std::max(t, jobs.r[j]);
      t = start[j] + jobs.p[j];
    }
    return;
  }
  // MDDC breaks ties in (d, p) order; the other rules by job index.
  std::vector<int> order(n);
  for (int j = 0; j < n; ++j) order[j] = j;
  if (rule == SmRule::Mddc) {
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
      return jobs.d[x] != jobs.d[y] ? jobs.d[x] < jobs.d[y] : jobs.p[x] < jobs.p[y];
    });
  }
  std::vector<int> tie_rank(n);
  for (int i = 0; i < n; ++i) tie_rank[order[i]] = i;
  std::vector<int> pending = order;
  Time t = 0;
  double work = 0;
  for (Time p : jobs.p) work += static_cast<double>(p);
  while (!pending.empty()) {
    Time next_release = std::numeric_limits<Time>::max();
    for (int j : pending) next_release = std::min(next_release, jobs.r[j]);
    t = std::max(t, next_release);
    const double pbar = work / static_cast<double>(pending.size());
    double pmax = 0;
    for (int j : pending) pmax = std::max(pmax, static_cast<double>(jobs.p[j]));
    std::size_t pick = 0;
    double best = std::numeric_limits<double>::infinity();
    bool found = false;
    for (std::size_t i = 0; i < pending.size(); ++i) {
      const int j = pending[i];
      if (jobs.r[j] > t) continue;
      const double key = Key(jobs, rule, j, t, k, pbar, pmax);
      if (!found || key < best || (key == best && tie_rank[j] < tie_rank[pending[pick]])) {
        best = key;
        pick = i;
        found = true;
      }
    }
    const int j = pending[pick];
    start[j] = t;
    t += jobs.p[j];
    work -= static_cast<double>(jobs.p[j]);
    pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(pick));
  }
}

}  // namespace ordo
