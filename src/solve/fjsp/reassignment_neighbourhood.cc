#include "solve/fjsp/reassignment_neighbourhood.h"

#include <algorithm>

#include "solve/shop/shop_problem.h"

namespace ordo {
namespace {

// Head of op once it is off its machine: release and job predecessor only.
inline Time FreeHead(const FlexibleGraph& g, int op) {
  const int jp = g.job_prev(op);
  return std::max(g.release(op), jp >= 0 ? g.end(jp) : 0);
}
// Tail of op once it is off its machine: job successor only.
inline Time FreeTail(const FlexibleGraph& g, int op) {
  const int jn = g.job_next(op);
  return jn >= 0 ? g.duration(jn) + g.tail(jn) : 0;
}

// The longest of the paths that bypass op at its old place (exact lower bounds on the
// makespan once op has left its machine).
inline Time Bypass(const FlexibleGraph& g, int op) {
  Time best = 0;
  const int mp = g.machine_prev(op), mn = g.machine_next(op);
  if (mp >= 0 && mn >= 0) best = g.end(mp) + g.duration(mn) + g.tail(mn);
  const int jp = g.job_prev(op), jn = g.job_next(op);
  if (jp >= 0 && jn >= 0) best = std::max(best, g.end(jp) + g.duration(jn) + g.tail(jn));
  return best;
}

}  // namespace

void ReassignmentNeighbourhood::Rate(const FlexibleGraph& g, ReassignMove& move) {
  if (move.rated) return;
  const int op = move.op, mode = move.mode;
  const ShopProblem& shop = g.shop();
  const int machine = shop.modes[mode].machine;
  const Time p = shop.modes[mode].duration;
  const Time r = FreeHead(g, op), q = FreeTail(g, op);
  const int* seq = g.sequence(machine);
  const int n = g.sequence_size(machine);
  // Ends increase and (duration + tail) decrease along a machine order, so "not in R" and
  // "in L" are prefixes, found by binary search.
  const int not_r = static_cast<int>(std::partition_point(seq, seq + n, [&](int x) { return g.end(x) <= r; }) - seq);
  const int in_l =
      static_cast<int>(std::partition_point(seq, seq + n, [&](int x) { return g.duration(x) + g.tail(x) > q; }) - seq);
  // Positions lo..hi lie after L \ R and before R \ L. When L and R do not meet, every one of
  // them gives v the free head r and the free tail q: the first one will do.
  const int lo = std::min(not_r, in_l), hi = not_r < in_l ? in_l : lo;
  const bool downtime = p > 0 && !shop.downtime[machine].empty();
  Time best_value = 0;
  for (int i = lo; i <= hi; ++i) {
    Time start = std::max(r, i > 0 ? g.end(seq[i - 1]) : 0);
    if (downtime) start = shop.EarliestFit(machine, start, p);
    const Time value = start + p + std::max(q, i < n ? g.duration(seq[i]) + g.tail(seq[i]) : 0);
    if (i == lo || value < best_value) {
      best_value = value;
      move.after = i > 0 ? seq[i - 1] : -1;
    }
  }
  move.estimate = std::max(best_value, Bypass(g, op));
  move.rated = true;
}

void ReassignmentNeighbourhood::Generate(const FlexibleGraph& g, std::vector<ReassignMove>& moves) {
  moves.clear();
  const ShopProblem& shop = g.shop();
  for (int op : g.critical_path()) {
    const int current = g.mode_of(op);
    const int machine = g.machine_of(op);
    const Time r = FreeHead(g, op), q = FreeTail(g, op), bypass = Bypass(g, op);
    for (int k = shop.mode_begin[op]; k < shop.mode_begin[op + 1]; ++k) {
      if (k == current) continue;
      if (shop.modes[k].machine != machine) {
        moves.push_back({op, k, -1, std::max(r + shop.modes[k].duration + q, bypass), false});
      } else if (shop.modes[k].duration != g.duration(op)) {
        // Same machine, another duration: keep the position, rate the path through op.
        const int mp = g.machine_prev(op), mn = g.machine_next(op);
        const Time start = std::max(FreeHead(g, op), mp >= 0 ? g.end(mp) : 0);
        const Time after = std::max(FreeTail(g, op), mn >= 0 ? g.duration(mn) + g.tail(mn) : 0);
        moves.push_back({op, k, mp, start + shop.modes[k].duration + after, true});
      }
    }
  }
}

}  // namespace ordo
