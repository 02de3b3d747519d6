#include "solve/lcg/linear_sum.h"

#include <memory>

namespace ordo::lcg {

namespace {
// floor(a / b) for b > 0.
Value FloorDiv(Value a, Value b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
}  // namespace

LinearSumPropagator::LinearSumPropagator(std::vector<int> vars, std::vector<Value> coefficients, int total,
                                         std::vector<Value> root_lb)
    : vars_(std::move(vars)), coefficients_(std::move(coefficients)), total_(total), root_lb_(std::move(root_lb)) {}

void LinearSumPropagator::Post(Engine& engine, std::vector<int> vars, std::vector<Value> coefficients, int total) {
  std::vector<Value> root_lb;
  for (int v : vars) root_lb.push_back(engine.Lb(v));
  const std::vector<int> watched = vars;
  const int id = engine.AddPropagator(
      std::make_unique<LinearSumPropagator>(std::move(vars), std::move(coefficients), total, std::move(root_lb)));
  for (int v : watched) engine.WatchLb(PosView(v), id);
  engine.WatchLb(NegView(total), id);
}

void LinearSumPropagator::TermReasons(const Engine& engine, int skip) {
  for (int i = 0; i < static_cast<int>(vars_.size()); ++i) {
    if (i == skip) continue;
    const Value lb = engine.Lb(vars_[i]);
    if (lb > root_lb_[i]) reason_.push_back(AtLeast(vars_[i], lb));
  }
}

bool LinearSumPropagator::Propagate(Engine& engine) {
  Value least = 0;
  for (std::size_t i = 0; i < vars_.size(); ++i) least += coefficients_[i] * engine.Lb(vars_[i]);
  if (least > engine.Lb(total_)) {
    reason_.clear();
    TermReasons(engine, -1);
    if (!engine.SetLb(PosView(total_), least, reason_)) return false;
  }
  // Room left under the total's upper bound; a term may take all of it.
  const Value room = engine.Ub(total_) - least;
  for (int i = 0; i < static_cast<int>(vars_.size()); ++i) {
    const Value lb = engine.Lb(vars_[i]);
    const Value highest = lb + FloorDiv(room, coefficients_[i]);
    if (engine.Ub(vars_[i]) <= highest) continue;
    reason_.clear();
    reason_.push_back(AtMost(total_, engine.Ub(total_)));
    TermReasons(engine, i);
    if (!engine.SetLb(NegView(vars_[i]), -highest, reason_)) return false;
  }
  return true;
}

}  // namespace ordo::lcg
