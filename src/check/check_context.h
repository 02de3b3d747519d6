// Shared state of one CheckSolution() call, used by the checker's parts only.
#pragma once

#include <string>
#include <vector>

#include "check/checker.h"

namespace ordo::check_detail {

struct Context {
  const Instance& in;
  const Solution& sol;
  CheckReport& report;
  std::vector<Time> end;       // start + duration of the chosen mode (resumable: later, past downtime)
  std::vector<Time> released;  // when the operation gives its resources back (blocking: next start)

  void Add(ViolationKind kind, std::vector<int> ops, Time time, std::string message);
};

// Event sweep per resource: capacities, calendars, machine overlaps.
void CheckResources(Context& ctx);

// Blocking shops without swaps: no cyclic exchange of machines at one instant.
void CheckNoSwaps(Context& ctx);

}  // namespace ordo::check_detail
