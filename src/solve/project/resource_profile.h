// Remaining capacity of every renewable resource over time, as a step function with
// breakpoints (not a time-indexed array, so horizons of any length cost nothing). Calendar
// periods are part of the initial profile. Used by the schedule-generation schemes.
#pragma once

#include <cstdint>
#include <vector>

#include "model/instance.h"

namespace ordo {

class ResourceProfile {
 public:
  // extra_unit_resources appends that many resources of capacity 1 (index
  // instance.resources.size() + k), which the SGS uses to model disjunctive pairs.
  explicit ResourceProfile(const Instance& instance, int extra_unit_resources = 0);

  // Earliest t >= from such that every demand fits during [t, t + duration), or -1 when
  // the demands never fit (only possible when they exceed the base capacity and fit only
  // in calendar periods of raised capacity that are too short or past).
  Time EarliestFit(Time from, Time duration, const std::vector<Demand>& demands) const;
  bool Fits(Time t, Time duration, const std::vector<Demand>& demands) const;
  // Subtracts the demands on [t, t + duration).
  void Reserve(Time t, Time duration, const std::vector<Demand>& demands);
  // First breakpoint strictly after t (a time where some availability changes), or -1.
  Time NextChangeAfter(Time t) const;

 private:
  std::size_t SegmentOf(Time t) const;  // segment containing t
  std::size_t Split(Time t);            // ensures a breakpoint at t; returns its segment

  int num_resources_ = 0;
  std::vector<Time> begin_;           // segment k covers [begin_[k], begin_[k+1]) (last: to infinity)
  std::vector<std::int64_t> avail_;   // segment k, resource r at k * num_resources_ + r
};

}  // namespace ordo
