// Job shop readers.
//   Standard (Fisher–Thompson / JSPLIB / ScheduleOpt text): "n m", then one line per job
//   with m pairs "machine time", machines numbered from 0. Lines starting with '#' are
//   comments (JSPLIB headers).
//   Taillard (1993) matrix layout: "n m", then n rows of m processing times, then n rows of
//   m machines numbered from 1. An optional header line of text (as in Taillard's own
//   files: "Nb of jobs, Nb of Machines, ...") is not part of this layout.
#include <string>

#include <fmt/format.h>

#include "io/format_readers.h"

namespace ordo::io {

void AddMachines(Instance& instance, int count) {
  for (int m = 0; m < count; ++m) {
    instance.resources.push_back(Resource{fmt::format("M{}", m), ResourceKind::Machine, 1, {}});
  }
}

void ChainJobs(Instance& instance) {
  for (const Job& job : instance.jobs) {
    for (std::size_t i = 1; i < job.operations.size(); ++i) {
      instance.precedences.push_back({job.operations[i - 1], job.operations[i], 0, PrecedenceType::EndToStart});
    }
  }
}

namespace {

struct ShopSize {
  int jobs;
  int machines;
};

ShopSize ReadShopHeader(Scanner& in) {
  const auto n = static_cast<int>(in.Int("number of jobs", 1, kMaxEntities));
  const auto m = static_cast<int>(in.Int("number of machines", 1, kMaxEntities));
  if (static_cast<std::int64_t>(n) * m > kMaxEntities) {
    in.Fail(fmt::format("{} jobs x {} machines exceeds the limit of {} operations", n, m, kMaxEntities));
  }
  return {n, m};
}

void AddShopOperation(Instance& instance, int job, int machine, Time duration) {
  Operation op;
  op.name = fmt::format("J{}.{}", job, instance.jobs[job].operations.size());
  op.job = job;
  op.modes.push_back(Mode{duration, {Demand{machine, 1}}});
  instance.jobs[job].operations.push_back(static_cast<int>(instance.operations.size()));
  instance.operations.push_back(std::move(op));
}

void AddJobs(Instance& instance, int count) {
  for (int j = 0; j < count; ++j) instance.jobs.push_back(Job{fmt::format("J{}", j), {}, 0, 0, kNoDeadline, 1});
}

}  // namespace

Instance ReadJobShop(Scanner& in) {
  in.set_hash_comments(true);
  const ShopSize size = ReadShopHeader(in);
  Instance instance;
  AddMachines(instance, size.machines);
  AddJobs(instance, size.jobs);
  instance.operations.reserve(static_cast<std::size_t>(size.jobs) * size.machines);
  int previous_line = in.line();
  for (int j = 0; j < size.jobs; ++j) {
    const int job_line = in.PeekLine();
    if (job_line == previous_line) in.Fail(fmt::format("job {} must start on a new line", j), job_line);
    for (int k = 0; k < size.machines; ++k) {
      const auto machine = static_cast<int>(in.Int(fmt::format("machine of job {} operation {}", j, k), 0, size.machines - 1));
      const Time duration = in.Int(fmt::format("processing time of job {} operation {}", j, k), 0, Time{1} << 40);
      if (in.line() != job_line) {
        in.Fail(fmt::format("job {} has fewer than {} (machine time) pairs on its line", j, size.machines), job_line);
      }
      AddShopOperation(instance, j, machine, duration);
    }
    previous_line = in.line();
  }
  if (!in.AtEnd()) in.FailAtToken("the end of the file after the last job", in.Next());
  ChainJobs(instance);
  return instance;
}

Instance ReadTaillard(Scanner& in) {
  const ShopSize size = ReadShopHeader(in);
  std::vector<Time> times(static_cast<std::size_t>(size.jobs) * size.machines);
  for (int j = 0; j < size.jobs; ++j) {
    for (int k = 0; k < size.machines; ++k) {
      times[static_cast<std::size_t>(j) * size.machines + k] =
          in.Int(fmt::format("processing time of job {} operation {}", j, k), 0, Time{1} << 40);
    }
  }
  Instance instance;
  AddMachines(instance, size.machines);
  AddJobs(instance, size.jobs);
  for (int j = 0; j < size.jobs; ++j) {
    for (int k = 0; k < size.machines; ++k) {
      const auto machine = static_cast<int>(
          in.Int(fmt::format("machine (1..{}) of job {} operation {}", size.machines, j, k), 1, size.machines));
      AddShopOperation(instance, j, machine - 1, times[static_cast<std::size_t>(j) * size.machines + k]);
    }
  }
  if (!in.AtEnd()) in.FailAtToken("the end of the file after the machine matrix", in.Next());
  ChainJobs(instance);
  return instance;
}

}  // namespace ordo::io
