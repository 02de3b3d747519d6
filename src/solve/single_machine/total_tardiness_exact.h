// Exact solution of 1||sum T_j by Lawler's decomposition with memoisation.
//
// Number the jobs in EDD order (ties: shorter first) and let k be the longest job (ties: the
// latest in EDD order). Lawler (1977, Ann. Discrete Math. 1:331-342) proved that some optimal
// sequence puts k right after the jobs {1..k+delta} \ {k} for some delta >= 0, the jobs in
// front and behind forming two independent subproblems of the same kind (behind, shifted to
// start when k ends). Two dominance rules cut the positions delta that need trying (Potts &
// Van Wassenhove 1982; Szwarc 1993), with C(delta) the completion time of k:
//     C(delta) < d_{k+delta+1}                 (else the next job is better before k), and
//     delta = 0 or d_{k+delta} < C(delta)     (else the job k+delta is on time behind k).
// Every subproblem is a set {jobs i..j of the EDD order whose rank is in [lo, hi)} (rank:
// order by processing time) started at time t, so (i, j, lo, hi, t) names it, and its
// optimum is memorised under that key: the recursion becomes the "branch and memorise"
// dynamic programme of Shang, T'kindt & Della Croce (2021), and equal subproblems reached
// along different decompositions are solved once. Before the lookup two rules peel jobs off
// a subproblem, keeping that form: the latest-due job goes last when it is on time there
// (Elmaghraby 1968), and the shortest job s goes first when d_s <= max(d_j, t + p_j) for
// every other j (Emmons 1969, Theorem 1). Two subproblems are closed without recursion: when
// EDD leaves every job on time (value 0), and when SPT makes every job late (then sum T =
// sum C - sum d, and SPT minimises sum C).
//
// Bounding (off by default): a subproblem is solved against a budget (the best total still
// to beat) and cut when a lower bound reaches it; the bound pairs the i-th shortest
// completion time (SPT) with the i-th earliest due date, sum max(0, C_(i) - d_(i)), which no
// sequence beats since every sequence's sorted completion times dominate SPT's. A cut
// subproblem is memorised as "at least the budget" and solved again if a larger budget
// comes; the top-level budget is the tardiness of a known sequence, so the method either
// finds a better one or proves that one optimal. Measured on the generated n = 500 sets the
// re-solving costs more than the cuts save (smtt-n500-s1-tf0.6-rdd0.2-1: 4.7 s plain, 24.9 s
// bounded with the optimum + 1 as the budget, one thread), the "paradox" that Szwarc,
// Grosso & Della Croce (2001, J. Scheduling 4:93-104) report for lower bounds in this
// decomposition.
//
// Time is at most the number of distinct subproblems times their positions; memory is one
// 32-byte entry per subproblem, bounded by the options.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "model/instance.h"

namespace ordo {

struct TotalTardinessExactOptions {
  std::int64_t memory_mb = 2048;  // memo table limit; the solve gives up beyond it
  bool dominance = true;          // the two delta rules above (off: Lawler's theorem alone)
  bool bounding = false;          // budgets and lower bounds (off: the plain dynamic programme, see above)
};

struct TotalTardinessExactResult {
  bool solved = false;           // false: stopped (time or memory), see `why`
  std::int64_t tardiness = 0;    // optimal sum of T_j when solved
  std::vector<int> sequence;     // an optimal sequence when solved; empty when bounding proved
                                 // the known sequence (upper_bound) optimal
  std::int64_t subproblems = 0;  // memorised subproblems
  std::string why;
};

// upper_bound: sum T_j of a known sequence (or kNoUpperBound), the top-level budget when
// bounding. should_stop is polled every thousand subproblems.
inline constexpr std::int64_t kNoUpperBound = std::int64_t{1} << 62;
TotalTardinessExactResult SolveTotalTardiness(std::span<const Time> p, std::span<const Time> d,
                                              const TotalTardinessExactOptions& options, std::int64_t upper_bound,
                                              const std::function<bool()>& should_stop);

}  // namespace ordo
