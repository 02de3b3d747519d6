#include "gen/project_ramp.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include <fmt/format.h>

#include "model/calendar.h"
#include "solve/common/rng.h"

namespace ordo::gen {

namespace {

// Reachability over the growing DAG, one bit row per task.
class Closure {
 public:
  explicit Closure(int n) : n_(n), words_((n + 63) / 64), bits_(static_cast<std::size_t>(n) * words_, 0) {}
  bool Reaches(int i, int j) const { return (bits_[Row(i) + j / 64] >> (j % 64) & 1U) != 0; }
  // Adds i -> j: every task that reaches i (and i) now reaches j and all j reaches.
  void Add(int i, int j) {
    for (int a = 0; a < n_; ++a) {
      if (a != i && !Reaches(a, i)) continue;
      bits_[Row(a) + j / 64] |= std::uint64_t{1} << (j % 64);
      for (int w = 0; w < words_; ++w) bits_[Row(a) + w] |= bits_[Row(j) + w];
    }
  }

 private:
  std::size_t Row(int i) const { return static_cast<std::size_t>(i) * words_; }
  int n_, words_;
  std::vector<std::uint64_t> bits_;
};

std::int64_t Between(Rng& rng, std::int64_t lo, std::int64_t hi) {
  return lo + static_cast<std::int64_t>(rng.Below(static_cast<std::uint64_t>(hi - lo + 1)));
}

// Adds [start, end) at capacity 0 to the calendar, merged with overlapping downtime (the
// calendars the generator writes hold downtime only).
void AddDowntime(Resource& r, Time start, Time end) {
  r.calendar.push_back({start, end, 0});
  r.calendar = MergeDowntime(std::move(r.calendar));
}

}  // namespace

std::vector<Instance> GenerateProjectRamp(const ProjectRampOptions& o, const std::string& prefix) {
  Rng rng(o.seed);
  const int n = std::max(2, o.tasks);
  const int layers = std::clamp(o.layers, 2, n);
  Instance base;
  base.objective.terms = {ObjectiveTerm{ObjectiveKind::Makespan, 1}};
  for (int r = 0; r < std::max(1, o.resources); ++r) {
    base.resources.push_back({fmt::format("R{}", r + 1), ResourceKind::Renewable, Between(rng, 2, std::max<std::int64_t>(2, o.max_capacity)), {}});
  }
  for (int t = 0; t < n; ++t) {
    Operation op;
    op.name = fmt::format("task {}", t + 1);
    op.job = t;
    Mode mode{Between(rng, 1, std::max<Time>(1, o.max_duration)), {}};
    for (int r = 0; r < static_cast<int>(base.resources.size()); ++r) {
      if (rng.Below(2) == 0) mode.demands.push_back({r, Between(rng, 1, base.resources[r].capacity)});
    }
    op.modes.push_back(std::move(mode));
    base.operations.push_back(std::move(op));
    base.jobs.push_back(Job{fmt::format("task {}", t + 1), {t}, 0, 0, kNoDeadline, 1});
  }

  // Layers: the first `layers` tasks open one layer each, the rest fall anywhere.
  std::vector<int> layer(n);
  for (int t = 0; t < n; ++t) layer[t] = t < layers ? t : static_cast<int>(rng.Below(layers));
  std::vector<std::pair<int, int>> candidates;
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      if (layer[i] < layer[j]) candidates.emplace_back(i, j);
    }
  }
  for (std::size_t k = candidates.size(); k > 1; --k) std::swap(candidates[k - 1], candidates[rng.Below(k)]);
  Closure closure(n);
  std::vector<Precedence> arcs;
  for (const auto& [i, j] : candidates) {
    if (static_cast<int>(arcs.size()) >= o.precedence_levels) break;
    if (closure.Reaches(i, j)) continue;
    closure.Add(i, j);
    arcs.push_back({i, j, 0, PrecedenceType::EndToStart});
  }

  // Critical-path times of the final DAG and a horizon that also counts resource energy.
  std::vector<Time> es(n, 0);
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return layer[a] < layer[b]; });
  auto duration = [&](int t) { return base.operations[t].modes[0].duration; };
  for (int t : order) {
    for (const Precedence& p : arcs) {
      if (p.to == t) es[t] = std::max(es[t], es[p.from] + duration(p.from));
    }
  }
  Time horizon = 0;
  for (int t = 0; t < n; ++t) horizon = std::max(horizon, es[t] + duration(t));
  for (std::size_t r = 0; r < base.resources.size(); ++r) {
    std::int64_t energy = 0;
    for (const Operation& op : base.operations) {
      for (const Demand& d : op.modes[0].demands) {
        if (d.resource == static_cast<int>(r)) energy += d.amount * op.modes[0].duration;
      }
    }
    horizon = std::max(horizon, (energy + base.resources[r].capacity - 1) / base.resources[r].capacity);
  }

  std::vector<Instance> ramp;
  Instance current = base;
  int level = 0;
  auto emit = [&] {
    ++level;
    current.name = fmt::format("{}-L{:03}", prefix, level);
    ramp.push_back(current);
  };
  for (const Precedence& p : arcs) {
    current.precedences.push_back(p);
    emit();
  }
  std::vector<std::pair<int, int>> pairs;
  for (int c = 0; c < o.constraint_levels; ++c) {
    // Slack shrinks from 1.5 horizons to a tenth of one along the phase.
    const double progress = o.constraint_levels > 1 ? static_cast<double>(c) / (o.constraint_levels - 1) : 1.0;
    const Time slack = std::max<Time>(1, static_cast<Time>(static_cast<double>(horizon) * (1.5 - 1.4 * progress)));
    if (rng.Uniform01() < o.downtime_probability) {
      Resource& r = current.resources[rng.Below(current.resources.size())];
      const Time start = Between(rng, 0, horizon);
      AddDowntime(r, start, start + Between(rng, 1, std::max<Time>(1, horizon / 8)));
    }
    if (rng.Uniform01() < o.window_probability) {
      const int t = static_cast<int>(rng.Below(n));
      Operation& op = current.operations[t];
      const Time release = std::max(op.release, Between(rng, 0, es[t] + slack / 4));
      const Time deadline = std::min(op.deadline, es[t] + duration(t) + Between(rng, 0, slack));
      // A window narrower than the task is skipped: that infeasibility says nothing.
      if (deadline >= release + duration(t)) {
        op.release = release;
        op.deadline = deadline;
      }
    }
    if (rng.Uniform01() < o.pair_probability) {
      for (int attempt = 0; attempt < 20; ++attempt) {
        const int a = static_cast<int>(rng.Below(n)), b = static_cast<int>(rng.Below(n));
        if (a == b || closure.Reaches(a, b) || closure.Reaches(b, a)) continue;
        const std::pair<int, int> key{std::min(a, b), std::max(a, b)};
        if (std::find(pairs.begin(), pairs.end(), key) != pairs.end()) continue;
        pairs.push_back(key);
        current.disjunctive.push_back({key.first, key.second});
        break;
      }
    }
    emit();
  }
  return ramp;
}

}  // namespace ordo::gen
