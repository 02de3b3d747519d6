// Why a project has no schedule: a minimal conflicting set of constraints, found by a
// deletion filter (Chinneck & Dravnieks 1991; the "deletion filter" of irreducible
// infeasible subsystems) over constraint groups, and said as sentences that name
// activities, resources, windows and times.
//
// A group is one constraint a user wrote: a precedence (with its lag), a release date or a
// deadline of an operation or a job, a disjunctive pair, one capacity-calendar period of a
// resource, or a resource's capacity (all demands on it). Operations and their durations are
// always kept. The filter drops groups one at a time and keeps a group out whenever the rest
// is still infeasible, so that at the end the kept set is infeasible on its own and dropping
// any one of its groups makes it feasible (when every check was decided; `minimal` says so).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/instance.h"

namespace ordo {

struct ConstraintGroup {
  enum class Kind { Precedence, OperationRelease, OperationDeadline, JobRelease, JobDeadline, Disjunctive,
                    CalendarPeriod, ResourceCapacity };
  Kind kind = Kind::Precedence;
  int index = 0;   // precedence, operation, job, pair or resource
  int period = 0;  // calendar period, with CalendarPeriod
};

// Every group that constrains the instance, in a fixed order.
std::vector<ConstraintGroup> ConstraintGroups(const Instance& instance);

// The instance with only the `kept` groups (operations, durations and objective unchanged).
Instance KeepOnly(const Instance& instance, const std::vector<ConstraintGroup>& kept);

// The group as a sentence, e.g. `"copy db" must end by 40 (deadline of operation 3)`.
std::string Describe(const Instance& instance, const ConstraintGroup& group);

struct ConflictExplanation {
  std::vector<ConstraintGroup> groups;  // the conflicting set
  std::vector<std::string> sentences;   // Describe() of each
  bool minimal = true;                  // false when some check was stopped before deciding
  int checks = 0;                       // feasibility decisions made
};

// The instance must be infeasible and accepted by the LCG model. should_stop bounds the work
// (the set found so far, still conflicting, is returned with minimal = false).
ConflictExplanation ExplainInfeasibility(const Instance& instance, const std::function<bool()>& should_stop);

}  // namespace ordo
