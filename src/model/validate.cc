#include "model/validate.h"

#include <algorithm>
#include <cstddef>
#include <string>

#include <fmt/format.h>

#include "model/family.h"
#include "model/int128.h"
#include "model/precedence_graph.h"

namespace ordo {

std::string ValidationResult::Summary() const {
  std::string out;
  for (const std::string& e : errors) {
    if (!out.empty()) out += '\n';
    out += e;
  }
  return out;
}

namespace {

constexpr std::size_t kMaxErrors = 20;  // enough to act on, short enough to read

class Validator {
 public:
  explicit Validator(const Instance& in) : in_(in) {}

  ValidationResult Run() {
    if (in_.operations.empty()) Error("the instance has no operations");
    if (in_.objective.terms.empty()) Error("the objective has no terms");
    for (const ObjectiveTerm& t : in_.objective.terms) {
      if (t.weight < 0) Error(fmt::format("objective term {} has negative weight {}", ToString(t.kind), t.weight));
    }
    CheckResources();
    CheckJobs();
    CheckOperations();
    CheckPrecedences();
    CheckDisjunctive();
    if (result_.ok()) CheckMagnitudes();
    if (result_.ok()) CheckCycles();
    if (result_.ok() && in_.blocking && !IsShop(ClassifyFamily(in_))) {
      Error("blocking is defined only for job shops and flexible job shops (unit machines, job chains)");
    }
    if (in_.blocking) {
      for (std::size_t o = 0; o < in_.operations.size(); ++o) {
        if (in_.operations[o].resumable) {
          Error(fmt::format("operation {} is resumable, which blocking shops do not support (an operation there "
                            "holds its machine until its job moves on)", o));
          break;
        }
      }
    }
    return std::move(result_);
  }

 private:
  void Error(std::string message) {
    if (result_.errors.size() < kMaxErrors) result_.errors.push_back(std::move(message));
  }

  bool TimeOk(Time t) const { return t >= 0 && t <= kMaxTimeValue; }

  void CheckResources() {
    for (std::size_t r = 0; r < in_.resources.size(); ++r) {
      const Resource& res = in_.resources[r];
      if (res.capacity < 0) Error(fmt::format("resource {} ('{}') has negative capacity {}", r, res.name, res.capacity));
      Time previous_end = 0;
      for (std::size_t k = 0; k < res.calendar.size(); ++k) {
        const CapacityPeriod& p = res.calendar[k];
        if (!TimeOk(p.start) || !TimeOk(p.end) || p.start >= p.end) {
          Error(fmt::format("resource {} calendar period {} is [{}, {}): expected 0 <= start < end <= {}", r, k,
                            p.start, p.end, kMaxTimeValue));
        } else if (p.start < previous_end) {
          Error(fmt::format("resource {} calendar period {} starts at {} before the previous period ends ({}): "
                            "periods must be sorted and disjoint",
                            r, k, p.start, previous_end));
        }
        if (p.capacity < 0) Error(fmt::format("resource {} calendar period {} has negative capacity {}", r, k, p.capacity));
        previous_end = std::max(previous_end, p.end);
      }
    }
  }

  void CheckJobs() {
    std::vector<int> listed(in_.operations.size(), 0);
    for (std::size_t j = 0; j < in_.jobs.size(); ++j) {
      const Job& job = in_.jobs[j];
      if (!TimeOk(job.release)) Error(fmt::format("job {} release {} is out of range [0, {}]", j, job.release, kMaxTimeValue));
      if (!TimeOk(job.due)) Error(fmt::format("job {} due date {} is out of range [0, {}]", j, job.due, kMaxTimeValue));
      if (job.deadline != kNoDeadline && !TimeOk(job.deadline)) {
        Error(fmt::format("job {} deadline {} is out of range [0, {}]", j, job.deadline, kMaxTimeValue));
      }
      if (job.weight < 0 || job.weight > (std::int64_t{1} << 20)) {
        Error(fmt::format("job {} weight {} is out of range [0, 2^20]", j, job.weight));
      }
      for (int o : job.operations) {
        if (o < 0 || static_cast<std::size_t>(o) >= in_.operations.size()) {
          Error(fmt::format("job {} lists operation {} which does not exist ({} operations)", j, o, in_.operations.size()));
        } else if (in_.operations[o].job != static_cast<int>(j)) {
          Error(fmt::format("job {} lists operation {} which belongs to job {}", j, o, in_.operations[o].job));
        } else if (++listed[o] > 1) {
          Error(fmt::format("job {} lists operation {} twice", j, o));
        }
      }
    }
    for (std::size_t o = 0; o < in_.operations.size(); ++o) {
      const int job = in_.operations[o].job;
      if (job < 0 || static_cast<std::size_t>(job) >= in_.jobs.size()) {
        Error(fmt::format("operation {} belongs to job {} which does not exist ({} jobs)", o, job, in_.jobs.size()));
      } else if (listed[o] == 0) {
        Error(fmt::format("operation {} is not listed in its job {}", o, job));
      }
    }
  }

