#include "solve/blocking/alternative_graph.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>

namespace ordo {

namespace {
constexpr Time kNoLateness = std::numeric_limits<Time>::min() / 4;  // max lateness of no job
}  // namespace

CompletionObjective CompletionObjective::FromInstance(const Instance& in) {
  CompletionObjective o;
  for (const ObjectiveTerm& t : in.objective.terms) {
    switch (t.kind) {
      case ObjectiveKind::Makespan: o.makespan += t.weight; break;
      case ObjectiveKind::TotalWeightedTardiness: o.weighted_tardiness += t.weight; break;
      case ObjectiveKind::TotalWeightedCompletion: o.weighted_completion += t.weight; break;
      case ObjectiveKind::MaxLateness: o.max_lateness += t.weight; break;
    }
  }
  return o;
}

BlockingGraph::BlockingGraph(const ShopProblem& shop, const CompletionObjective& objective, bool no_swaps)
    : shop_(shop), objective_(objective), no_swaps_(no_swaps) {
  int downtimes = 0;
  for (const auto& d : shop.downtime) downtimes += static_cast<int>(d.size());
  num_nodes_ = shop.num_ops + downtimes;
  const int n = num_nodes_;
  job_next_.assign(n, -1);
  job_prev_.assign(n, -1);
  job_of_.assign(n, -1);
  release_.assign(n, 0);
  fixed_.assign(n, 0);
  min_dur_.assign(n, 0);
  mode_.assign(n, -1);
  machine_.assign(n, -1);
  mprev_.assign(n, -1);
  mnext_.assign(n, -1);
  mfirst_.assign(shop.num_machines, -1);
  mlast_.assign(shop.num_machines, -1);
  dur_.assign(n, 0);
  head_.assign(n, 0);
  sequenced_.assign(n, 0);
  present_.assign(n, 0);
  for (int j = 0; j < shop.num_jobs; ++j) {
    for (int o = shop.job_begin[j]; o < shop.job_begin[j + 1]; ++o) {
      job_of_[o] = j;
      if (o > shop.job_begin[j]) job_prev_[o] = o - 1;
      if (o + 1 < shop.job_begin[j + 1]) job_next_[o] = o + 1;
      release_[o] = shop.release[o];
      int best = shop.mode_begin[o];
      for (int q = shop.mode_begin[o]; q < shop.mode_begin[o + 1]; ++q) {
        if (shop.modes[q].duration < shop.modes[best].duration) best = q;
      }
      mode_[o] = best;
      machine_[o] = shop.modes[best].machine;
      min_dur_[o] = dur_[o] = shop.modes[best].duration;
    }
  }
  int v = shop.num_ops;
  for (int m = 0; m < shop.num_machines; ++m) {
    for (const Downtime& d : shop.downtime[m]) {
      fixed_[v] = 1;
      release_[v] = head_[v] = d.start;
      min_dur_[v] = dur_[v] = d.end - d.start;
      machine_[v] = m;
      present_[v] = sequenced_[v] = 1;
      Link(v, m, mlast_[m]);
      ++v;
    }
  }
  completion_.assign(shop.num_jobs, 0);
  new_completion_.assign(shop.num_jobs, 0);
  job_stamp_.assign(shop.num_jobs, 0);
  indegree_.assign(n, 0);
  queue_.assign(n + 1, 0);
  stamp_.assign(n, 0);
  in_queue_.assign(n, 0);
  tarjan_index_.assign(n, -1);
  tarjan_low_.assign(n, 0);
  on_stack_.assign(n, 0);
  topo_.assign(n, 0);
  orig_head_.assign(n, 0);
  orig_stamp_.assign(n, 0);
  heap_.reserve(n);
  scc_order_.assign(n, 0);
  tail_.assign(n, 0);
  component_of_.assign(n, -1);
  bounds_.reserve(n);
  tarjan_stack_.reserve(n);
  call_stack_.reserve(n);
  call_arc_.reserve(n);
  log_.reserve(4 * static_cast<std::size_t>(n) + 16);
  touched_jobs_.reserve(shop.num_jobs);
  RecomputeObjective();
}

// ---- Selection edits ----

void BlockingGraph::Link(int v, int machine, int after) {
  const int next = after < 0 ? mfirst_[machine] : mnext_[after];
  mprev_[v] = after;
  mnext_[v] = next;
  if (after < 0) mfirst_[machine] = v;
  else mnext_[after] = v;
  if (next < 0) mlast_[machine] = v;
  else mprev_[next] = v;
}

void BlockingGraph::Unlink(int v) {
  const int m = machine_[v], p = mprev_[v], n = mnext_[v];
  if (p < 0) mfirst_[m] = n;
  else mnext_[p] = n;
  if (n < 0) mlast_[m] = p;
  else mprev_[n] = p;
  mprev_[v] = mnext_[v] = -1;
}

void BlockingGraph::ProbeLink(int op, int q, int after) {
  mode_[op] = q;
  machine_[op] = shop_.modes[q].machine;
  dur_[op] = shop_.modes[q].duration;
  Link(op, machine_[op], after);
  sequenced_[op] = 1;
}

void BlockingGraph::ProbeUnlink(int op) {
  Unlink(op);
  sequenced_[op] = 0;
  SetShortestMode(op);
}

void BlockingGraph::SetShortestMode(int op) {
  int best = shop_.mode_begin[op];
  for (int q = shop_.mode_begin[op]; q < shop_.mode_begin[op + 1]; ++q) {
    if (shop_.modes[q].duration < shop_.modes[best].duration) best = q;
  }
  mode_[op] = best;
  machine_[op] = shop_.modes[best].machine;
  dur_[op] = min_dur_[op];
}

void BlockingGraph::RemoveJob(int job) {
  for (int o = shop_.job_begin[job]; o < shop_.job_begin[job + 1]; ++o) {
    if (sequenced_[o]) Unlink(o);
    sequenced_[o] = present_[o] = 0;
  }
}

void BlockingGraph::AddJob(int job) {
  const int first = shop_.job_begin[job], last = shop_.job_begin[job + 1];
  if (first == last || present_[first]) return;
  for (int o = first; o < last; ++o) {
    present_[o] = 1;
    sequenced_[o] = 0;
    SetShortestMode(o);
    head_[o] = o == first ? release_[o] : std::max(release_[o], head_[o - 1] + dur_[o - 1]);
  }
  disruption_ = 0;
  const Time c = head_[last - 1] + dur_[last - 1];
  for (int o = last - 1; o >= first; --o) tail_[o] = dur_[o] + (o + 1 < last ? tail_[o + 1] : 0);
  completion_[job] = c;
  makespan_ = std::max(makespan_, c);
  lmax_ = std::max(lmax_, c - shop_.job_due[job]);
  twt_ += shop_.job_weight[job] * std::max<Time>(0, c - shop_.job_due[job]);
  twc_ += shop_.job_weight[job] * c;
}

// ---- Full evaluation ----

Time BlockingGraph::HeadFromPredecessors(int v) const {
  Time h = release_[v];
  const int jp = job_prev_[v];
  if (jp >= 0) h = std::max(h, head_[jp] + dur_[jp]);
  if (sequenced_[v] && mprev_[v] >= 0) {
    const int p = mprev_[v];
    if (job_next_[p] < 0) h = std::max(h, head_[p] + dur_[p]);
    else if (job_next_[p] != v) h = std::max(h, head_[job_next_[p]]);
  }
  return h;
}

int BlockingGraph::Predecessors(int v, int out[2], Time* length) const {
  int k = 0;
  Time w[2];
  if (job_prev_[v] >= 0) w[k] = dur_[job_prev_[v]], out[k++] = job_prev_[v];
  if (sequenced_[v] && mprev_[v] >= 0) {
    const int p = mprev_[v];
    if (job_next_[p] < 0) w[k] = dur_[p], out[k++] = p;
    else if (job_next_[p] != v) w[k] = 0, out[k++] = job_next_[p];
  }
  if (length != nullptr) {
    for (int i = 0; i < k; ++i) length[i] = w[i];
  }
  return k;
}

bool BlockingGraph::Evaluate() {
  int present_nodes = 0, tail = 0;
  for (int v = 0; v < num_nodes_; ++v) {
    if (!present_[v]) continue;
    ++present_nodes;
    int pred[2];
    indegree_[v] = Predecessors(v, pred);
    head_[v] = release_[v];
    if (indegree_[v] == 0) queue_[tail++] = v;
  }
  int processed = 0;
  while (processed < tail) {
    const int u = queue_[processed];
    topo_[u] = processed++;
    ForEachSuccessor(u, [&](int v, Time w) {
      head_[v] = std::max(head_[v], head_[u] + w);
      if (--indegree_[v] == 0) queue_[tail++] = v;
    });
  }
  if (processed < present_nodes) {
    if (no_swaps_ || !EvaluateCycles()) return false;
  }
  for (int v = shop_.num_ops; v < num_nodes_; ++v) {
    if (head_[v] != release_[v]) return false;  // a downtime would have to move
  }
  RecomputeObjective();
  ComputeTails(processed);
  return true;
}

// Tails (longest path from a node's start to the end of the schedule), for placement
// bounds. Exact on what Kahn's sweep ordered, in reverse order; nodes on or after a swap
// cycle keep their own length, which is still a lower bound.
void BlockingGraph::ComputeTails(int processed) {
  for (int v = 0; v < num_nodes_; ++v) {
    if (present_[v]) tail_[v] = IsJobEnd(v) ? dur_[v] : 0;
  }
  for (int i = processed; i-- > 0;) {
    const int u = queue_[i];
    Time t = tail_[u];
    ForEachSuccessor(u, [&](int w, Time length) { t = std::max(t, length + tail_[w]); });
    tail_[u] = t;
  }
}

Time BlockingGraph::MakespanBound(int op, int q, int after) const {
  Time h = head_[op];
  if (after >= 0) {
    const int r = ReleaseNode(after);
    if (r != op) h = std::max(h, head_[r] + (r == after ? dur_[after] : 0));
  }
  const Time d = shop_.modes[q].duration;
  Time rest = job_next_[op] >= 0 ? tail_[job_next_[op]] : 0;
  const int b = after < 0 ? mfirst_[shop_.modes[q].machine] : mnext_[after];
  if (b >= 0) rest = std::max(rest, tail_[b]);
  return h + d + rest;
}

void BlockingGraph::RecomputeObjective() {
  makespan_ = 0;
  lmax_ = kNoLateness;
  twt_ = twc_ = 0;
  for (int j = 0; j < shop_.num_jobs; ++j) {
    const int first = shop_.job_begin[j], last = shop_.job_begin[j + 1];
    if (first < last && !present_[first]) continue;
    const Time c = first == last ? 0 : head_[last - 1] + dur_[last - 1];
    completion_[j] = c;
    makespan_ = std::max(makespan_, c);
    lmax_ = std::max(lmax_, c - shop_.job_due[j]);
    twt_ += shop_.job_weight[j] * std::max<Time>(0, c - shop_.job_due[j]);
    twc_ += shop_.job_weight[j] * c;
  }
}

std::int64_t BlockingGraph::ObjectiveValue(Time makespan, Time lmax, std::int64_t twt, std::int64_t twc) const {
  return objective_.makespan * makespan + objective_.weighted_tardiness * twt + objective_.weighted_completion * twc +
         objective_.max_lateness * (lmax == kNoLateness ? 0 : lmax);
}

// ---- Incremental placement ----

void BlockingGraph::SetHead(int v, Time h) {
  if (orig_stamp_[v] != generation_) orig_stamp_[v] = generation_, orig_head_[v] = head_[v];
  log_.push_back({v, head_[v]});
  p_disruption_ += h - head_[v];
  head_[v] = h;
  ++propagations_;
  if (!IsJobEnd(v)) return;
  const int job = job_of_[v];
  const Time c = head_[v] + dur_[v];
  const Time old = job_stamp_[job] == generation_ ? new_completion_[job] : completion_[job];
  if (job_stamp_[job] != generation_) {
    job_stamp_[job] = generation_;
    touched_jobs_.push_back(job);
  }
  new_completion_[job] = c;
  const Time due = shop_.job_due[job];
  const std::int64_t w = shop_.job_weight[job];
  p_makespan_ = std::max(p_makespan_, c);
  p_lmax_ = std::max(p_lmax_, c - due);
  p_twt_ += w * (std::max<Time>(0, c - due) - std::max<Time>(0, old - due));
  p_twc_ += w * (c - old);
}

bool BlockingGraph::TryPlace(int op, int q, int after, const PlacementScore& limit, PlacementScore* score) {
  if (++generation_ == std::numeric_limits<int>::max()) {
    generation_ = 1;
    std::fill(in_queue_.begin(), in_queue_.end(), 0);
    std::fill(job_stamp_.begin(), job_stamp_.end(), 0);
    std::fill(stamp_.begin(), stamp_.end(), 0);
    std::fill(orig_stamp_.begin(), orig_stamp_.end(), 0);
  }
  log_.clear();
  touched_jobs_.clear();
  p_makespan_ = makespan_;
  p_lmax_ = lmax_;
  p_twt_ = twt_;
  p_twc_ = twc_;
  p_disruption_ = disruption_;
  placed_ = op;
  placed_old_mode_ = mode_[op];
  placed_old_dur_ = dur_[op];
  const ShopMode& m = shop_.modes[q];
  mode_[op] = q;
  machine_[op] = m.machine;
  dur_[op] = m.duration;
  Link(op, m.machine, after);
  sequenced_[op] = 1;
  auto pending = [&] { return PlacementScore{ObjectiveValue(p_makespan_, p_lmax_, p_twt_, p_twc_), p_disruption_}; };
  // A longer mode moves the job's completion even when the head stays.
  SetHead(op, std::max(head_[op], HeadFromPredecessors(op)));
  // Propagate from op (its head, its longer duration) and from its release node (the new
  // arc to its machine successor). Every cycle the placement closes passes through op, so a
  // rise of op's head during propagation is a positive cycle. Nodes are relaxed in the
  // order of their heads before the placement (ties: the order of the last evaluation),
  // a topological order of every arc but the two new ones, so each node is mostly
  // relaxed once.
  heap_.clear();
  auto push = [&](int v) {
    if (in_queue_[v] == generation_) return;
    in_queue_[v] = generation_;
    heap_.push_back({OriginalHead(v), topo_[v], v});
    std::push_heap(heap_.begin(), heap_.end(), std::greater<>());
  };
  push(op);
  if (job_next_[op] >= 0) push(job_next_[op]);
  bool ok = !(limit < pending());
  const std::size_t budget = 64 * static_cast<std::size_t>(num_nodes_) + 64;
  while (ok && !heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), std::greater<>());
    const int u = heap_.back().node;
    heap_.pop_back();
    in_queue_[u] = 0;
    ForEachSuccessor(u, [&](int v, Time w) {
      if (!ok || head_[u] + w <= head_[v]) return;
      if (v == op || fixed_[v]) {
        ok = false;  // a positive cycle, or a downtime pushed off its period
        return;
      }
      SetHead(v, head_[u] + w);
      push(v);
      if (limit < pending()) ok = false;
    });
    if (log_.size() > budget) ok = false;  // defensive: cannot happen without a cycle
  }
  if (ok && no_swaps_ && ClosesZeroCycle(op)) ok = false;
  if (ok) *score = pending();
  return ok;
}

