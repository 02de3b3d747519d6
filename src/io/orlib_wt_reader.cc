// OR-Library weighted tardiness files wt40/wt50/wt100 (Crauwels, Potts & Van Wassenhove
// 1998): free-format integers, 3n per instance (n processing times, n weights, n due
// dates), 125 instances one after another, no header. The instance is chosen by its
// 1-based index; n comes from the file name (wt40 -> 40) or from ReadOptions::wt_jobs.
#include <fmt/format.h>

#include "io/format_readers.h"

namespace ordo::io {

Instance ReadOrlibWt(Scanner& in, int index, int jobs) {
  if (jobs <= 0) in.Fail("the number of jobs per instance is unknown: name the file wt<n>.txt or pass --wt-jobs", 1);
  if (index < 1) in.Fail(fmt::format("instance index {} must be at least 1", index), 1);
  const std::int64_t skip = static_cast<std::int64_t>(index - 1) * 3 * jobs;
  for (std::int64_t k = 0; k < skip; ++k) {
    if (in.AtEnd()) {
      in.Fail(fmt::format("the file holds only {} instances of {} jobs; instance {} was requested", k / (3 * jobs),
                          jobs, index));
    }
    in.Int("an integer of an earlier instance");
  }
  if (in.AtEnd()) in.Fail(fmt::format("the file holds only {} instances of {} jobs; instance {} was requested", index - 1, jobs, index));
  Instance instance;
  instance.resources.push_back(Resource{"machine", ResourceKind::Machine, 1, {}});
  instance.objective.terms = {ObjectiveTerm{ObjectiveKind::TotalWeightedTardiness, 1}};
  for (int j = 0; j < jobs; ++j) {
    Operation op;
    op.name = std::to_string(j);
    op.job = j;
    op.modes.push_back(Mode{in.Int(fmt::format("processing time of job {}", j + 1), 0, Time{1} << 40), {Demand{0, 1}}});
    instance.operations.push_back(std::move(op));
    instance.jobs.push_back(Job{std::to_string(j), {j}, 0, 0, kNoDeadline, 1});
  }
  for (int j = 0; j < jobs; ++j) instance.jobs[j].weight = in.Int(fmt::format("weight of job {}", j + 1), 0, 1 << 20);
  for (int j = 0; j < jobs; ++j) instance.jobs[j].due = in.Int(fmt::format("due date of job {}", j + 1), 0, Time{1} << 40);
  return instance;
}

}  // namespace ordo::io
