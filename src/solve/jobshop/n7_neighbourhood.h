// The N7 neighbourhood of Zhang, Li, Guan & Rao (2007), "A tabu search algorithm with a new
// neighborhood structure for the job shop scheduling problem", C&OR 34(11): on every block
// of a critical path, move an inner operation to the front or the back of its block (N6 of
// Balas & Vazacopoulos 1998), and move the first or the last operation of the block to any
// inner position. Moves that could create a cycle are left out by the sufficient conditions
// below; each remaining move gets the makespan estimate of Balas & Vazacopoulos (1998),
// "Guided local search with shifting bottleneck for job shop scheduling", Mgmt Sci 44(2):
// heads are propagated forward and tails backward through the reordered segment only,
// taking the other neighbours' heads and tails from the current schedule.
//
// The methods are templates over the graph so that the job-shop graph (disjunctive_graph.h)
// and the flexible one (fjsp/flexible_graph.h) share them; a graph provides head, tail,
// duration, release, job_prev/next, machine_prev/next, critical_path() and blocks().
//
// Cost: O(sum over blocks of block length^2) per call; no allocation once warmed up.
#pragma once

#include <algorithm>
#include <vector>

#include "model/instance.h"

namespace ordo {

struct ShopMove {
  int u = -1;          // the operation that moves
  int v = -1;          // forward: u goes right after v; backward: u goes right before v
  bool forward = true;
  Time estimate = 0;   // estimated makespan after the move
};

class N7Neighbourhood {
 public:
  // Fills moves with every N7 move of g's critical path and its estimate.
  template <class Graph>
  void Generate(const Graph& g, std::vector<ShopMove>& moves);

  // The operations whose machine order a move changes, in their new order: the reordered
  // segment. Used for tabu bookkeeping.
  template <class Graph>
  static void Segment(const Graph& g, const ShopMove& move, std::vector<int>& segment);

 private:
  template <class Graph>
  Time Estimate(const Graph& g, const ShopMove& move);
  std::vector<int> segment_;
  std::vector<Time> r_, q_;
};

namespace n7_detail {

// End of the job predecessor (or the release) and tail contribution of the job successor.
template <class Graph>
inline Time JobHead(const Graph& g, int x) {
  const int jp = g.job_prev(x);
  return jp >= 0 ? g.head(jp) + g.duration(jp) : 0;
}
template <class Graph>
inline Time JobTail(const Graph& g, int x) {
  const int jn = g.job_next(x);
  return jn >= 0 ? g.tail(jn) + g.duration(jn) : 0;
}

// Forward u after v is acyclic if v is not u's job successor (possible when a job visits a
// machine twice in a row) and no path leads from u's job successor to v: such a path would
// give head(v) >= head(js) + p(js).
template <class Graph>
inline bool ForwardSafe(const Graph& g, int u, int v) {
  const int js = g.job_next(u);
  return js < 0 || (js != v && g.head(js) + g.duration(js) > g.head(v));
}
// Backward u before v is acyclic if v is not u's job predecessor and no path leads from v to
// u's job predecessor: such a path would give head(jp) >= head(v) + p(v).
template <class Graph>
inline bool BackwardSafe(const Graph& g, int u, int v) {
  const int jp = g.job_prev(u);
  return jp < 0 || (jp != v && g.head(jp) < g.head(v) + g.duration(v));
}

}  // namespace n7_detail

template <class Graph>
void N7Neighbourhood::Segment(const Graph& g, const ShopMove& move, std::vector<int>& segment) {
  segment.clear();
  if (move.forward) {  // (u, l1..lk=v) -> (l1..lk, u)
    for (int x = g.machine_next(move.u);; x = g.machine_next(x)) {
      segment.push_back(x);
      if (x == move.v) break;
    }
    segment.push_back(move.u);
  } else {  // (v=l1..lk, u) -> (u, l1..lk)
    segment.push_back(move.u);
    for (int x = move.v; x != move.u; x = g.machine_next(x)) segment.push_back(x);
  }
}

template <class Graph>
Time N7Neighbourhood::Estimate(const Graph& g, const ShopMove& move) {
  Segment(g, move, segment_);
  const std::size_t k = segment_.size();
  r_.resize(k);
  q_.resize(k);
  // Machine neighbours outside the segment.
  const int before = move.forward ? g.machine_prev(move.u) : g.machine_prev(move.v);
  const int after = move.forward ? g.machine_next(move.v) : g.machine_next(move.u);
  Time h = before >= 0 ? g.head(before) + g.duration(before) : 0;
  for (std::size_t i = 0; i < k; ++i) {
    const int x = segment_[i];
    r_[i] = std::max({h, n7_detail::JobHead(g, x), g.release(x)});
    h = r_[i] + g.duration(x);
  }
  Time t = after >= 0 ? g.tail(after) + g.duration(after) : 0;
  Time best = 0;
  for (std::size_t i = k; i-- > 0;) {
    const int x = segment_[i];
    q_[i] = std::max(t, n7_detail::JobTail(g, x));
    t = q_[i] + g.duration(x);
    best = std::max(best, r_[i] + g.duration(x) + q_[i]);
  }
  return best;
}

template <class Graph>
void N7Neighbourhood::Generate(const Graph& g, std::vector<ShopMove>& moves) {
  moves.clear();
  const std::vector<int>& path = g.critical_path();
  for (const auto& [begin, end] : g.blocks()) {
    const int len = end - begin;
    if (len < 2) continue;
    const int first = path[begin], last = path[end - 1];
    auto add = [&](int u, int v, bool forward) {
      if (forward ? !n7_detail::ForwardSafe(g, u, v) : !n7_detail::BackwardSafe(g, u, v)) return;
      ShopMove m{u, v, forward, 0};
      m.estimate = Estimate(g, m);
      moves.push_back(m);
    };
    // First operation to every later position; last operation to every earlier position.
    for (int i = begin + 1; i < end; ++i) add(first, path[i], true);
    for (int i = begin; i < end - 1; ++i) add(last, path[i], false);
    // Inner operations to the front and to the back.
    for (int i = begin + 1; i < end - 1; ++i) {
      add(path[i], first, false);
      add(path[i], last, true);
    }
  }
}

}  // namespace ordo
