#include "solve/project/safe_horizon.h"

#include <algorithm>
#include <vector>

namespace ordo {

Time SafeHorizon(const Instance& in) {
  Time latest = 0;
  for (const Job& j : in.jobs) {
    latest = std::max(latest, j.release);
    if (j.deadline != kNoDeadline) latest = std::max(latest, j.deadline);
  }
  for (const Operation& op : in.operations) {
    latest = std::max(latest, op.release);
    if (op.deadline != kNoDeadline) latest = std::max(latest, op.deadline);
  }
  for (const Resource& r : in.resources) {
    for (const CapacityPeriod& p : r.calendar) latest = std::max(latest, p.end);
  }
  std::vector<Time> duration(in.operations.size(), 0);
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    for (const Mode& m : in.operations[o].modes) duration[o] = std::max(duration[o], m.duration);
  }
  std::vector<Time> longest = duration;
  for (const Precedence& p : in.precedences) {
    const Time distance = p.lag + (p.type == PrecedenceType::EndToStart ? duration[p.from] : 0);
    longest[p.from] = std::max(longest[p.from], distance);
  }
  Time sum = latest;
  for (Time t : longest) sum += t;
  return sum;
}

}  // namespace ordo
