// Diversification for the job-shop local search: an elite pool of distinct good schedules
// and path relinking between two of them (Glover 1997; for the job shop, Peng, Lü & Cheng
// 2015, "A tabu search/path relinking algorithm to solve the job shop scheduling problem",
// C&OR 53). Walking from an initiating schedule towards a guiding one, each step moves one
// operation to the position it has in the guide (steps that would create a cycle are
// skipped); the walk stops part way, giving a start that shares structure with both.
#pragma once

#include <vector>

#include "solve/common/rng.h"
#include "solve/jobshop/disjunctive_graph.h"

namespace ordo {

using MachineSequences = std::vector<std::vector<int>>;

// Number of (machine, position) slots whose operation differs.
int SequenceDistance(const MachineSequences& a, const MachineSequences& b);

// Loads `from` into g and moves it towards `to` for `fraction` of their distance (at least
// one step when they differ). g holds the result, evaluated, on return.
void RelinkTowards(DisjunctiveGraph& g, const MachineSequences& from, const MachineSequences& to, double fraction,
                   Rng& rng);

// A small pool of the best distinct schedules seen.
class ElitePool {
 public:
  explicit ElitePool(std::size_t capacity) : capacity_(capacity) {}
  // Adds (makespan, sequences) unless an identical schedule is present; keeps the best
  // `capacity` by makespan. Returns true if it was added.
  bool Add(Time makespan, const MachineSequences& sequences);
  std::size_t size() const { return entries_.size(); }
  const MachineSequences& sequences(std::size_t i) const { return entries_[i].second; }
  Time makespan(std::size_t i) const { return entries_[i].first; }

 private:
  std::size_t capacity_;
  std::vector<std::pair<Time, MachineSequences>> entries_;
};

}  // namespace ordo
