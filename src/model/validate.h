// Input validation at the boundary: every reader and every API entry calls
// ValidateInstance() before a solver or the checker sees an instance, so that those can
// rely on indices being in range and on time arithmetic not overflowing.
#pragma once

#include <string>
#include <vector>

#include "model/instance.h"

namespace ordo {

// All times, durations and lags must stay within this magnitude, and so must the sum of
// all of them (the trivial horizon). 2^50 leaves room for sums and weighted objectives in
// 64-bit arithmetic.
inline constexpr Time kMaxTimeValue = Time{1} << 50;

struct ValidationResult {
  std::vector<std::string> errors;  // readable sentences naming ids and values
  bool ok() const { return errors.empty(); }
  std::string Summary() const;  // errors joined by newlines
};

// Checks indices, signs, ordering of calendars, demands against capacities, magnitudes that
// could overflow, structural rules (blocking only for shops) and precedence cycles of
// positive length. O(operations + precedences) unless the precedence graph is cyclic, then
// Bellman-Ford O(operations * precedences).
ValidationResult ValidateInstance(const Instance& instance);

// Checks that a solution has one mode index and one start per operation and that the mode
// indices are in range. Feasibility is the checker's job.
ValidationResult ValidateSolutionShape(const Instance& instance, const Solution& solution);

}  // namespace ordo
