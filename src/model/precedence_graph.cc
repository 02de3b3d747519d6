#include "model/precedence_graph.h"

#include <cstddef>
#include <vector>

namespace ordo {

bool PrecedencesAcyclic(const Instance& in, SelfLoops self_loops) {
  const std::size_t n = in.operations.size();
  std::vector<int> indegree(n, 0);
  std::vector<std::vector<int>> successors(n);
  for (const Precedence& p : in.precedences) {
    if (p.from == p.to && self_loops == SelfLoops::Ignored) continue;
    successors[p.from].push_back(p.to);
    ++indegree[p.to];
  }
  std::vector<int> ready;
  for (std::size_t o = 0; o < n; ++o) {
    if (indegree[o] == 0) ready.push_back(static_cast<int>(o));
  }
  std::size_t ordered = 0;
  while (!ready.empty()) {
    const int o = ready.back();
    ready.pop_back();
    ++ordered;
    for (int s : successors[o]) {
      if (--indegree[s] == 0) ready.push_back(s);
    }
  }
  return ordered == n;
}

}  // namespace ordo
