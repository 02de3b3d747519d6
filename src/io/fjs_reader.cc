// FJSPLIB .fjs reader (Brandimarte, Hurink, Dauzère-Pérès–Paulli, Chambers–Barnes, Kacem).
// Header "n m f": f, the average number of machines per operation, is unreliable in the
// published files and is ignored. Then per job: the number of operations, and for each
// operation the number k of eligible machines followed by k pairs "machine time", machines
// numbered from 1. Each eligible machine becomes one mode of the operation.
#include <fmt/format.h>

#include "io/format_readers.h"

namespace ordo::io {

Instance ReadFjs(Scanner& in) {
  const auto n = static_cast<int>(in.Int("number of jobs", 1, kMaxEntities));
  const auto m = static_cast<int>(in.Int("number of machines", 1, kMaxEntities));
  const int header_line = in.line();
  if (in.PeekLine() == header_line) in.Number("average number of machines per operation (ignored)");
  Instance instance;
  AddMachines(instance, m);
  std::int64_t total_modes = 0;
  for (int j = 0; j < n; ++j) {
    Job job{fmt::format("J{}", j), {}, 0, 0, kNoDeadline, 1};
    const int count = static_cast<int>(in.Int(fmt::format("number of operations of job {}", j), 0, kMaxEntities));
    for (int k = 0; k < count; ++k) {
      Operation op;
      op.name = fmt::format("J{}.{}", j, k);
      op.job = j;
      const auto alternatives =
          static_cast<int>(in.Int(fmt::format("number of machines of job {} operation {}", j, k), 1, m));
      for (int a = 0; a < alternatives; ++a) {
        const auto machine = static_cast<int>(in.Int(fmt::format("machine (1..{}) of job {} operation {}", m, j, k), 1, m));
        const Time duration = in.Int(fmt::format("processing time of job {} operation {}", j, k), 0, Time{1} << 40);
        for (const Mode& mode : op.modes) {
          if (mode.demands[0].resource == machine - 1) {
            in.Fail(fmt::format("job {} operation {} lists machine {} twice", j, k, machine));
          }
        }
        op.modes.push_back(Mode{duration, {Demand{machine - 1, 1}}});
      }
      total_modes += alternatives;
      if (total_modes > kMaxEntities) in.Fail(fmt::format("more than {} (operation, machine) pairs", kMaxEntities));
      job.operations.push_back(static_cast<int>(instance.operations.size()));
      instance.operations.push_back(std::move(op));
    }
    instance.jobs.push_back(std::move(job));
  }
  if (!in.AtEnd()) in.FailAtToken("the end of the file after the last job", in.Next());
  ChainJobs(instance);
  return instance;
}

}  // namespace ordo::io
