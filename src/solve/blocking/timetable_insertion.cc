#include "solve/blocking/timetable_insertion.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace ordo {

namespace {
constexpr Time kInf = std::numeric_limits<Time>::max() / 4;
}  // namespace

// Earliest t >= from with [t, t + length) free; *gap_end receives the start of the next
// occupation after t (kInf if none).
Time TimetableInsertion::Timetable::FirstFit(Time from, Time length, Time* gap_end) const {
  Time t = from;
  for (const Interval& iv : busy_) {
    if (iv.end <= t) continue;
    if (t + length <= iv.start && !(length == 0 && iv.start < t)) {
      *gap_end = iv.start;
      return t;
    }
    t = std::max(t, iv.end);
  }
  *gap_end = kInf;
  return t;
}

bool TimetableInsertion::Timetable::Free(Time a, Time b) const {
  for (const Interval& iv : busy_) {
    if (iv.start < b && a < iv.end) return false;
  }
  return true;
}

bool TimetableInsertion::Timetable::SomeoneStartsAt(Time t) const {
  return std::any_of(busy_.begin(), busy_.end(), [t](const Interval& iv) { return iv.start == t; });
}

bool TimetableInsertion::Timetable::SomeoneEndsAt(Time t) const {
  return std::any_of(busy_.begin(), busy_.end(), [t](const Interval& iv) { return iv.end == t; });
}

void TimetableInsertion::Timetable::Add(Time a, Time b) {
  if (a >= b) return;
  busy_.insert(std::upper_bound(busy_.begin(), busy_.end(), a, [](Time x, const Interval& iv) { return x < iv.start; }),
               Interval{a, b});
}

TimetableInsertion::TimetableInsertion(const ShopProblem& shop, bool no_swaps) : shop_(shop), no_swaps_(no_swaps) {}

void TimetableInsertion::Build(const std::vector<int>& order) {
  machines_.assign(shop_.num_machines, Timetable{});
  for (int m = 0; m < shop_.num_machines; ++m) {
    for (const Downtime& d : shop_.downtime[m]) machines_[m].Add(d.start, d.end);
  }
  start_.assign(shop_.num_ops, 0);
  mode_.assign(shop_.num_ops, 0);
  for (int o = 0; o < shop_.num_ops; ++o) mode_[o] = shop_.mode_begin[o];
  for (int j : order) Insert(j);
}

// Places job j at the earliest start from which every operation can follow without
// conflict; on failure at some stage, retries from a later start of the first operation.
void TimetableInsertion::Insert(int j) {
  const int first = shop_.job_begin[j], last = shop_.job_begin[j + 1];
  if (first == last) return;
  s_.assign(last - first, 0);
  k_.assign(last - first, 0);
  Time from = shop_.release[first];
  while (true) {
    Time next_from = kInf;
    if (TryFrom(j, from, &next_from)) break;
    from = std::max(from + 1, next_from);
  }
  for (int o = first; o < last; ++o) {
    const int i = o - first;
    start_[o] = s_[i];
    mode_[o] = k_[i];
    const Time hold_end = o + 1 < last ? s_[i + 1] : s_[i] + shop_.modes[k_[i]].duration;
    machines_[shop_.modes[k_[i]].machine].Add(s_[i], hold_end);
  }
}

// Tries to run job j with its first operation starting at or after from. On failure sets
// *next_from to a later start worth trying.
bool TimetableInsertion::TryFrom(int j, Time from, Time* next_from) {
  const int first = shop_.job_begin[j], last = shop_.job_begin[j + 1];
  Time gap_end = kInf;  // the current machine must be left by then
  int prev_machine = -1;
  for (int o = first; o < last; ++o) {
    const int i = o - first;
    Time best_t = kInf, best_gap = kInf, earliest_any = kInf;
    int best_k = -1;
    for (int q = shop_.mode_begin[o]; q < shop_.mode_begin[o + 1]; ++q) {
      const ShopMode& m = shop_.modes[q];
      const Time earliest = i == 0 ? std::max(from, shop_.release[o])
                                   : std::max(s_[i - 1] + shop_.modes[k_[i - 1]].duration, shop_.release[o]);
      Time g = kInf;
      Time t = machines_[m.machine].FirstFit(earliest, std::max<Time>(m.duration, 0), &g);
      // The previous machine is held until t: it must stay free that long, and without
      // swaps the transfer at t must not close a cycle.
      while (i > 0 && t <= gap_end && no_swaps_ && machines_[prev_machine].SomeoneStartsAt(t) &&
             machines_[m.machine].SomeoneEndsAt(t)) {
        t = machines_[m.machine].FirstFit(t + 1, m.duration, &g);
      }
      earliest_any = std::min(earliest_any, t);
      if (i > 0 && t > gap_end) continue;
      if (t < best_t) {
        best_t = t;
        best_gap = g;
        best_k = q;
      }
    }
    if (best_k < 0) {
      // The previous machine cannot be held until this operation can start: start the
      // whole job later, by at least the shortfall (any later start keeps the search
      // complete, since far enough ahead every machine is free).
      *next_from = s_[0] + std::max<Time>(1, earliest_any - gap_end);
      return false;
    }
    s_[i] = best_t;
    k_[i] = best_k;
    // Hold the machine from s[i] onwards: it must be free from s[i] until we leave it.
    gap_end = best_gap;
    prev_machine = shop_.modes[best_k].machine;
    if (i > 0 && !machines_[shop_.modes[k_[i - 1]].machine].Free(s_[i - 1], s_[i])) {
      *next_from = s_[0] + 1;
      return false;
    }
  }
  return true;
}

std::vector<int> RuleJobOrder(const ShopProblem& shop, const std::string& rule) {
  std::vector<int> order(shop.num_jobs);
  std::iota(order.begin(), order.end(), 0);
  auto work = [&](int j) { return shop.job_begin[j] < shop.job_begin[j + 1] ? shop.work_after[shop.job_begin[j]] : 0; };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (rule == "mwkr") return work(a) > work(b);
    if (rule == "lwkr") return work(a) < work(b);
    return shop.job_release[a] < shop.job_release[b];
  });
  return order;
}

}  // namespace ordo
