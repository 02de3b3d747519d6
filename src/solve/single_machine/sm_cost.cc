#include "solve/single_machine/sm_cost.h"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace ordo {

std::int64_t SmCostModel::SequenceCost(std::span<const int> sequence) const {
  if (HasReleaseDates()) {
    std::int64_t cost = 0;
    Time t = 0;
    for (int j : sequence) {
      t = std::max(t, r[j]) + p[j];
      cost += JobCost(j, t);
    }
    return cost + makespan_weight * t;
  }
  std::int64_t cost = constant;
  Time t = 0;
  for (int j : sequence) {
    t += p[j];
    cost += JobCost(j, t);
  }
  return cost;
}

bool SmCostModel::IsTotalTardiness() const {
  if (a.empty()) return false;
  for (int j = 0; j < size(); ++j) {
    if (a[j] != a[0] || b[j] != 0) return false;
  }
  return a[0] > 0;
}

std::string SmCostUnsupported(const Instance& in) {
  for (const Resource& r : in.resources) {
    if (!r.calendar.empty()) return fmt::format("resource {} has a capacity calendar", r.name);
  }
  for (const Job& job : in.jobs) {
    if (job.deadline != kNoDeadline) return fmt::format("job {} has a deadline", job.name);
    for (int o : job.operations) {
      const Operation& op = in.operations[o];
      if (op.deadline != kNoDeadline) return fmt::format("operation {} has a deadline", op.name);
      if (op.modes.size() != 1) return fmt::format("operation {} has several modes", op.name);
    }
  }
  for (const ObjectiveTerm& term : in.objective.terms) {
    if (term.kind == ObjectiveKind::MaxLateness) return "the objective has a max-lateness term (not a sum over jobs)";
  }
  return {};
}

SmCostModel BuildSmCostModel(const Instance& in) {
  SmCostModel m;
  const int n = static_cast<int>(in.jobs.size());
  m.a.assign(n, 0);
  m.b.assign(n, 0);
  for (int j = 0; j < n; ++j) {
    const Job& job = in.jobs[j];
    m.p.push_back(in.operations[job.operations[0]].modes[0].duration);
    m.d.push_back(job.due);
    const Time release = std::max(job.release, in.operations[job.operations[0]].release);
    if (release > 0) {
      if (m.r.empty()) m.r.assign(n, 0);
      m.r[j] = release;
    }
  }
  const Time total = std::accumulate(m.p.begin(), m.p.end(), Time{0});
  for (const ObjectiveTerm& term : in.objective.terms) {
    for (int j = 0; j < n; ++j) {
      if (term.kind == ObjectiveKind::TotalWeightedTardiness) m.a[j] += term.weight * in.jobs[j].weight;
      if (term.kind == ObjectiveKind::TotalWeightedCompletion) m.b[j] += term.weight * in.jobs[j].weight;
    }
    if (term.kind == ObjectiveKind::Makespan) m.makespan_weight += term.weight;
  }
  m.constant = m.makespan_weight * total;
  return m;
}

Solution SequenceToSolution(const Instance& in, const SmCostModel& model, std::span<const int> sequence) {
  Solution s;
  s.mode.assign(in.operations.size(), 0);
  s.start.assign(in.operations.size(), 0);
  Time t = 0;
  for (int j : sequence) {
    if (model.HasReleaseDates()) t = std::max(t, model.r[j]);
    s.start[in.jobs[j].operations[0]] = t;
    t += model.p[j];
  }
  return s;
}

std::vector<int> SolutionToSequence(const Instance& in, const Solution& solution) {
  std::vector<int> sequence(in.jobs.size());
  std::iota(sequence.begin(), sequence.end(), 0);
  std::stable_sort(sequence.begin(), sequence.end(), [&](int x, int y) {
    return solution.start[in.jobs[x].operations[0]] < solution.start[in.jobs[y].operations[0]];
  });
  return sequence;
}

}  // namespace ordo
