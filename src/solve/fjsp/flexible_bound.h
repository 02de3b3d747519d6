// Lower bounds on the flexible job-shop makespan, cheap and valid with releases and downtime
// (downtime only delays operations, so bounds that ignore it stay valid).
//   * Job bound: the job's release chain with every operation at its shortest mode.
//   * Fixed-machine bound: the operations whose only eligible machine is m must all run on
//     m; Jackson's preemptive schedule (jps_bound.h) on them, with heads and tails from the
//     shortest modes of the rest of the job, bounds the makespan (the one-machine relaxation
//     of Carlier & Pinson 1989 restricted to fixed operations).
//   * Energy bound over machine sets: for each distinct eligible set S (and for the set of
//     all machines), the operations whose eligible machines all lie in S must be processed
//     on S. For any head threshold h, those with head >= h need sum(shortest duration) of
//     machine time within [h, C - min tail], so C >= h + ceil(sum / |S|) + min tail; the
//     same with tail thresholds. This is the parallel-machine energetic bound of the
//     multi-purpose machine literature (Jurisch 1992; Hurink, Jurisch & Thole 1994 use the
//     same relaxation for their instances' lower bounds).
// O(S x N log N) for S distinct eligible sets (capped on very large instances), once per solve.
#pragma once

#include "solve/shop/shop_problem.h"

namespace ordo {

Time FlexibleShopLowerBound(const ShopProblem& shop);

}  // namespace ordo