  std::int64_t PeakCapacity(const Resource& res) const {
    std::int64_t peak = res.capacity;
    for (const CapacityPeriod& p : res.calendar) peak = std::max(peak, p.capacity);
    return peak;
  }

  void CheckOperations() {
    for (std::size_t o = 0; o < in_.operations.size(); ++o) {
      const Operation& op = in_.operations[o];
      if (op.modes.empty()) Error(fmt::format("operation {} ('{}') has no mode", o, op.name));
      if (!TimeOk(op.release)) Error(fmt::format("operation {} release {} is out of range [0, {}]", o, op.release, kMaxTimeValue));
      if (op.deadline != kNoDeadline && !TimeOk(op.deadline)) {
        Error(fmt::format("operation {} deadline {} is out of range [0, {}]", o, op.deadline, kMaxTimeValue));
      }
      for (std::size_t m = 0; m < op.modes.size(); ++m) {
        const Mode& mode = op.modes[m];
        if (!TimeOk(mode.duration)) {
          Error(fmt::format("operation {} mode {} has duration {}: expected 0 <= duration <= {}", o, m, mode.duration,
                            kMaxTimeValue));
        }
        // One demand per resource: the solvers test each demand against the free capacity,
        // so two entries for one resource would be read as less than their sum.
        std::vector<int> used;
        used.reserve(mode.demands.size());
        for (const Demand& d : mode.demands) used.push_back(d.resource);
        std::sort(used.begin(), used.end());
        const auto repeated = std::adjacent_find(used.begin(), used.end());
        if (repeated != used.end()) {
          Error(fmt::format("operation {} mode {} lists resource {} more than once: expected one demand with the total",
                            o, m, *repeated));
        }
        for (const Demand& d : mode.demands) {
          if (d.resource < 0 || static_cast<std::size_t>(d.resource) >= in_.resources.size()) {
            Error(fmt::format("operation {} mode {} uses resource {} which does not exist ({} resources)", o, m,
                              d.resource, in_.resources.size()));
            continue;
          }
          if (d.amount < 0) Error(fmt::format("operation {} mode {} has negative demand {} on resource {}", o, m, d.amount, d.resource));
          const std::int64_t peak = PeakCapacity(in_.resources[d.resource]);
          if (d.amount > peak) {
            Error(fmt::format("operation {} mode {} demands {} of resource {} ('{}') whose capacity is {}", o, m,
                              d.amount, d.resource, in_.resources[d.resource].name, peak));
          }
        }
      }
    }
  }

  bool OpOk(int o) const { return o >= 0 && static_cast<std::size_t>(o) < in_.operations.size(); }

  void CheckPrecedences() {
    for (std::size_t k = 0; k < in_.precedences.size(); ++k) {
      const Precedence& p = in_.precedences[k];
      if (!OpOk(p.from) || !OpOk(p.to)) {
        Error(fmt::format("precedence {} links operations {} -> {}: out of range ({} operations)", k, p.from, p.to,
                          in_.operations.size()));
      } else if (p.from == p.to && !(p.type == PrecedenceType::StartToStart && p.lag <= 0)) {
        Error(fmt::format("precedence {} links operation {} to itself", k, p.from));
      }
      if (p.lag < -kMaxTimeValue || p.lag > kMaxTimeValue) {
        Error(fmt::format("precedence {} has lag {} beyond +-{}", k, p.lag, kMaxTimeValue));
      }
    }
  }

  void CheckDisjunctive() {
    for (std::size_t k = 0; k < in_.disjunctive.size(); ++k) {
      const DisjunctivePair& d = in_.disjunctive[k];
      if (!OpOk(d.a) || !OpOk(d.b) || d.a == d.b) {
        Error(fmt::format("disjunctive pair {} ({}, {}) must name two distinct operations among {}", k, d.a, d.b,
                          in_.operations.size()));
      }
    }
  }

