// Solver "blocking-insertion": feasible schedules for blocking job shops (no buffers; an
// operation keeps its machine until the next operation of its job starts), with or without
// swaps, and for flexible blocking shops.
//
// Jobs are inserted one at a time, in an order given by a rule, into a timetable of machine
// occupations (blocking/timetable_insertion.h): each at the earliest start from which it can
// run through all its operations, each held on its machine until the next one can start.
// Every insertion succeeds, so the construction always returns a feasible schedule, with or
// without swaps; machine downtime is treated as occupied time. blocking-ig starts from (and
// falls back on) the same construction.
#pragma once

#include <memory>

#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> BlockingInsertionParams();
std::unique_ptr<Solver> MakeBlockingInsertion(const ParamValues& params);

}  // namespace ordo
