#include "solve/lcg/timetable.h"

#include <algorithm>
#include <limits>
#include <memory>

#include "model/int128.h"

namespace ordo::lcg {

namespace {
constexpr Value kInfinity = std::numeric_limits<Value>::max() / 4;
}  // namespace

TimetablePropagator::TimetablePropagator(std::vector<CumulativeTask> tasks, Value capacity, std::vector<FixedUsage> fixed,
                                         CumulativeReasoning reasoning)
    : tasks_(std::move(tasks)), capacity_(capacity), fixed_(std::move(fixed)), reasoning_(reasoning) {
  part_begin_.resize(tasks_.size());
  part_end_.resize(tasks_.size());
}

bool TimetablePropagator::EnergiesFit(const Engine& engine, const std::vector<CumulativeTask>& tasks, Value capacity,
                                      const std::vector<FixedUsage>& fixed) {
  // Every energy the overload check and edge finding form (capacity times a window, profile
  // integrals, sums of demand times duration or overlap) is at most capacity x span plus the
  // work of the tasks and of the fixed usage; bounds only tighten, so the root bounds hold.
  Value lo = 0, hi = 0;
  Int128 work = 0;
  for (const CumulativeTask& t : tasks) {
    lo = std::min(lo, engine.Lb(t.start));
    hi = std::max(hi, engine.Ub(t.start) + std::max<Value>(0, t.duration));
    work += static_cast<Int128>(std::max<Value>(0, t.demand)) * std::max<Value>(0, t.duration);
  }
  for (const FixedUsage& f : fixed) {
    lo = std::min(lo, f.begin);
    hi = std::max(hi, f.end);
    work += static_cast<Int128>(std::max<Value>(0, f.amount)) * std::max<Value>(0, f.end - f.begin);
  }
  const Int128 total = static_cast<Int128>(std::max<Value>(0, capacity)) * (static_cast<Int128>(hi) - lo) + work;
  return total < (static_cast<Int128>(1) << 62);
}

void TimetablePropagator::Post(Engine& engine, std::vector<CumulativeTask> tasks, Value capacity,
                               std::vector<FixedUsage> fixed, CumulativeReasoning reasoning) {
  if (!EnergiesFit(engine, tasks, capacity, fixed)) reasoning = CumulativeReasoning{};  // time-tabling alone
  std::vector<int> vars;
  for (const CumulativeTask& t : tasks) vars.push_back(t.start);
  const int id = engine.AddPropagator(std::make_unique<TimetablePropagator>(std::move(tasks), capacity, std::move(fixed), reasoning));
  for (int v : vars) {
    engine.WatchLb(PosView(v), id);
    engine.WatchLb(NegView(v), id);
  }
}

void TimetablePropagator::BuildProfile(const Engine& engine) {
  // The profile depends on the compulsory parts only: when none changed since it was built
  // (most wake-ups move bounds without creating or growing one), it is still right.
  bool changed = !profile_built_;
  for (std::size_t i = 0; i < tasks_.size(); ++i) {
    const CumulativeTask& t = tasks_[i];
    Value begin = engine.Ub(t.start);
    Value end = engine.Lb(t.start) + t.duration;
    if (t.duration <= 0 || t.demand <= 0 || begin >= end) end = begin;  // no compulsory part
    if (end == begin && part_end_[i] == part_begin_[i]) {
      part_begin_[i] = part_end_[i] = begin;  // none before, none now: the profile is unchanged
      continue;
    }
    if (begin != part_begin_[i] || end != part_end_[i]) changed = true;
    part_begin_[i] = begin;
    part_end_[i] = end;
  }
  if (!changed) return;
  profile_built_ = true;
  events_.clear();
  for (std::size_t i = 0; i < tasks_.size(); ++i) {
    if (part_begin_[i] >= part_end_[i]) continue;
    events_.push_back({part_begin_[i], tasks_[i].demand, 0});
    events_.push_back({part_end_[i], -tasks_[i].demand, 0});
  }
  for (const FixedUsage& f : fixed_) {
    if (f.begin >= f.end || f.amount <= 0) continue;
    events_.push_back({f.begin, f.amount, f.amount});
    events_.push_back({f.end, -f.amount, -f.amount});
  }
  // By time only: the events of one time are summed, so their order does not matter.
  std::sort(events_.begin(), events_.end(), [](const Event& a, const Event& b) { return a.time < b.time; });
  profile_.clear();
  Value height = 0, fixed = 0;
  for (std::size_t i = 0; i < events_.size();) {
    const Value time = events_[i].time;
    for (; i < events_.size() && events_[i].time == time; ++i) {
      height += events_[i].delta;
      fixed += events_[i].fixed_delta;
    }
    profile_.push_back(Segment{time, height, fixed});
  }
}

int TimetablePropagator::SegmentAt(Value t) const {
  auto it = std::upper_bound(profile_.begin(), profile_.end(), t,
                             [](Value v, const Segment& s) { return v < s.begin; });
  return static_cast<int>(it - profile_.begin()) - 1;
}

void TimetablePropagator::Explain(const Engine& engine, Value t, int skip, Value need) {
  (void)engine;
  reason_.clear();
  const int seg = SegmentAt(t);
  const Value fixed = seg >= 0 ? profile_[seg].fixed : 0;
  Value required = capacity_ - need - fixed + 1;  // task usage at t that proves the overload
  if (required <= 0) return;
  covering_.clear();
  for (std::size_t k = 0; k < tasks_.size(); ++k) {
    if (static_cast<int>(k) == skip) continue;
    if (part_begin_[k] <= t && t < part_end_[k]) covering_.push_back(static_cast<int>(k));
  }
  // Largest demands first: fewer atoms. Ties by index (deterministic).
  std::sort(covering_.begin(), covering_.end(), [&](int a, int b) {
    return tasks_[a].demand != tasks_[b].demand ? tasks_[a].demand > tasks_[b].demand : a < b;
  });
  for (int k : covering_) {
    if (required <= 0) break;
    required -= tasks_[k].demand;
    reason_.push_back(AtLeast(tasks_[k].start, t + 1 - tasks_[k].duration));
    reason_.push_back(AtMost(tasks_[k].start, t));
  }
}

bool TimetablePropagator::PushEarliest(Engine& engine, int j) {
  const CumulativeTask& task = tasks_[j];
  Value s = engine.Lb(task.start);
  int k = std::max(0, SegmentAt(s));
  while (k < static_cast<int>(profile_.size()) && profile_[k].begin < s + task.duration) {
    const Value a = profile_[k].begin;
    const Value b = k + 1 < static_cast<int>(profile_.size()) ? profile_[k + 1].begin : kInfinity;
    const bool own = part_begin_[j] <= a && b <= part_end_[j];
    if (b <= s || profile_[k].height - (own ? task.demand : 0) + task.demand <= capacity_) {
      ++k;
      continue;
    }
    if (b != kInfinity && profile_[k].fixed + task.demand > capacity_) {
      // Fixed usage (a calendar's downtime) alone excludes the whole segment, whatever the
      // other tasks do: jump past it in one step, explained by the task overlapping it,
      // rather than by steps of at most the duration (a 960-minute night and a task of 15
      // would take 64 trail entries).
      reason_.clear();
      reason_.push_back(AtLeast(task.start, a + 1 - task.duration));
      if (!engine.SetLb(PosView(task.start), b, reason_)) return false;
      s = b;
      ++k;
      continue;
    }
    const Value t = std::min(b - 1, s + task.duration - 1);
    Explain(engine, t, j, task.demand);
    reason_.push_back(AtLeast(task.start, t + 1 - task.duration));
    if (!engine.SetLb(PosView(task.start), t + 1, reason_)) return false;
    s = t + 1;
    if (s >= b) ++k;
  }
  return true;
}

bool TimetablePropagator::PushLatest(Engine& engine, int j) {
  const CumulativeTask& task = tasks_[j];
  Value u = engine.Ub(task.start);
  int k = std::min(SegmentAt(u + task.duration - 1), static_cast<int>(profile_.size()) - 1);
  while (k >= 0) {
    const Value a = profile_[k].begin;
    const Value b = k + 1 < static_cast<int>(profile_.size()) ? profile_[k + 1].begin : kInfinity;
    if (b <= u) break;
    const bool own = part_begin_[j] <= a && b <= part_end_[j];
    if (a >= u + task.duration || profile_[k].height - (own ? task.demand : 0) + task.demand <= capacity_) {
      --k;
      continue;
    }
    if (b != kInfinity && profile_[k].fixed + task.demand > capacity_) {
      // As in PushEarliest: the segment is closed to the task by fixed usage alone, so its
      // latest start goes before the segment in one step.
      reason_.clear();
      reason_.push_back(AtMost(task.start, b - 1));
      if (!engine.SetLb(NegView(task.start), -(a - task.duration), reason_)) return false;
      u = a - task.duration;
      --k;
      continue;
    }
    const Value t = std::max(a, u);
    Explain(engine, t, j, task.demand);
    reason_.push_back(AtMost(task.start, t));
    if (!engine.SetLb(NegView(task.start), -(t - task.duration), reason_)) return false;
    u = t - task.duration;
    if (u + task.duration <= a) --k;
  }
  return true;
}

bool TimetablePropagator::Propagate(Engine& engine) {
  BuildProfile(engine);
  bool moved = false;
  Value peak = 0;
  for (const Segment& seg : profile_) {
    if (seg.height > capacity_) {
      Explain(engine, seg.begin, -1, 0);
      return engine.Conflict(reason_);
    }
    peak = std::max(peak, seg.height);
  }
  for (int j = 0; j < static_cast<int>(tasks_.size()); ++j) {
    const CumulativeTask& task = tasks_[j];
    if (task.duration <= 0 || task.demand <= 0) continue;
    // Nothing to push: a fixed task is all compulsory part, so an overload under it was
    // found above; and no task fits nowhere when even the peak leaves room for it. (The
    // pushes only raise bounds, so the peak of the profile built above stays an upper bound
    // on the heights PushEarliest/PushLatest read.)
    if (engine.Fixed(task.start) || peak + task.demand <= capacity_) continue;
    const Value lb = engine.Lb(task.start), ub = engine.Ub(task.start);
    if (!PushEarliest(engine, j) || !PushLatest(engine, j)) return false;
    moved = moved || engine.Lb(task.start) != lb || engine.Ub(task.start) != ub;
  }
  // Edge finding costs O(n^2 log n): it runs once time-tabling has nothing left to push (a
  // push wakes this propagator again, so that call comes), as CP solvers run their costlier
  // cumulative filters at a lower priority.
  if (moved && reasoning_.edge_finding) return true;
  if (reasoning_.overload) {
    BuildProfile(engine);  // the pushes moved bounds
    if (!CheckOverload(engine)) return false;
  }
  if (reasoning_.edge_finding) {
    BuildProfile(engine);
    if (!EdgeFind(engine, false)) return false;
    BuildProfile(engine);
    if (!EdgeFind(engine, true)) return false;
  }
  return true;
}

bool TimetablePropagator::EdgeFind(Engine& engine, bool mirrored) {
  const int n = static_cast<int>(tasks_.size());
  // The profile's integral at each segment's begin, for TT(a, b).
  integral_.resize(profile_.size());
  Value area = 0;
  for (std::size_t k = 0; k < profile_.size(); ++k) {
    if (k > 0) area += profile_[k - 1].height * (profile_[k].begin - profile_[k - 1].begin);
    integral_[k] = area;
  }
  // In pass coordinates (negated and swapped when mirrored): windows, compulsory parts, TT.
  ef_est_.resize(n), ef_lct_.resize(n), ef_part_begin_.resize(n), ef_part_end_.resize(n);
  by_est_.clear();
  by_lct_.clear();
  for (int i = 0; i < n; ++i) {
    const CumulativeTask& t = tasks_[i];
    const Value est = engine.Lb(t.start), lct = engine.Ub(t.start) + t.duration;
    ef_est_[i] = mirrored ? -lct : est;
    ef_lct_[i] = mirrored ? -est : lct;
    ef_part_begin_[i] = mirrored ? -part_end_[i] : part_begin_[i];
    ef_part_end_[i] = mirrored ? -part_begin_[i] : part_end_[i];
    if (t.duration > 0 && t.demand > 0) by_est_.push_back(i), by_lct_.push_back(i);
  }
  const auto tt = [&](Value a, Value b) { return mirrored ? ProfileIntegral(-a) - ProfileIntegral(-b) : ProfileIntegral(b) - ProfileIntegral(a); };
  const auto part_length = [&](int i) { return std::max<Value>(0, ef_part_end_[i] - ef_part_begin_[i]); };
  // Atoms in original coordinates: [est_i >= v] and [lct_i <= v] of the pass.
  const auto est_at_least = [&](int i, Value v) {
    return mirrored ? AtMost(tasks_[i].start, -v - tasks_[i].duration) : AtLeast(tasks_[i].start, v);
  };
  const auto lct_at_most = [&](int i, Value v) {
    return mirrored ? AtLeast(tasks_[i].start, -v) : AtMost(tasks_[i].start, v - tasks_[i].duration);
  };
  std::sort(by_est_.begin(), by_est_.end(), [&](int x, int y) { return ef_est_[x] != ef_est_[y] ? ef_est_[x] > ef_est_[y] : x < y; });
  std::sort(by_lct_.begin(), by_lct_.end(), [&](int x, int y) { return ef_lct_[x] != ef_lct_[y] ? ef_lct_[x] < ef_lct_[y] : x < y; });
  // The window's reason: tasks of Omega by their window bounds (their whole energy d p lies in
  // the window) and other compulsory parts that meet it by their bounds (d times the overlap),
  // the largest first, until they hold at least `needed` energy (fixed usage needs no atom):
  // fewer atoms make more general nogoods.
  const auto explain_window = [&](Value a, Value b, int skip, Value needed) {
    needed -= ProfileFixedEnergy(mirrored ? -b : a, mirrored ? -a : b);
    reason_.clear();
    contributions_.clear();
    for (int j : by_est_) {
      if (j == skip) continue;
      if (ef_est_[j] >= a && ef_lct_[j] <= b) {
        contributions_.push_back({tasks_[j].demand * tasks_[j].duration, j, true});
      } else if (part_length(j) > 0 && ef_part_begin_[j] < b && a < ef_part_end_[j]) {
        const Value overlap = std::min(b, ef_part_end_[j]) - std::max(a, ef_part_begin_[j]);
        contributions_.push_back({tasks_[j].demand * overlap, j, false});
      }
    }
    std::sort(contributions_.begin(), contributions_.end(), [](const Contribution& x, const Contribution& y) {
      return x.energy != y.energy ? x.energy > y.energy : x.task < y.task;
    });
    for (const Contribution& c : contributions_) {
      if (needed <= 0) break;
      needed -= c.energy;
      if (c.inside) {
        reason_.push_back(est_at_least(c.task, a));
        reason_.push_back(lct_at_most(c.task, b));
      } else {
        reason_.push_back(AtLeast(tasks_[c.task].start, engine.Lb(tasks_[c.task].start)));
        reason_.push_back(AtMost(tasks_[c.task].start, engine.Ub(tasks_[c.task].start)));
      }
    }
  };
  for (std::size_t ib = 0; ib < by_lct_.size(); ++ib) {
    const Value b = ef_lct_[by_lct_[ib]];
    if (ib + 1 < by_lct_.size() && ef_lct_[by_lct_[ib + 1]] == b) continue;  // each b once
    Value free_energy = 0;  // of Omega = {j : est_j >= a, lct_j <= b}
    Value best_value = 0;   // the largest d min(b - est, free length) of a task ending after b
    int best = -1;
    for (std::size_t ia = 0; ia < by_est_.size(); ++ia) {
      const int j = by_est_[ia];
      const Value a = ef_est_[j];
      const Value free_length = tasks_[j].duration - part_length(j);
      if (ef_lct_[j] <= b) {
        free_energy += tasks_[j].demand * free_length;
      } else if (a < b) {
        const Value v = tasks_[j].demand * std::min(b - a, free_length);
        if (v > best_value) best_value = v, best = j;
      }
      if (a >= b || (ia + 1 < by_est_.size() && ef_est_[by_est_[ia + 1]] == a)) continue;  // each a once, all added
      const Value avail = capacity_ * (b - a) - tt(a, b) - free_energy;
      if (avail < 0) {
        explain_window(a, b, -1, capacity_ * (b - a) + 1);  // more than the window holds
        return engine.Conflict(reason_);
      }
      if (best < 0 || best_value <= avail) continue;
      const int i = best;
      const CumulativeTask& t = tasks_[i];
      const Value own = t.demand * std::max<Value>(0, std::min(b, ef_part_end_[i]) - std::max(a, ef_part_begin_[i]));
      const Value room = (avail + own) / t.demand;  // floor: both are >= 0
      const Value earliest = b - room;
      const Value now = mirrored ? -(engine.Ub(t.start) + t.duration) : engine.Lb(t.start);  // a push may have moved it
      if (earliest <= now) continue;
      // Others' energy E keeps the push while floor((C (b - a) - E) / d_i) <= room.
      explain_window(a, b, i, capacity_ * (b - a) - room * t.demand - t.demand + 1);
      reason_.push_back(est_at_least(i, a - t.duration + room + 1));
      const bool ok = mirrored ? engine.SetLb(NegView(t.start), earliest + t.duration, reason_)
                               : engine.SetLb(PosView(t.start), earliest, reason_);
      if (!ok) return false;
      // The task is no candidate of this b any more (the others met so far are dropped with it:
      // weaker, not wrong). The scratch keeps the bounds of the start of the call: every
      // deduction from them still holds, the bounds only tightened.
      best = -1, best_value = 0;
    }
  }
  return true;
}

Value TimetablePropagator::ProfileFixedEnergy(Value lo, Value hi) const {
  Value energy = 0;
  for (const FixedUsage& f : fixed_) {
    const Value overlap = std::min(hi, f.end) - std::max(lo, f.begin);
    if (overlap > 0 && f.amount > 0) energy += f.amount * overlap;
  }
  return energy;
}

Value TimetablePropagator::ProfileIntegral(Value t) const {
  const int k = SegmentAt(t - 1);
  if (k < 0) return 0;
  return integral_[k] + profile_[k].height * (t - profile_[k].begin);
}

bool TimetablePropagator::CheckOverload(Engine& engine) {
  integral_.resize(profile_.size());
  Value area = 0;
  for (std::size_t k = 0; k < profile_.size(); ++k) {
    if (k > 0) area += profile_[k - 1].height * (profile_[k].begin - profile_[k - 1].begin);
    integral_[k] = area;
  }
  by_est_.clear();
  for (int i = 0; i < static_cast<int>(tasks_.size()); ++i) {
    if (tasks_[i].duration > 0 && tasks_[i].demand > 0) by_est_.push_back(i);
  }
  by_lct_ = by_est_;
  auto est = [&](int i) { return engine.Lb(tasks_[i].start); };
  auto lct = [&](int i) { return engine.Ub(tasks_[i].start) + tasks_[i].duration; };
  std::sort(by_est_.begin(), by_est_.end(), [&](int x, int y) { return est(x) != est(y) ? est(x) < est(y) : x < y; });
  std::sort(by_lct_.begin(), by_lct_.end(), [&](int x, int y) { return lct(x) != lct(y) ? lct(x) < lct(y) : x < y; });
  for (std::size_t ia = 0; ia < by_est_.size(); ++ia) {
    const Value a = est(by_est_[ia]);
    if (ia > 0 && est(by_est_[ia - 1]) == a) continue;
    const Value before = ProfileIntegral(a);
    Value free_energy = 0;  // energy outside the compulsory parts of the tasks inside [a, b)
    for (int j : by_lct_) {
      if (est(j) < a) continue;
      const Value b = lct(j);
      const Value part = std::max<Value>(0, part_end_[j] - part_begin_[j]);
      free_energy += (tasks_[j].duration - part) * tasks_[j].demand;
      const Value energy = ProfileIntegral(b) - before + free_energy;
      if (energy <= capacity_ * (b - a)) continue;
      // Explain: inside tasks by their window bounds, the others' compulsory parts by their
      // bounds; fixed usage needs nothing.
      reason_.clear();
      for (int i : by_lct_) {
        const bool inside = est(i) >= a && lct(i) <= b;
        if (inside) {
          reason_.push_back(AtLeast(tasks_[i].start, a));
          reason_.push_back(AtMost(tasks_[i].start, b - tasks_[i].duration));
        } else if (part_begin_[i] < part_end_[i] && part_begin_[i] < b && a < part_end_[i]) {
          reason_.push_back(AtLeast(tasks_[i].start, est(i)));
          reason_.push_back(AtMost(tasks_[i].start, engine.Ub(tasks_[i].start)));
        }
      }
      return engine.Conflict(reason_);
    }
  }
  return true;
}

}  // namespace ordo::lcg
