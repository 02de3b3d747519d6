// Tiny random projects and their exhaustive search, shared by the project-scheduling tests.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/instance.h"
#include "solve/common/rng.h"

namespace ordo::test {

struct TinyProject {
  Instance in;
  Time horizon;  // every schedule of interest ends by it
};

// 3..max_activities single-mode activities on one or two resources, sometimes with a
// calendar period, releases, end-to-start and start-to-start lags, maximum lags and a
// disjunctive pair. May be invalid (a positive lag cycle): validate before use.
TinyProject RandomTinyProject(std::uint64_t seed, int max_activities = 5);

// A random RCPSP (test::RandomRcpsp with calendars, releases, lags and disjunctive pairs) cut
// to one mode per activity with the makespan objective: the scope of the list scheduler, the
// genetic algorithm and the LNS.
Instance SingleModeMakespanRcpsp(std::uint64_t seed, int activities);

// The objectives the project tests try besides the makespan alone: total weighted tardiness,
// total weighted completion, maximum lateness and a weighted sum of makespan and tardiness.
const std::vector<std::vector<ObjectiveTerm>>& OtherObjectives();

// Every job gets a due date in [0, 10) and a weight in [0, 4) (0 now and then), drawn from rng.
void DrawDuesAndWeights(Instance& instance, Rng& rng);

// RandomTinyProject(seed) with every operation's deadline at the horizon (which makes the
// horizon exact for the exhaustive search) and due dates and weights drawn from rng.
TinyProject RandomTinyProjectWithDues(std::uint64_t seed, Rng& rng);

// The smallest makespan of a schedule in which every operation ends by `horizon` (and by its
// own and its job's deadline), found by trying every integer start; nothing when none exists.
// Exponential: for a handful of activities only.
std::optional<Time> BruteForceMakespan(const Instance& instance, Time horizon);

// The same for the instance's objective (any weighted sum of makespan, total weighted
// tardiness, total weighted completion and maximum lateness, computed here from the job
// completions): its least value over the schedules ending by `horizon`.
std::optional<std::int64_t> BruteForceObjective(const Instance& instance, Time horizon);

}  // namespace ordo::test
