// Heads of a blocking alternative graph with swaps, where cycles of length 0 (jobs exchanging
// machines at one instant) make the graph cyclic: what Kahn's topological sweep in
// BlockingGraph::Evaluate() leaves are the nodes on or after such cycles. Tarjan's algorithm
// (1972), iterative, finds their strongly connected components in reverse topological order;
// each component is then solved by Bellman–Ford passes over its nodes (the predecessors
// outside it are final by then), which converge on cycles of length 0 and exceed |C| passes
// only on a positive cycle, reported as infeasible. O(nodes) for the components plus
// O(|C|^2) per component; components are small (one swap each).
#include <algorithm>

#include "solve/blocking/alternative_graph.h"

namespace ordo {

bool BlockingGraph::EvaluateCycles() {
  std::vector<int>& order = scc_order_;  // components, concatenated, in emission order
  int emitted = 0, counter = 0;
  for (int v = 0; v < num_nodes_; ++v) {
    tarjan_index_[v] = -1;
    on_stack_[v] = 0;
    component_of_[v] = -1;
  }
  tarjan_stack_.clear();
  bounds_.clear();
  // The nodes Kahn left are those with indegree > 0.
  for (int root = 0; root < num_nodes_; ++root) {
    if (!present_[root] || indegree_[root] == 0 || tarjan_index_[root] >= 0) continue;
    call_stack_.clear();
    call_arc_.clear();
    tarjan_index_[root] = tarjan_low_[root] = counter++;
    tarjan_stack_.push_back(root);
    on_stack_[root] = 1;
    call_stack_.push_back(root);
    call_arc_.push_back(0);
    while (!call_stack_.empty()) {
      const int u = call_stack_.back();
      int succ[3], k = 0;
      ForEachSuccessor(u, [&](int v, Time) { succ[k++] = v; });
      int& arc = call_arc_.back();
      if (arc < k) {
        const int v = succ[arc++];
        if (tarjan_index_[v] < 0) {
          tarjan_index_[v] = tarjan_low_[v] = counter++;
          tarjan_stack_.push_back(v);
          on_stack_[v] = 1;
          call_stack_.push_back(v);
          call_arc_.push_back(0);
        } else if (on_stack_[v]) {
          tarjan_low_[u] = std::min(tarjan_low_[u], tarjan_index_[v]);
        }
        continue;
      }
      call_stack_.pop_back();
      call_arc_.pop_back();
      if (!call_stack_.empty()) tarjan_low_[call_stack_.back()] = std::min(tarjan_low_[call_stack_.back()], tarjan_low_[u]);
      if (tarjan_low_[u] == tarjan_index_[u]) {
        const int id = static_cast<int>(bounds_.size());
        int x;
        do {
          x = tarjan_stack_.back();
          tarjan_stack_.pop_back();
          on_stack_[x] = 0;
          component_of_[x] = id;
          order[emitted++] = x;
        } while (x != u);
        bounds_.push_back(emitted);
      }
    }
  }
  // Components in topological order: the last emitted first.
  for (int c = static_cast<int>(bounds_.size()) - 1; c >= 0; --c) {
    const int begin = c == 0 ? 0 : bounds_[c - 1], end = bounds_[c];
    const std::int64_t size = end - begin;
    // Label correcting inside the component: Bellman–Ford passes over its nodes.
    bool changed = true;
    for (std::int64_t pass = 0; changed; ++pass) {
      if (pass > size) return false;  // still rising after |C| passes: positive cycle
      changed = false;
      for (int i = begin; i < end; ++i) {
        const int u = order[i];
        ForEachSuccessor(u, [&](int v, Time w) {
          if (component_of_[v] == c && head_[u] + w > head_[v]) {
            head_[v] = head_[u] + w;
            changed = true;
          }
        });
      }
    }
    for (int i = begin; i < end; ++i) {
      const int u = order[i];
      ForEachSuccessor(u, [&](int v, Time w) { head_[v] = std::max(head_[v], head_[u] + w); });
    }
  }
  return true;
}

}  // namespace ordo
