// Solver "jobshop-tabu": tabu search on the N7 neighbourhood for the job-shop makespan,
// in the line of TSAB (Nowicki & Smutnicki 1996) and the N7 tabu search of Zhang et al.
// (2007): from the best dispatching schedule, repeatedly apply the best non-tabu N7 move by
// estimated makespan (a tabu move is allowed when its estimate beats the best known:
// aspiration), forbidding for a randomised tenure the machine orders a move undid. After
// `restart_after` iterations without improvement the search restarts from its elite pool:
// either part way along a path between two elite schedules (path relinking, as in TS/PR of
// Peng, Lü & Cheng 2015) or from an elite schedule perturbed by a few random N7 moves (the
// back jump of i-TSAB, Nowicki & Smutnicki 2005).
//
// With --threads K, K independent searches with different seeds share the incumbent. One
// thread with a fixed seed and an iteration limit is deterministic; a time limit ends the
// search at a time, not an iteration, so only the iteration limit repeats exactly.
// Lower bound: the larger of the job bound and the one-machine preemptive bound
// (jps_bound.h); the result is OPTIMAL when the makespan reaches it.
//
// Scope: job shops (one machine per operation) with the makespan objective; release dates
// and machine downtime allowed (operations never straddle a downtime; the exact search is
// then off). Other shops (flexible, other objectives) get the best dispatching schedule and
// a message saying so.
#pragma once

#include <memory>

#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> TabuSearchParams();
std::unique_ptr<Solver> MakeTabuSearch(const ParamValues& params);

}  // namespace ordo
