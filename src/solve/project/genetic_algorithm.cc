#include "solve/project/genetic_algorithm.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace ordo {

ActivityListGa::ActivityListGa(const Instance& instance, GaOptions options, std::uint64_t seed)
    : scheduler_(instance), options_(options), rng_(seed) {
  options_.population = std::max(2, options_.population);
  const int n = scheduler_.size();
  // Latest finish times of the precedence network without resources (critical-path
  // backward pass from the forward length), for the LFT priority.
  const auto& topo = scheduler_.topological_order();
  std::vector<Time> earliest(n, 0);
  Time length = 0;
  for (int a : topo) {
    earliest[a] = std::max(earliest[a], scheduler_.release(a));
    length = std::max(length, earliest[a] + scheduler_.duration(a));
    const auto succ = scheduler_.Successors(a);
    const auto dist = scheduler_.SuccessorDistances(a);
    for (std::size_t k = 0; k < succ.size(); ++k) earliest[succ[k]] = std::max(earliest[succ[k]], earliest[a] + dist[k]);
  }
  std::vector<Time> latest_start(n);
  for (int a = 0; a < n; ++a) latest_start[a] = length - scheduler_.duration(a);
  for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
    const int a = *it;
    const auto succ = scheduler_.Successors(a);
    const auto dist = scheduler_.SuccessorDistances(a);
    for (std::size_t k = 0; k < succ.size(); ++k) latest_start[a] = std::min(latest_start[a], latest_start[succ[k]] - dist[k]);
  }
  lft_.resize(n);
  for (int a = 0; a < n; ++a) lft_[a] = latest_start[a] + scheduler_.duration(a);
  taken_.assign(n, 0);
}

bool ActivityListGa::BudgetLeft(int passes) const {
  return options_.max_schedules <= 0 || schedules_ + passes <= options_.max_schedules;
}

std::vector<int> ActivityListGa::SampleList(double noise) {
  // Serial selection of the eligible activity with the smallest randomised LFT.
  const int n = scheduler_.size();
  std::vector<int> missing(n);
  for (int a = 0; a < n; ++a) missing[a] = static_cast<int>(scheduler_.Predecessors(a).size());
  std::vector<std::pair<double, int>> heap;
  Time spread = 1;
  for (Time f : lft_) spread = std::max(spread, f);
  auto key = [&](int a) { return static_cast<double>(lft_[a]) + noise * rng_.Uniform01() * static_cast<double>(spread); };
  for (int a = 0; a < n; ++a) {
    if (missing[a] == 0) heap.push_back({key(a), a});
  }
  std::make_heap(heap.begin(), heap.end(), std::greater<>());
  std::vector<int> list;
  list.reserve(n);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    const int a = heap.back().second;
    heap.pop_back();
    list.push_back(a);
    for (int s : scheduler_.Successors(a)) {
      if (--missing[s] == 0) {
        heap.push_back({key(s), s});
        std::push_heap(heap.begin(), heap.end(), std::greater<>());
      }
    }
  }
  return list;
}

void ActivityListGa::Evaluate(Individual& ind, const std::function<void(Time, const std::vector<Time>&)>& on_improve) {
  if (BudgetLeft(3)) {
    ind.makespan = scheduler_.Justify(ind.list, &schedules_);
  } else {
    ind.makespan = scheduler_.Forward(ind.list);
    ++schedules_;
  }
  if (ind.makespan < 0) ind.makespan = std::numeric_limits<Time>::max();
  std::uint64_t h = 1469598103934665603ULL;
  for (int a : ind.list) h = (h ^ static_cast<std::uint64_t>(a)) * 1099511628211ULL;
  ind.hash = h;
  if (ind.makespan != std::numeric_limits<Time>::max() && (best_ < 0 || ind.makespan < best_)) {
    best_ = ind.makespan;
    last_improvement_ = generations_;
    on_improve(best_, scheduler_.start());
  }
}

