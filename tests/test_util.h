// Helpers shared by the tests: paths into the repository and small instance builders.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/instance.h"
#include "report/run.h"

namespace ordo::test {

// Absolute path of a file inside the source tree, e.g. Repo("bench/instances/jssp/ft06.txt").
std::string Repo(const std::string& relative);

// A job shop from per-job (machine, duration) lists, jobs chained, makespan objective.
Instance MakeJobShop(const std::vector<std::vector<std::pair<int, Time>>>& jobs, int machines);

// Solves with `solver` (params "key=value") and the independent checker; a failure to run is a
// test failure. The time limit is a safety net: the tests bound their runs by iteration limits.
RunOutcome SolveChecked(const Instance& in, const std::string& solver, std::vector<std::string> params,
                        int threads = 1, std::uint64_t seed = 1, double time_limit_seconds = 20);

}  // namespace ordo::test
