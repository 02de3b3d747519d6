// The activity-list genetic algorithm for project scheduling (Hartmann 1998) with double
// justification of every child (Valls, Ballestin & Quintanilla 2005), the pairing that the
// schedule-count comparisons of Kolisch & Hartmann (2006) rank among the best:
//   * an individual is a precedence-feasible activity list, decoded by the serial SGS and
//     justified (list_scheduler.h); the list is then rewritten in the order of the justified
//     starts, so that what a child learns is inherited;
//   * the first individual follows the latest-finish-time rule, the others are drawn by
//     LFT-biased random sampling;
//   * parents are paired at random; two-point crossover (Hartmann) keeps each parent's
//     relative order; mutation swaps neighbours that no precedence links;
//   * survivors are the best `population` of parents and children, duplicates removed.
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
  int population = 40;          // individuals kept per generation
  double mutation = 0.05;       // probability per list position of a neighbour swap
  std::int64_t max_schedules = 0;  // budget of SGS passes; 0 = until stopped
  std::int64_t restart_after = 0;  // generations without a new best before a restart (0 = never)
};

class ActivityListGa {
 public:
  // The instance must be accepted by the list scheduler (ListSchedulerUnsupported empty).
  ActivityListGa(const Instance& instance, GaOptions options, std::uint64_t seed);

  // Evolves until should_stop() or the schedule budget; on_improve(makespan, starts) is
  // called on every new best schedule.
  void Run(const std::function<bool()>& should_stop,
           const std::function<void(Time, const std::vector<Time>&)>& on_improve);

  std::int64_t schedules() const { return schedules_; }
  std::int64_t generations() const { return generations_; }

 private:
  struct Individual {
    std::vector<int> list;
    Time makespan = 0;
    std::uint64_t hash = 0;
  };
  bool BudgetLeft(int passes) const;
  std::vector<int> SampleList(double noise);
  void Evaluate(Individual& ind, const std::function<void(Time, const std::vector<Time>&)>& on_improve);
  void Crossover(const Individual& mother, const Individual& father, Individual& child);
  void Mutate(Individual& child);

  ListScheduler scheduler_;
  GaOptions options_;
  Rng rng_;
  std::vector<Time> lft_;
  std::vector<char> taken_;
  std::int64_t schedules_ = 0;
  std::int64_t generations_ = 0;
  std::int64_t last_improvement_ = 0;
  std::int64_t restarts_ = 0;
  Time best_ = -1;
};

}  // namespace ordo