// Without swaps, a cycle of length 0 through op is a deadlock. On such a cycle every arc is
// tight (head(u) + w = head(v)) with w = 0, so a search along those arcs from op suffices.
bool BlockingGraph::ClosesZeroCycle(int op) {
  std::vector<int>& stack = call_stack_;
  stack.clear();
  const int visit = generation_;  // stamp_ uses the placement's generation
  stack.push_back(op);
  stamp_[op] = visit;
  while (!stack.empty()) {
    const int u = stack.back();
    stack.pop_back();
    bool found = false;
    ForEachSuccessor(u, [&](int v, Time w) {
      if (found || w != 0 || head_[v] != head_[u]) return;
      if (v == op) {
        found = true;
        return;
      }
      if (stamp_[v] == visit) return;
      stamp_[v] = visit;
      stack.push_back(v);
    });
    if (found) return true;
  }
  return false;
}

void BlockingGraph::Undo() {
  for (std::size_t i = log_.size(); i-- > 0;) head_[log_[i].node] = log_[i].head;
  log_.clear();
  Unlink(placed_);
  sequenced_[placed_] = 0;
  mode_[placed_] = placed_old_mode_;
  machine_[placed_] = shop_.modes[placed_old_mode_].machine;
  dur_[placed_] = placed_old_dur_;
  placed_ = -1;
}

