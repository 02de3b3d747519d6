#include "solve/single_machine/dynasearch.h"

#include <algorithm>

namespace ordo {

Dynasearch::Dynasearch(const SmCostModel& model, DynasearchOptions options)
    : model_(model), insertions_(options.insertions) {
  const int n = model.size();
  window_ = options.window > 0 ? options.window : (n <= 200 ? n : 100);
  window_ = std::max(1, std::min(window_, std::max(1, n - 1)));
}

std::int64_t Dynasearch::BestMoveSet(const std::vector<int>& sequence) {
  const int n = static_cast<int>(sequence.size());
  p_.resize(n), d_.resize(n), c_.resize(n), a_.resize(n), b_.resize(n);
  current_.resize(n), forward_sum_.resize(n), best_.resize(n + 1), choice_.resize(n + 1);
  Time t = 0;
  for (int q = 0; q < n; ++q) {
    const int job = sequence[q];
    p_[q] = model_.p[job], d_[q] = model_.d[job], a_[q] = model_.a[job], b_[q] = model_.b[job];
    t += p_[q];
    c_[q] = t;
    current_[q] = model_.JobCost(job, t);
  }
  // Cost of the job at position q when it completes at `end`.
  const auto f = [&](int q, Time end) { return a_[q] * (end > d_[q] ? end - d_[q] : 0) + b_[q] * end; };

  best_[0] = 0;
  for (int j = 0; j < n; ++j) {
    std::int64_t best = best_[j] + current_[j];
    Choice choice;
    const int lo = std::max(0, j - window_);
    if (insertions_) {
      // Forward: the job at i goes to j; positions i+1..j move earlier by p_i.
      if (j > 0) forward_sum_[j - 1] = 0;
      for (int i = lo; i < j; ++i) {
        forward_sum_[i] += f(j, c_[j] - p_[i]);
        const std::int64_t v = best_[i] + forward_sum_[i] + f(i, c_[j]);
        if (v < best) best = v, choice = {MoveKind::Forward, i};
      }
      // Backward: the job at j goes to i; positions i..j-1 move later by p_j.
      std::int64_t shifted = 0;
      for (int i = j - 1; i >= lo; --i) {
        shifted += f(i, c_[i] + p_[j]);
        const std::int64_t v = best_[i] + f(j, c_[i] - p_[i] + p_[j]) + shifted;
        if (v < best) best = v, choice = {MoveKind::Backward, i};
      }
    }
    // Swaps of i and j; adjacent ones are insertions already when those are on.
    const int top = insertions_ ? j - 2 : j - 1;
    std::int64_t middle_now = 0;    // current cost of positions i+1..j-1
    std::int64_t middle_slope = 0;  // sum of a + b over them: the most a shift of 1 can save
    for (int q = std::max(top + 1, 0); q < j; ++q) middle_now += current_[q], middle_slope += a_[q] + b_[q];
    for (int i = top; i >= lo; --i) {
      const Time delta = p_[j] - p_[i];
      const std::int64_t ends = best_[i] + f(j, c_[i] - p_[i] + p_[j]) + f(i, c_[j]);
      // Lower bound on the middle after the shift: costs are non-decreasing in the
      // completion time and fall by at most (a + b) per unit.
      const std::int64_t middle_low = delta >= 0 ? middle_now : std::max<std::int64_t>(0, middle_now + delta * middle_slope);
      if (ends + middle_low < best) {
        std::int64_t v = ends;
        if (delta == 0) {
          v += middle_now;
        } else {
          for (int q = i + 1; q < j; ++q) v += f(q, c_[q] + delta);
        }
        if (v < best) best = v, choice = {MoveKind::Swap, i};
      }
      middle_now += current_[i], middle_slope += a_[i] + b_[i];
    }
    best_[j + 1] = best;
    choice_[j + 1] = choice;
  }
  ++passes_;
  return best_[n];
}

void Dynasearch::ApplyMoves(std::vector<int>& sequence) {
  for (int q = static_cast<int>(sequence.size()); q > 0;) {
    const Choice ch = choice_[q];
    const int j = q - 1;
    const int i = ch.from;
    const auto at = [&](int k) { return sequence.begin() + k; };
    switch (ch.kind) {
      case MoveKind::None: q = j; continue;
      case MoveKind::Swap: std::swap(sequence[i], sequence[j]); break;
      case MoveKind::Forward: std::rotate(at(i), at(i + 1), at(j + 1)); break;
      case MoveKind::Backward: std::rotate(at(i), at(j), at(j + 1)); break;
    }
    q = i;
  }
}

std::int64_t Dynasearch::Descend(std::vector<int>& sequence) {
  std::int64_t cost = model_.SequenceCost(sequence);
  if (sequence.size() < 2) return cost;
  for (;;) {
    const std::int64_t next = BestMoveSet(sequence) + model_.constant;
    if (next >= cost) return cost;
    ApplyMoves(sequence);
    cost = next;
  }
}

}  // namespace ordo
