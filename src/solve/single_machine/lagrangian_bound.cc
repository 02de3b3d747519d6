#include "solve/single_machine/lagrangian_bound.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ordo {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

class TimeIndexedRelaxation {
 public:
  explicit TimeIndexedRelaxation(const SmCostModel& model) : m_(model), n_(model.size()) {
    horizon_ = std::accumulate(model.p.begin(), model.p.end(), Time{0});
    const std::size_t cells = static_cast<std::size_t>(horizon_ + 1) * static_cast<std::size_t>(n_);
    value_.assign(cells, kInfinity);
    pred_.assign(cells, -1);
    sorted_.assign(cells, 0);
    sorted_count_.assign(static_cast<std::size_t>(horizon_ + 1), 0);
  }

  // min over paths of sum (f_j(t) - mu_j); fills `uses` with how often each job is on it.
  double Solve(const std::vector<double>& mu, std::vector<int>& uses, std::vector<int>& path) {
    for (Time t = 1; t <= horizon_; ++t) {
      double* value = &value_[Cell(t, 0)];
      int* pred = &pred_[Cell(t, 0)];
      for (int j = 0; j < n_; ++j) {
        value[j] = kInfinity;
        const Time s = t - m_.p[j];
        if (s < 0) continue;
        const double own = static_cast<double>(m_.JobCost(j, t)) - mu[j];
        if (s == 0) {
          value[j] = own, pred[j] = -1;
          continue;
        }
        // The cheapest allowed predecessor: candidates ending at s, by value.
        const int* order = &sorted_[Cell(s, 0)];
        for (int c = 0; c < sorted_count_[s]; ++c) {
          const int i = order[c];
          if (i == j || !Allowed(i, j, t)) continue;
          value[j] = value_[Cell(s, i)] + own, pred[j] = i;
          break;
        }
      }
      int* order = &sorted_[Cell(t, 0)];
      int count = 0;
      for (int j = 0; j < n_; ++j) {
        if (value[j] < kInfinity) order[count++] = j;
      }
      std::sort(order, order + count, [&](int x, int y) { return value[x] < value[y]; });
      sorted_count_[t] = count;
    }
    uses.assign(n_, 0);
    path.clear();
    if (sorted_count_[horizon_] == 0) return kInfinity;
    int j = sorted_[Cell(horizon_, 0)];
    const double best = value_[Cell(horizon_, j)];
    for (Time t = horizon_; j >= 0;) {
      ++uses[j];
      path.push_back(j);
      const int i = pred_[Cell(t, j)];
      t -= m_.p[j];
      j = i;
    }
    std::reverse(path.begin(), path.end());
    return best;
  }

 private:
  std::size_t Cell(Time t, int j) const { return static_cast<std::size_t>(t) * static_cast<std::size_t>(n_) + static_cast<std::size_t>(j); }

  bool Allowed(int i, int j, Time t) const { return AdjacentPairAllowed(m_, i, j, t); }

  const SmCostModel& m_;
  int n_;
  Time horizon_ = 0;
  std::vector<double> value_;
  std::vector<int> pred_, sorted_, sorted_count_;
};

}  // namespace

bool AdjacentPairAllowed(const SmCostModel& m, int i, int j, Time t) {
  const Time start = t - m.p[j] - m.p[i];
  const std::int64_t as_is = m.JobCost(i, t - m.p[j]) + m.JobCost(j, t);
  const std::int64_t swapped = m.JobCost(j, start + m.p[j]) + m.JobCost(i, t);
  return as_is < swapped || (as_is == swapped && i < j);
}

LagrangianBoundResult LagrangianLowerBound(const SmCostModel& model, std::int64_t upper_bound,
                                           const LagrangianBoundOptions& options, const std::function<bool()>& should_stop) {
  LagrangianBoundResult result;
  result.bound = model.constant;
  const int n = model.size();
  const Time horizon = std::accumulate(model.p.begin(), model.p.end(), Time{0});
  // Zero-length jobs make the time-indexed paths cyclic; very long horizons too big.
  if (n == 0 || *std::min_element(model.p.begin(), model.p.end()) <= 0 ||
      static_cast<double>(horizon) * n > 2e7) {
    return result;
  }
  TimeIndexedRelaxation relaxation(model);
  std::vector<double> mu(n, 0.0);
  std::vector<int> uses, path;
  double best = -kInfinity;
  double step_scale = 1.0;
  int since_best = 0;
  const double target = static_cast<double>(upper_bound - model.constant);
  for (int it = 0; it < options.iterations && !should_stop(); ++it) {
    result.iterations = it + 1;
    const double value = relaxation.Solve(mu, uses, path) + std::accumulate(mu.begin(), mu.end(), 0.0);
    if (value > best + 1e-9) {
      best = value, since_best = 0;
      result.multipliers = mu;
    } else if (++since_best >= 5) {
      step_scale /= 2, since_best = 0;
    }
    double norm = 0;
    for (int j = 0; j < n; ++j) norm += static_cast<double>((1 - uses[j]) * (1 - uses[j]));
    if (norm == 0) {
      // Every job once: a sequence costing L(mu), so optimal.
      result.sequence = path;
      result.bound = model.SequenceCost(path);
      return result;
    }
    if (best >= target - 1e-6 || step_scale < 1e-4) break;
    const double step = step_scale * (target - value) / norm;
    for (int j = 0; j < n; ++j) mu[j] += step * (1 - uses[j]);
  }
  if (best > -kInfinity) {
    result.bound = std::max(result.bound, model.constant + static_cast<std::int64_t>(std::ceil(best - 1e-4)));
  }
  return result;
}

}  // namespace ordo
