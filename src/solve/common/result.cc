#include "solve/common/result.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

namespace ordo {

bool KeepBetter(std::optional<Solution>& best, Solution candidate) {
  if (best && candidate.objective >= best->objective) return false;
  best = std::move(candidate);
  return true;
}

void KeepBetterAndReport(std::optional<Solution>& best, Solution candidate, std::int64_t bound, const SolveControl& control) {
  if (KeepBetter(best, std::move(candidate))) control.Report({control.Elapsed(), best->objective, bound, ""});
}

SolveResult ModelInvalidResult(std::string why) {
  SolveResult result;
  result.status = SolveStatus::ModelInvalid;
  result.message = std::move(why);
  return result;
}

std::string MissedDeadline(const Instance& in, const Solution& sol) {
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    const Operation& op = in.operations[o];
    const Time deadline = std::min(op.deadline, in.jobs[op.job].deadline);
    const Time end = sol.start[o] + op.modes[sol.mode[o]].duration;
    if (end > deadline) {
      return fmt::format("the heuristic schedule ends operation {} at {}, after its deadline {}", o, end, deadline);
    }
  }
  return "";
}

SolveResult FinishResult(const Instance& instance, std::optional<Solution> best, std::int64_t bound,
                         const SolveControl& control, SolveStats stats) {
  SolveResult result;
  stats.seconds = control.Elapsed();
  result.stats = stats;
  result.bound = bound;
  if (!best) {
    result.status = SolveStatus::Unknown;
    result.message = "no schedule was found within the limits";
    return result;
  }
  const std::string missed = MissedDeadline(instance, *best);
  if (!missed.empty()) {
    result.status = SolveStatus::Unknown;
    result.message = missed + "; no feasible schedule is known";
    return result;
  }
  result.bound = std::min(bound, best->objective);
  result.status = best->objective == bound ? SolveStatus::Optimal : SolveStatus::Feasible;
  result.solution = std::move(best);
  return result;
}

}  // namespace ordo