void BlockingGraph::Commit() {
  for (int job : touched_jobs_) completion_[job] = new_completion_[job];
  makespan_ = p_makespan_;
  lmax_ = p_lmax_;
  twt_ = p_twt_;
  twc_ = p_twc_;
  disruption_ = p_disruption_;
  log_.clear();
  placed_ = -1;
}

// ---- Complete schedules ----

bool BlockingGraph::SetFromStarts(const std::vector<Time>& start, const std::vector<int>& mode) {
  for (int m = 0; m < shop_.num_machines; ++m) mfirst_[m] = mlast_[m] = -1;
  struct Key {
    Time start, release;
    int node;
  };
  std::vector<std::vector<Key>> lists(shop_.num_machines);
  for (int o = 0; o < shop_.num_ops; ++o) {
    mode_[o] = mode[o];
    machine_[o] = shop_.modes[mode[o]].machine;
    dur_[o] = shop_.modes[mode[o]].duration;
    present_[o] = sequenced_[o] = 1;
    const Time released = job_next_[o] >= 0 ? start[job_next_[o]] : start[o] + dur_[o];
    lists[machine_[o]].push_back({start[o], released, o});
  }
  for (int v = shop_.num_ops; v < num_nodes_; ++v) lists[machine_[v]].push_back({release_[v], release_[v] + dur_[v], v});
  for (int m = 0; m < shop_.num_machines; ++m) {
    std::sort(lists[m].begin(), lists[m].end(), [](const Key& a, const Key& b) {
      if (a.start != b.start) return a.start < b.start;
      if (a.release != b.release) return a.release < b.release;
      return a.node < b.node;
    });
    for (const Key& k : lists[m]) Link(k.node, m, mlast_[m]);
  }
  return Evaluate();
}

