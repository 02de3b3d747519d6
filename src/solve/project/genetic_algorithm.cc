#include "solve/project/genetic_algorithm.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "solve/common/evaluate.h"

namespace ordo {

ActivityListGa::ActivityListGa(const Instance& instance, GaOptions options, std::uint64_t seed)
    : instance_(instance), scheduler_(instance), options_(options), rng_(seed) {
  const auto& terms = instance.objective.terms;
  makespan_only_ = terms.size() == 1 && terms[0].kind == ObjectiveKind::Makespan;
  if (options_.population <= 0) options_.population = DefaultPopulation();
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
  bool tardiness = false, lateness = false;
  for (const ObjectiveTerm& t : terms) {
    tardiness = tardiness || (t.kind == ObjectiveKind::TotalWeightedTardiness && t.weight > 0);
    lateness = lateness || (t.kind == ObjectiveKind::MaxLateness && t.weight > 0);
  }
  if (tardiness || lateness) {
    // Due dates make their own latest finishes: an activity of a job due at d whose lateness
    // costs (any job for the maximum lateness, one of positive weight for the tardiness) should
    // end by d, and by each successor's due-based latest start. The priority is the tighter of
    // that and the critical path's (on the J120 due-date set of BENCHMARKS.md 6.6, 1 thread,
    // sum of tardiness: 34,760 against 36,285 with the critical path's alone at 5,000 schedules,
    // 30,632 against 31,331 at 50,000).
    std::vector<Time> due_finish(n, std::numeric_limits<Time>::max());
    for (int a = 0; a < n; ++a) {
      const Job& job = instance.jobs[instance.operations[a].job];
      if (lateness || job.weight > 0) due_finish[a] = job.due;
    }
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
      const int a = *it;
      const auto succ = scheduler_.Successors(a);
      const auto dist = scheduler_.SuccessorDistances(a);
      for (std::size_t k = 0; k < succ.size(); ++k) {
        if (due_finish[succ[k]] == std::numeric_limits<Time>::max()) continue;
        // s_succ >= s_a + dist: finishing succ by its latest finish needs a to start by
        // latest_finish(succ) - duration(succ) - dist.
        const Time latest_a_start = due_finish[succ[k]] - scheduler_.duration(succ[k]) - dist[k];
        due_finish[a] = std::min(due_finish[a], latest_a_start + scheduler_.duration(a));
      }
    }
    for (int a = 0; a < n; ++a) lft_[a] = std::min(lft_[a], due_finish[a]);
  }
  taken_.assign(n, 0);
  load_.assign(n, 0.0);
  for (int a = 0; a < n; ++a) {
    for (const Demand& d : instance.operations[a].modes[0].demands) {
      if (instance.resources[d.resource].capacity > 0) {
        load_[a] += static_cast<double>(d.amount) / static_cast<double>(instance.resources[d.resource].capacity);
      }
    }
  }
  group_.assign(n, 0);
}

int ActivityListGa::DefaultPopulation() const {
  if (!makespan_only_) {
    // Without justification diversity matters more: on the 10 J120 instances with weighted due
    // dates of BENCHMARKS.md 6.6 (1 thread, sum of tardiness) the best sizes were about 100 at
    // 5,000 schedules (40 / 60 / 100 / 200: 36,784 / 35,481 / 34,760 / 37,316) and 450 at 50,000
    // (40 / 160 / 300 / 450 / 800: 36,405 / 33,152 / 31,492 / 30,303 / 30,999), which
    // 100 (budget / 5,000)^0.65 passes through (35 at 1,000, where 20 did 2 % better).
    if (options_.max_schedules <= 0) return 100;
    const double size = 100.0 * std::pow(static_cast<double>(options_.max_schedules) / 5000.0, 0.65);
    return static_cast<int>(std::clamp(std::lround(size), 20L, 1000L));
  }
  if (!UsesTwoPopulations()) return 40;
  if (options_.max_schedules <= 0) return 60;
  // A budget buys generations or breadth: on all of J120 (1 thread, mean deviation from the
  // CPM bound) the best sizes were 20 at 1,000 schedules (10 / 15 / 20 / 25 / 35 / 60: 34.96 /
  // 34.48 / 34.32 / 34.58 / 35.10 / 36.19 %), 60 at 5,000 (45 / 60 / 80: 32.95 / 32.78 /
  // 33.00 %) and about 300 at 50,000 (60 / 120 / 200 / 300: 32.31 / 31.73 / 31.42 / 31.29 %),
  // which 20 (budget / 1,000)^0.68 passes through.
  const double size = 20.0 * std::pow(static_cast<double>(options_.max_schedules) / 1000.0, 0.68);
  return static_cast<int>(std::clamp(std::lround(size), 10L, 500L));
}

