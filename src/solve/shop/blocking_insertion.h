// Solver "blocking-insertion": feasible schedules for blocking job shops (no buffers; an
// operation keeps its machine until the next operation of its job starts), with or without
// swaps, and for flexible blocking shops.
//
// Jobs are inserted one at a time, in an order given by a rule, into a timetable of machine
// occupations. A job is placed at the earliest start from which it can run through all its
// operations, each held on its machine until the next one can start (in the manner of the
// job-insertion constructions of Gröflin & Klinkert 2009 and Pranzo & Pacciarelli 2016,
// without their local search). When swaps are forbidden, a transfer may not happen at an
// instant where the machine it leaves is entered by another job and the machine it enters
// is left by another job, which rules out every cycle through the inserted job. Every
// insertion succeeds (a job can always wait past every other job), so the construction
// always returns a feasible schedule. Machine downtime is treated as occupied time.
#pragma once

#include <memory>

#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> BlockingInsertionParams();
std::unique_ptr<Solver> MakeBlockingInsertion(const ParamValues& params);

}  // namespace ordo
