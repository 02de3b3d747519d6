#include "solve/jobshop/path_relinking.h"

#include <algorithm>

namespace ordo {

int SequenceDistance(const MachineSequences& a, const MachineSequences& b) {
  int d = 0;
  for (std::size_t m = 0; m < a.size(); ++m) {
    for (std::size_t i = 0; i < a[m].size(); ++i) d += a[m][i] != b[m][i];
  }
  return d;
}

void RelinkTowards(DisjunctiveGraph& g, const MachineSequences& from, const MachineSequences& to, double fraction,
                   Rng& rng) {
  MachineSequences current = from;
  const int distance = SequenceDistance(from, to);
  const int steps = std::max(distance > 0 ? 1 : 0, static_cast<int>(fraction * distance / 2));
  // Candidate (machine, position) slots that still differ; a step fixes one slot by moving
  // the guide's operation there.
  std::vector<std::pair<int, int>> slots;
  for (std::size_t m = 0; m < current.size(); ++m) {
    for (std::size_t i = 0; i < current[m].size(); ++i) {
      if (current[m][i] != to[m][i]) slots.push_back({static_cast<int>(m), static_cast<int>(i)});
    }
  }
  g.SetSequences(current);
  int done = 0;
  while (done < steps && !slots.empty()) {
    const std::size_t pick = rng.Below(slots.size());
    const auto [m, i] = slots[pick];
    slots[pick] = slots.back();
    slots.pop_back();
    std::vector<int>& seq = current[m];
    if (seq[i] == to[m][i]) continue;  // fixed by an earlier step
    const int op = to[m][i];
    const auto j = static_cast<std::size_t>(std::find(seq.begin(), seq.end(), op) - seq.begin());
    const int old_prev = g.machine_prev(op);
    // Put op at position i: before the current occupant when op comes from later in the
    // sequence, after it when op comes from earlier (the others shift left).
    if (j > static_cast<std::size_t>(i)) g.MoveBefore(op, seq[i]);
    else g.MoveAfter(op, seq[i]);
    if (!g.Evaluate()) {  // would create a cycle: undo and skip this slot
      g.MoveAfter(op, old_prev);
      continue;
    }
    seq.clear();
    for (int x = g.machine_first(m); x >= 0; x = g.machine_next(x)) seq.push_back(x);
    ++done;
  }
  g.Evaluate();
}

bool ElitePool::Add(Time makespan, const MachineSequences& sequences) {
  for (const auto& e : entries_) {
    if (e.first == makespan && e.second == sequences) return false;
  }
  if (entries_.size() >= capacity_ && makespan >= entries_.back().first) return false;
  entries_.push_back({makespan, sequences});
  std::stable_sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  if (entries_.size() > capacity_) entries_.pop_back();
  return true;
}

}  // namespace ordo
