// The Ordo scheduling model: one documented data schema for every problem family.
//
// The model holds data only (no solver types, no algorithms), in the manner of OR-Tools'
// CpModelProto / rcpsp.proto: readers fill it, ValidateInstance() checks it at the boundary,
// solvers translate it into their own flat structures, and the independent checker reads it.
//
// Vocabulary
//   * An Operation is one unit of work (a job-shop operation, an RCPSP activity, a
//     single-machine job). It belongs to exactly one Job.
//   * An operation runs in exactly one of its Modes. A mode fixes the duration and the
//     resources used while the operation runs. A job-shop operation has one mode; a
//     flexible-shop operation has one mode per eligible machine; an RCPSP activity has one
//     mode with demands on several resources.
//   * A Resource is renewable with an integer capacity. A machine is a resource of
//     capacity 1 (kind Machine) and is what Gantt rows and shop CSV columns refer to.
//     A capacity calendar overrides the capacity on half-open periods [start, end)
//     (capacity 0 expresses downtime).
//   * A Precedence constrains two operations: end-to-start  S_to >= C_from + lag, or
//     start-to-start S_to >= S_from + lag. A negative lag expresses a maximum lag in the
//     reverse direction (S_from <= S_to - lag), as in RCPSP/max.
//   * A disjunctive pair forbids two operations to overlap, in either order.
//   * Jobs carry release date, due date, deadline and weight, used by the objectives;
//     operations carry their own release (earliest start) and deadline (latest end).
//   * An operation runs without interruption, so it never overlaps a zero-capacity period
//     of a resource it uses, unless it is resumable: a resumable operation pauses during
//     those periods (it keeps its resources but works only when none of them is down) and
//     ends once it has worked its duration (model/calendar.h computes that end).
//   * blocking: a shop without buffers. An operation keeps its machine until the next
//     operation of its job starts; with allow_swaps=false, cyclic simultaneous exchanges
//     ("swaps") of machines between jobs are forbidden as well.
//
// Times are int64 in abstract units, all non-negative after validation. Indices are int.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace ordo {

using Time = std::int64_t;
inline constexpr Time kNoDeadline = std::numeric_limits<Time>::max();

enum class ResourceKind { Machine, Renewable };

// Capacity available on [start, end) instead of the base capacity.
struct CapacityPeriod {
  Time start = 0;
  Time end = 0;
  std::int64_t capacity = 0;
};

struct Resource {
  std::string name;
  ResourceKind kind = ResourceKind::Machine;
  std::int64_t capacity = 1;
  std::vector<CapacityPeriod> calendar;  // sorted, non-overlapping after validation
};

struct Demand {
  int resource = 0;
  std::int64_t amount = 1;
};

struct Mode {
  Time duration = 0;
  std::vector<Demand> demands;
};

struct Operation {
  std::string name;        // free label; readers set a readable one
  int job = 0;             // owning job
  std::vector<Mode> modes; // at least one
  Time release = 0;        // earliest start
  Time deadline = kNoDeadline;  // latest end
  bool resumable = false;  // pauses during downtime of its resources instead of avoiding it
};

struct Job {
  std::string name;
  std::vector<int> operations;  // in routing order for shops
  Time release = 0;             // applies to every operation of the job
  Time due = 0;                 // for tardiness and lateness objectives
  Time deadline = kNoDeadline;  // hard: every operation ends by it
  std::int64_t weight = 1;
};

enum class PrecedenceType { EndToStart, StartToStart };

struct Precedence {
  int from = 0;
  int to = 0;
  Time lag = 0;
  PrecedenceType type = PrecedenceType::EndToStart;
};

struct DisjunctivePair {
  int a = 0;
  int b = 0;
};

enum class ObjectiveKind {
  Makespan,                  // max_j C_j
  TotalWeightedTardiness,    // sum_j w_j max(0, C_j - d_j)
  TotalWeightedCompletion,   // sum_j w_j C_j
  MaxLateness,               // max_j (C_j - d_j)
};

struct ObjectiveTerm {
  ObjectiveKind kind = ObjectiveKind::Makespan;
  std::int64_t weight = 1;
};

// Minimised: sum over terms of weight * value(kind). Job completion C_j is the latest end
// of the job's operations.
struct Objective {
  std::vector<ObjectiveTerm> terms{ObjectiveTerm{}};
};

struct Instance {
  std::string name;
  std::vector<Resource> resources;
  std::vector<Job> jobs;
  std::vector<Operation> operations;
  std::vector<Precedence> precedences;
  std::vector<DisjunctivePair> disjunctive;
  Objective objective;
  bool blocking = false;
  bool allow_swaps = true;  // only meaningful with blocking
};

// A schedule: for every operation, the mode chosen and its start time.
struct Solution {
  std::vector<int> mode;     // index into Operation::modes
  std::vector<Time> start;
  std::int64_t objective = 0;  // as stated by whoever produced it
};

const char* ToString(ObjectiveKind kind);
bool ParseObjectiveKind(const std::string& text, ObjectiveKind* kind);

}  // namespace ordo