void ActivityListGa::Crossover(const Individual& mother, const Individual& father, Individual& child) {
  // Two-point crossover (Hartmann 1998): positions [0, q1) from the mother, [q1, q2) the
  // father's next activities not yet taken, the rest the mother's remaining ones, in order.
  const int n = scheduler_.size();
  int q1 = static_cast<int>(rng_.Below(n + 1)), q2 = static_cast<int>(rng_.Below(n + 1));
  if (q1 > q2) std::swap(q1, q2);
  std::fill(taken_.begin(), taken_.end(), 0);
  child.list.clear();
  for (int k = 0; k < q1; ++k) {
    child.list.push_back(mother.list[k]);
    taken_[mother.list[k]] = 1;
  }
  for (int k = 0; k < n && static_cast<int>(child.list.size()) < q2; ++k) {
    const int a = father.list[k];
    if (taken_[a] == 0) {
      child.list.push_back(a);
      taken_[a] = 1;
    }
  }
  for (int k = 0; k < n; ++k) {
    const int a = mother.list[k];
    if (taken_[a] == 0) {
      child.list.push_back(a);
      taken_[a] = 1;
    }
  }
}

void ActivityListGa::Mutate(Individual& child) {
  for (std::size_t k = 0; k + 1 < child.list.size(); ++k) {
    if (rng_.Uniform01() >= options_.mutation) continue;
    // Neighbours can swap unless a direct precedence links them (any path would pass
    // through an activity between them).
    if (!scheduler_.HasArc(child.list[k], child.list[k + 1])) std::swap(child.list[k], child.list[k + 1]);
  }
}

void ActivityListGa::Run(const std::function<bool()>& should_stop,
                         const std::function<void(Time, const std::vector<Time>&)>& on_improve) {
  const int size = options_.population;
  std::vector<Individual> population;
  population.reserve(2 * size);
  for (int k = 0; k < size && BudgetLeft(1) && (k == 0 || !should_stop()); ++k) {
    Individual ind;
    ind.list = SampleList(k == 0 ? 0.0 : 0.5);
    Evaluate(ind, on_improve);
    population.push_back(std::move(ind));
  }
  std::vector<int> order(population.size());
  while (BudgetLeft(1) && !should_stop() && population.size() >= 2) {
    ++generations_;
    // A converged population breeds copies: after `restart_after` generations without a new
    // best, keep the best individual and draw the rest afresh (the classic restart of
    // genetic algorithms; it matters for runs far beyond the 50,000-schedule budgets).
    if (options_.restart_after > 0 && generations_ - last_improvement_ >= options_.restart_after) {
      population.resize(1);
      for (int k = 1; k < size && BudgetLeft(1) && !should_stop(); ++k) {
        Individual ind;
        ind.list = SampleList(0.5);
        Evaluate(ind, on_improve);
        population.push_back(std::move(ind));
      }
      last_improvement_ = generations_;
      ++restarts_;
      continue;
    }
    // Random pairing (Hartmann 1998): shuffle the indices, pair neighbours, two children each.
    order.resize(population.size());
    std::iota(order.begin(), order.end(), 0);
    for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng_.Below(k)]);
    const std::size_t parents = population.size();
    for (std::size_t k = 0; k + 1 < parents && BudgetLeft(1) && !should_stop(); k += 2) {
      for (int side = 0; side < 2 && BudgetLeft(1); ++side) {
        const Individual& mother = population[order[k + side]];
        const Individual& father = population[order[k + 1 - side]];
        Individual child;
        Crossover(mother, father, child);
        Mutate(child);
        Evaluate(child, on_improve);
        population.push_back(std::move(child));
      }
    }
    // Survivors: the best `size`, one of each distinct list.
    std::stable_sort(population.begin(), population.end(),
                     [](const Individual& a, const Individual& b) { return a.makespan < b.makespan; });
    std::vector<Individual> next;
    next.reserve(2 * size);
    for (Individual& ind : population) {
      if (static_cast<int>(next.size()) >= size) break;
      const bool duplicate = std::any_of(next.begin(), next.end(), [&](const Individual& o) {
        return o.makespan == ind.makespan && o.hash == ind.hash;
      });
      if (!duplicate) next.push_back(std::move(ind));
    }
    population = std::move(next);
  }
}

}  // namespace ordo
