// Exact search for the job-shop makespan: constraint propagation with branch and bound.
//
// Search: schedule-or-postpone ("SetTimes", Le Pape, Couronné, Vergamini & Gosselin 1994):
// take the unfixed, non-postponed operation with the smallest earliest start (ties: the
// smallest latest completion); either fix its start there, or postpone it until
// propagation raises its earliest start. The scheme is complete for regular objectives
// (some optimal schedule is found), so an exhausted search is a proof.
// Propagation to a fixpoint: job precedences (earliest starts forward, latest completions
// backward) and, per machine, edge finding with overload checking (edge_finding.h).
// Optimisation: the latest completion of every operation is set from the upper bound minus
// its job's remaining work; each schedule found lowers the bound and the search restarts.
//
// Intended for small and medium instances (it proves ft10 and the 10-15 job Lawrence
// instances); on large ones it runs until stopped without a proof.
#pragma once

#include <functional>
#include <vector>

#include "model/instance.h"
#include "solve/jobshop/edge_finding.h"
#include "solve/shop/shop_problem.h"
#include "solve/solver.h"

namespace ordo {

struct BnbOutcome {
  bool proved = false;        // the search space below the final upper bound was exhausted
  Time upper = 0;             // best makespan known at the end (possibly the given one)
  std::vector<Time> starts;   // schedule achieving it, if the search found one (else empty)
  std::int64_t nodes = 0;
};

class SetTimesBnb {
 public:
  explicit SetTimesBnb(const ShopProblem& shop);

  // Looks for schedules better than upper. external_upper (optional) is polled for better
  // incumbents found elsewhere; on_solution is called for each improvement.
  BnbOutcome Run(Time upper, const SolveControl& control, const std::function<Time()>& external_upper,
                 const std::function<void(Time, const std::vector<Time>&)>& on_solution);

 private:
  bool Propagate();
  bool Search(int depth);
  bool InitialDomains(Time upper);

  const ShopProblem& shop_;
  int n_;
  std::vector<Time> p_;
  std::vector<int> machine_, job_prev_, job_next_;
  std::vector<Time> tail_work_;                 // work after the op in its job
  std::vector<std::vector<int>> machine_ops_;   // ops per machine
  // Domains and search state (copied on the way down).
  std::vector<Time> est_, lct_;
  std::vector<char> fixed_;
  std::vector<Time> postponed_at_;  // -1 = not postponed; else est when postponed
  struct Saved {
    std::vector<Time> est, lct, postponed_at;
    std::vector<char> fixed;
  };
  std::vector<Saved> trail_;
  EdgeFinder edge_finder_;
  std::vector<Time> m_est_, m_lct_, m_p_;
  // Run state.
  const SolveControl* control_ = nullptr;
  std::function<Time()> external_upper_;
  Time upper_ = 0;
  bool stopped_ = false;
  bool improved_ = false;
  std::int64_t nodes_ = 0;
  std::vector<Time> best_starts_;
};

}  // namespace ordo
