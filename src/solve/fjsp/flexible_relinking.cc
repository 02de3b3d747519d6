#include "solve/fjsp/flexible_relinking.h"

#include <algorithm>
#include <limits>

#include "solve/shop/shop_problem.h"

namespace ordo {
namespace {

// prev[op] = op's machine predecessor in s (-1 if first).
void MachinePredecessors(const FlexibleSchedule& s, int* prev) {
  const int machines = static_cast<int>(s.machine_begin.size()) - 1;
  for (int m = 0; m < machines; ++m) {
    for (int i = s.machine_begin[m]; i < s.machine_begin[m + 1]; ++i) {
      prev[s.order[i]] = i > s.machine_begin[m] ? s.order[i - 1] : -1;
    }
  }
}

}  // namespace

int ScheduleDistance(const FlexibleSchedule& a, const FlexibleSchedule& b, std::vector<int>& scratch) {
  const std::size_t n = a.mode.size();
  scratch.resize(2 * n);
  MachinePredecessors(a, scratch.data());
  MachinePredecessors(b, scratch.data() + n);
  int d = 0;
  for (std::size_t o = 0; o < n; ++o) d += a.mode[o] != b.mode[o] || scratch[o] != scratch[n + o];
  return d;
}

FlexibleRelinker::FlexibleRelinker(int num_ops) : guide_prev_(num_ops), guide_pos_(num_ops) {
  candidates_.reserve(num_ops);
}

void FlexibleRelinker::RelinkTowards(FlexibleGraph& g, const FlexibleSchedule& from, const FlexibleSchedule& to,
                                     double begin, double end, Rng& rng) {
  const ShopProblem& shop = g.shop();
  g.Set(from);
  MachinePredecessors(to, guide_prev_.data());
  for (int m = 0; m < shop.num_machines; ++m) {
    for (int i = to.machine_begin[m]; i < to.machine_begin[m + 1]; ++i) {
      guide_pos_[to.order[i]] = i - to.machine_begin[m];
    }
  }
  candidates_.clear();
  for (int o = 0; o < shop.num_ops; ++o) {
    if (g.mode_of(o) != to.mode[o] || g.machine_prev(o) != guide_prev_[o]) candidates_.push_back(o);
  }
  const int distance = static_cast<int>(candidates_.size());
  const int steps = std::max(distance > 0 ? 1 : 0, static_cast<int>(end * distance));
  const int first_kept = std::min(steps, static_cast<int>(begin * distance));
  Time best = std::numeric_limits<Time>::max();
  int done = 0;
  while (done < steps && !candidates_.empty()) {
    const std::size_t pick = rng.Below(candidates_.size());
    const int o = candidates_[pick];
    candidates_[pick] = candidates_.back();
    candidates_.pop_back();
    const int mode = to.mode[o];
    if (g.mode_of(o) == mode && g.machine_prev(o) == guide_prev_[o]) continue;  // fixed by an earlier step
    const int machine = shop.modes[mode].machine;
    int after = -1;
    const int* seq = g.sequence(machine);
    for (int i = 0; i < g.sequence_size(machine); ++i) {
      const int x = seq[i];
      if (x != o && shop.modes[to.mode[x]].machine == machine && guide_pos_[x] < guide_pos_[o]) after = x;
    }
    const int old_mode = g.mode_of(o), old_prev = g.machine_prev(o);
    if (old_mode == mode && old_prev == after) continue;
    g.Reassign(o, mode, after);
    if (!g.Evaluate()) {  // would create a cycle: undo and skip this operation
      g.Reassign(o, old_mode, old_prev);
      g.Evaluate();
      continue;
    }
    ++done;
    if (done >= first_kept && g.makespan() < best) {
      best = g.makespan();
      g.Get(best_);
    }
  }
  if (best < std::numeric_limits<Time>::max() && best < g.makespan()) g.Set(best_);
}

bool FlexibleElitePool::Add(Time makespan, const FlexibleSchedule& schedule) {
  for (const Entry& e : entries_) {
    if (e.makespan == makespan && e.schedule == schedule) return false;
  }
  if (entries_.size() >= capacity_) {
    if (makespan >= entries_.back().makespan) return false;
    entries_.back().makespan = makespan;
    entries_.back().schedule = schedule;  // reuses the worst entry's storage
  } else {
    entries_.push_back({makespan, schedule});
  }
  // Bubble the new entry up to keep the pool sorted, best first, ties in arrival order.
  for (std::size_t i = entries_.size() - 1; i > 0 && entries_[i].makespan < entries_[i - 1].makespan; --i) {
    std::swap(entries_[i], entries_[i - 1]);
  }
  return true;
}

}  // namespace ordo
