// Shared ending of a solve: turns the best schedule found into a SolveResult.
#pragma once

#include <optional>
#include <string>

#include "solve/solver.h"

namespace ordo {

// Keeps the better of two candidate solutions by objective (first wins ties); true if the
// candidate was kept.
bool KeepBetter(std::optional<Solution>& best, Solution candidate);

// KeepBetter, and a progress report when the candidate improves the incumbent.
void KeepBetterAndReport(std::optional<Solution>& best, Solution candidate, std::int64_t bound, const SolveControl& control);

// A result with status ModelInvalid and `why` as its message (the solver does not handle the
// instance).
SolveResult ModelInvalidResult(std::string why);

// The first deadline the schedule misses, as a sentence; empty when it meets them all.
std::string MissedDeadline(const Instance& instance, const Solution& solution);

// Sets status from the solution and the bound: Optimal when objective == bound, Feasible
// otherwise, Unknown (with a message) when there is no solution or when the schedule misses
// a deadline that the heuristic could not respect.
SolveResult FinishResult(const Instance& instance, std::optional<Solution> best, std::int64_t bound,
                         const SolveControl& control, SolveStats stats);

}  // namespace ordo
