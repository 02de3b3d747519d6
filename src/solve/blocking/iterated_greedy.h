// Solver "blocking-ig": iterated greedy for blocking job shops and flexible blocking shops,
// with or without swaps, after Pranzo & Pacciarelli (2016), "An iterated greedy
// metaheuristic for the blocking job shop scheduling problem", J. Heuristics 22,
// doi:10.1007/s10732-014-9279-5.
//
// The schedule is an alternative graph (alternative_graph.h). Each iteration removes a few
// jobs (some chosen on a critical path), reinserts them one at a time with the greedy job
// insertion (job_insertion.h), and accepts the result if it is no worse, or worse with the
// probability exp(-delta / T) of a constant-temperature simulated annealing (the acceptance
// of Ruiz & Stützle 2007 that Pranzo & Pacciarelli use). The start is the better of the
// greedy graph insertion of all jobs (most work first) and the timetable insertion of
// blocking-insertion; that timetable schedule is also kept as a fallback, so the result is
// never worse than blocking-insertion's.
//
// With --threads K, K searches with different seeds share the incumbent: after
// `restart_after` iterations without improving its own best, a search continues from the
// shared best if it is better. One thread with a fixed seed and an iteration limit is
// deterministic. Lower bound: the job-shop bound (jps_bound.h, valid for blocking since
// every blocking schedule is a job-shop schedule) for makespan job shops, else
// TrivialLowerBound; the search stops, OPTIMAL, when it reaches it.
#pragma once

#include <memory>

#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> IteratedGreedyParams();
std::unique_ptr<Solver> MakeIteratedGreedy(const ParamValues& params);

}  // namespace ordo
