#include "solve/project/lcg_model.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "solve/common/evaluate.h"
#include "solve/lcg/linear_sum.h"
#include "solve/lcg/timetable.h"
#include "solve/project/safe_horizon.h"

namespace ordo {

using lcg::AtLeast;
using lcg::AtMost;

std::string LcgUnsupported(const Instance& instance) {
  if (instance.blocking) return "blocking shops are not modelled by the lazy clause generation engine";
  const auto& terms = instance.objective.terms;
  if (terms.empty()) return "the objective has no term";
  for (const ObjectiveTerm& term : terms) {
    if (term.weight <= 0) return "the lazy clause generation engine needs positive objective weights";
  }
  for (const Job& job : instance.jobs) {
    if (job.weight < 0) return fmt::format("job {} has a negative weight", job.name);
  }
  // The objective variable's range, sum of coefficient x largest value, must fit 62 bits.
  const double horizon = static_cast<double>(SafeHorizon(instance));
  double largest = 0;
  for (const ObjectiveTerm& term : terms) {
    double per = static_cast<double>(term.weight);
    if (term.kind == ObjectiveKind::TotalWeightedTardiness || term.kind == ObjectiveKind::TotalWeightedCompletion) {
      double weights = 0;
      for (const Job& job : instance.jobs) weights += static_cast<double>(job.weight);
      per *= weights;
    }
    if (per > 4e18) return "the objective's weights overflow the engine's 64-bit values";
    double due_spread = 0;
    for (const Job& job : instance.jobs) due_spread = std::max(due_spread, std::abs(static_cast<double>(job.due)));
    largest += per * (horizon + due_spread);
  }
  if (largest > 4e18) return "the objective's weights and horizon overflow the engine's 64-bit values";
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

ProjectLcgModel::ProjectLcgModel(const Instance& instance, Time horizon, lcg::EngineOptions options,
                                 lcg::CumulativeReasoning reasoning, bool objective)
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
    lcg::TimetablePropagator::Post(engine_, std::move(tasks), peak, std::move(fixed), reasoning);
  }
  if (objective) {
    AddObjective(horizon);
  } else {
    objective_ = makespan_;
  }
}

void ProjectLcgModel::AddObjective(Time horizon) {
  const auto& terms = instance_.objective.terms;
  if (terms.size() == 1 && terms[0].kind == ObjectiveKind::Makespan) {
    objective_ = makespan_, objective_scale_ = terms[0].weight;
    return;
  }
  // Completion C_j >= end of each operation of job j; tardiness T_j >= C_j - d_j, T_j >= 0;
  // lateness L >= C_j - d_j. Minimisation drives them to their lower bounds, which the
  // difference constraints make exact once the starts are fixed.
  const int jobs = static_cast<int>(instance_.jobs.size());
  std::vector<int> completion(jobs, -1);
  // (A job without operations completes at 0, as the evaluation has it.)
  const auto completion_of = [&](int j) {
    if (completion[j] < 0) {
      completion[j] = engine_.NewVar(0, instance_.jobs[j].operations.empty() ? 0 : horizon);
      for (int o : instance_.jobs[j].operations) engine_.AddPrecedence(start_[o], completion[j], duration_[o]);
    }
    return completion[j];
  };
  std::vector<int> vars;
  std::vector<lcg::Value> coefficients;
  int lateness = -1;
  for (const ObjectiveTerm& term : terms) {
    switch (term.kind) {
      case ObjectiveKind::Makespan:
        vars.push_back(makespan_), coefficients.push_back(term.weight);
        break;
      case ObjectiveKind::TotalWeightedCompletion:
      case ObjectiveKind::TotalWeightedTardiness:
        for (int j = 0; j < jobs; ++j) {
          const Job& job = instance_.jobs[j];
          if (job.weight == 0) continue;
          const int c = completion_of(j);
          if (term.kind == ObjectiveKind::TotalWeightedCompletion) {
            vars.push_back(c);
          } else {
            const int t = engine_.NewVar(0, std::max<Time>(0, horizon - job.due));
            engine_.AddPrecedence(c, t, -job.due);
            vars.push_back(t);
          }
          coefficients.push_back(term.weight * job.weight);
        }
        break;
      case ObjectiveKind::MaxLateness: {
        Time least_due = 0, most_due = 0;
        bool any = false;
        for (const Job& job : instance_.jobs) {
          least_due = any ? std::min(least_due, job.due) : job.due;
          most_due = any ? std::max(most_due, job.due) : job.due;
          any = true;
        }
        if (!any) break;
        if (lateness < 0) {
          lateness = engine_.NewVar(-most_due, horizon - least_due);
          for (int j = 0; j < jobs; ++j) {
            engine_.AddPrecedence(completion_of(j), lateness, -instance_.jobs[j].due);
          }
        }
        vars.push_back(lateness), coefficients.push_back(term.weight);
        break;
      }
    }
  }
  lcg::Value least = 0, most = 0;
  for (std::size_t i = 0; i < vars.size(); ++i) {
    least += coefficients[i] * engine_.Lb(vars[i]);
    most += coefficients[i] * engine_.Ub(vars[i]);
  }
  objective_ = engine_.NewVar(least, most);
  objective_scale_ = 1;
  if (!vars.empty()) lcg::LinearSumPropagator::Post(engine_, std::move(vars), std::move(coefficients), objective_);
}

lcg::Atom ProjectLcgModel::ObjectiveBelow(std::int64_t value) const {
  // scale x v <= value - 1  <=>  v <= floor((value - 1) / scale).
  const std::int64_t below = value - 1;
  const std::int64_t v = below >= 0 ? below / objective_scale_ : -((-below + objective_scale_ - 1) / objective_scale_);
  return AtMost(objective_, v);
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
  for (int o = 0; o < n; ++o) s.start[o] = engine_.Lb(start_[o]);
  s.objective = EvaluateObjective(instance_, s);
  return s;
}

}  // namespace ordo
