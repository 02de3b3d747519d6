#include "solve/project/resource_profile.h"

#include <algorithm>

namespace ordo {

ResourceProfile::ResourceProfile(const Instance& instance, int extra_unit_resources)
    : num_resources_(static_cast<int>(instance.resources.size()) + extra_unit_resources) {
  std::vector<Time> points{0};
  for (const Resource& r : instance.resources) {
    for (const CapacityPeriod& p : r.calendar) {
      points.push_back(p.start);
      points.push_back(p.end);
    }
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  begin_ = points;
  avail_.assign(points.size() * num_resources_, 0);
  for (std::size_t k = 0; k < points.size(); ++k) {
    for (int r = 0; r < num_resources_; ++r) {
      if (r >= static_cast<int>(instance.resources.size())) {
        avail_[k * num_resources_ + r] = 1;
        continue;
      }
      const Resource& res = instance.resources[r];
      std::int64_t cap = res.capacity;
      for (const CapacityPeriod& p : res.calendar) {
        if (p.start <= points[k] && points[k] < p.end) cap = p.capacity;
      }
      avail_[k * num_resources_ + r] = cap;
    }
  }
}

std::size_t ResourceProfile::SegmentOf(Time t) const {
  const auto it = std::upper_bound(begin_.begin(), begin_.end(), t);
  return static_cast<std::size_t>(it - begin_.begin()) - 1;
}

std::size_t ResourceProfile::Split(Time t) {
  const std::size_t k = SegmentOf(t);
  if (begin_[k] == t) return k;
  begin_.insert(begin_.begin() + static_cast<std::ptrdiff_t>(k + 1), t);
  const auto from = avail_.begin() + static_cast<std::ptrdiff_t>(k * num_resources_);
  std::vector<std::int64_t> copy(from, from + num_resources_);
  avail_.insert(avail_.begin() + static_cast<std::ptrdiff_t>((k + 1) * num_resources_), copy.begin(), copy.end());
  return k + 1;
}

bool ResourceProfile::Fits(Time t, Time duration, const std::vector<Demand>& demands) const {
  if (duration <= 0 || demands.empty()) return true;
  for (std::size_t k = SegmentOf(t); k < begin_.size() && begin_[k] < t + duration; ++k) {
    for (const Demand& d : demands) {
      if (avail_[k * num_resources_ + d.resource] < d.amount) return false;
    }
  }
  return true;
}

Time ResourceProfile::EarliestFit(Time from, Time duration, const std::vector<Demand>& demands) const {
  if (duration <= 0 || demands.empty()) return from;
  Time t = from;
  std::size_t k = SegmentOf(t);
  while (true) {
    bool fits = true;
    for (std::size_t s = k; s < begin_.size() && begin_[s] < t + duration; ++s) {
      for (const Demand& d : demands) {
        if (avail_[s * num_resources_ + d.resource] < d.amount) {
          fits = false;
          break;
        }
      }
      if (!fits) {
        // Restart after the blocking segment.
        k = s + 1;
        if (k >= begin_.size()) return -1;
        t = begin_[k];
        break;
      }
    }
    if (fits) return t;
  }
}

void ResourceProfile::Reserve(Time t, Time duration, const std::vector<Demand>& demands) {
  if (duration <= 0 || demands.empty()) return;
  const std::size_t first = Split(t);
  const std::size_t last = Split(t + duration);
  for (std::size_t k = first; k < last; ++k) {
    for (const Demand& d : demands) avail_[k * num_resources_ + d.resource] -= d.amount;
  }
}

Time ResourceProfile::NextChangeAfter(Time t) const {
  const auto it = std::upper_bound(begin_.begin(), begin_.end(), t);
  return it == begin_.end() ? -1 : *it;
}

}  // namespace ordo