bool ActivityListGa::UsesTwoPopulations() const {
  return options_.bipopulation && scheduler_.ShiftInvariant() && makespan_only_;
}

bool ActivityListGa::DrawParallel() {
  // A tenth of the lists are decoded by the parallel SGS instead of the serial one: its
  // non-delay schedules are often the better start on tightly constrained projects (Kolisch
  // 1996; Hartmann 2002 lets a gene choose the scheme), and the serial passes of later
  // generations keep what they bring. On all of J120 (1 thread, mean deviation from the CPM
  // bound) at 5,000 schedules: 32.42 % without, 32.08 % with 0.1; with half the initial lists
  // parallel and children with probability 0.05 / 0.1 / 0.2 / 0.3: 32.16 / 32.04 / 32.09 /
  // 32.29 %; every pass parallel 34.30 %, a gene inherited from the father 32.70 %. At 1,000 /
  // 50,000 schedules 34.08 -> 33.53 %, 31.15 -> 30.76 % (BENCHMARKS.md 6.1).
  // Only the two populations decode by the parallel SGS (its passes need a shift-invariant
  // instance); elsewhere no random number is drawn, so those runs are unchanged.
  return options_.parallel > 0 && UsesTwoPopulations() && rng_.Uniform01() < options_.parallel;
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

void ActivityListGa::Evaluate(Individual& ind, const ImproveFn& on_improve) {
  if (!makespan_only_) {
    // One forward pass, the list rewritten in the order of the schedule's starts (which
    // decodes to the same schedule) so that children inherit it.
    ind.makespan = scheduler_.Forward(ind.list);
    ++schedules_;
    ind.compact = 0;
    if (ind.makespan >= 0) {
      scheduler_.ListByStart(ind.list);
      for (int a = 0; a < scheduler_.size(); ++a) ind.compact += scheduler_.start()[a] + scheduler_.duration(a);
    }
  } else if (BudgetLeft(3)) {
    ind.makespan = scheduler_.Justify(ind.list, &schedules_);
  } else {
    ind.makespan = scheduler_.Forward(ind.list);
    ++schedules_;
  }
  Record(ind, on_improve);
}

void ActivityListGa::Record(Individual& ind, const ImproveFn& on_improve) {
  if (ind.makespan < 0) ind.makespan = std::numeric_limits<Time>::max();
  ind.value = ind.makespan;
  if (!makespan_only_ && ind.makespan != std::numeric_limits<Time>::max()) {
    const std::vector<Time>& start = scheduler_.start();
    end_.resize(start.size());
    for (std::size_t a = 0; a < start.size(); ++a) end_[a] = start[a] + scheduler_.duration(static_cast<int>(a));
    ind.value = EvaluateObjective(instance_, end_, completion_);
  }
  // Deadlines (which the passes do not see) rank first: the less a schedule misses them by,
  // the better, and only a schedule that meets them all is offered.
  // (A failed decoding ranks last.)
  ind.excess = ind.makespan == std::numeric_limits<Time>::max() ? std::numeric_limits<Time>::max() : scheduler_.DeadlineExcess();
  std::uint64_t h = 1469598103934665603ULL;
  for (int a : ind.list) h = (h ^ static_cast<std::uint64_t>(a)) * 1099511628211ULL;
  ind.hash = h;
  if (options_.peak_crossover) ind.start = scheduler_.start();
  if (ind.makespan != std::numeric_limits<Time>::max() && ind.excess == 0 && (!has_best_ || ind.value < best_)) {
    has_best_ = true;
    best_ = ind.value;
    last_improvement_ = generations_;
    on_improve(ind.makespan, scheduler_.start());
  }
}

void ActivityListGa::DecodeOnce(Individual& ind, bool forward, const ImproveFn& on_improve) {
  ++schedules_;
  if (forward) {
    ind.makespan = ind.parallel ? scheduler_.ForwardParallel(ind.list) : scheduler_.Forward(ind.list);
    if (ind.makespan >= 0) scheduler_.ListByFinishDescending(ind.list);
  } else {
    const Time first = ind.parallel ? scheduler_.BackwardParallel(ind.list, scheduler_.horizon())
                                    : scheduler_.BackwardList(ind.list, scheduler_.horizon());
    ind.makespan = first < 0 ? -1 : scheduler_.ShiftToZero();
    if (ind.makespan >= 0) scheduler_.ListByStart(ind.list);
  }
  // Compactness breaks ties between equal makespans in survival: of two schedules with the same end, the one whose
  // activities sit closer to the side it was justified to (sum of finishes for a forward decode, sum of distances from
  // the end for a backward one) leaves more room to shorten the makespan in the next justification. Measured on J120
  // at 5,000 schedules: mean deviation 32.61 -> 32.42 % (BENCHMARKS.md 6.1).
  ind.compact = 0;
  if (ind.makespan >= 0) {
    const std::vector<Time>& start = scheduler_.start();
    for (int a = 0; a < scheduler_.size(); ++a) {
      const Time dist = forward ? start[a] + scheduler_.duration(a) : ind.makespan - start[a];
      ind.compact += dist;
    }
  }
  Record(ind, on_improve);
}

void ActivityListGa::Crossover(const Individual& mother, const Individual& father, Individual& child, bool by_start) {
  // (A father whose decoding failed has no schedule to take a window from.)
  if (options_.peak_crossover && !father.start.empty() && father.makespan != std::numeric_limits<Time>::max()) {
    PeakCrossover(mother, father, child, by_start);
  } else {
    TwoPointCrossover(mother, father, child);
  }
}

void ActivityListGa::PeakCrossover(const Individual& mother, const Individual& father, Individual& child, bool by_start) {
  // Peak crossover (after Valls, Ballestin & Quintanilla 2008): the child keeps the father's
  // order on a window of his schedule where resources are busiest, and the mother's order
  // before and after it. Groups follow the father's times (starts for forward lists, finishes
  // for backward ones), which precedences never decrease, so the child stays
  // precedence-feasible: [mother's activities before the window] [father's in it]
  // [mother's after it].
  const int n = scheduler_.size();
  const Time makespan = father.makespan;
  profile_.assign(static_cast<std::size_t>(makespan) + 1, 0.0);
  for (int a = 0; a < n; ++a) {
    const Time s = father.start[a], f = s + scheduler_.duration(a);
    if (f > s) {
      profile_[s] += load_[a];
      profile_[f] -= load_[a];
    }
  }
  // Running utilisation, then its prefix sums (profile_[t] = load over [0, t)).
  double running = 0.0, sum = 0.0;
  for (Time t = 0; t <= makespan; ++t) {
    running += profile_[t];
    profile_[t] = sum;
    sum += running;
  }
  // Window width uniform in [makespan / 8, makespan / 2]: on all of J120 at 5,000 schedules
  // [1/8, 1/2] and [1/10, 3/10] gave 32.89 / 32.90 %, [1/4, 1/2] 33.02 %, [1/4, 3/4] 33.18 %.
  const Time lo = std::max<Time>(1, makespan / 8), hi = std::max<Time>(lo, makespan / 2);
  const Time width = lo + static_cast<Time>(rng_.Below(static_cast<std::uint64_t>(hi - lo + 1)));
  Time from = 0;
  double busiest = -1.0;
  for (Time t = 0; t + width <= makespan; ++t) {
    const double load = profile_[t + width] - profile_[t];
    if (load > busiest) {
      busiest = load;
      from = t;
    }
  }
  const Time to = from + width;
  for (int a = 0; a < n; ++a) {
    if (by_start) {
      const Time s = father.start[a];
      group_[a] = static_cast<char>(s < from ? 0 : s < to ? 1 : 2);
    } else {
      const Time f = father.start[a] + scheduler_.duration(a);
      group_[a] = static_cast<char>(f > to ? 0 : f > from ? 1 : 2);
    }
  }
  child.list.clear();
  for (char g = 0; g < 3; ++g) {
    const std::vector<int>& source = g == 1 ? father.list : mother.list;
    for (int a : source) {
      if (group_[a] == g) child.list.push_back(a);
    }
  }
}

void ActivityListGa::TwoPointCrossover(const Individual& mother, const Individual& father, Individual& child) {
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

void ActivityListGa::Run(const std::function<bool()>& should_stop, const ImproveFn& on_improve) {
  if (UsesTwoPopulations()) {
    RunBiPopulation(should_stop, on_improve);
  } else {
    RunClassic(should_stop, on_improve);
  }
}

void ActivityListGa::KeepBest(std::vector<Individual>& population) const {
  // Survivors: the best `population` individuals, one of each distinct list.
  std::stable_sort(population.begin(), population.end(),
                   [&](const Individual& a, const Individual& b) {
                     if (a.excess != b.excess) return a.excess < b.excess;
                     if (a.value != b.value) return a.value < b.value;
                     return a.makespan != b.makespan ? a.makespan < b.makespan : a.compact < b.compact;
                   });
  std::vector<Individual> next;
  next.reserve(2 * options_.population);
  for (Individual& ind : population) {
    if (static_cast<int>(next.size()) >= options_.population) break;
    const bool duplicate = std::any_of(next.begin(), next.end(), [&](const Individual& o) {
      return o.value == ind.value && o.makespan == ind.makespan && o.hash == ind.hash;
    });
    if (!duplicate) next.push_back(std::move(ind));
  }
  population = std::move(next);
}

void ActivityListGa::Breed(const std::vector<Individual>& parents, std::vector<Individual>& into,
                           const std::function<void(Individual&)>& decode, bool by_start,
                           const std::function<bool()>& should_stop) {
  // Random pairing (Hartmann 1998): shuffle the indices, pair neighbours, two children each.
  std::vector<int>& order = order_;
  order.resize(parents.size());
  std::iota(order.begin(), order.end(), 0);
  for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng_.Below(k)]);
  for (std::size_t k = 0; k + 1 < parents.size() && BudgetLeft(1) && !should_stop(); k += 2) {
    for (int side = 0; side < 2 && BudgetLeft(1); ++side) {
      Individual child;
      Crossover(parents[order[k + side]], parents[order[k + 1 - side]], child, by_start);
      child.parallel = DrawParallel();
      Mutate(child);
      decode(child);
      into.push_back(std::move(child));
    }
  }
}

