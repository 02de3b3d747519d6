// Lower bounds for the job shop makespan.
//   * Job bound: release plus the job's total processing time.
//   * One-machine bound: for each machine, the optimal value of the preemptive one-machine
//     problem with heads and tails (1|r_j,pmtn|max(C_j + q_j)), solved exactly by Jackson's
//     preemptive schedule (Jackson 1956; used as the job-shop bound by Carlier & Pinson
//     1989): whenever an operation is released or completed, run the available operation
//     with the largest tail. Heads are the job's release plus the work before the
//     operation, tails the work after it.
// O(N log N) overall.
#pragma once

#include <array>
#include <vector>

#include "solve/shop/shop_problem.h"

namespace ordo {

Time JobShopLowerBound(const ShopProblem& shop);

// The one-machine preemptive bound for one set of (head, duration, tail) triples.
Time JacksonPreemptiveBound(std::vector<std::array<Time, 3>> ops);

}  // namespace ordo
