// Helpers shared by the tests: paths into the repository and small instance builders.
#pragma once

#include <string>

#include "model/instance.h"

namespace ordo::test {

// Absolute path of a file inside the source tree, e.g. Repo("bench/instances/jssp/ft06.txt").
std::string Repo(const std::string& relative);

// A job shop from per-job (machine, duration) lists, jobs chained, makespan objective.
Instance MakeJobShop(const std::vector<std::vector<std::pair<int, Time>>>& jobs, int machines);

}  // namespace ordo::test
