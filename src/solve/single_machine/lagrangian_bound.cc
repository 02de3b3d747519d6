#include "solve/single_machine/lagrangian_bound.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ordo {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Integer costs: a sequence strictly better than `upper` costs at most upper - 1; the tolerance
// errs towards keeping nodes.
double EliminationLimit(std::int64_t upper) {
  const double target = static_cast<double>(upper) - 1;
  return target + 1e-7 * (1 + std::abs(target));
}

}  // namespace

bool LagrangianRelaxationFits(const SmCostModel& model, std::int64_t memory_mb) {
  if (model.size() == 0 || *std::min_element(model.p.begin(), model.p.end()) <= 0) return false;
  return TimeIndexedRelaxation::Bytes(model) <= static_cast<double>(memory_mb) * (1 << 20);
}

LagrangianBoundResult LagrangianLowerBound(const SmCostModel& model, TimeIndexedRelaxation& relaxation,
                                           const std::function<std::int64_t()>& upper_bound,
                                           const LagrangianBoundOptions& options, const std::function<bool()>& should_stop) {
  LagrangianBoundResult result;
  const int n = model.size();
  result.bound = model.constant;
  result.nodes_left = relaxation.alive_count();
  std::vector<double> mu(n, 0.0), best_mu;
  std::vector<int> uses, path;
  double best = -kInfinity;          // best L(mu) of this round, on the current network
  double best_of_rounds = -kInfinity;  // each is a valid bound in the sense of `finish`
  std::int64_t upper = upper_bound();
  std::vector<double> backward_mu;  // the multipliers of the relaxation's cost-to-go
  // The optimum is at least min(upper, L) for the upper bound a network was reduced with.
  const auto finish = [&](double low) {
    low = std::max(low, best_of_rounds);
    if (low > -kInfinity) {
      const double rounded = std::ceil(low - 1e-4);
      const std::int64_t bound = rounded >= static_cast<double>(upper) ? upper : static_cast<std::int64_t>(rounded);
      result.bound = std::max(result.bound, std::min(upper, bound));
    }
    // Leave the cost-to-go of the returned multipliers in the relaxation.
    if (!best_mu.empty() && backward_mu != best_mu) relaxation.Backward(best_mu);
    result.multipliers = best_mu;
    result.nodes_left = relaxation.alive_count();
    return result;
  };
  for (int round = 0; round <= options.rounds; ++round) {
    const int steps = round == 0 ? std::max(10, options.iterations / 10) : std::max(10, options.iterations / 2);
    if (round > 0) mu = best_mu;
    best = -kInfinity;
    double step_scale = round == 0 ? options.step_scale : 0.5 * options.step_scale;
    int since_best = 0;
    for (int it = 0; it < steps && !should_stop(); ++it) {
      ++result.iterations;
      upper = std::min(upper, upper_bound());
      const double relaxed = relaxation.Forward(mu, uses, path);
      if (relaxed == kInfinity) return finish(kInfinity);  // no path left: nothing beats `upper`
      const double value = relaxed + std::accumulate(mu.begin(), mu.end(), 0.0);
      if (value > best + 1e-9) {
        best = value, since_best = 0;
        best_mu = mu;
      } else if (++since_best >= options.stall_steps) {
        step_scale /= 2, since_best = 0;
      }
      double norm = 0;
      for (int j = 0; j < n; ++j) norm += static_cast<double>((1 - uses[j]) * (1 - uses[j]));
      if (norm == 0) {
        // Every job once: a sequence costing L(mu), optimal unless `upper` is as good.
        const std::int64_t cost = model.SequenceCost(path);
        if (cost < upper) result.sequence = path, upper = cost;
        best_mu = mu;
        return finish(static_cast<double>(cost));
      }
      if (best >= static_cast<double>(upper) - 1e-6 || step_scale < 1e-4) break;
      const double step = step_scale * (static_cast<double>(upper) - value) / norm;
      for (int j = 0; j < n; ++j) mu[j] += step * (1 - uses[j]);
    }
    best_of_rounds = std::max(best_of_rounds, best);
    if (best_mu.empty()) return finish(best);
    if (best >= static_cast<double>(upper) - 1e-6) return finish(best);
    // Prefixes and suffixes for the best multipliers, then elimination.
    relaxation.Forward(best_mu, uses, path);
    relaxation.Backward(best_mu);
    backward_mu = best_mu;
    if (round == options.rounds || should_stop()) break;
    const std::int64_t before = relaxation.alive_count();
    upper = std::min(upper, upper_bound());
    const std::int64_t left = relaxation.Eliminate(std::accumulate(best_mu.begin(), best_mu.end(), 0.0), EliminationLimit(upper));
    result.rounds = round + 1;
    if (left == 0) return finish(kInfinity);
    // The suffixes after elimination (tighter for the branch and bound).
    relaxation.Forward(best_mu, uses, path);
    relaxation.Backward(best_mu);
    backward_mu = best_mu;
    if (static_cast<double>(before - left) < 0.01 * static_cast<double>(before)) break;
  }
  return finish(best);
}

LagrangianBoundResult LagrangianLowerBound(const SmCostModel& model, std::int64_t upper_bound,
                                           const LagrangianBoundOptions& options, const std::function<bool()>& should_stop) {
  if (!LagrangianRelaxationFits(model, 2048)) {
    LagrangianBoundResult result;
    result.bound = model.constant;
    return result;
  }
  TimeIndexedRelaxation relaxation(model);
  return LagrangianLowerBound(model, relaxation, [upper_bound] { return upper_bound; }, options, should_stop);
}

}  // namespace ordo
