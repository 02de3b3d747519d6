// Time arithmetic on resource calendars, for everything that needs the end of an operation
// (solvers, writers, the Gantt page). The independent checker has its own version.
//
// An operation in a mode is "down" at time t when some resource the mode uses has a
// calendar period of capacity 0 containing t. A non-resumable operation ends at start +
// duration (it must not overlap a downtime, which the checker verifies); a resumable one
// works only while it is not down and ends when it has worked its duration.
#pragma once

#include <vector>

#include "model/instance.h"

namespace ordo {

// End of operation op run in mode from start. O(periods of the mode's resources).
Time OperationEnd(const Instance& instance, int op, int mode, Time start);

// True if some resource of the mode is at capacity 0 at time t.
bool IsDown(const Instance& instance, int op, int mode, Time t);

// Zero-capacity periods sorted by start, overlapping or touching ones merged into one
// (capacities are not compared: for downtime only).
std::vector<CapacityPeriod> MergeDowntime(std::vector<CapacityPeriod> periods);

}  // namespace ordo
