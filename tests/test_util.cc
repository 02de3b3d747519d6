#include "test_util.h"

#include <fmt/format.h>

namespace ordo::test {

std::string Repo(const std::string& relative) { return std::string(ORDO_SOURCE_DIR) + "/" + relative; }

Instance MakeJobShop(const std::vector<std::vector<std::pair<int, Time>>>& jobs, int machines) {
  Instance in;
  in.name = "test";
  for (int m = 0; m < machines; ++m) in.resources.push_back({fmt::format("M{}", m), ResourceKind::Machine, 1, {}});
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    Job job;
    job.name = fmt::format("J{}", j);
    for (const auto& [machine, duration] : jobs[j]) {
      Operation op;
      op.job = static_cast<int>(j);
      op.modes.push_back(Mode{duration, {Demand{machine, 1}}});
      job.operations.push_back(static_cast<int>(in.operations.size()));
      in.operations.push_back(op);
    }
    in.jobs.push_back(job);
  }
  for (const Job& job : in.jobs) {
    for (std::size_t i = 1; i < job.operations.size(); ++i) {
      in.precedences.push_back({job.operations[i - 1], job.operations[i], 0, PrecedenceType::EndToStart});
    }
  }
  return in;
}

}  // namespace ordo::test
