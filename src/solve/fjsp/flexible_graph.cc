#include "solve/fjsp/flexible_graph.h"

#include <algorithm>
#include <numeric>

#include "solve/shop/shop_problem.h"

namespace ordo {

FlexibleGraph::FlexibleGraph(const ShopProblem& shop)
    : shop_(shop),
      num_ops_(shop.num_ops),
      num_machines_(shop.num_machines),
      has_downtime_(shop.has_downtime),
      release_(shop.release),
      duration_(shop.num_ops, 0),
      mode_(shop.num_ops, 0),
      machine_(shop.num_ops, 0),
      job_prev_(shop.num_ops, -1),
      job_next_(shop.num_ops, -1),
      machine_prev_(shop.num_ops, -1),
      machine_next_(shop.num_ops, -1),
      machine_first_(shop.num_machines, -1),
      machine_last_(shop.num_machines, -1),
      head_(shop.num_ops, 0),
      tail_(shop.num_ops, 0),
      order_(shop.num_ops, 0),
      tpos_(shop.num_ops, 0),
      indegree_(shop.num_ops, 0),
      queue_(shop.num_ops, 0),
      slab_begin_(shop.num_machines + 1, 0),
      slab_size_(shop.num_machines, 0),
      position_(shop.num_ops, 0) {
  for (int j = 0; j < shop.num_jobs; ++j) {
    for (int o = shop.job_begin[j]; o + 1 < shop.job_begin[j + 1]; ++o) {
      job_next_[o] = o + 1;
      job_prev_[o + 1] = o;
    }
  }
  for (int o = 0; o < num_ops_; ++o) {
    mode_[o] = shop.mode_begin[o];
    machine_[o] = shop.modes[mode_[o]].machine;
    duration_[o] = shop.modes[mode_[o]].duration;
  }
  for (int j = 0; j < shop.num_jobs; ++j) {
    if (shop.job_begin[j] < shop.job_begin[j + 1]) job_last_.push_back(shop.job_begin[j + 1] - 1);
  }
  // Machine m's array holds at most the operations with a mode on m.
  std::vector<int> last_op(num_machines_, -1);
  for (int o = 0; o < num_ops_; ++o) {
    for (int k = shop.mode_begin[o]; k < shop.mode_begin[o + 1]; ++k) {
      const int m = shop.modes[k].machine;
      if (last_op[m] != o) ++slab_begin_[m + 1];
      last_op[m] = o;
    }
  }
  for (int m = 0; m < num_machines_; ++m) slab_begin_[m + 1] += slab_begin_[m];
  slab_.assign(slab_begin_[num_machines_], -1);
  changed_.reserve(64);
  critical_path_.reserve(num_ops_);
  blocks_.reserve(num_ops_);
}

bool FlexibleGraph::Set(const FlexibleSchedule& s) {
  for (int o = 0; o < num_ops_; ++o) {
    mode_[o] = s.mode[o];
    machine_[o] = shop_.modes[mode_[o]].machine;
    duration_[o] = shop_.modes[mode_[o]].duration;
  }
  for (int m = 0; m < num_machines_; ++m) {
    int prev = -1;
    slab_size_[m] = s.machine_begin[m + 1] - s.machine_begin[m];
    for (int i = s.machine_begin[m]; i < s.machine_begin[m + 1]; ++i) {
      const int op = s.order[i];
      position_[op] = i - s.machine_begin[m];
      slab_[slab_begin_[m] + position_[op]] = op;
      machine_prev_[op] = prev;
      if (prev >= 0) machine_next_[prev] = op;
      else machine_first_[m] = op;
      prev = op;
    }
    if (prev >= 0) machine_next_[prev] = -1;
    else machine_first_[m] = -1;
    machine_last_[m] = prev;
  }
  topo_valid_ = false;
  changed_.clear();
  return Evaluate();
}

bool FlexibleGraph::SetFromStarts(const std::vector<Time>& start, const std::vector<int>& mode) {
  FlexibleSchedule s;
  s.mode = mode;
  std::vector<int> ops(num_ops_);
  std::iota(ops.begin(), ops.end(), 0);
  auto end_of = [&](int o) { return start[o] + shop_.modes[mode[o]].duration; };
  // Along every job arc and every machine arc the key (start, end, id) increases strictly,
  // so the orders are acyclic even with zero durations.
  std::sort(ops.begin(), ops.end(), [&](int a, int b) {
    if (start[a] != start[b]) return start[a] < start[b];
    if (end_of(a) != end_of(b)) return end_of(a) < end_of(b);
    return a < b;
  });
  s.machine_begin.assign(num_machines_ + 1, 0);
  for (int o = 0; o < num_ops_; ++o) ++s.machine_begin[shop_.modes[mode[o]].machine + 1];
  for (int m = 0; m < num_machines_; ++m) s.machine_begin[m + 1] += s.machine_begin[m];
  std::vector<int> fill(s.machine_begin.begin(), s.machine_begin.end() - 1);
  s.order.assign(num_ops_, 0);
  for (int o : ops) s.order[fill[shop_.modes[mode[o]].machine]++] = o;
  return Set(s);
}

void FlexibleGraph::Get(FlexibleSchedule& s) const {
  s.mode.resize(num_ops_);
  s.order.resize(num_ops_);
  s.machine_begin.resize(num_machines_ + 1);
  std::copy(mode_.begin(), mode_.end(), s.mode.begin());
  int k = 0;
  for (int m = 0; m < num_machines_; ++m) {
    s.machine_begin[m] = k;
    std::copy(sequence(m), sequence(m) + slab_size_[m], s.order.begin() + k);
    k += slab_size_[m];
  }
  s.machine_begin[num_machines_] = k;
}

bool FlexibleGraph::Evaluate() {
  // The suffix of the topological order from `first` holds every operation whose incoming
  // arcs changed; new arcs only enter such operations and old arcs go forward in the order,
  // so the suffix is closed under successors and the prefix keeps its heads. Kahn's
  // algorithm on the suffix alone gives it a new order and new heads.
  int first = 0, count = 0;
  if (topo_valid_) {
    first = num_ops_;
    for (int x : changed_) first = std::min(first, tpos_[x]);
    for (int i = first; i < num_ops_; ++i) {
      const int o = order_[i];
      const int jp = job_prev_[o], mp = machine_prev_[o];
      indegree_[o] = (jp >= 0 && tpos_[jp] >= first) + (mp >= 0 && tpos_[mp] >= first);
      if (indegree_[o] == 0) queue_[count++] = o;
    }
  } else {
    for (int o = 0; o < num_ops_; ++o) {
      indegree_[o] = (job_prev_[o] >= 0) + (machine_prev_[o] >= 0);
      if (indegree_[o] == 0) queue_[count++] = o;
    }
  }
  for (int i = 0; i < count; ++i) {
    const int o = queue_[i];
    Time h = release_[o];
    const int jp = job_prev_[o], mp = machine_prev_[o];
    if (jp >= 0) h = std::max(h, head_[jp] + duration_[jp]);
    if (mp >= 0) h = std::max(h, head_[mp] + duration_[mp]);
    // Zero-duration operations use no machine time, so downtime does not concern them.
    if (has_downtime_ && duration_[o] > 0) h = shop_.EarliestFit(machine_[o], h, duration_[o]);
    head_[o] = h;
    const int jn = job_next_[o], mn = machine_next_[o];
    if (jn >= 0 && --indegree_[jn] == 0) queue_[count++] = jn;
    if (mn >= 0 && --indegree_[mn] == 0) queue_[count++] = mn;
  }
  if (count != num_ops_ - first) return false;  // a cycle; changed_ is kept for the undo
  std::copy(queue_.begin(), queue_.begin() + count, order_.begin() + first);
  for (int i = first; i < num_ops_; ++i) tpos_[order_[i]] = i;
  // Symmetrically, tails can only change up to the last changed position.
  int last = num_ops_ - 1;
  if (topo_valid_) {
    last = -1;
    for (int x : changed_) last = std::max(last, tpos_[x]);
  }
  for (int i = last; i >= 0; --i) {
    const int o = order_[i];
    Time t = 0;
    const int jn = job_next_[o], mn = machine_next_[o];
    if (jn >= 0) t = std::max(t, tail_[jn] + duration_[jn]);
    if (mn >= 0) t = std::max(t, tail_[mn] + duration_[mn]);
    tail_[o] = t;
  }
  topo_valid_ = true;
  changed_.clear();
  // Every operation reaches the last one of its job, which ends no earlier.
  makespan_ = 0;
  for (int o : job_last_) makespan_ = std::max(makespan_, head_[o] + duration_[o]);
  critical_count_ = -1;
  ComputeCriticalPath();
  return true;
}

int FlexibleGraph::critical_count() const {
  if (critical_count_ < 0) {
    critical_count_ = 0;
    for (int o = 0; o < num_ops_; ++o) critical_count_ += head_[o] + duration_[o] + tail_[o] >= makespan_;
  }
  return critical_count_;
}

void FlexibleGraph::ComputeCriticalPath() {
  critical_path_.clear();
  blocks_.clear();
  int last = -1;
  for (int o : job_last_) {
    if (head_[o] + duration_[o] == makespan_) {
      last = o;
      break;
    }
  }
  for (int o = last; o >= 0;) {
    critical_path_.push_back(o);
    const int mp = machine_prev_[o], jp = job_prev_[o];
    if (mp >= 0 && head_[mp] + duration_[mp] == head_[o]) {
      o = mp;
    } else if (jp >= 0 && head_[jp] + duration_[jp] == head_[o]) {
      o = jp;
    } else {
      o = -1;
    }
  }
  std::reverse(critical_path_.begin(), critical_path_.end());
  int begin = 0;
  const int n = static_cast<int>(critical_path_.size());
  for (int i = 1; i <= n; ++i) {
    if (i == n || machine_[critical_path_[i]] != machine_[critical_path_[i - 1]] ||
        machine_prev_[critical_path_[i]] != critical_path_[i - 1]) {
      blocks_.push_back({begin, i});
      begin = i;
    }
  }
}

void FlexibleGraph::Unlink(int op) {
  const int m = machine_[op], p = machine_prev_[op], n = machine_next_[op];
  Changed(op);
  if (p >= 0) Changed(p);
  if (n >= 0) Changed(n);
  int* seq = &slab_[slab_begin_[m]];
  for (int i = position_[op] + 1; i < slab_size_[m]; ++i) {
    seq[i - 1] = seq[i];
    position_[seq[i]] = i - 1;
  }
  --slab_size_[m];
  if (p >= 0) machine_next_[p] = n;
  else machine_first_[m] = n;
  if (n >= 0) machine_prev_[n] = p;
  else machine_last_[m] = p;
  machine_prev_[op] = machine_next_[op] = -1;
}

void FlexibleGraph::InsertAfter(int u, int v) {
  const int m = machine_[u];
  const int n = v >= 0 ? machine_next_[v] : machine_first_[m];
  Changed(u);
  if (v >= 0) Changed(v);
  if (n >= 0) Changed(n);
  int* seq = &slab_[slab_begin_[m]];
  const int at = v >= 0 ? position_[v] + 1 : 0;
  for (int i = slab_size_[m]; i > at; --i) {
    seq[i] = seq[i - 1];
    position_[seq[i]] = i;
  }
  seq[at] = u;
  position_[u] = at;
  ++slab_size_[m];
  machine_prev_[u] = v;
  machine_next_[u] = n;
  if (v >= 0) machine_next_[v] = u;
  else machine_first_[m] = u;
  if (n >= 0) machine_prev_[n] = u;
  else machine_last_[m] = u;
}

void FlexibleGraph::MoveAfter(int u, int v) {
  if (u == v) return;
  Unlink(u);
  InsertAfter(u, v);
}

void FlexibleGraph::MoveBefore(int u, int v) {
  if (u == v) return;
  Unlink(u);
  InsertAfter(u, machine_prev_[v]);
}

void FlexibleGraph::Reassign(int op, int mode, int after) {
  Unlink(op);
  mode_[op] = mode;
  machine_[op] = shop_.modes[mode].machine;
  duration_[op] = shop_.modes[mode].duration;
  InsertAfter(op, after);
}

}  // namespace ordo
