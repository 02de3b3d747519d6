// Solutions in and out: JSON (every operation with id, job, position, mode, machine, start
// and end, plus the objective and optional result fields) and CSV with a header row whose
// columns depend on the family (docs/formats.md):
//   job shop / flexible shop   job,op,machine,start,end     (0-based, file order)
//   single machine             job,start,end                (0-based)
//   RCPSP and general          activity,mode,start,end      (1-based as in PSPLIB, dummies included)
#pragma once

#include <optional>
#include <string>

#include "io/expected.h"
#include "model/instance.h"

namespace ordo {

// Result fields written beside the schedule in solution JSON (all optional).
struct SolutionInfo {
  std::string status;                // e.g. "OPTIMAL"
  std::optional<std::int64_t> bound;  // proven lower bound
  std::string solver;
  std::uint64_t seed = 0;
};

std::string WriteSolutionJson(const Instance& instance, const Solution& solution, const SolutionInfo& info = {});
std::string WriteSolutionCsv(const Instance& instance, const Solution& solution);

struct ReadSolution {
  Solution solution;
  bool objective_stated = false;  // CSV files carry no objective
};

// Reads a solution for instance from JSON or CSV (detected from the content). Errors read
// "file:line: what was expected"; an end that disagrees with start + duration is an error.
Expected<ReadSolution> ReadSolutionText(const Instance& instance, std::string_view text, const std::string& source);
Expected<ReadSolution> ReadSolutionFile(const Instance& instance, const std::string& path);

}  // namespace ordo
