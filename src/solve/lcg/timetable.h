// Cumulative resource propagation by time-tabling with explanations (Schutt, Feydy, Stuckey
// & Wallace 2011, "Explaining the cumulative propagator", Constraints 16): the compulsory
// part of a task, [ub(start), lb(start) + duration), must use the resource; the sum of those
// parts (plus fixed usage, e.g. capacity lost to a calendar) forms a profile, and a task that
// cannot fit beside a segment of the profile is pushed past it (earliest start) or before it
// (latest start). Each push is explained pointwise at one time t by a set of tasks whose
// compulsory parts cover t, with lifted bounds [s_k >= t + 1 - p_k] and [s_k <= t], so that a
// learned clause stays valid for many other bounds. A push across a long segment is a chain of
// such steps, each moving the task by at most its duration.
#pragma once

#include <vector>

#include "solve/lcg/engine.h"

namespace ordo::lcg {

struct CumulativeTask {
  int start;       // engine variable
  Value duration;  // fixed
  Value demand;    // fixed
};

struct FixedUsage {  // [begin, end) uses `amount` without any variable (e.g. downtime)
  Value begin;
  Value end;
  Value amount;
};

class TimetablePropagator : public Propagator {
 public:
  // overload: also run the energetic overload check below after time-tabling.
  TimetablePropagator(std::vector<CumulativeTask> tasks, Value capacity, std::vector<FixedUsage> fixed,
                      bool overload = false);
  // Adds the propagator to the engine and watches the bounds of its tasks.
  static void Post(Engine& engine, std::vector<CumulativeTask> tasks, Value capacity, std::vector<FixedUsage> fixed,
                   bool overload = false);

  std::string_view name() const override { return "timetable"; }
  bool Propagate(Engine& engine) override;

 private:
  struct Segment {
    Value begin;   // the segment is [begin, next segment's begin)
    Value height;  // compulsory and fixed usage
    Value fixed;   // fixed usage alone (needs no explanation)
  };
  void BuildProfile(const Engine& engine);
  int SegmentAt(Value t) const;  // last segment with begin <= t, -1 if none
  // The atoms that explain "usage at t by tasks other than `skip` exceeds capacity - need".
  void Explain(const Engine& engine, Value t, int skip, Value need);
  bool PushEarliest(Engine& engine, int j);
  bool PushLatest(Engine& engine, int j);
  // Time-table overload check (the detection rule of time-table edge finding, Vilim 2011;
  // explained as in Schutt, Feydy & Stuckey 2013): for windows [a, b) between an earliest
  // start and a latest end, the energy of the tasks that lie wholly inside plus the
  // compulsory parts and fixed usage of the others must fit in capacity x (b - a). A
  // violation is a conflict explained by the inside tasks' window bounds and the other
  // tasks' current bounds. O(n^2 log n) per call.
  bool CheckOverload(Engine& engine);
  Value ProfileIntegral(Value t) const;  // usage of the profile over [-inf, t)

  std::vector<CumulativeTask> tasks_;
  Value capacity_;
  std::vector<FixedUsage> fixed_;
  bool overload_ = false;
  // Scratch, rebuilt per call.
  std::vector<Segment> profile_;
  struct Event {
    Value time;
    Value delta;        // of the total height
    Value fixed_delta;  // of the fixed usage
  };
  std::vector<Event> events_;  // scratch of BuildProfile (kept to avoid an allocation per call)
  bool profile_built_ = false;  // profile_ matches part_begin_/part_end_ (a cache, not search state)
  std::vector<Value> part_begin_, part_end_;     // compulsory part per task (begin >= end: none)
  std::vector<int> covering_;
  std::vector<Atom> reason_;
  std::vector<Value> integral_;  // profile integral at each segment's begin
  std::vector<int> by_est_, by_lct_;
};

}  // namespace ordo::lcg
