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
    length_prefix_[q + 1] = length_prefix_[q] + model_.p[job];
    cost_prefix_[q + 1] = cost_prefix_[q] + Cost(job, t);
    slope_prefix_[q + 1] = slope_prefix_[q] + model_.a[job] + model_.b[job];
    late_slope_prefix_[q + 1] = late_slope_prefix_[q] + model_.b[job] + (t >= model_.d[job] ? model_.a[job] : 0);
  }
}

std::int64_t ReleaseDateDescent::WithTail(int j, Time t, std::int64_t delta) const {
  const int n = static_cast<int>(sequence_.size());
  for (int q = j + 1; q < n; ++q) {
    const Time before = completion_[q - 1];
    if (t == before) return delta;
    if (t > before && delta >= 0) return kNoGain;
    const int job = sequence_[q];
    t = std::max(t, release_[job]) + model_.p[job];
    delta += Cost(job, t) - (cost_prefix_[q + 1] - cost_prefix_[q]);
  }
  const Time before = completion_[n - 1];
  if (t > before && delta >= 0) return kNoGain;
  return delta + model_.makespan_weight * (t - before);
}

std::int64_t ReleaseDateDescent::ImproveAt(int i) {
  const int n = static_cast<int>(sequence_.size());
  const Time start = i > 0 ? completion_[i - 1] : 0;  // where position i may begin
  const int a = sequence_[i];
  const auto block_length = [&](int from, int to) { return length_prefix_[to + 1] - length_prefix_[from]; };
  const auto old_cost = [&](int from, int to) { return cost_prefix_[to + 1] - cost_prefix_[from]; };
  const auto apply = [&](auto&& change, std::int64_t delta) {
    change();
    Rebuild(i);
    return delta;
  };
  const auto at = [&](int q) { return sequence_.begin() + q; };
  // Forward insertions: the block i+1..j from `start`, grown by one job per j.
  Time forward_end = start;
  std::int64_t forward_cost = 0;
  own_completion_.clear();
  own_cost_prefix_.assign(1, 0);
  Time own_end = 0;
  for (int j = i + 1; j < n && j - i <= window_; ++j) {
    const int b = sequence_[j];
    forward_end = std::max(forward_end, release_[b]) + model_.p[b];
    forward_cost += Cost(b, forward_end);
    if (insertions_) {
      // Forward: a goes to j.
      const Time t = std::max(forward_end, release_[a]) + model_.p[a];
      std::int64_t delta = WithTail(j, t, forward_cost + Cost(a, t) - old_cost(i, j));
      if (delta < 0) return apply([&] { std::rotate(at(i), at(i + 1), at(j + 1)); }, delta);
      // Backward: b goes to i; positions i..j-1 are delayed and catch up (or not).
      const Time t0 = std::max(start, release_[b]) + model_.p[b];
      const Time end = std::max(t0 + block_length(i, j - 1), completion_[j - 1]);
      const std::int64_t ends = Cost(b, t0) - Cost(b, completion_[j]);
      const Time least_delay = std::max<Time>(0, t0 + block_length(i, j - 1) - completion_[j - 1]);
      const std::int64_t least_loss = least_delay * (late_slope_prefix_[j] - late_slope_prefix_[i]);
      if (!(end >= completion_[j] && ends + least_loss >= 0)) {
        delta = ends;
        int q = i;
        for (; q < j; ++q) {
          const Time delayed = t0 + block_length(i, q);
          if (delayed <= completion_[q]) break;
          delta += Cost(sequence_[q], delayed) - old_cost(q, q);
        }
        delta = WithTail(j, end, delta);
        if (delta < 0) return apply([&] { std::rotate(at(i), at(j), at(j + 1)); }, delta);
      }
    }
    // Swap a and b (the adjacent swap is an insertion): b at i, the middle i+1..j-1 from
    // t0, a at j.
    if (!insertions_ || j >= i + 2) {
      const Time t0 = std::max(start, release_[b]) + model_.p[b];
      const int middle = j - i - 1;
      const Time middle_end = middle == 0 ? t0 : std::max(t0 + block_length(i + 1, j - 1), own_completion_[middle - 1]);
      const Time t = std::max(middle_end, release_[a]) + model_.p[a];
      const std::int64_t middle_now = old_cost(i + 1, j - 1);
      const std::int64_t ends = Cost(b, t0) + Cost(a, t) - Cost(a, completion_[i]) - Cost(b, completion_[j]);
      // The middle starts `saved` earlier (each of its jobs gains at most that much time) or
      // ends `middle_end - completion_[j - 1]` later (each is delayed at least that much).
      const Time saved = completion_[i] - t0;
      const std::int64_t middle_bound =
          saved > 0 ? -std::min(middle_now, saved * (slope_prefix_[j] - slope_prefix_[i + 1]))
                    : std::max<Time>(0, middle_end - completion_[j - 1]) * (late_slope_prefix_[j] - late_slope_prefix_[i + 1]);
      if (!(t >= completion_[j] && ends + middle_bound >= 0)) {
        std::int64_t delta = ends - middle_now;
        int k = 0;  // middle positions i+1+k from here on follow their own schedule
        for (; k < middle; ++k) {
          const Time shifted = t0 + block_length(i + 1, i + 1 + k);
          if (shifted <= own_completion_[k]) break;
          delta += Cost(sequence_[i + 1 + k], shifted);
        }
        delta += own_cost_prefix_[middle] - own_cost_prefix_[k];
        delta = WithTail(j, t, delta);
        if (delta < 0) return apply([&] { std::swap(sequence_[i], sequence_[j]); }, delta);
      }
    }
    // The block i+1..j from time 0, for the next swaps' middles.
    own_end = std::max(own_end, release_[b]) + model_.p[b];
    own_completion_.push_back(own_end);
    own_cost_prefix_.push_back(own_cost_prefix_.back() + Cost(b, own_end));
  }
  return 0;
}

std::int64_t ReleaseDateDescent::Descend(std::vector<int>& sequence) {
  const int n = static_cast<int>(sequence.size());
  sequence_ = sequence;
  completion_.assign(n, 0);
  length_prefix_.assign(n + 1, 0);
  cost_prefix_.assign(n + 1, 0);
  slope_prefix_.assign(n + 1, 0);
  late_slope_prefix_.assign(n + 1, 0);
  own_completion_.reserve(n);
  own_cost_prefix_.reserve(n + 1);
  Rebuild(0);
  std::int64_t cost = n > 0 ? cost_prefix_[n] + model_.makespan_weight * completion_[n - 1] : 0;
  for (bool improved = n >= 2; improved;) {
    improved = false;
    ++passes_;
    for (int i = 0; i + 1 < n; ++i) {
      while (const std::int64_t delta = ImproveAt(i)) {
        cost += delta;
        improved = true;
      }
    }
  }
  sequence = sequence_;
  return cost;
}

}  // namespace ordo
