// The independent solution checker.
//
// It decides feasibility and recomputes the objective from the model alone. It includes no
// solver header and links only the model library (CMake target ordo_check; the test
// checker_independence enforces both), so a bug shared between a solver and the checker
// cannot hide an infeasible schedule. Methods are deliberately naive: a direct scan of
// precedence edges and windows, an event sweep per resource for capacities, calendars and
// machine overlaps, a pairwise test for disjunctive pairs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/instance.h"

namespace ordo {

enum class ViolationKind {
  Shape,           // wrong number of starts/modes
  Eligibility,     // mode index not one of the operation's modes (machine not eligible)
  Window,          // start before a release date, end after a deadline, negative start
  Precedence,      // a precedence (with its lag) is violated
  MachineOverlap,  // two operations on a unit machine at the same time
  Capacity,        // a resource's usage exceeds its capacity
  Calendar,        // usage exceeds the reduced capacity of a calendar period (downtime)
  Disjunctive,     // a disjunctive pair overlaps
  Blocking,        // a blocking-shop rule is broken (swap where swaps are forbidden)
  Objective,       // the stated objective differs from the recomputed one
};

const char* ToString(ViolationKind kind);

struct Violation {
  ViolationKind kind;
  std::vector<int> operations;  // the operations involved
  Time time = 0;                // when it happens (start of the offending stretch)
  std::string message;          // a readable sentence with ids and times
};

struct CheckReport {
  std::vector<Violation> violations;  // at most kMaxViolations are listed
  std::size_t violation_count = 0;    // all of them
  bool objective_computed = false;    // false when the shape is wrong
  std::int64_t objective = 0;         // recomputed

  bool feasible() const;  // no violation other than Objective
  bool Has(ViolationKind kind) const;
};

inline constexpr std::size_t kMaxViolations = 200;

// Checks every constraint of the instance and recomputes the objective. When
// compare_objective is true, a stated objective that differs from the recomputed one is a
// violation of kind Objective. The instance must have passed ValidateInstance().
// O(V log V) in the total number of resource uses V, plus precedences and pairs.
CheckReport CheckSolution(const Instance& instance, const Solution& solution, bool compare_objective = true);

}  // namespace ordo
