#include "solve/jobshop/settimes_bnb.h"

#include <algorithm>
#include <limits>

namespace ordo {

SetTimesBnb::SetTimesBnb(const ShopProblem& shop)
    : shop_(shop),
      n_(shop.num_ops),
      p_(shop.num_ops),
      machine_(shop.num_ops),
      job_prev_(shop.num_ops, -1),
      job_next_(shop.num_ops, -1),
      tail_work_(shop.num_ops, 0),
      machine_ops_(shop.num_machines) {
  for (int o = 0; o < n_; ++o) {
    const ShopMode& m = shop.modes[shop.mode_begin[o]];
    p_[o] = m.duration;
    machine_[o] = m.machine;
    machine_ops_[m.machine].push_back(o);
  }
  for (int j = 0; j < shop.num_jobs; ++j) {
    Time work = 0;
    for (int o = shop.job_begin[j + 1] - 1; o >= shop.job_begin[j]; --o) {
      tail_work_[o] = work;
      work += p_[o];
      if (o > shop.job_begin[j]) {
        job_prev_[o] = o - 1;
        job_next_[o - 1] = o;
      }
    }
  }
}

bool SetTimesBnb::InitialDomains(Time upper) {
  est_.assign(n_, 0);
  lct_.assign(n_, 0);
  for (int o = 0; o < n_; ++o) {
    est_[o] = shop_.release[o];
    lct_[o] = upper - 1 - tail_work_[o];  // strictly better than upper
  }
  fixed_.assign(n_, 0);
  postponed_at_.assign(n_, -1);
  return Propagate();
}

bool SetTimesBnb::Propagate() {
  for (bool changed = true; changed;) {
    changed = false;
    for (int j = 0; j < shop_.num_jobs; ++j) {
      for (int o = shop_.job_begin[j]; o + 1 < shop_.job_begin[j + 1]; ++o) {
        if (est_[o] + p_[o] > est_[o + 1]) est_[o + 1] = est_[o] + p_[o];
      }
      for (int o = shop_.job_begin[j + 1] - 1; o > shop_.job_begin[j]; --o) {
        if (lct_[o] - p_[o] < lct_[o - 1]) lct_[o - 1] = lct_[o] - p_[o];
      }
    }
    for (int o = 0; o < n_; ++o) {
      if (est_[o] + p_[o] > lct_[o]) return false;
    }
    for (const std::vector<int>& ops : machine_ops_) {
      const std::size_t k = ops.size();
      m_est_.resize(k);
      m_lct_.resize(k);
      m_p_.resize(k);
      for (std::size_t i = 0; i < k; ++i) {
        m_est_[i] = est_[ops[i]];
        m_lct_[i] = lct_[ops[i]];
        m_p_[i] = p_[ops[i]];
      }
      if (!edge_finder_.Propagate(m_est_, m_lct_, m_p_)) return false;
      for (std::size_t i = 0; i < k; ++i) {
        const int o = ops[i];
        if (m_est_[i] > est_[o]) {
          est_[o] = m_est_[i];
          changed = true;
        }
        if (m_lct_[i] < lct_[o]) {
          lct_[o] = m_lct_[i];
          changed = true;
        }
      }
    }
  }
  return true;
}

bool SetTimesBnb::Search(int depth) {
  if ((++nodes_ & 255) == 0) {
    if (control_->ShouldStop()) stopped_ = true;
    if (external_upper_) {
      const Time outside = external_upper_();
      if (outside < upper_) {  // a better incumbent elsewhere: restart with it
        upper_ = outside;
        improved_ = true;
      }
    }
  }
  if (stopped_ || improved_) return false;
  // Select the unfixed, non-postponed operation with the smallest est (then lct).
  int pick = -1;
  bool any_postponed = false;
  for (int o = 0; o < n_; ++o) {
    if (fixed_[o]) continue;
    if (postponed_at_[o] >= 0) {
      // A postponed operation starts strictly later than when it was postponed.
      if (lct_[o] - p_[o] <= postponed_at_[o]) return false;
      if (est_[o] <= postponed_at_[o]) {
        any_postponed = true;
        continue;
      }
      postponed_at_[o] = -1;  // its est moved: selectable again
    }
    if (pick < 0 || est_[o] < est_[pick] || (est_[o] == est_[pick] && lct_[o] < lct_[pick])) pick = o;
  }
  if (pick < 0) {
    if (any_postponed) return false;
    // Every operation fixed: a schedule better than upper_.
    Time makespan = 0;
    for (int o = 0; o < n_; ++o) makespan = std::max(makespan, est_[o] + p_[o]);
    best_starts_ = est_;
    upper_ = makespan;
    improved_ = true;
    return true;
  }
  if (static_cast<int>(trail_.size()) <= depth) trail_.resize(depth + 1);
  {
    Saved& saved = trail_[depth];  // deeper levels may grow trail_: no reference kept across recursion
    saved.est = est_;
    saved.lct = lct_;
    saved.fixed = fixed_;
    saved.postponed_at = postponed_at_;
  }
  // Branch 1: start pick at its earliest start.
  fixed_[pick] = 1;
  lct_[pick] = est_[pick] + p_[pick];
  if (Propagate() && Search(depth + 1)) return true;
  if (stopped_ || improved_) return false;
  const Saved& saved = trail_[depth];
  est_ = saved.est;
  lct_ = saved.lct;
  fixed_ = saved.fixed;
  postponed_at_ = saved.postponed_at;
  // Branch 2: postpone it until its earliest start changes.
  postponed_at_[pick] = est_[pick];
  return Search(depth + 1);
}

BnbOutcome SetTimesBnb::Run(Time upper, const SolveControl& control, const std::function<Time()>& external_upper,
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
    const bool found = InitialDomains(upper_) && Search(0);
    if (found) {
      outcome.starts = best_starts_;
      if (on_solution) on_solution(upper_, best_starts_);
    }
    if (stopped_) break;
    if (!improved_ || upper_ >= before) {
      outcome.proved = !improved_;
      break;
    }
  }
  outcome.upper = upper_;
  outcome.nodes = nodes_;
  return outcome;
}

}  // namespace ordo
