#include "solve/jobshop/disjunctive_graph.h"

#include <algorithm>
#include <numeric>

#include "solve/shop/shop_problem.h"

namespace ordo {

DisjunctiveGraph::DisjunctiveGraph(const ShopProblem& shop)
    : shop_(shop),
      has_downtime_(shop.has_downtime),
      num_ops_(shop.num_ops),
      num_machines_(shop.num_machines),
      duration_(shop.num_ops),
      release_(shop.release),
      machine_(shop.num_ops),
      job_prev_(shop.num_ops, -1),
      job_next_(shop.num_ops, -1),
      machine_prev_(shop.num_ops, -1),
      machine_next_(shop.num_ops, -1),
      machine_first_(shop.num_machines, -1),
      machine_last_(shop.num_machines, -1),
      head_(shop.num_ops, 0),
      tail_(shop.num_ops, 0),
      end_(shop.num_ops, 0),
      indegree_(shop.num_ops),
      order_(shop.num_ops) {
  for (int o = 0; o < num_ops_; ++o) {
    const ShopMode& m = shop.modes[shop.mode_begin[o]];
    duration_[o] = m.duration;
    machine_[o] = m.machine;
  }
  for (int j = 0; j < shop.num_jobs; ++j) {
    for (int o = shop.job_begin[j]; o + 1 < shop.job_begin[j + 1]; ++o) {
      job_next_[o] = o + 1;
      job_prev_[o + 1] = o;
    }
  }
  critical_path_.reserve(num_ops_);
  blocks_.reserve(num_ops_);
}

bool DisjunctiveGraph::SetSequences(const std::vector<std::vector<int>>& sequence) {
  std::fill(machine_first_.begin(), machine_first_.end(), -1);
  std::fill(machine_last_.begin(), machine_last_.end(), -1);
  for (int m = 0; m < num_machines_; ++m) {
    int prev = -1;
    for (int op : sequence[m]) {
      machine_prev_[op] = prev;
      if (prev >= 0) machine_next_[prev] = op;
      else machine_first_[m] = op;
      prev = op;
    }
    if (prev >= 0) machine_next_[prev] = -1;
    machine_last_[m] = prev;
  }
  return Evaluate();
}

bool DisjunctiveGraph::SetFromStarts(const std::vector<Time>& start) {
  std::vector<std::vector<int>> sequence(num_machines_);
  std::vector<int> ops(num_ops_);
  std::iota(ops.begin(), ops.end(), 0);
  std::stable_sort(ops.begin(), ops.end(), [&](int a, int b) { return start[a] < start[b]; });
  for (int op : ops) sequence[machine_[op]].push_back(op);
  return SetSequences(sequence);
}

std::vector<std::vector<int>> DisjunctiveGraph::Sequences() const {
  std::vector<std::vector<int>> sequence(num_machines_);
  for (int m = 0; m < num_machines_; ++m) {
    for (int op = machine_first_[m]; op >= 0; op = machine_next_[op]) sequence[m].push_back(op);
  }
  return sequence;
}

bool DisjunctiveGraph::Evaluate() {
  // Kahn's algorithm over job and machine arcs; heads forward, tails backward.
  int count = 0;
  for (int o = 0; o < num_ops_; ++o) {
    indegree_[o] = (job_prev_[o] >= 0) + (machine_prev_[o] >= 0);
    if (indegree_[o] == 0) order_[count++] = o;
  }
  for (int i = 0; i < count; ++i) {
    const int o = order_[i];
    Time h = release_[o];
    if (job_prev_[o] >= 0) h = std::max(h, end_[job_prev_[o]]);
    if (machine_prev_[o] >= 0) h = std::max(h, end_[machine_prev_[o]]);
    if (has_downtime_) {
      head_[o] = shop_.StartFrom(o, machine_[o], h, duration_[o]);
      end_[o] = shop_.EndFrom(o, machine_[o], head_[o], duration_[o]);
    } else {
      head_[o] = h;
      end_[o] = h + duration_[o];
    }
    if (job_next_[o] >= 0 && --indegree_[job_next_[o]] == 0) order_[count++] = job_next_[o];
    if (machine_next_[o] >= 0 && --indegree_[machine_next_[o]] == 0) order_[count++] = machine_next_[o];
  }
  if (count != num_ops_) return false;
  makespan_ = 0;
  for (int i = num_ops_ - 1; i >= 0; --i) {
    const int o = order_[i];
    Time t = 0;
    if (job_next_[o] >= 0) t = std::max(t, tail_[job_next_[o]] + duration_[job_next_[o]]);
    if (machine_next_[o] >= 0) t = std::max(t, tail_[machine_next_[o]] + duration_[machine_next_[o]]);
    tail_[o] = t;
    makespan_ = std::max(makespan_, has_downtime_ ? end_[o] : end_[o] + t);
  }
  if (has_downtime_) {
    ComputeCriticalPathBackward();
  } else {
    ComputeCriticalPath();
  }
  return true;
}

void DisjunctiveGraph::ComputeCriticalPathBackward() {
  critical_path_.clear();
  blocks_.clear();
  int last = -1;
  for (int o = 0; o < num_ops_; ++o) {
    if (end_[o] == makespan_) {
      last = o;
      break;
    }
  }
  // Walk back along the arc of the predecessor that ends last (the machine arc on ties, so
  // that blocks come out as long as possible). An operation pushed past a downtime keeps the
  // path going through that predecessor too: ending it earlier may let the operation fit
  // before the downtime. The path stops where the release date decides the start.
  for (int o = last; o >= 0;) {
    critical_path_.push_back(o);
    const int mp = machine_prev_[o], jp = job_prev_[o];
    const Time mp_end = mp >= 0 ? end_[mp] : -1;
    const Time jp_end = jp >= 0 ? end_[jp] : -1;
    const Time pred_end = std::max(mp_end, jp_end);
    if (pred_end < 0 || pred_end <= release_[o]) {
      o = -1;
    } else {
      o = mp_end >= jp_end ? mp : jp;
    }
  }
  std::reverse(critical_path_.begin(), critical_path_.end());
  SplitIntoBlocks();
}

void DisjunctiveGraph::ComputeCriticalPath() {
  // Start at a critical operation with no critical predecessor: the one of largest length
  // whose head is tight only at its release; walk forward along tight arcs.
  critical_path_.clear();
  blocks_.clear();
  int start = -1;
  for (int o = 0; o < num_ops_; ++o) {
    if (head_[o] + duration_[o] + tail_[o] != makespan_) continue;
    const int jp = job_prev_[o], mp = machine_prev_[o];
    const bool tight_pred = (jp >= 0 && head_[jp] + duration_[jp] == head_[o]) || (mp >= 0 && head_[mp] + duration_[mp] == head_[o]);
    if (!tight_pred) {
      start = o;
      break;
    }
  }
  for (int o = start; o >= 0;) {
    critical_path_.push_back(o);
    const int jn = job_next_[o], mn = machine_next_[o];
    const Time end = head_[o] + duration_[o];
    // Prefer the machine arc so that blocks come out as long as possible.
    if (mn >= 0 && head_[mn] == end && end + duration_[mn] + tail_[mn] == makespan_) {
      o = mn;
    } else if (jn >= 0 && head_[jn] == end && end + duration_[jn] + tail_[jn] == makespan_) {
      o = jn;
    } else {
      o = -1;
    }
  }
  SplitIntoBlocks();
}

void DisjunctiveGraph::SplitIntoBlocks() {
  int begin = 0;
  for (int i = 1; i <= static_cast<int>(critical_path_.size()); ++i) {
    if (i == static_cast<int>(critical_path_.size()) || machine_[critical_path_[i]] != machine_[critical_path_[i - 1]]) {
      blocks_.push_back({begin, i});
      begin = i;
    }
  }
}

void DisjunctiveGraph::Unlink(int op) {
  const int m = machine_[op], p = machine_prev_[op], n = machine_next_[op];
  if (p >= 0) machine_next_[p] = n;
  else machine_first_[m] = n;
  if (n >= 0) machine_prev_[n] = p;
  else machine_last_[m] = p;
  machine_prev_[op] = machine_next_[op] = -1;
}

void DisjunctiveGraph::InsertAfter(int u, int v) {
  const int m = machine_[u];
  const int n = v >= 0 ? machine_next_[v] : machine_first_[m];
  machine_prev_[u] = v;
  machine_next_[u] = n;
  if (v >= 0) machine_next_[v] = u;
  else machine_first_[m] = u;
  if (n >= 0) machine_prev_[n] = u;
  else machine_last_[m] = u;
}

void DisjunctiveGraph::MoveAfter(int u, int v) {
  if (u == v) return;
  Unlink(u);
  InsertAfter(u, v);
}

void DisjunctiveGraph::MoveBefore(int u, int v) {
  if (u == v) return;
  Unlink(u);
  InsertAfter(u, machine_prev_[v]);
}

}  // namespace ordo
