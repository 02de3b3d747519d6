#include "gen/single_machine_tardiness.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "solve/common/rng.h"

namespace ordo::gen {

namespace {

// Uniform integer in [lo, hi].
std::int64_t UniformInt(Rng& rng, std::int64_t lo, std::int64_t hi) {
  return lo + static_cast<std::int64_t>(rng.Below(static_cast<std::uint64_t>(hi - lo + 1)));
}

}  // namespace

namespace {

// Jobs with p ~ U[1, max_p] and w ~ U[1, max_w] (or 1), released at 0, due at 0; returns
// the sum of the processing times.
Time AddJobs(Instance& in, Rng& rng, int jobs, bool weighted, Time max_p, std::int64_t max_w) {
  in.resources.push_back(Resource{"machine", ResourceKind::Machine, 1, {}});
  in.objective.terms = {ObjectiveTerm{ObjectiveKind::TotalWeightedTardiness, 1}};
  Time total = 0;
  for (int j = 0; j < jobs; ++j) {
    Operation op;
    op.name = fmt::format("J{}", j + 1);
    op.job = j;
    const Time p = UniformInt(rng, 1, max_p);
    total += p;
    op.modes.push_back(Mode{p, {Demand{0, 1}}});
    in.operations.push_back(std::move(op));
    in.jobs.push_back(Job{fmt::format("J{}", j + 1), {j}, 0, 0, kNoDeadline, weighted ? UniformInt(rng, 1, max_w) : 1});
  }
  return total;
}

}  // namespace

Instance GenerateSmTardiness(int jobs, bool weighted, Time max_p, std::int64_t max_w, double tardiness_factor,
                             double due_date_range, std::uint64_t seed, const std::string& name) {
  Rng rng(seed);
  Instance in;
  in.name = name;
  const double P = static_cast<double>(AddJobs(in, rng, jobs, weighted, max_p, max_w));
  const auto lo = static_cast<std::int64_t>(std::ceil(P * (1 - tardiness_factor - due_date_range / 2)));
  const auto hi = static_cast<std::int64_t>(std::floor(P * (1 - tardiness_factor + due_date_range / 2)));
  for (Job& job : in.jobs) job.due = std::max<Time>(0, UniformInt(rng, lo, std::max(lo, hi)));
  return in;
}

Instance GenerateSmReleaseTardiness(int jobs, bool weighted, Time max_p, std::int64_t max_w, double release_factor,
                                    double due_slack, std::uint64_t seed, const std::string& name) {
  Rng rng(seed);
  Instance in;
  in.name = name;
  const double P = static_cast<double>(AddJobs(in, rng, jobs, weighted, max_p, max_w));
  const auto release_hi = static_cast<std::int64_t>(std::floor(P * release_factor));
  const auto slack_hi = static_cast<std::int64_t>(std::floor(P * due_slack));
  for (std::size_t j = 0; j < in.jobs.size(); ++j) {
    Job& job = in.jobs[j];
    job.release = UniformInt(rng, 0, release_hi);
    job.due = job.release + in.operations[j].modes[0].duration + UniformInt(rng, 0, slack_hi);
  }
  return in;
}

std::vector<Instance> GenerateSmTardinessSet(const SmTardinessOptions& o, const std::string& prefix) {
  std::vector<Instance> set;
  std::uint64_t k = 0;
  for (double alpha : o.release_factors) {
    for (double beta : o.due_slacks) {
      for (int i = 1; i <= o.per_class; ++i) {
        const std::uint64_t seed = o.seed * 1000003u + (k++);
        set.push_back(GenerateSmReleaseTardiness(o.jobs, o.weighted, o.max_p, o.max_w, alpha, beta, seed,
                                                 fmt::format("{}-a{}-b{}-{}", prefix, alpha, beta, i)));
      }
    }
  }
  if (!o.release_factors.empty()) return set;
  for (double tf : o.tardiness_factors) {
    for (double rdd : o.due_date_ranges) {
      for (int i = 1; i <= o.per_class; ++i) {
        const std::uint64_t seed = o.seed * 1000003u + (k++);
        set.push_back(GenerateSmTardiness(o.jobs, o.weighted, o.max_p, o.max_w, tf, rdd, seed,
                                          fmt::format("{}-tf{}-rdd{}-{}", prefix, tf, rdd, i)));
      }
    }
  }
  return set;
}

}  // namespace ordo::gen
