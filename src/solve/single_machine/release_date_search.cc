#include "solve/single_machine/release_date_search.h"

#include <algorithm>
#include <limits>

namespace ordo {

namespace {
constexpr std::int64_t kNoGain = std::numeric_limits<std::int64_t>::max();
}  // namespace

ReleaseDateDescent::ReleaseDateDescent(const SmCostModel& model, DynasearchOptions options)
    : model_(model), insertions_(options.insertions),
      release_(model.HasReleaseDates() ? model.r : std::vector<Time>(model.size(), 0)) {
  const int n = model.size();
  window_ = options.window > 0 ? options.window : (n <= 200 ? n : 100);
  window_ = std::max(1, std::min(window_, std::max(1, n - 1)));
}

void ReleaseDateDescent::Rebuild(int from) {
  const int n = static_cast<int>(sequence_.size());
  Time t = from > 0 ? completion_[from - 1] : 0;
  for (int q = from; q < n; ++q) {
    const int job = sequence_[q];
    t = std::max(t, release_[job]) + model_.p[job];
    completion_[q] = t;
    prefix_[q + 1] = prefix_[q] + model_.JobCost(job, t);
  }
}

std::int64_t ReleaseDateDescent::CostNow() const {
  return prefix_.back() + (sequence_.empty() ? 0 : model_.makespan_weight * completion_.back());
}

std::int64_t ReleaseDateDescent::MoveDelta(int i, int j) const {
  const int n = static_cast<int>(sequence_.size());
  Time t = i > 0 ? completion_[i - 1] : 0;
  std::int64_t delta = prefix_[i] - prefix_[j + 1];
  for (int k = 0; k <= j - i; ++k) {
    const int job = moved_[k];
    t = std::max(t, release_[job]) + model_.p[job];
    delta += model_.JobCost(job, t);
  }
  for (int q = j + 1; q < n; ++q) {
    const Time before = completion_[q - 1];
    if (t == before) return delta;
    if (t > before && delta >= 0) return kNoGain;
    const int job = sequence_[q];
    t = std::max(t, release_[job]) + model_.p[job];
    delta += model_.JobCost(job, t) - (prefix_[q + 1] - prefix_[q]);
  }
  const Time before = completion_[n - 1];
  if (t > before && delta >= 0) return kNoGain;
  return delta + model_.makespan_weight * (t - before);
}

std::int64_t ReleaseDateDescent::Descend(std::vector<int>& sequence) {
  const int n = static_cast<int>(sequence.size());
  sequence_ = sequence;
  completion_.assign(n, 0);
  prefix_.assign(n + 1, 0);
  moved_.resize(n);
  Rebuild(0);
  std::int64_t cost = CostNow();
  for (bool improved = n >= 2; improved;) {
    improved = false;
    ++passes_;
    for (int i = 0; i + 1 < n; ++i) {
      for (int j = i + 1; j < n && j - i <= window_; ++j) {
        const auto try_move = [&] {
          const std::int64_t delta = MoveDelta(i, j);
          if (delta >= 0) return false;
          std::copy(moved_.begin(), moved_.begin() + (j - i + 1), sequence_.begin() + i);
          Rebuild(i);
          cost += delta;
          improved = true;
          return true;
        };
        const auto at = [&](int q) { return sequence_.begin() + q; };
        if (insertions_) {
          // Forward: the job at i goes to j.
          std::copy(at(i + 1), at(j + 1), moved_.begin());
          moved_[j - i] = sequence_[i];
          if (try_move()) continue;
          // Backward: the job at j goes to i.
          moved_[0] = sequence_[j];
          std::copy(at(i), at(j), moved_.begin() + 1);
          if (try_move()) continue;
          if (j == i + 1) continue;  // the adjacent swap is an insertion
        }
        std::copy(at(i), at(j + 1), moved_.begin());
        std::swap(moved_[0], moved_[j - i]);
        try_move();
      }
    }
  }
  sequence = sequence_;
  return cost;
}

}  // namespace ordo
