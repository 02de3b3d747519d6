#include "solve/jobshop/n7_neighbourhood.h"

#include <algorithm>

namespace ordo {
namespace {

// End of the job predecessor (or the release) and tail contribution of the job successor.
inline Time JobHead(const DisjunctiveGraph& g, int x) {
  const int jp = g.job_prev(x);
  return jp >= 0 ? g.head(jp) + g.duration(jp) : 0;
}
inline Time JobTail(const DisjunctiveGraph& g, int x) {
  const int jn = g.job_next(x);
  return jn >= 0 ? g.tail(jn) + g.duration(jn) : 0;
}

// Forward u after v is acyclic if no path leads from u's job successor to v: such a path
// would give head(v) >= head(js) + p(js).
inline bool ForwardSafe(const DisjunctiveGraph& g, int u, int v) {
  const int js = g.job_next(u);
  return js < 0 || g.head(js) + g.duration(js) > g.head(v);
}
// Backward u before v is acyclic if no path leads from v to u's job predecessor: such a
// path would give head(jp) >= head(v) + p(v).
inline bool BackwardSafe(const DisjunctiveGraph& g, int u, int v) {
  const int jp = g.job_prev(u);
  return jp < 0 || g.head(jp) < g.head(v) + g.duration(v);
}

}  // namespace

void N7Neighbourhood::Segment(const DisjunctiveGraph& g, const ShopMove& move, std::vector<int>& segment) {
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

Time N7Neighbourhood::Estimate(const DisjunctiveGraph& g, const ShopMove& move) {
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
    r_[i] = std::max({h, JobHead(g, x), g.release(x)});
    h = r_[i] + g.duration(x);
  }
  Time t = after >= 0 ? g.tail(after) + g.duration(after) : 0;
  Time best = 0;
  for (std::size_t i = k; i-- > 0;) {
    const int x = segment_[i];
    q_[i] = std::max(t, JobTail(g, x));
    t = q_[i] + g.duration(x);
    best = std::max(best, r_[i] + g.duration(x) + q_[i]);
  }
  return best;
}

void N7Neighbourhood::Generate(const DisjunctiveGraph& g, std::vector<ShopMove>& moves) {
  moves.clear();
  const std::vector<int>& path = g.critical_path();
  for (const auto& [begin, end] : g.blocks()) {
    const int len = end - begin;
    if (len < 2) continue;
    const int first = path[begin], last = path[end - 1];
    auto add = [&](int u, int v, bool forward) {
      if (forward ? !ForwardSafe(g, u, v) : !BackwardSafe(g, u, v)) return;
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
