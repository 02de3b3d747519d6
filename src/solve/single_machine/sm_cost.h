// Sequencing view of a single-machine instance, used by the local search and the exact
// methods. A sequence of all jobs is scheduled semi-actively (each job starts when the
// machine is free and the job is released; without release dates that is from time 0
// without idle time), and its cost is a sum of one non-decreasing function of the
// completion time per job,
//     f_j(C) = a_j max(0, C - d_j) + b_j C,
// plus the makespan term. This covers every weighted sum of total weighted tardiness, total
// weighted completion time and makespan; 1||sum T_j is the case a_j = a for all j, b = 0.
// For a regular cost the semi-active schedule is the best one of its sequence, so searching
// sequences loses nothing. Release dates (1|r_j|sum w_j T_j) are handled by the local search
// of release_date_search.h only; the exact methods and dynasearch need r empty.
// Not covered (SmCostUnsupported says which): deadlines, calendars on the machine and max
// lateness (not a sum); the dispatching rules handle those.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "model/instance.h"

namespace ordo {

struct SmCostModel {
  std::vector<Time> p, d;
  std::vector<std::int64_t> a, b;  // tardiness and completion-time weights per job
  std::vector<Time> r;              // release dates; empty when every job is released at 0
  std::int64_t makespan_weight = 0;
  // makespan_weight * sum p: the makespan term when r is empty, a lower bound on it otherwise.
  std::int64_t constant = 0;

  int size() const { return static_cast<int>(p.size()); }
  std::int64_t JobCost(int j, Time completion) const {
    return a[j] * (completion > d[j] ? completion - d[j] : 0) + b[j] * completion;
  }
  std::int64_t SequenceCost(std::span<const int> sequence) const;
  bool HasReleaseDates() const { return !r.empty(); }
  // True when the cost is c * sum_j T_j for one c > 0: the exact 1||sum T_j method applies.
  bool IsTotalTardiness() const;
};

// Empty when the instance fits SmCostModel, else the reason (one sentence).
std::string SmCostUnsupported(const Instance& instance);

// The instance must pass SmCostUnsupported. Job j of the model is job j of the instance.
SmCostModel BuildSmCostModel(const Instance& instance);

// Starts of the jobs processed in `sequence` order, semi-actively (from time 0 without idle
// time when there are no release dates); the objective is left for the caller to evaluate.
Solution SequenceToSolution(const Instance& instance, const SmCostModel& model, std::span<const int> sequence);

// The sequence of a solution: jobs by start time (ties by job index).
std::vector<int> SolutionToSequence(const Instance& instance, const Solution& solution);

}  // namespace ordo
