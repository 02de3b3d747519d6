// One thread of the job-shop tabu search (the solver, tabu_search.h, runs one per thread)
// and the incumbent the threads share.
//
// The search, in the line of TSAB (Nowicki & Smutnicki 1996) and the N7 tabu search of
// Zhang, Li, Guan & Rao (2007): repeatedly apply the best non-tabu N7 move by estimated
// makespan (a tabu move is allowed when its estimate beats the best known: aspiration),
// forbidding for a randomised tenure the machine orders the move undid. After
// `restart_after` moves without improvement it restarts from its elite pool: part way along
// a path between two elite schedules (path relinking, as in TS/PR of Peng, Lü & Cheng 2015)
// or from an elite schedule perturbed by a few random N7 moves (the back jump of i-TSAB,
// Nowicki & Smutnicki 2005). With machine downtime the estimates ignore the downtime, so
// every move is evaluated exactly instead.
//
// Per iteration: the N7 moves with their estimates (O(sum of block length^2)) and one O(N)
// schedule update; nothing allocates in the loop.
#pragma once

#include <atomic>
#include <cstdint>
#include <limits>
#include <mutex>
#include <vector>

#include "solve/common/rng.h"
#include "solve/jobshop/disjunctive_graph.h"
#include "solve/jobshop/n7_neighbourhood.h"
#include "solve/jobshop/path_relinking.h"
#include "solve/shop/shop_problem.h"
#include "solve/solver.h"

namespace ordo {

struct TabuOptions {
  std::int64_t iterations = 0;     // moves per run, 0 = until stopped
  std::int64_t restart_after = 0;  // 0 = 10,000 + 20 x operations
  std::int64_t tenure = 0;         // 0 = 10 + jobs / machines
  std::int64_t perturbation = 4;
  std::int64_t elite = 8;
  double relink = 0.5;
};

// The best schedule and the best lower bound of one solve, shared by its threads. Reads are
// lock-free; updates take the mutex and report progress (objective = weight x makespan).
class SharedIncumbent {
 public:
  SharedIncumbent(const SolveControl& control, std::int64_t weight, Time bound)
      : control_(control), weight_(weight), bound_(bound) {}

  Time makespan() const { return makespan_.load(); }
  Time bound() const { return bound_.load(); }
  bool done() const { return proved_.load() || makespan_.load() <= bound_.load(); }

  // Keeps the schedule if it is better than the incumbent; true if kept.
  bool Offer(Time makespan, const MachineSequences& sequences, const char* message);
  void RaiseBound(Time bound, const char* message);
  void MarkProved() { proved_.store(true); }  // the incumbent is optimal: stops every thread
  MachineSequences Sequences();
  void AddWork(std::int64_t iterations, std::int64_t evaluations);
  std::int64_t iterations();
  std::int64_t evaluations();

 private:
  const SolveControl& control_;
  std::int64_t weight_;
  std::mutex mutex_;
  std::atomic<Time> makespan_{std::numeric_limits<Time>::max()};
  std::atomic<Time> bound_;
  std::atomic<bool> proved_{false};
  MachineSequences sequences_;
  std::int64_t iterations_ = 0, evaluations_ = 0;
};

class TabuWorker {
 public:
  TabuWorker(const ShopProblem& shop, const TabuOptions& options, std::uint64_t seed);

  // Runs from `start` until the control says stop, the iteration limit, or the shared
  // incumbent is done (proved or at the bound). Deterministic for a seed and an iteration
  // limit when it is the only thread.
  void Run(const MachineSequences& start, SharedIncumbent& shared, const SolveControl& control);

 private:
  bool IsTabu(const ShopMove& m);
  const ShopMove* Choose();
  void EvaluateExactly();
  // Applies a move, marks the undone orders tabu, re-evaluates; false (and undone) if the
  // move would create a cycle (cannot happen with the safety conditions; kept as a guard).
  bool Apply(const ShopMove& m, std::int64_t tenure);
  void JumpBack(SharedIncumbent& shared);

  const ShopProblem& shop_;
  DisjunctiveGraph g_;
  TabuOptions options_;
  Rng rng_;
  N7Neighbourhood neighbourhood_;
  std::vector<ShopMove> moves_;
  std::vector<int> segment_;
  std::vector<int> local_, size_;
  std::vector<std::size_t> base_;
  std::vector<std::int64_t> tabu_;  // per machine: [a][b] = iteration until which "a before b" is tabu
  std::int64_t iteration_ = 0;
  std::int64_t evaluations_ = 0;  // moves rated
  Time best_ = 0, cycle_best_ = 0;
  MachineSequences best_sequences_, cycle_best_sequences_;
  ElitePool elite_;
};

}  // namespace ordo
