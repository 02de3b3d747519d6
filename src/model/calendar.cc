#include "model/calendar.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace ordo {
namespace {

// The zero-capacity periods of the mode's resources, merged into disjoint sorted intervals.
std::vector<CapacityPeriod> DownPeriods(const Instance& in, const Mode& mode) {
  std::vector<CapacityPeriod> down;
  for (const Demand& d : mode.demands) {
    if (d.amount <= 0) continue;
    for (const CapacityPeriod& p : in.resources[d.resource].calendar) {
      if (p.capacity == 0 && p.start < p.end) down.push_back(p);
    }
  }
  return MergeDowntime(std::move(down));
}

}  // namespace

std::vector<CapacityPeriod> MergeDowntime(std::vector<CapacityPeriod> periods) {
  std::sort(periods.begin(), periods.end(), [](const CapacityPeriod& a, const CapacityPeriod& b) { return a.start < b.start; });
  std::vector<CapacityPeriod> merged;
  for (const CapacityPeriod& p : periods) {
    if (!merged.empty() && p.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, p.end);
    } else {
      merged.push_back(p);
    }
  }
  return merged;
}

Time OperationEnd(const Instance& in, int op, int mode, Time start) {
  const Operation& operation = in.operations[op];
  const Mode& m = operation.modes[mode];
  if (!operation.resumable) return start + m.duration;
  Time t = start, left = m.duration;
  for (const CapacityPeriod& p : DownPeriods(in, m)) {
    if (p.end <= t) continue;
    if (t + left <= p.start) break;
    left -= std::max<Time>(0, p.start - t);  // work done before this downtime
    t = p.end;
  }
  return t + left;
}

bool IsDown(const Instance& in, int op, int mode, Time t) {
  for (const Demand& d : in.operations[op].modes[mode].demands) {
    if (d.amount <= 0) continue;
    for (const CapacityPeriod& p : in.resources[d.resource].calendar) {
      if (p.capacity == 0 && p.start <= t && t < p.end) return true;
    }
  }
  return false;
}

}  // namespace ordo
