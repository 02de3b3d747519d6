#include "solve/jobshop/disjunctive_bnb.h"

#include <algorithm>
#include <limits>

namespace ordo {

DisjunctiveBnb::DisjunctiveBnb(const ShopProblem& shop)
    : shop_(shop),
      n_(shop.num_ops),
      machines_(shop.num_machines),
      p_(shop.num_ops),
      machine_(shop.num_ops),
      local_(shop.num_ops),
      job_prev_(shop.num_ops, -1),
      job_next_(shop.num_ops, -1),
      work_before_(shop.num_ops, 0),
      work_after_(shop.num_ops, 0),
      machine_ops_(shop.num_machines),
      size_(shop.num_machines, 0),
      base_(shop.num_machines, 0),
      machine_dirty_(shop.num_machines, 0),
      queued_(shop.num_ops, 0) {
  queue_.reserve(shop.num_ops);
  for (int o = 0; o < n_; ++o) {
    const ShopMode& m = shop.modes[shop.mode_begin[o]];
    p_[o] = m.duration;
    machine_[o] = m.machine;
    local_[o] = static_cast<int>(machine_ops_[m.machine].size());
    machine_ops_[m.machine].push_back(o);
  }
  std::size_t total = 0;
  for (int m = 0; m < machines_; ++m) {
    size_[m] = static_cast<int>(machine_ops_[m].size());
    base_[m] = total;
    total += static_cast<std::size_t>(size_[m]) * static_cast<std::size_t>(size_[m]);
  }
  state_.est.assign(n_, 0);
  state_.lct.assign(n_, 0);
  state_.order.assign(total, 0);
  for (int j = 0; j < shop.num_jobs; ++j) {
    Time work = 0;
    for (int o = shop.job_begin[j]; o < shop.job_begin[j + 1]; ++o) {
      work_before_[o] = work;
      work += p_[o];
      if (o > shop.job_begin[j]) {
        job_prev_[o] = o - 1;
        job_next_[o - 1] = o;
      }
    }
    for (int o = shop.job_begin[j]; o < shop.job_begin[j + 1]; ++o) work_after_[o] = work - work_before_[o] - p_[o];
  }
}

// ---------------------------------------------------------------------------------------
// Propagation. Window changes go through SetEst/SetLct, which move the window to where the
// operation fits between downtimes and mark what must be propagated again.

bool DisjunctiveBnb::Root(Time horizon) {
  ClearQueue();
  for (int o = 0; o < n_; ++o) {
    Time est = std::max(shop_.release[o], shop_.job_release[shop_.job_of[o]] + work_before_[o]);
    Time lct = horizon - work_after_[o];
    if (shop_.has_downtime) {
      est = shop_.EarliestFit(machine_[o], est, p_[o]);
      lct = shop_.LatestFitEnd(machine_[o], lct, p_[o]);
    }
    state_.est[o] = est;
    state_.lct[o] = lct;
    if (est + p_[o] > lct) return false;
    Touch(o);
  }
  std::fill(state_.order.begin(), state_.order.end(), 0);
  return Propagate() && Shave();
}

void DisjunctiveBnb::Touch(int o) {
  machine_dirty_[machine_[o]] = 1;
  if (!queued_[o]) {
    queued_[o] = 1;
    queue_.push_back(o);
  }
}

void DisjunctiveBnb::ClearQueue() {
  for (int o : queue_) queued_[o] = 0;
  queue_.clear();
  std::fill(machine_dirty_.begin(), machine_dirty_.end(), 0);
}

bool DisjunctiveBnb::RaiseEst(int o, Time v) {
  if (v <= state_.est[o]) return true;
  if (shop_.has_downtime) v = shop_.EarliestFit(machine_[o], v, p_[o]);
  state_.est[o] = v;
  Touch(o);
  return v + p_[o] <= state_.lct[o];
}

bool DisjunctiveBnb::LowerLct(int o, Time v) {
  if (v >= state_.lct[o]) return true;
  if (shop_.has_downtime) v = shop_.LatestFitEnd(machine_[o], v, p_[o]);
  state_.lct[o] = v;
  Touch(o);
  return state_.est[o] + p_[o] <= v;
}

bool DisjunctiveBnb::Propagate() {
  while (true) {
    if (!PropagateTemporal()) {
      ClearQueue();
      return false;
    }
    bool any = false;
    for (int m = 0; m < machines_; ++m) {
      if (!machine_dirty_[m]) continue;
      machine_dirty_[m] = 0;
      any = true;
      if (!PropagateMachine(m)) {
        ClearQueue();
        return false;
      }
      // Edge finding is not idempotent, but running it again on its own output rarely
      // pays: the machine is rechecked only when a change elsewhere reaches it.
      machine_dirty_[m] = 0;
    }
    if (!any) return true;
  }
}

// Event-driven: each operation whose window changed pushes its earliest end to its job and
// machine successors and its latest start to its predecessors.
bool DisjunctiveBnb::PropagateTemporal() {
  const std::vector<Time>& est = state_.est;
  const std::vector<Time>& lct = state_.lct;
  for (std::size_t head = 0; head < queue_.size(); ++head) {
    const int o = queue_[head];
    queued_[o] = 0;
    const Time end = est[o] + p_[o], start_latest = lct[o] - p_[o];
    if (job_next_[o] >= 0 && !RaiseEst(job_next_[o], end)) return false;
    if (job_prev_[o] >= 0 && !LowerLct(job_prev_[o], start_latest)) return false;
    const int m = machine_[o], k = size_[m], a = local_[o];
    const std::int8_t* row = &state_.order[base_[m] + static_cast<std::size_t>(a) * k];
    const std::vector<int>& ops = machine_ops_[m];
    for (int b = 0; b < k; ++b) {
      if (row[b] == 1 && !RaiseEst(ops[b], end)) return false;
      if (row[b] == -1 && !LowerLct(ops[b], start_latest)) return false;
    }
  }
  queue_.clear();
  return true;
}

bool DisjunctiveBnb::Decide(int m, int a, int b) {
  const int k = size_[m];
  std::int8_t* order = &state_.order[base_[m]];
  if (order[a * k + b] == -1) return false;
  if (order[a * k + b] == 1) return true;
  order[a * k + b] = 1;
  order[b * k + a] = -1;
  const int oa = machine_ops_[m][a], ob = machine_ops_[m][b];
  return RaiseEst(ob, state_.est[oa] + p_[oa]) && LowerLct(oa, state_.lct[ob] - p_[ob]);
}

bool DisjunctiveBnb::PropagateMachine(int m) {
  const int k = size_[m];
  if (k < 2) return true;
  const std::vector<int>& ops = machine_ops_[m];
  const std::vector<Time>& est = state_.est;
  const std::vector<Time>& lct = state_.lct;
  const std::int8_t* order = &state_.order[base_[m]];
  // Pair detection: an order that does not fit the windows is excluded.
  for (int a = 0; a < k; ++a) {
    const int oa = ops[a];
    for (int b = a + 1; b < k; ++b) {
      if (order[a * k + b] != 0) continue;
      const int ob = ops[b];
      const bool a_first = est[oa] + p_[oa] + p_[ob] <= lct[ob];
      const bool b_first = est[ob] + p_[ob] + p_[oa] <= lct[oa];
      if (!a_first && !b_first) return false;
      if (!a_first && !Decide(m, b, a)) return false;
      if (!b_first && !Decide(m, a, b)) return false;
    }
  }
  // Edge finding on the machine's windows.
  m_est_.resize(k);
  m_lct_.resize(k);
  m_p_.resize(k);
  for (int i = 0; i < k; ++i) {
    m_est_[i] = est[ops[i]];
    m_lct_[i] = lct[ops[i]];
    m_p_[i] = p_[ops[i]];
  }
  if (!edge_finder_.Propagate(m_est_, m_lct_, m_p_)) return false;
  for (int i = 0; i < k; ++i) {
    if (!RaiseEst(ops[i], m_est_[i]) || !LowerLct(ops[i], m_lct_[i])) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Shaving.

bool DisjunctiveBnb::Consistent(int op, Time est, Time lct) {
  // Called on a propagated state: the queue is empty and no machine is dirty.
  shave_saved_ = state_;
  const bool ok = RaiseEst(op, est) && LowerLct(op, lct) && Propagate();
  if (!ok) ClearQueue();
  std::swap(state_, shave_saved_);
  return ok;
}

bool DisjunctiveBnb::Shave() {
  constexpr int kRounds = 4;
  for (int round = 0; round < kRounds; ++round) {
    bool changed = false;
    for (int o = 0; o < n_; ++o) {
      if (control_ != nullptr && control_->ShouldStop()) return true;  // what is shaved so far stays valid
      // Earliest start: the smallest s such that "o starts at or before s" is not refuted.
      const Time est = state_.est[o], lst = state_.lct[o] - p_[o];
      if (!Consistent(o, est, est + p_[o])) {
        Time lo = est + 1, hi = lst;  // "starts at or before lst" is the current state: not refuted
        while (lo < hi) {
          const Time mid = lo + (hi - lo) / 2;
          if (Consistent(o, est, mid + p_[o])) hi = mid;
          else lo = mid + 1;
        }
        if (!RaiseEst(o, lo) || !Propagate()) return false;
        changed = true;
      }
      // Latest completion: the largest e such that "o ends at or after e" is not refuted.
      const Time ect = state_.est[o] + p_[o], lct = state_.lct[o];
      if (!Consistent(o, lct - p_[o], lct)) {
        Time lo = ect, hi = lct - 1;
        while (lo < hi) {
          const Time mid = lo + (hi - lo + 1) / 2;
          if (Consistent(o, mid - p_[o], lct)) lo = mid;
          else hi = mid - 1;
        }
        if (!LowerLct(o, lo) || !Propagate()) return false;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Search.

void DisjunctiveBnb::Poll() {
  ++nodes_;
  if (control_->ShouldStop()) stopped_ = true;  // a clock read: cheap beside a node's shaving
  if (external_upper_) {
    const Time outside = external_upper_();
    if (outside < upper_) {  // a better incumbent elsewhere: restart below it
      upper_ = outside;
      improved_ = true;
    }
  }
}

bool DisjunctiveBnb::Search(int depth) {
  Poll();
  if (stopped_ || improved_) return false;
  const std::vector<Time>& est = state_.est;
  const std::vector<Time>& lct = state_.lct;
  // The open pair whose better order leaves the least slack.
  int pick_m = -1, pick_a = -1, pick_b = -1;
  Time pick_slack = std::numeric_limits<Time>::max(), pick_other = 0;
  for (int m = 0; m < machines_; ++m) {
    const int k = size_[m];
    const std::vector<int>& ops = machine_ops_[m];
    const std::int8_t* order = &state_.order[base_[m]];
    for (int a = 0; a < k; ++a) {
      for (int b = a + 1; b < k; ++b) {
        if (order[a * k + b] != 0) continue;
        const int oa = ops[a], ob = ops[b];
        const Time ab = lct[ob] - est[oa] - p_[oa] - p_[ob];  // slack of a before b
        const Time ba = lct[oa] - est[ob] - p_[ob] - p_[oa];
        const Time best = std::max(ab, ba), worst = std::min(ab, ba);
        if (best < pick_slack || (best == pick_slack && worst < pick_other)) {
          pick_slack = best;
          pick_other = worst;
          pick_m = m;
          pick_a = ab >= ba ? a : b;
          pick_b = ab >= ba ? b : a;
        }
      }
    }
  }
  if (pick_m < 0) {
    // Every pair is ordered: the earliest starts are a schedule within the horizon.
    Time makespan = 0;
    for (int o = 0; o < n_; ++o) makespan = std::max(makespan, est[o] + p_[o]);
    best_starts_ = est;
    upper_ = makespan;
    improved_ = true;
    return true;
  }
  if (static_cast<int>(trail_.size()) <= depth) trail_.resize(depth + 1);
  trail_[depth] = state_;
  if (Decide(pick_m, pick_a, pick_b) && Propagate() && Shave() && Search(depth + 1)) return true;
  if (stopped_ || improved_) return false;
  state_ = trail_[depth];
  ClearQueue();
  return Decide(pick_m, pick_b, pick_a) && Propagate() && Shave() && Search(depth + 1);
}

BnbOutcome DisjunctiveBnb::Run(Time upper, const SolveControl& control, const std::function<Time()>& external_upper,
                               const std::function<void(Time, const std::vector<Time>&)>& on_solution) {
  control_ = &control;
  external_upper_ = external_upper;
  upper_ = upper;
  stopped_ = false;
  nodes_ = 0;
  BnbOutcome outcome;
  while (true) {
    improved_ = false;
    const Time before = upper_;
    const bool found = Root(upper_ - 1) && Search(0);
    if (found) {
      outcome.starts = best_starts_;
      if (on_solution) on_solution(upper_, best_starts_);
    }
    if (stopped_ || control.ShouldStop()) break;
    if (!improved_ || upper_ >= before) {
      outcome.proved = !improved_;
      break;
    }
  }
  outcome.upper = upper_;
  outcome.nodes = nodes_;
  control_ = nullptr;
  return outcome;
}

Time DisjunctiveBnb::DestructiveBound(Time lower, Time upper, const SolveControl& control) {
  control_ = &control;
  // Largest refuted horizon in [lower - 1, upper - 1]: lower - 1 is refuted by assumption.
  Time refuted = lower - 1, open = upper;  // open: smallest horizon not known to be refuted
  while (refuted + 1 < open && !control.ShouldStop()) {
    const Time mid = refuted + (open - refuted) / 2;
    if (!Root(mid)) {
      refuted = mid;  // a refutation is a proof even when the time has just run out
    } else if (control.ShouldStop()) {
      break;  // an interrupted shave says nothing
    } else {
      open = mid;
    }
  }
  control_ = nullptr;
  return refuted + 1;
}

}  // namespace ordo
