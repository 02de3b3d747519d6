// Diversification for the flexible job-shop tabu search: an elite pool of distinct good
// schedules and path relinking between two of them (Glover 1997; for the job shop, Peng, Lü
// & Cheng 2015, C&OR 53; González, Vela & Varela 2015, EJOR 245(1), relink flexible job-shop
// schedules in a scatter search). Here a step takes one operation whose machine or machine
// predecessor differs from the guide's, gives it the guide's mode and inserts it right after
// the last operation of that machine that precedes it in the guide; a step that would create
// a cycle is undone and skipped. As in Peng et al., the walk keeps the best schedule met in
// its middle part, a start that shares structure with both ends.
//
// Cost: O(N) per step; the relinker and the pool allocate only while they warm up.
#pragma once

#include <cstddef>
#include <vector>

#include "solve/common/rng.h"
#include "solve/fjsp/flexible_graph.h"

namespace ordo {

// Number of operations whose mode or machine predecessor differ between a and b.
int ScheduleDistance(const FlexibleSchedule& a, const FlexibleSchedule& b, std::vector<int>& scratch);

class FlexibleRelinker {
 public:
  explicit FlexibleRelinker(int num_ops);
  // Loads `from` into g and walks towards `to` for the fraction `end` of their distance (at
  // least one step when they differ); g ends at the best schedule met from the fraction
  // `begin` of the distance on, evaluated.
  void RelinkTowards(FlexibleGraph& g, const FlexibleSchedule& from, const FlexibleSchedule& to, double begin,
                     double end, Rng& rng);

 private:
  std::vector<int> guide_prev_, guide_pos_, candidates_;
  FlexibleSchedule best_;
};

// A small pool of the best distinct schedules seen, best first.
class FlexibleElitePool {
 public:
  explicit FlexibleElitePool(std::size_t capacity) : capacity_(capacity) {}
  // Adds (makespan, schedule) unless it is already present or worse than a full pool's worst.
  bool Add(Time makespan, const FlexibleSchedule& schedule);
  std::size_t size() const { return entries_.size(); }
  const FlexibleSchedule& schedule(std::size_t i) const { return entries_[i].schedule; }
  Time makespan(std::size_t i) const { return entries_[i].makespan; }

 private:
  struct Entry {
    Time makespan;
    FlexibleSchedule schedule;
  };
  std::size_t capacity_;
  std::vector<Entry> entries_;
};

}  // namespace ordo
