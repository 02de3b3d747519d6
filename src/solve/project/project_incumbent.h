// The best project schedule of one solve, shared by its threads (GA islands, the exact
// search, the LNS): lock-free reads of its objective, updates under a mutex with a progress
// report.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
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
      : instance_(instance),
        control_(control),
        weight_(instance.objective.terms[0].weight),
        makespan_only_(instance.objective.terms.size() == 1 && instance.objective.terms[0].kind == ObjectiveKind::Makespan),
        bound_(bound) {}

  // The objective of the best schedule (the largest value while there is none).
  std::int64_t objective() const { return objective_.load(); }
  bool has_schedule() const { return objective_.load() != kNone; }
  std::int64_t bound() const { return bound_.load(); }
  // Proved optimal (or at the bound): every thread may stop.
  bool done() const { return proved_.load() || (has_schedule() && objective_.load() <= bound_.load()); }
  void MarkProved() { proved_.store(true); }
  void RaiseBound(std::int64_t bound) {
    std::int64_t b = bound_.load();
    while (bound > b && !bound_.compare_exchange_weak(b, bound)) {
    }
  }

  // A schedule of single-mode activities (the genetic algorithm's): the makespan shortcut
  // when the objective is the makespan alone, else Offer, which evaluates it.
  bool OfferStarts(const std::vector<Time>& start, Time makespan) {
    if (makespan_only_) return OfferMakespan(start, makespan);
    Solution s;
    s.mode.assign(start.size(), 0);
    s.start = start;
    return Offer(s);
  }
  // For makespan objectives only (the genetic algorithm's): keeps the schedule if it is
  // shorter; true if kept.
  bool OfferMakespan(const std::vector<Time>& start, Time makespan) {
    if (makespan * weight_ >= objective_.load()) return false;
    Solution s;
    s.mode.assign(start.size(), 0);
    s.start = start;
    return Offer(s);
  }
  // Keeps the schedule if its objective (recomputed) is lower; true if kept.
  bool Offer(const Solution& s) {
    const std::int64_t objective = EvaluateObjective(instance_, s);
    if (objective >= objective_.load()) return false;
    std::lock_guard<std::mutex> lock(mutex_);
    if (objective >= objective_.load()) return false;
    best_ = s;
    best_->objective = objective;
    objective_.store(objective);
    control_.Report({control_.Elapsed(), objective, bound_.load(), ""});
    first_schedule_.notify_all();
    return true;
  }

  // Blocks until some thread has offered a schedule (true) or stop() holds (false, checked
  // every 10 ms): a helper that improves schedules waits here where no rule found one.
  bool WaitForSchedule(const std::function<bool()>& stop) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!best_) {
      if (stop()) return false;
      first_schedule_.wait_for(lock, std::chrono::milliseconds(10));
    }
    return true;
  }

  // A copy of the best schedule so far.
  std::optional<Solution> Best() {
    std::lock_guard<std::mutex> lock(mutex_);
    return best_;
  }

  // Moves the best schedule out, for the result once the threads are done; Best() is empty
  // afterwards (not a moved-from Solution), objective() still says what it was.
  std::optional<Solution> Take() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::optional<Solution> out;
    out.swap(best_);
    return out;
  }

 private:
  const Instance& instance_;
  const SolveControl& control_;
  std::int64_t weight_;
  bool makespan_only_;
  std::mutex mutex_;
  std::condition_variable first_schedule_;
  static constexpr std::int64_t kNone = std::numeric_limits<std::int64_t>::max();
  std::atomic<std::int64_t> objective_{kNone};
  std::atomic<std::int64_t> bound_;
  std::atomic<bool> proved_{false};
  std::optional<Solution> best_;
};

}  // namespace ordo
