#include "solve/project/lcg_model.h"

#include <algorithm>

#include <fmt/format.h>

#include "solve/lcg/timetable.h"

namespace ordo {

using lcg::AtLeast;
using lcg::AtMost;

std::string LcgUnsupported(const Instance& instance) {
  if (instance.blocking) return "blocking shops are not modelled by the lazy clause generation engine";
  const auto& terms = instance.objective.terms;
  if (terms.size() != 1 || terms[0].kind != ObjectiveKind::Makespan || terms[0].weight <= 0) {
    return "the lazy clause generation engine minimises the makespan only";
  }
  for (std::size_t o = 0; o < instance.operations.size(); ++o) {
    const Operation& op = instance.operations[o];
    if (op.modes.size() != 1) return fmt::format("operation {} has {} modes; the engine handles one", o, op.modes.size());
    if (!op.resumable) continue;
    for (const Demand& d : op.modes[0].demands) {
      for (const CapacityPeriod& p : instance.resources[d.resource].calendar) {
        if (p.capacity == 0) return fmt::format("operation {} is resumable across downtime, which the engine does not model", o);
      }
    }
  }
  return "";
}

ProjectLcgModel::ProjectLcgModel(const Instance& instance, Time horizon, lcg::EngineOptions options, bool overload)
    : instance_(instance), engine_(options) {
  const int n = static_cast<int>(instance.operations.size());
  start_.resize(n);
  duration_.resize(n);
  for (int o = 0; o < n; ++o) {
    const Operation& op = instance.operations[o];
    const Job& job = instance.jobs[op.job];
    duration_[o] = op.modes[0].duration;
    const Time earliest = std::max(op.release, job.release);
    const Time deadline = std::min({op.deadline, job.deadline, horizon});
    start_[o] = engine_.NewVar(earliest, deadline - duration_[o]);
  }
  makespan_ = engine_.NewVar(0, horizon);
  for (int o = 0; o < n; ++o) engine_.AddPrecedence(start_[o], makespan_, duration_[o]);
  for (const Precedence& p : instance.precedences) {
    const Time lag = p.type == PrecedenceType::EndToStart ? duration_[p.from] + p.lag : p.lag;
    engine_.AddPrecedence(start_[p.from], start_[p.to], lag);
  }
  for (const DisjunctivePair& pair : instance.disjunctive) {
    // order = 1: a before b; order = 0: b before a.
    const int order = engine_.NewBool();
    const lcg::Lit a_first = engine_.BoolLit(order);
    engine_.AddPrecedence(start_[pair.a], start_[pair.b], duration_[pair.a], a_first);
    engine_.AddPrecedence(start_[pair.b], start_[pair.a], duration_[pair.b], lcg::NegLit(a_first));
  }
  // Resources: capacity = the largest over the calendar; lower capacity as fixed usage.
  const Time far = horizon + 1;
  for (std::size_t r = 0; r < instance.resources.size(); ++r) {
    const Resource& res = instance.resources[r];
    std::vector<lcg::CumulativeTask> tasks;
    for (int o = 0; o < n; ++o) {
      for (const Demand& d : instance.operations[o].modes[0].demands) {
        if (d.resource == static_cast<int>(r) && d.amount > 0 && duration_[o] > 0) {
          tasks.push_back({start_[o], duration_[o], d.amount});
        }
      }
    }
    if (tasks.empty()) continue;
    std::int64_t peak = res.capacity;
    for (const CapacityPeriod& p : res.calendar) peak = std::max(peak, p.capacity);
    std::vector<lcg::FixedUsage> fixed;
    Time at = 0;
    for (const CapacityPeriod& p : res.calendar) {
      if (p.start > at && peak > res.capacity) fixed.push_back({at, p.start, peak - res.capacity});
      if (peak > p.capacity) fixed.push_back({p.start, p.end, peak - p.capacity});
      at = std::max(at, p.end);
    }
    if (at < far && peak > res.capacity) fixed.push_back({at, far, peak - res.capacity});
    lcg::TimetablePropagator::Post(engine_, std::move(tasks), peak, std::move(fixed), overload);
  }
}

std::optional<lcg::Atom> ProjectLcgModel::NextDecision(const lcg::Engine& engine) const {
  int best = -1;
  for (int o = 0; o < static_cast<int>(start_.size()); ++o) {
    const int v = start_[o];
    if (engine.Fixed(v)) continue;
    if (best < 0 || engine.Lb(v) < engine.Lb(start_[best]) ||
        (engine.Lb(v) == engine.Lb(start_[best]) && engine.Ub(v) < engine.Ub(start_[best]))) {
      best = o;
    }
  }
  if (best < 0) return std::nullopt;
  return AtMost(start_[best], engine.Lb(start_[best]));
}

std::optional<lcg::Atom> ProjectLcgModel::NextActivityDecision(const lcg::Engine& engine) const {
  int best = -1;
  for (int o = 0; o < static_cast<int>(start_.size()); ++o) {
    const int v = start_[o];
    if (engine.Fixed(v)) continue;
    if (best < 0 || engine.activity(v) > engine.activity(start_[best]) ||
        (engine.activity(v) == engine.activity(start_[best]) && engine.Lb(v) < engine.Lb(start_[best]))) {
      best = o;
    }
  }
  if (best < 0) return std::nullopt;
  return AtMost(start_[best], engine.Lb(start_[best]));
}

Solution ProjectLcgModel::CurrentSolution() const {
  Solution s;
  const int n = static_cast<int>(start_.size());
  s.mode.assign(n, 0);
  s.start.resize(n);
  Time makespan = 0;
  for (int o = 0; o < n; ++o) {
    s.start[o] = engine_.Lb(start_[o]);
    makespan = std::max(makespan, s.start[o] + duration_[o]);
  }
  s.objective = makespan * instance_.objective.terms[0].weight;
  return s;
}

}  // namespace ordo
