// A makespan within which some schedule exists whenever any schedule exists, so that an
// exact search which exhausts it proves infeasibility.
//
// Let E be the latest event of the instance: a release, a deadline or the end of a capacity
// calendar period. Take a feasible schedule with the least sum of start times. Every unit of
// time [t, t+1) with E <= t < Cmax is covered by an operation that runs then or by a
// positive time lag leaving an operation that started before: otherwise every operation
// starting after t could move one unit earlier (capacities are constant after E, releases
// and deadlines are not in the way, no precedence is tight across the gap), lowering the
// sum. Both kinds of cover start at the operation's start, so operation i covers at most
// max(longest mode, longest positive start distance to a successor) units after E, and
//   Cmax <= E + sum_i max(d_i, max positive lag_i).
// This is the RCPSP/max horizon (e.g. Schutt, Feydy, Stuckey & Wallace 2013), extended with
// the latest event so that it holds with deadlines and capacity calendars too.
#pragma once

#include "model/instance.h"

namespace ordo {

Time SafeHorizon(const Instance& instance);

}  // namespace ordo