void ActivityListGa::RunBiPopulation(const std::function<bool()>& should_stop, const ImproveFn& on_improve) {
  // Debels & Vanhoucke (2007): `left` holds left-justified schedules, each listed by
  // decreasing finish; `right` right-justified ones, listed by increasing start. Children
  // of two left parents are decoded by a backward pass and join `right`, children of two
  // right parents by a forward pass and join `left`: every pass is half of a double
  // justification, so each child is justified at the price of a single schedule.
  // The initial lists are drawn with more noise than the single population's (LFT plus up to
  // the whole LFT range, against half of it): on all of J120 at 5,000 schedules noise 0.2 /
  // 0.5 / 1 / 2 / 100 gave 33.32 / 32.89 / 32.78 / 32.76 / 32.93 %.
  const int size = options_.population;
  std::vector<Individual> left, right;
  left.reserve(2 * size);
  right.reserve(2 * size);
  for (int k = 0; k < size && BudgetLeft(1) && (k == 0 || !should_stop()); ++k) {
    Individual ind;
    ind.list = SampleList(k == 0 ? 0.0 : 1.0);
    ind.parallel = k > 0 && DrawParallel();
    DecodeOnce(ind, /*forward=*/true, on_improve);
    left.push_back(std::move(ind));
  }
  KeepBest(left);
  const auto forward = [&](Individual& child) { DecodeOnce(child, true, on_improve); };
  const auto backward = [&](Individual& child) { DecodeOnce(child, false, on_improve); };
  while (BudgetLeft(1) && !should_stop() && left.size() >= 2) {
    ++generations_;
    // Only the better half of a population competes with the children it receives (both
    // are sorted by KeepBest): more turnover than plus-selection. On all of J120 (1 thread)
    // keeping 1/4 / 1/2 / 3/4 / all gave 32.67 / 32.61 / 32.72 / 32.78 % at 5,000 schedules,
    // and 34.15 against 34.32 % at 1,000, 31.28 against 31.27 % at 50,000 for a half.
    const std::size_t kept = std::max<std::size_t>(1, static_cast<std::size_t>(size) / 2);
    if (right.size() > kept) right.resize(kept);
    Breed(left, right, backward, /*by_start=*/false, should_stop);
    KeepBest(right);
    if (right.size() < 2) break;
    if (left.size() > kept) left.resize(kept);
    Breed(right, left, forward, /*by_start=*/true, should_stop);
    KeepBest(left);
  }
}

