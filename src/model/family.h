// Problem families recognised from the structure of an Instance.
//
// The family decides which solvers apply and which CSV layout a solution uses. It is
// derived from the data (never stored), so a JSON instance and a file in a classic format
// that describe the same problem get the same family.
#pragma once

#include <string_view>

#include "model/instance.h"

namespace ordo {

enum class Family {
  SingleMachine,    // one unit machine, one operation per job, no precedences
  JobShop,          // unit machines, one mode each, job chains are the only precedences
  FlexibleJobShop,  // as JobShop, but operations may have several machine modes
  Rcpsp,            // anything else with one mode per operation
  General,          // several modes with arbitrary resources (multi-mode project)
};

std::string_view ToString(Family family);

// Classifies a valid instance. O(operations + precedences).
Family ClassifyFamily(const Instance& instance);

// True for JobShop and FlexibleJobShop.
bool IsShop(Family family);

}  // namespace ordo
