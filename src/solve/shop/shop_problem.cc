#include "solve/shop/shop_problem.h"

#include <algorithm>

#include "solve/common/evaluate.h"

namespace ordo {

Time ShopProblem::EarliestFit(int machine, Time from, Time duration) const {
  const std::vector<Downtime>& periods = downtime[machine];
  // The first period that ends after from (periods are sorted and disjoint); O(log k) plus
  // the periods skipped.
  auto it = std::upper_bound(periods.begin(), periods.end(), from, [](Time t, const Downtime& d) { return t < d.end; });
  Time t = from;
  for (; it != periods.end(); ++it) {
    if (t + duration <= it->start) break;  // fits before this downtime
    t = std::max(t, it->end);
  }
  return t;
}

Time ShopProblem::LatestFitEnd(int machine, Time until, Time duration) const {
  const std::vector<Downtime>& periods = downtime[machine];
  // Periods that start before until, from the last one backwards.
  auto it = std::lower_bound(periods.begin(), periods.end(), until, [](const Downtime& d, Time t) { return d.start < t; });
  Time e = until;
  while (it != periods.begin()) {
    --it;
    if (it->end <= e - duration) break;  // fits after this downtime
    e = std::min(e, it->start);
  }
  return e;
}

Time ShopProblem::WorkStart(int machine, Time from) const {
  const std::vector<Downtime>& periods = downtime[machine];
  auto it = std::upper_bound(periods.begin(), periods.end(), from, [](Time t, const Downtime& d) { return t < d.end; });
  return it != periods.end() && it->start <= from ? it->end : from;
}

Time ShopProblem::WorkEnd(int machine, Time start, Time duration) const {
  const std::vector<Downtime>& periods = downtime[machine];
  auto it = std::upper_bound(periods.begin(), periods.end(), start, [](Time t, const Downtime& d) { return t < d.end; });
  Time t = start, left = duration;
  for (; it != periods.end() && t + left > it->start; ++it) {
    left -= std::max<Time>(0, it->start - t);
    t = std::max(t, it->end);
  }
  return t + left;
}

ShopProblem BuildShopProblem(const Instance& in) {
  ShopProblem p;
  p.num_jobs = static_cast<int>(in.jobs.size());
  p.num_machines = static_cast<int>(in.resources.size());
  p.num_ops = static_cast<int>(in.operations.size());
  p.job_begin.reserve(p.num_jobs + 1);
  for (int j = 0; j < p.num_jobs; ++j) {
    const Job& job = in.jobs[j];
    p.job_begin.push_back(static_cast<int>(p.model_op.size()));
    p.job_release.push_back(job.release);
    p.job_due.push_back(job.due);
    p.job_weight.push_back(job.weight);
    for (int o : job.operations) {
      const Operation& op = in.operations[o];
      p.model_op.push_back(o);
      p.job_of.push_back(j);
      p.mode_begin.push_back(static_cast<int>(p.modes.size()));
      Time sum = 0;
      for (std::size_t m = 0; m < op.modes.size(); ++m) {
        p.modes.push_back({op.modes[m].demands[0].resource, op.modes[m].duration, static_cast<int>(m)});
        sum += op.modes[m].duration;
      }
      p.flexible = p.flexible || op.modes.size() > 1;
      p.mean_duration.push_back(sum / static_cast<Time>(op.modes.size()));
      p.release.push_back(std::max(op.release, job.release));
      p.deadline.push_back(std::min(op.deadline, job.deadline));
      p.resumable.push_back(op.resumable ? 1 : 0);
    }
  }
  p.job_begin.push_back(p.num_ops);
  p.mode_begin.push_back(static_cast<int>(p.modes.size()));
  p.work_after.assign(p.num_ops, 0);
  for (int j = 0; j < p.num_jobs; ++j) {
    Time acc = 0;
    for (int o = p.job_begin[j + 1] - 1; o >= p.job_begin[j]; --o) {
      acc += p.mean_duration[o];
      p.work_after[o] = acc;
    }
  }
  p.downtime.resize(p.num_machines);
  for (int m = 0; m < p.num_machines; ++m) {
    for (const CapacityPeriod& period : in.resources[m].calendar) {
      if (period.capacity < 1) p.downtime[m].push_back({period.start, period.end});
    }
    p.has_downtime = p.has_downtime || !p.downtime[m].empty();
  }
  for (int o = 0; o < p.num_ops; ++o) {
    for (int k = p.mode_begin[o]; k < p.mode_begin[o + 1] && p.resumable[o]; ++k) {
      p.has_resumable = p.has_resumable || !p.downtime[p.modes[k].machine].empty();
    }
  }
  return p;
}

Solution ToSolution(const Instance& in, const ShopProblem& shop, const std::vector<Time>& start,
                    const std::vector<int>& mode) {
  Solution sol;
  sol.start.assign(in.operations.size(), 0);
  sol.mode.assign(in.operations.size(), 0);
  for (int o = 0; o < shop.num_ops; ++o) {
    sol.start[shop.model_op[o]] = start[o];
    sol.mode[shop.model_op[o]] = shop.modes[mode[o]].model_mode;
  }
  sol.objective = EvaluateObjective(in, sol);
  return sol;
}

}  // namespace ordo
