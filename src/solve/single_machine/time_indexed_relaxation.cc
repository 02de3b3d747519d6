#include "solve/single_machine/time_indexed_relaxation.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace ordo {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();
}  // namespace

bool AdjacentPairAllowed(const SmCostModel& m, int i, int j, Time t) {
  const Time start = t - m.p[j] - m.p[i];
  const std::int64_t as_is = m.JobCost(i, t - m.p[j]) + m.JobCost(j, t);
  const std::int64_t swapped = m.JobCost(j, start + m.p[j]) + m.JobCost(i, t);
  return as_is < swapped || (as_is == swapped && i < j);
}

double TimeIndexedRelaxation::Bytes(const SmCostModel& model) {
  const double horizon = static_cast<double>(std::accumulate(model.p.begin(), model.p.end(), Time{0}));
  const double per_node = static_cast<double>(kBytesPerNode) + 8.0 * ((model.size() + 63) / 64);
  return (horizon + 1) * model.size() * per_node;
}

TimeIndexedRelaxation::TimeIndexedRelaxation(const SmCostModel& model) : m_(model), n_(model.size()) {
  horizon_ = std::accumulate(model.p.begin(), model.p.end(), Time{0});
  const std::size_t nodes = static_cast<std::size_t>(horizon_ + 1) * static_cast<std::size_t>(n_);
  alive_.assign(nodes, 1);
  // No job ends before its length.
  for (int j = 0; j < n_; ++j) {
    for (Time t = 0; t < std::min<Time>(model.p[j], horizon_ + 1); ++t) alive_[Node(t, j)] = 0;
  }
  words_ = static_cast<std::size_t>((n_ + 63) / 64);
  allowed_.assign(nodes * words_, 0);
  for (Time t = 1; t <= horizon_; ++t) {
    for (int j = 0; j < n_; ++j) {
      const Time s = t - model.p[j];
      for (int i = 0; i < n_; ++i) {
        if (i == j || s - model.p[i] < 0 || !AdjacentPairAllowed(model, i, j, t)) continue;
        allowed_[Node(t, j) * words_ + static_cast<std::size_t>(i >> 6)] |= std::uint64_t{1} << (i & 63);
      }
    }
  }
  alive_count_ = std::count(alive_.begin(), alive_.end(), std::uint8_t{1});
  prefix_.assign(nodes, kInfinity);
  to_go_.assign(nodes, kInfinity);
  from_start_.assign(nodes, kInfinity);
  pred_.assign(nodes, -1);
  by_prefix_.assign(nodes, 0);
  by_start_value_.assign(nodes, 0);
  prefix_count_.assign(static_cast<std::size_t>(horizon_ + 1), 0);
  start_count_.assign(static_cast<std::size_t>(horizon_ + 1), 0);
}

double TimeIndexedRelaxation::Forward(std::span<const double> mu, std::vector<int>& uses, std::vector<int>& path) {
  for (Time t = 1; t <= horizon_; ++t) {
    double* value = &prefix_[Node(t, 0)];
    int* pred = &pred_[Node(t, 0)];
    const std::uint8_t* alive = &alive_[Node(t, 0)];
    for (int j = 0; j < n_; ++j) {
      value[j] = kInfinity;
      if (!alive[j]) continue;
      const Time s = t - m_.p[j];
      const double own = NodeCost(mu, j, t);
      if (s == 0) {
        value[j] = own, pred[j] = -1;
        continue;
      }
      // The cheapest allowed predecessor: the nodes ending at s, by prefix cost (the pair
      // table excludes j itself).
      const int* order = &by_prefix_[Node(s, 0)];
      const int count = prefix_count_[s];
      const std::uint64_t* allowed = &allowed_[Node(t, j) * words_];
      for (int c = 0; c < count; ++c) {
        const int i = order[c];
        if (!((allowed[i >> 6] >> (i & 63)) & 1)) continue;
        value[j] = prefix_[Node(s, i)] + own, pred[j] = i;
        break;
      }
    }
    int* order = &by_prefix_[Node(t, 0)];
    int count = 0;
    for (int j = 0; j < n_; ++j) {
      if (value[j] < kInfinity) order[count++] = j;
    }
    std::sort(order, order + count, [&](int x, int y) { return value[x] < value[y]; });
    prefix_count_[t] = count;
  }
  uses.assign(n_, 0);
  path.clear();
  if (prefix_count_[horizon_] == 0) return kInfinity;
  int j = by_prefix_[Node(horizon_, 0)];
  const double best = prefix_[Node(horizon_, j)];
  for (Time t = horizon_; j >= 0;) {
    ++uses[j];
    path.push_back(j);
    const int i = pred_[Node(t, j)];
    t -= m_.p[j];
    j = i;
  }
  std::reverse(path.begin(), path.end());
  return best;
}

void TimeIndexedRelaxation::Backward(std::span<const double> mu) {
  for (int j = 0; j < n_; ++j) to_go_[Node(horizon_, j)] = 0;
  for (Time s = horizon_ - 1; s >= 0; --s) {
    // Suffixes that start at s with job k.
    double* start_value = &from_start_[Node(s, 0)];
    int* order = &by_start_value_[Node(s, 0)];
    int count = 0;
    for (int k = 0; k < n_; ++k) {
      start_value[k] = kInfinity;
      const Time end = s + m_.p[k];
      if (end > horizon_ || !alive_[Node(end, k)]) continue;
      const double rest = to_go_[Node(end, k)];
      if (rest == kInfinity) continue;
      start_value[k] = NodeCost(mu, k, end) + rest;
      order[count++] = k;
    }
    std::sort(order, order + count, [&](int x, int y) { return start_value[x] < start_value[y]; });
    start_count_[s] = count;
    // The cheapest allowed successor of each node ending at s.
    double* to_go = &to_go_[Node(s, 0)];
    for (int j = 0; j < n_; ++j) {
      to_go[j] = kInfinity;
      if (s == 0 || !alive_[Node(s, j)]) continue;
      for (int c = 0; c < count; ++c) {
        const int k = order[c];
        if (k == j || !Allowed(j, k, s + m_.p[k])) continue;
        to_go[j] = start_value[k];
        break;
      }
    }
  }
}

std::int64_t TimeIndexedRelaxation::Eliminate(double sum_mu, double limit) {
  const double bound = limit - sum_mu;
  for (Time t = 1; t <= horizon_; ++t) {
    for (int j = 0; j < n_; ++j) {
      const std::size_t node = Node(t, j);
      if (!alive_[node]) continue;
      const double through = prefix_[node] + to_go_[node];
      if (through == kInfinity || through > bound) alive_[node] = 0, --alive_count_;
    }
  }
  return alive_count_;
}

}  // namespace ordo
