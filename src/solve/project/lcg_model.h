// A project schedule (RCPSP with generalised precedences, release dates, deadlines,
// capacity calendars and disjunctive pairs) as a model of the lazy clause generation engine
// (src/solve/lcg): one start variable per operation, a makespan variable, difference
// constraints for precedences and time lags, one time-tabling propagator per resource, and
// an order literal per disjunctive pair. Single-mode operations. The objective is the
// instance's weighted sum of makespan, total weighted tardiness, total weighted completion
// time and maximum lateness: the makespan variable alone when that is the only term, else a
// variable bounded below by the sum (linear_sum.h) over job completion, tardiness and
// lateness variables tied to the starts by difference constraints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/instance.h"
#include "solve/lcg/engine.h"
#include "solve/lcg/timetable.h"

namespace ordo {

// Why the LCG model cannot express an instance (empty when it can).
std::string LcgUnsupported(const Instance& instance);

class ProjectLcgModel {
 public:
  // horizon: every operation ends by it (the caller's bound on some optimal makespan).
  // reasoning: what the cumulative propagators add to time-tabling (timetable.h).
  // objective: false for feasibility questions (no completion, tardiness or objective
  // variables; objective_var() is then the makespan).
  ProjectLcgModel(const Instance& instance, Time horizon, lcg::EngineOptions options = {},
                  lcg::CumulativeReasoning reasoning = {}, bool objective = true);

  lcg::Engine& engine() { return engine_; }
  const lcg::Engine& engine() const { return engine_; }
  int makespan_var() const { return makespan_; }
  // The objective is objective_scale() x the value of objective_var().
  int objective_var() const { return objective_; }
  std::int64_t objective_scale() const { return objective_scale_; }
  // "objective <= value - 1" as an atom on objective_var().
  lcg::Atom ObjectiveBelow(std::int64_t value) const;
  // The least objective the current bounds allow.
  std::int64_t ObjectiveLowerBound(const lcg::Engine& engine) const { return objective_scale_ * engine.Lb(objective_); }
  int start_var(int operation) const { return start_[operation]; }
  bool infeasible() const { return engine_.infeasible(); }

  // The decision of the "set times" search (Le Pape et al. 1994; the RCPSP search of Schutt
  // et al. 2013 with lazy clause generation): the unfixed start with the smallest earliest
  // start (ties: smallest latest start, then index) is set to that earliest start. Nothing
  // when every start is fixed.
  std::optional<lcg::Atom> NextDecision(const lcg::Engine& engine) const;
  // The activity-based alternative (as VSIDS in SAT, and the "hot restart" search of Schutt
  // et al. 2013): the unfixed start that took part in the most recent conflicts, set to its
  // earliest start. With `alternate`, NextDecision is used on even restarts and this one on
  // odd ones.
  std::optional<lcg::Atom> NextActivityDecision(const lcg::Engine& engine) const;
  // The schedule of the current (complete) assignment.
  Solution CurrentSolution() const;

 private:
  const Instance& instance_;
  lcg::Engine engine_;
  std::vector<int> start_;  // per operation
  // Job completion, tardiness and lateness variables and the objective (see the top).
  void AddObjective(Time horizon);

  std::vector<Time> duration_;
  int makespan_ = -1;
  int objective_ = -1;
  std::int64_t objective_scale_ = 1;
};

}  // namespace ordo
