// The best project schedule of one solve, shared by its threads (GA islands, the exact
// search): lock-free reads of the makespan, updates under a mutex with a progress report.
#pragma once

#include <atomic>
#include <limits>
#include <mutex>
#include <optional>
#include <vector>

#include "model/instance.h"
#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/solver.h"

namespace ordo {

class ProjectIncumbent {
 public:
  ProjectIncumbent(const Instance& instance, const SolveControl& control, std::int64_t bound)
      : instance_(instance), control_(control), weight_(instance.objective.terms[0].weight), bound_(bound) {}

  Time makespan() const { return makespan_.load(); }
  std::int64_t bound() const { return bound_.load(); }
  // Proved optimal (or at the bound): every thread may stop.
  bool done() const { return proved_.load() || makespan_.load() * weight_ <= bound_.load(); }
  void MarkProved() { proved_.store(true); }
  void RaiseBound(std::int64_t bound) {
    std::int64_t b = bound_.load();
    while (bound > b && !bound_.compare_exchange_weak(b, bound)) {
    }
  }

  // Keeps the schedule (single mode, makespan objective) if it is shorter; true if kept.
  bool Offer(const std::vector<Time>& start, Time makespan) {
    if (makespan >= makespan_.load()) return false;
    std::lock_guard<std::mutex> lock(mutex_);
    if (makespan >= makespan_.load()) return false;
    Solution s;
    s.mode.assign(start.size(), 0);
    s.start = start;
    s.objective = EvaluateObjective(instance_, s);
    best_ = std::move(s);
    makespan_.store(makespan);
    control_.Report({control_.Elapsed(), best_->objective, bound_.load(), ""});
    return true;
  }
  bool Offer(const Solution& s) { return Offer(s.start, s.objective / weight_); }

  // A copy of the best schedule so far.
  std::optional<Solution> Best() {
    std::lock_guard<std::mutex> lock(mutex_);
    return best_;
  }

  std::optional<Solution> Take() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::move(best_);
  }

 private:
  const Instance& instance_;
  const SolveControl& control_;
  std::int64_t weight_;
  std::mutex mutex_;
  std::atomic<Time> makespan_{std::numeric_limits<Time>::max()};
  std::atomic<std::int64_t> bound_;
  std::atomic<bool> proved_{false};
  std::optional<Solution> best_;
};

}  // namespace ordo
