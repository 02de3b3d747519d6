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
  prefix2_.assign(nodes, kInfinity);
  to_go_.assign(nodes, kInfinity);
  to_go2_.assign(nodes, kInfinity);
  from_start_.assign(nodes, kInfinity);
  pred_.assign(nodes, -1);
  pred2_.assign(nodes, -1);
  succ_.assign(nodes, -1);
  succ2_.assign(nodes, -1);
  by_prefix_.assign(nodes, 0);
  by_start_value_.assign(nodes, 0);
  prefix_count_.assign(static_cast<std::size_t>(horizon_ + 1), 0);
  start_count_.assign(static_cast<std::size_t>(horizon_ + 1), 0);
}

// Forward labels of node (t, j): the cheapest prefix (predecessor pred_), and the cheapest whose
// predecessor differs (second_). Extending (s, i) by j takes the cheapest of i's labels whose
// predecessor is not j, so no path takes i, j, i.
double TimeIndexedRelaxation::Forward(std::span<const double> mu, std::vector<int>& uses, std::vector<int>& path) {
  for (Time t = 1; t <= horizon_; ++t) {
    double* value = &prefix_[Node(t, 0)];
    double* value2 = &prefix2_[Node(t, 0)];
    int* pred = &pred_[Node(t, 0)];
    int* pred2 = &pred2_[Node(t, 0)];
    const std::uint8_t* alive = &alive_[Node(t, 0)];
    for (int j = 0; j < n_; ++j) {
      value[j] = value2[j] = kInfinity;
      pred[j] = pred2[j] = -1;
      if (!alive[j]) continue;
      const Time s = t - m_.p[j];
      const double own = NodeCost(mu, j, t);
      if (s == 0) {
        value[j] = own;
        continue;
      }
      // The nodes ending at s, by their cheapest prefix (the pair table excludes j itself).
      const int* order = &by_prefix_[Node(s, 0)];
      const int count = prefix_count_[s];
      const std::uint64_t* allowed = &allowed_[Node(t, j) * words_];
      double best = kInfinity, second = kInfinity;
      int best_i = -1, second_i = -1;
      for (int c = 0; c < count; ++c) {
        const int i = order[c];
        const std::size_t from = Node(s, i);
        if (prefix_[from] >= second) break;
        if (!((allowed[i >> 6] >> (i & 63)) & 1)) continue;
        const double v = pred_[from] != j ? prefix_[from] : prefix2_[from];
        if (v < best) {
          second = best, second_i = best_i;
          best = v, best_i = i;
        } else if (v < second) {
          second = v, second_i = i;
        }
      }
      if (best_i < 0) continue;
      value[j] = best + own, pred[j] = best_i;
      if (second_i >= 0) value2[j] = second + own, pred2[j] = second_i;
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
  // Back along the labels: at (s, i) reached from j, the label whose predecessor is not j.
  bool second = false;
  for (Time t = horizon_; j >= 0;) {
    ++uses[j];
    path.push_back(j);
    const std::size_t node = Node(t, j);
    const int i = second ? pred2_[node] : pred_[node];
    t -= m_.p[j];
    if (i >= 0) second = pred_[Node(t, i)] == j;
    j = i;
  }
  std::reverse(path.begin(), path.end());
  return best;
}

// Backward labels, mirrored: the cheapest suffix after (t, j) (first job succ_) and the
// cheapest whose first job differs (to_go2_).
void TimeIndexedRelaxation::Backward(std::span<const double> mu) {
  for (int j = 0; j < n_; ++j) {
    to_go_[Node(horizon_, j)] = 0, to_go2_[Node(horizon_, j)] = kInfinity;
    succ_[Node(horizon_, j)] = succ2_[Node(horizon_, j)] = -1;
  }
  for (Time s = horizon_ - 1; s >= 0; --s) {
    // Suffixes that start at s with job k, by their cheapest.
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
    // The two cheapest allowed successors of each node ending at s; after j, job k's suffix may
    // not go on with j.
    double* to_go = &to_go_[Node(s, 0)];
    double* to_go2 = &to_go2_[Node(s, 0)];
    int* succ = &succ_[Node(s, 0)];
    int* succ2 = &succ2_[Node(s, 0)];
    for (int j = 0; j < n_; ++j) {
      to_go[j] = to_go2[j] = kInfinity;
      succ[j] = succ2[j] = -1;
      if (s == 0 || !alive_[Node(s, j)]) continue;
      double best = kInfinity, second = kInfinity;
      int best_k = -1, second_k = -1;
      for (int c = 0; c < count; ++c) {
        const int k = order[c];
        if (start_value[k] >= second) break;
        const Time end = s + m_.p[k];
        if (k == j || !Allowed(j, k, end)) continue;
        const std::size_t to = Node(end, k);
        const double v = succ_[to] != j ? start_value[k] : NodeCost(mu, k, end) + to_go2_[to];
        if (v < best) {
          second = best, second_k = best_k;
          best = v, best_k = k;
        } else if (v < second) {
          second = v, second_k = k;
        }
      }
      to_go[j] = best, succ[j] = best_k;
      to_go2[j] = second, succ2[j] = second_k;
    }
  }
}

double TimeIndexedRelaxation::Through(Time t, int j) const {
  const std::size_t node = Node(t, j);
  const double prefix[2] = {prefix_[node], prefix2_[node]};
  const int pred[2] = {pred_[node], pred2_[node]};
  const double suffix[2] = {to_go_[node], to_go2_[node]};
  const int succ[2] = {succ_[node], succ2_[node]};
  double best = kInfinity;
  for (int a = 0; a < 2; ++a) {
    for (int b = 0; b < 2; ++b) {
      if (pred[a] >= 0 && pred[a] == succ[b]) continue;  // would take the predecessor again
      best = std::min(best, prefix[a] + suffix[b]);
    }
  }
  return best;
}

std::int64_t TimeIndexedRelaxation::Eliminate(double sum_mu, double limit) {
  const double bound = limit - sum_mu;
  for (Time t = 1; t <= horizon_; ++t) {
    for (int j = 0; j < n_; ++j) {
      const std::size_t node = Node(t, j);
      if (!alive_[node]) continue;
      const double through = Through(t, j);
      if (through == kInfinity || through > bound) alive_[node] = 0, --alive_count_;
    }
  }
  return alive_count_;
}

}  // namespace ordo
