// Solver "fjsp-tabu": tabu search for the flexible job-shop makespan (FJ|r_j|Cmax, machine
// downtime allowed), in the line of Hurink, Jurisch & Thole (1994), Dauzère-Pérès & Paulli
// (1997) and Mastrolilli & Gambardella (2000). From the best Giffler–Thompson dispatching
// schedule, each iteration evaluates two neighbourhoods of one critical path and applies the
// best move by estimated makespan that is not tabu (tabu moves whose estimate beats the best
// makespan pass: aspiration):
//   * sequencing: the N7 moves of Zhang et al. (2007) on critical blocks, with the
//     Balas–Vazacopoulos estimates (jobshop/n7_neighbourhood.h); after a move the machine
//     orders it undid are tabu;
//   * routing: every critical operation moved to each other eligible machine at its best
//     insertion position between the sets L and R of Mastrolilli & Gambardella
//     (reassignment_neighbourhood.h); after a move the operation may not return to the
//     machine it left while the (operation, machine) pair is tabu.
// Tenures are drawn at random for every move (dynamic tenure), and each restart cycle runs at
// the base tenures or at half of them, at random: measured on Brandimarte and Hurink
// instances, no single tenure suits every shop. After `restart_after` moves
// without improvement the search restarts from its elite pool: either part way along a path
// between two elite schedules (flexible_relinking.h) or from one elite schedule perturbed by
// a few random moves.
//
// With --threads K, K searches with different seeds share the incumbent (and restart from it
// when it is better than their own). One thread with a fixed seed and an iteration limit is
// deterministic. The bound is flexible_bound.h's; the result is OPTIMAL when the makespan
// reaches it, and the search stops there.
//
// Scope: job shops and flexible job shops, makespan objective (one term), releases and
// machine downtime honoured. Other objectives get the best dispatching schedule with a
// message. Blocking shops are not accepted (see blocking-insertion).
#pragma once

#include <memory>
#include <vector>

#include "solve/solver.h"

namespace ordo {

std::vector<ParamSpec> FjspTabuParams();
std::unique_ptr<Solver> MakeFjspTabu(const ParamValues& params);

}  // namespace ordo
