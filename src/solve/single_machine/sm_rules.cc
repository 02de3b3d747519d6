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
double Key(const SmJobs& jobs, SmRule rule, int j, Time t, double k, double pbar) {
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
  }
  return 0;
}

}  // namespace

void DispatchSingleMachine(const SmJobs& jobs, SmRule rule, double k, std::vector<Time>& start) {
  const int n = static_cast<int>(jobs.p.size());
  start.assign(n, 0);
  std::vector<int> pending(n);
  for (int j = 0; j < n; ++j) pending[j] = j;
  Time t = 0;
  double work = 0;
  for (Time p : jobs.p) work += static_cast<double>(p);
  while (!pending.empty()) {
    Time next_release = std::numeric_limits<Time>::max();
    for (int j : pending) next_release = std::min(next_release, jobs.r[j]);
    t = std::max(t, next_release);
    const double pbar = work / static_cast<double>(pending.size());
    std::size_t pick = 0;
    double best = std::numeric_limits<double>::infinity();
    bool found = false;
    for (std::size_t i = 0; i < pending.size(); ++i) {
      const int j = pending[i];
      if (jobs.r[j] > t) continue;
      const double key = Key(jobs, rule, j, t, k, pbar);
      if (!found || key < best || (key == best && j < pending[pick])) {
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
