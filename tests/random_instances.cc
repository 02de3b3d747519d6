#include "random_instances.h"

#include <fmt/format.h>

#include "solve/common/rng.h"

namespace ordo::test {
namespace {

Time Uniform(Rng& rng, Time lo, Time hi) { return lo + static_cast<Time>(rng.Below(static_cast<std::uint64_t>(hi - lo + 1))); }

void ChainAll(Instance& in) {
  for (const Job& job : in.jobs) {
    for (std::size_t i = 1; i < job.operations.size(); ++i) {
      in.precedences.push_back({job.operations[i - 1], job.operations[i], 0, PrecedenceType::EndToStart});
    }
  }
}

Instance Shop(std::uint64_t seed, int jobs, int machines, int max_alternatives, bool extras) {
  Rng rng(seed);
  Instance in;
  in.name = fmt::format("random-shop-{}", seed);
  for (int m = 0; m < machines; ++m) {
    Resource r{fmt::format("M{}", m), ResourceKind::Machine, 1, {}};
    if (extras && rng.Below(3) == 0) {
      const Time s = Uniform(rng, 0, 60);
      r.calendar.push_back({s, s + Uniform(rng, 1, 20), 0});
    }
    in.resources.push_back(r);
  }
  for (int j = 0; j < jobs; ++j) {
    Job job{fmt::format("J{}", j), {}, extras ? Uniform(rng, 0, 30) : 0, Uniform(rng, 10, 200), kNoDeadline,
            static_cast<std::int64_t>(Uniform(rng, 1, 5))};
    const int ops = static_cast<int>(Uniform(rng, 1, machines));
    for (int k = 0; k < ops; ++k) {
      Operation op;
      op.job = j;
      const int alternatives = static_cast<int>(Uniform(rng, 1, std::min(max_alternatives, machines)));
      const int first = static_cast<int>(rng.Below(machines));
      for (int a = 0; a < alternatives; ++a) {
        op.modes.push_back(Mode{Uniform(rng, extras ? 0 : 1, 20), {Demand{(first + a) % machines, 1}}});
      }
      job.operations.push_back(static_cast<int>(in.operations.size()));
      in.operations.push_back(op);
    }
    in.jobs.push_back(job);
  }
  ChainAll(in);
  if (extras) {
    in.objective.terms = {ObjectiveTerm{ObjectiveKind::Makespan, 1}, ObjectiveTerm{ObjectiveKind::TotalWeightedTardiness, 2}};
  }
  return in;
}

}  // namespace

Instance RandomJobShop(std::uint64_t seed, int jobs, int machines, bool with_extras) {
  return Shop(seed, jobs, machines, 1, with_extras);
}

Instance RandomFlexibleShop(std::uint64_t seed, int jobs, int machines, bool with_extras) {
  return Shop(seed, jobs, machines, 3, with_extras);
}

Instance RandomRcpsp(std::uint64_t seed, int activities, int resources, bool extras) {
  Rng rng(seed);
  Instance in;
  in.name = fmt::format("random-rcpsp-{}", seed);
  for (int r = 0; r < resources; ++r) {
    Resource res{fmt::format("R{}", r), ResourceKind::Renewable, Uniform(rng, 3, 10), {}};
    if (extras && rng.Below(2) == 0) {
      const Time s = Uniform(rng, 0, 40);
      res.calendar.push_back({s, s + Uniform(rng, 1, 15), Uniform(rng, 0, res.capacity)});
    }
    in.resources.push_back(res);
  }
  for (int a = 0; a < activities; ++a) {
    Operation op;
    op.job = a;
    Mode mode{Uniform(rng, 0, 10), {}};
    for (int r = 0; r < resources; ++r) {
      if (rng.Below(2)) mode.demands.push_back(Demand{r, Uniform(rng, 1, in.resources[r].capacity)});
    }
    op.modes.push_back(mode);
    if (extras && rng.Below(3) == 0) {
      Mode alt = mode;
      alt.duration = Uniform(rng, 1, 12);
      op.modes.push_back(alt);
    }
    if (extras && rng.Below(5) == 0) op.release = Uniform(rng, 0, 20);
    in.operations.push_back(op);
    in.jobs.push_back(Job{fmt::format("A{}", a), {a}, 0, Uniform(rng, 5, 60), kNoDeadline, 1});
    // Precedences only from earlier activities keep the graph acyclic.
    for (int b = 0; b < a; ++b) {
      if (rng.Below(static_cast<std::uint64_t>(a) + 2) == 0) {
        const bool ss = extras && rng.Below(3) == 0;
        in.precedences.push_back({b, a, extras ? Uniform(rng, 0, 3) : 0, ss ? PrecedenceType::StartToStart : PrecedenceType::EndToStart});
      }
    }
  }
  if (extras && activities >= 4) {
    in.disjunctive.push_back({0, activities - 1});
    in.disjunctive.push_back({1, 2});
    in.objective.terms = {ObjectiveTerm{ObjectiveKind::Makespan, 1}, ObjectiveTerm{ObjectiveKind::MaxLateness, 1}};
  }
  return in;
}

Instance RandomSingleMachine(std::uint64_t seed, int jobs, bool with_releases) {
  Rng rng(seed);
  Instance in;
  in.name = fmt::format("random-sm-{}", seed);
  in.resources.push_back(Resource{"machine", ResourceKind::Machine, 1, {}});
  Time total = 0;
  for (int j = 0; j < jobs; ++j) {
    Operation op;
    op.job = j;
    op.modes.push_back(Mode{Uniform(rng, 1, 100), {Demand{0, 1}}});
    total += op.modes[0].duration;
    in.operations.push_back(op);
  }
  for (int j = 0; j < jobs; ++j) {
    in.jobs.push_back(Job{fmt::format("J{}", j), {j}, with_releases ? Uniform(rng, 0, total / 2) : 0,
                          Uniform(rng, total / 5, total), kNoDeadline, static_cast<std::int64_t>(Uniform(rng, 1, 10))});
  }
  in.objective.terms = {ObjectiveTerm{ObjectiveKind::TotalWeightedTardiness, 1}};
  return in;
}

}  // namespace ordo::test
