// Random instances of every family for property tests (seeded, small to medium).
#pragma once

#include <cstdint>

#include "model/instance.h"

namespace ordo::test {

Instance RandomJobShop(std::uint64_t seed, int jobs, int machines, bool with_extras = false);
Instance RandomFlexibleShop(std::uint64_t seed, int jobs, int machines, bool with_extras = false);
Instance RandomRcpsp(std::uint64_t seed, int activities, int resources, bool with_extras = false);
Instance RandomSingleMachine(std::uint64_t seed, int jobs, bool with_releases = false);

}  // namespace ordo::test
