#include "test_util.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

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

RunOutcome SolveChecked(const Instance& in, const std::string& solver, std::vector<std::string> params, int threads,
                        std::uint64_t seed, double time_limit_seconds) {
  RunRequest request;
  request.solver = solver;
  request.params = std::move(params);
  request.control.threads = threads;
  request.control.seed = seed;
  request.control.time_limit_seconds = time_limit_seconds;
  auto outcome = SolveAndCheck(in, request);
  EXPECT_TRUE(outcome.ok()) << outcome.error();
  return outcome.ok() ? *outcome : RunOutcome{};
}

}  // namespace ordo::test