  // The trivial horizon (latest release plus every longest duration plus every positive
  // lag plus every calendar period) and the largest weighted objective must fit in int64.
  void CheckMagnitudes() {
    Int128 horizon = 0;
    Time latest = 0;
    for (const Job& job : in_.jobs) {
      latest = std::max({latest, job.release, job.due});
      if (job.deadline != kNoDeadline) latest = std::max(latest, job.deadline);
    }
    for (const Operation& op : in_.operations) {
      latest = std::max(latest, op.release);
      if (op.deadline != kNoDeadline) latest = std::max(latest, op.deadline);
      Time longest = 0;
      for (const Mode& mode : op.modes) longest = std::max(longest, mode.duration);
      horizon += longest;
    }
    for (const Precedence& p : in_.precedences) horizon += p.lag > 0 ? p.lag : -p.lag;
    for (const Resource& r : in_.resources) {
      for (const CapacityPeriod& p : r.calendar) latest = std::max(latest, p.end);
    }
    horizon += latest;
    if (horizon > kMaxTimeValue) {
      Error(fmt::format("the sum of durations, lags and the latest date exceeds {}: times could overflow", kMaxTimeValue));
      return;
    }
    Int128 weight = 0;
    for (const Job& job : in_.jobs) weight += job.weight;
    Int128 term_weight = 0;
    for (const ObjectiveTerm& t : in_.objective.terms) term_weight += t.weight;
    if ((weight + 1) * horizon * (term_weight + 1) > (static_cast<Int128>(1) << 62)) {
      Error("job weights times the horizon could overflow a 64-bit objective");
    }
  }

  // A cycle of precedences whose lags, with the shortest mode durations, add up to a
  // positive length cannot be satisfied. Zero-length cycles (e.g. equal starts) are fine.
  void CheckCycles() {
    if (PrecedencesAcyclic(in_, SelfLoops::AreCycles)) return;
    const std::size_t n = in_.operations.size();
    // Longest-path Bellman-Ford on start times; a relaxation in round n means a positive cycle.
    std::vector<Time> dist(n, 0);
    std::vector<int> parent(n, -1);
    int changed_op = -1;
    for (std::size_t round = 0; round <= n; ++round) {
      changed_op = -1;
      for (std::size_t k = 0; k < in_.precedences.size(); ++k) {
        const Precedence& p = in_.precedences[k];
        Time lag = p.lag;
        if (p.type == PrecedenceType::EndToStart) {
          Time shortest = kMaxTimeValue;
          for (const Mode& mode : in_.operations[p.from].modes) shortest = std::min(shortest, mode.duration);
          lag += shortest;
        }
        if (dist[p.from] + lag > dist[p.to]) {
          dist[p.to] = dist[p.from] + lag;
          parent[p.to] = p.from;
          changed_op = p.to;
        }
      }
      if (changed_op < 0) return;  // cycles exist but none has positive length
    }
    // Walk back n steps to land on the cycle, then print it.
    int o = changed_op;
    for (std::size_t i = 0; i < n; ++i) o = parent[o];
    std::vector<int> cycle{o};
    for (int v = parent[o]; v != o && cycle.size() <= n; v = parent[v]) cycle.push_back(v);
    std::reverse(cycle.begin(), cycle.end());
    std::string path;
    for (int v : cycle) path += fmt::format("{} -> ", v);
    path += std::to_string(cycle.front());
    Error("the precedences contain a cycle of positive length through operations " + path);
  }

  const Instance& in_;
  ValidationResult result_;
};

}  // namespace

ValidationResult ValidateInstance(const Instance& instance) { return Validator(instance).Run(); }

ValidationResult ValidateSolutionShape(const Instance& instance, const Solution& solution) {
  ValidationResult result;
  const std::size_t n = instance.operations.size();
  if (solution.start.size() != n || solution.mode.size() != n) {
    result.errors.push_back(fmt::format("the solution has {} starts and {} modes; the instance has {} operations",
                                        solution.start.size(), solution.mode.size(), n));
    return result;
  }
  for (std::size_t o = 0; o < n && result.errors.size() < kMaxErrors; ++o) {
    const int m = solution.mode[o];
    if (m < 0 || static_cast<std::size_t>(m) >= instance.operations[o].modes.size()) {
      result.errors.push_back(fmt::format("operation {} uses mode {}, but it has {} modes", o, m,
                                          instance.operations[o].modes.size()));
    }
    if (solution.start[o] < -kMaxTimeValue || solution.start[o] > kMaxTimeValue) {
      result.errors.push_back(fmt::format("operation {} starts at {}, beyond +-{}", o, solution.start[o], kMaxTimeValue));
    }
  }
  return result;
}

}  // namespace ordo