std::vector<Time> BlockingGraph::Starts() const { return {head_.begin(), head_.begin() + shop_.num_ops}; }

void BlockingGraph::CriticalPath(std::vector<int>& path) const {
  path.clear();
  int end = -1;
  Time best = -1;
  for (int j = 0; j < shop_.num_jobs; ++j) {
    const int first = shop_.job_begin[j], last = shop_.job_begin[j + 1];
    if (first == last || !present_[first]) continue;
    if (completion_[j] > best) best = completion_[j], end = last - 1;
  }
  // Walk back along tight arcs; the step bound guards against zero-length cycles.
  for (int v = end, steps = 0; v >= 0 && steps < num_nodes_; ++steps) {
    path.push_back(v);
    int pred[2];
    Time length[2];
    const int k = Predecessors(v, pred, length);
    int next = -1;
    for (int i = 0; i < k && next < 0; ++i) {
      if (head_[pred[i]] + length[i] == head_[v]) next = pred[i];
    }
    v = next;
  }
  std::reverse(path.begin(), path.end());
}

void BlockingGraph::Save(Snapshot& s) const {
  s.mode = mode_;
  s.mprev = mprev_;
  s.mnext = mnext_;
  s.mfirst = mfirst_;
  s.mlast = mlast_;
  s.head = head_;
  s.tail = tail_;
  s.dur = dur_;
  s.completion = completion_;
  s.sequenced = sequenced_;
  s.present = present_;
  s.makespan = makespan_;
  s.lmax = lmax_;
  s.twt = twt_;
  s.twc = twc_;
  s.disruption = disruption_;
}

void BlockingGraph::Restore(const Snapshot& s) {
  mode_ = s.mode;
  mprev_ = s.mprev;
  mnext_ = s.mnext;
  mfirst_ = s.mfirst;
  mlast_ = s.mlast;
  head_ = s.head;
  tail_ = s.tail;
  dur_ = s.dur;
  completion_ = s.completion;
  sequenced_ = s.sequenced;
  present_ = s.present;
  makespan_ = s.makespan;
  lmax_ = s.lmax;
  twt_ = s.twt;
  twc_ = s.twc;
  disruption_ = s.disruption;
  for (int v = 0; v < num_nodes_; ++v) {
    if (mode_[v] >= 0) machine_[v] = shop_.modes[mode_[v]].machine;
  }
}

}  // namespace ordo
