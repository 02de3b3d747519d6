// The activity-list genetic algorithm for project scheduling (Hartmann 1998) in two forms:
//   * two populations (Debels & Vanhoucke 2007), used when schedules may be shifted in time
//     (no release dates, no calendars): one of left-justified schedules listed by decreasing
//     finish, one of right-justified schedules listed by increasing start. Children of two
//     left parents are decoded by one backward pass and join the right population, children
//     of two right parents by one forward pass and join the left one, so every child is a
//     justified schedule at the price of a single SGS pass; a tenth of the passes (`parallel`)
//     are the parallel SGS's, whose non-delay schedules the serial passes then refine;
//   * one population, where shifting is not allowed: every child is decoded by the serial
//     SGS and double-justified (Valls, Ballestin & Quintanilla 2005), three passes.
// Common parts: an individual is an activity list, rewritten in the order of its decoded
// schedule so that what a child learns is inherited; the first individual follows the
// latest-finish-time rule, the others LFT-biased random sampling; parents are paired at
// random; the peak crossover (after Valls, Ballestin & Quintanilla 2008) keeps the father's
// order on the busiest window of his schedule and the mother's elsewhere (or Hartmann's
// two-point crossover); mutation swaps neighbours that no precedence links; survivors are
// the best `population` of parents and children, duplicates removed (with two populations,
// of the children and the better half of the population that receives them).
// Objectives other than the makespan alone (weighted tardiness, weighted completion, maximum
// lateness, weighted sums; all regular, so some optimal schedule is active and a list decodes to
// it): one population, every child decoded by one forward pass (justification shortens the
// makespan, not these), survivors ranked by the objective; the initial lists follow latest
// finishes derived from the due dates as well as from the critical path.
// Deadlines are not seen by the passes: survival ranks first by how far a schedule misses them
// (ListScheduler::DeadlineExcess), and only schedules that meet them all are reported.
// Counted in schedules (every SGS pass, forward or backward, is one), so that the classic
// 1,000 / 5,000 / 50,000-schedule comparisons can be run with max_schedules.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "model/instance.h"
#include "solve/common/rng.h"
#include "solve/project/list_scheduler.h"

namespace ordo {

struct GaOptions {
  // Individuals kept per generation (per population with two); 0 = with two populations
  // 20 (max_schedules / 1,000)^0.68 (20 at 1,000 schedules, 60 at 5,000, 286 at 50,000, within
  // [10, 500]) or 60 without a budget, with one population 40; for objectives other than the
  // makespan 100 (max_schedules / 5,000)^0.65 within [20, 1000], or 100 without a budget.
  int population = 0;
  double mutation = 0.05;       // probability per list position of a neighbour swap
  std::int64_t max_schedules = 0;  // budget of SGS passes; 0 = until stopped
  std::int64_t restart_after = 0;  // one population: generations without a new best before a restart (0 = never)
  // Multi-start (RunGaIslands): each island runs successive independent GAs of this many
  // schedules (the last one shortened to the budget) until stopped; 0 = one GA for the whole
  // budget or time. An ActivityListGa itself ignores it.
  std::int64_t epoch_schedules = 0;
  // Two populations of left- and right-justified schedules, each breeding the other with one
  // SGS pass per child (Debels & Vanhoucke 2007), where the instance allows it; otherwise
  // every child is decoded and double-justified (three passes).
  bool bipopulation = true;
  bool peak_crossover = true;
  // Two populations: probability that a list (initial or child) is decoded by the parallel SGS
  // instead of the serial one.
  double parallel = 0.1;
};

class ActivityListGa {
 public:
  // The instance must be accepted by the list scheduler (ListSchedulerUnsupported empty).
  ActivityListGa(const Instance& instance, GaOptions options, std::uint64_t seed);

  // Evolves until should_stop() or the schedule budget; on_improve(makespan, starts) is
  // called on every schedule better by the objective than all before (with its makespan, for
  // callers that minimise the makespan alone).
  void Run(const std::function<bool()>& should_stop,
           const std::function<void(Time, const std::vector<Time>&)>& on_improve);

  std::int64_t schedules() const { return schedules_; }
  bool UsesTwoPopulations() const;
  int population() const { return options_.population; }
  std::int64_t generations() const { return generations_; }

 private:
  struct Individual {
    std::vector<int> list;
    Time makespan = 0;
    std::int64_t value = 0;    // the objective (the makespan when it is the objective alone)
    Time excess = 0;           // how far the schedule misses the deadlines (DeadlineExcess; ranks first)
    std::int64_t compact = 0;  // tie-break of equal makespans: total distance from the justified end
    std::uint64_t hash = 0;
    bool parallel = false;
    std::vector<Time> start;  // the decoded schedule (the peak crossover reads it)
  };
  using ImproveFn = std::function<void(Time, const std::vector<Time>&)>;
  void RunClassic(const std::function<bool()>& should_stop, const ImproveFn& on_improve);
  void RunBiPopulation(const std::function<bool()>& should_stop, const ImproveFn& on_improve);
  // Decodes ind.list by one pass (forward when `forward`, else backward and shifted to 0),
  // then rewrites it as the input of a pass the other way.
  void DecodeOnce(Individual& ind, bool forward, const ImproveFn& on_improve);
  // Children of randomly paired parents (two each), decoded by `decode`, appended to `into`.
  void Breed(const std::vector<Individual>& parents, std::vector<Individual>& into,
             const std::function<void(Individual&)>& decode, bool by_start, const std::function<bool()>& should_stop);
  void KeepBest(std::vector<Individual>& population) const;
  void Record(Individual& ind, const ImproveFn& on_improve);
  bool BudgetLeft(int passes) const;
  bool DrawParallel();
  int DefaultPopulation() const;
  std::vector<int> SampleList(double noise);
  void Evaluate(Individual& ind, const std::function<void(Time, const std::vector<Time>&)>& on_improve);
  // Two-point crossover, or the peak crossover when options_.peak_crossover; `by_start` says
  // whether the parents' lists run by increasing start (forward input) or by decreasing
  // finish (backward input).
  void Crossover(const Individual& mother, const Individual& father, Individual& child, bool by_start);
  void TwoPointCrossover(const Individual& mother, const Individual& father, Individual& child);
  void PeakCrossover(const Individual& mother, const Individual& father, Individual& child, bool by_start);
  void Mutate(Individual& child);

  const Instance& instance_;
  ListScheduler scheduler_;
  GaOptions options_;
  bool makespan_only_ = true;
  std::vector<Time> end_, completion_;  // objective evaluation scratch (no allocation per schedule)
  Rng rng_;
  std::vector<Time> lft_;
  std::vector<char> taken_;
  std::vector<int> order_;
  std::vector<double> load_;     // per activity: sum over resources of demand / capacity
  std::vector<double> profile_;  // utilisation over time of the father (peak crossover)
  std::vector<char> group_;
  std::vector<Individual> children_;
  std::int64_t schedules_ = 0;
  std::int64_t generations_ = 0;
  std::int64_t last_improvement_ = 0;
  std::int64_t best_ = 0;  // the best value offered (has_best_), which may be negative (lateness)
  bool has_best_ = false;
};

}  // namespace ordo
