// Generator of project-scheduling feasibility ramps in the style of R-ConstraintBench
// (Jain & Wetter 2025, arXiv 2508.15204): one seeded sequence of instances of growing
// difficulty over the same tasks and resources.
//
//   * Tasks are split into layers; level k of the precedence phase holds exactly k
//     non-redundant precedences (an arc i -> j from an earlier to a later layer is accepted
//     only when j is not already reachable from i), so the DAG deepens one constraint at a
//     time.
//   * Each level of the constraint phase then adds, each with its own probability, one
//     resource downtime (capacity 0 on an interval), one time window (release date and
//     deadline of a task, intersected with any earlier window of that task) and one
//     disjunctive pair (two tasks the DAG leaves unordered must not overlap).
//
// Nothing guarantees feasibility: windows are drawn around the critical-path times of the
// final DAG with a slack that shrinks along the ramp, so late levels tend to be infeasible,
// which is what the ramp measures (a schedule found or infeasibility proved, per level).
#pragma once

#include <cstdint>
#include <vector>

#include "model/instance.h"

namespace ordo::gen {

struct ProjectRampOptions {
  int tasks = 30;
  int layers = 6;
  int resources = 3;
  int precedence_levels = 40;  // non-redundant precedences (fewer when the layers allow fewer)
  int constraint_levels = 30;  // levels of downtime / window / pair additions after those
  double downtime_probability = 0.75;
  double window_probability = 0.75;
  double pair_probability = 0.75;
  Time max_duration = 10;
  std::int64_t max_capacity = 6;
  std::uint64_t seed = 1;
};

// Every level of the ramp, first (one precedence) to last; instance names are
// "<prefix>-L<level>", and each instance is valid (ValidateInstance passes).
std::vector<Instance> GenerateProjectRamp(const ProjectRampOptions& options, const std::string& prefix);

}  // namespace ordo::gen