void ActivityListGa::RunClassic(const std::function<bool()>& should_stop, const ImproveFn& on_improve) {
  const int size = options_.population;
  std::vector<Individual> population;
  population.reserve(2 * size);
  for (int k = 0; k < size && BudgetLeft(1) && (k == 0 || !should_stop()); ++k) {
    Individual ind;
    ind.list = SampleList(k == 0 ? 0.0 : 0.5);
    Evaluate(ind, on_improve);
    population.push_back(std::move(ind));
  }
  while (BudgetLeft(1) && !should_stop() && population.size() >= 2) {
    ++generations_;
    // A converged population breeds copies: after `restart_after` generations without a new
    // best, keep the best individual and draw the rest afresh (the classic restart of
    // genetic algorithms; it matters for runs far beyond the 50,000-schedule budgets).
    if (options_.restart_after > 0 && generations_ - last_improvement_ >= options_.restart_after) {
      KeepBest(population);  // sorted: the initial population is not
      population.resize(1);
      for (int k = 1; k < size && BudgetLeft(1) && !should_stop(); ++k) {
        Individual ind;
        ind.list = SampleList(0.5);
        Evaluate(ind, on_improve);
        population.push_back(std::move(ind));
      }
      last_improvement_ = generations_;
      continue;
    }
    children_.clear();
    Breed(population, children_, [&](Individual& child) { Evaluate(child, on_improve); }, /*by_start=*/true, should_stop);
    for (Individual& child : children_) population.push_back(std::move(child));
    KeepBest(population);
    if (population.size() < 2) {
      // Every survivor is one list (a small project whose lists all decode alike, or a
      // population that mutation never moved): draw fresh lists once, nearly uniformly at
      // random (noise far above the LFT range), and stop only if they bring nothing new
      // either, rather than end with budget left.
      for (int k = 1; k < size && BudgetLeft(1) && !should_stop(); ++k) {
        Individual ind;
        ind.list = SampleList(100.0);
        Evaluate(ind, on_improve);
        population.push_back(std::move(ind));
      }
      KeepBest(population);
    }
  }
}

}  // namespace ordo
