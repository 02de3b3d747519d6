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

struct CumulativeReasoning {
  bool overload = false;      // the energetic overload check (CheckOverload)
  bool edge_finding = false;  // time-table edge finding, detection and filtering (EdgeFind)
};

class TimetablePropagator : public Propagator {
 public:
  // Time-tabling, then what `reasoning` asks for.
  TimetablePropagator(std::vector<CumulativeTask> tasks, Value capacity, std::vector<FixedUsage> fixed,
                      CumulativeReasoning reasoning = {});
  // Adds the propagator to the engine and watches the bounds of its tasks. The overload
  // check and edge finding are left off when their energies (capacity x span of the root
  // bounds, plus the work of the tasks and fixed usage) could reach 2^62: 64-bit products
  // would overflow; time-tabling needs no products.
  static void Post(Engine& engine, std::vector<CumulativeTask> tasks, Value capacity, std::vector<FixedUsage> fixed,
                   CumulativeReasoning reasoning = {});

  std::string_view name() const override { return "timetable"; }
  bool Propagate(Engine& engine) override;

 private:
  struct Segment {
    Value begin;   // the segment is [begin, next segment's begin)
    Value height;  // compulsory and fixed usage
    Value fixed;   // fixed usage alone (needs no explanation)
  };
  static bool EnergiesFit(const Engine& engine, const std::vector<CumulativeTask>& tasks, Value capacity,
                          const std::vector<FixedUsage>& fixed);
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
  Value ProfileFixedEnergy(Value lo, Value hi) const;  // fixed usage over [lo, hi), original time
  // Time-table edge finding (Vilim 2011, "Timetable edge finding filtering algorithm for
  // discrete cumulative resources"; explanations after Schutt, Feydy & Stuckey 2013). For a
  // window [a, b) between an earliest start and a latest end, the tasks inside it (Omega) need
  // their free energy (outside their compulsory parts) beside the profile's usage TT(a, b),
  // which leaves avail = C (b - a) - TT(a, b) - free(Omega); avail < 0 is a conflict. A task i
  // that may start in the window (est_i >= a) but end after it (lct_i > b) puts
  // d_i min(b - est_i, free length) there beyond its compulsory part if it starts at est_i;
  // when that exceeds avail it cannot, and with F = floor((avail + its compulsory energy in
  // the window) / d_i) it starts at b - F or later: starting in [a - p_i + F + 1, b - F) it
  // would put more than that into the window. Explained by [s_i >= a - p_i + F + 1] and, largest
  // energy first, just enough of Omega's window bounds and of the other compulsory parts' bounds
  // to keep F (or, for a conflict, to exceed C (b - a)). `mirrored` runs the same on the
  // time axis reversed, which bounds latest starts. One pass per call, O(n^2 log n); the
  // pushes it makes wake the propagator again until nothing moves.
  bool EdgeFind(Engine& engine, bool mirrored);

  std::vector<CumulativeTask> tasks_;
  Value capacity_;
  std::vector<FixedUsage> fixed_;
  CumulativeReasoning reasoning_;
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
  // EdgeFind's scratch, in the pass's time coordinates.
  std::vector<Value> ef_est_, ef_lct_, ef_part_begin_, ef_part_end_;
  struct Contribution {
    Value energy;
    int task;
    bool inside;  // in Omega (explained by the window) or a compulsory part meeting it
  };
  std::vector<Contribution> contributions_;
};

}  // namespace ordo::lcg
