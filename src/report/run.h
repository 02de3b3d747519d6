// Solve-then-check: the path every front end (CLI, benchmark harness, later the service and
// the Python module) takes, so that no objective reaches a user without the independent
// checker's recomputation.
#pragma once

#include <string>
#include <vector>

#include "check/checker.h"
#include "io/expected.h"
#include "solve/solver.h"

namespace ordo {

struct RunRequest {
  std::string solver;               // empty = the default for the instance's family
  std::vector<std::string> params;  // "key=value"
  SolveControl control;
};

struct RunOutcome {
  std::string solver;
  std::string params;    // resolved "k=v ..." with defaults
  SolveResult result;
  CheckReport check;     // of result.solution, when there is one
  bool checked = false;  // a solution was checked
  // Feasible according to the checker, with the solver's objective equal to the recomputed one.
  bool verified() const { return checked && check.feasible() && check.violation_count == 0; }
};

// Resolves the solver and its parameters, solves and checks. Errors (unknown solver, bad
// parameter, a solver that does not accept the instance) come back as Expected errors; a
// solver result that fails the check is reported in the outcome (verified() == false) and
// its status is downgraded to UNKNOWN.
Expected<RunOutcome> SolveAndCheck(const Instance& instance, RunRequest request);

}  // namespace ordo
