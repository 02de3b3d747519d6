// total >= sum_i a_i x_i with positive integer coefficients: the objective of a weighted sum
// (total weighted tardiness, weighted completion, makespan and lateness terms) bounded by the
// search from above. Bounds propagation with explanations, as for a linear constraint in lazy
// clause generation (Ohrimenko, Stuckey & Codish 2009): the least total is sum_i a_i lb(x_i),
// explained by the atoms [x_i >= lb(x_i)]; and every x_i may rise at most
// (ub(total) - sum_{k != i} a_k lb(x_k)) / a_i above nothing, explained by [total <= ub(total)]
// and the others' lower-bound atoms. Atoms at a variable's lower bound when posted hold at the
// root and are left out of the explanations. O(n) per call, plus O(n) per push.
#pragma once

#include <vector>

#include "solve/lcg/engine.h"

namespace ordo::lcg {

class LinearSumPropagator : public Propagator {
 public:
  // coefficients[i] > 0 multiplies vars[i]; `total` is a variable of its own.
  LinearSumPropagator(std::vector<int> vars, std::vector<Value> coefficients, int total, std::vector<Value> root_lb);
  // Adds the propagator and its watches (the lower bounds of the terms, the upper bound of the
  // total). Call at the root, after the variables' initial bounds are set.
  static void Post(Engine& engine, std::vector<int> vars, std::vector<Value> coefficients, int total);

  std::string_view name() const override { return "linear_sum"; }
  bool Propagate(Engine& engine) override;

 private:
  // The lower-bound atoms of every term but `skip` (-1: none skipped) into reason_.
  void TermReasons(const Engine& engine, int skip);

  std::vector<int> vars_;
  std::vector<Value> coefficients_;
  int total_;
  std::vector<Value> root_lb_;  // per term: its lower bound when posted
  std::vector<Atom> reason_;    // scratch
};

}  // namespace ordo::lcg
