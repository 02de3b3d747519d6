// Giffler–Thompson schedule generation for job shops and flexible job shops.
//
// Active variant (Giffler & Thompson 1960): repeatedly take the schedulable operation and
// machine with the earliest possible completion c*, form the conflict set of operations
// that could start on that machine before c*, and let the priority rule choose one. Every
// schedule built this way is active, and some active schedule is optimal.
// Non-delay variant: among operations that can start at the earliest possible start time,
// the rule chooses (smaller search space, often better with simple rules on large shops).
// Flexible shops: candidates are (operation, eligible machine) pairs.
// Machine downtime is honoured: an operation starts at the first time it fits entirely
// between downtimes, a resumable one at the first working time (it pauses over downtime).
// Release dates of jobs and operations are honoured.
//
// Cost: O(operations x candidates) per schedule, no allocation after construction; the
// object keeps its buffers so later searches can call Run() millions of times.
#pragma once

#include <vector>

#include "solve/common/rng.h"
#include "solve/dispatch/shop_rules.h"
#include "solve/shop/shop_problem.h"

namespace ordo {

enum class GtVariant { Active, NonDelay };

class GtGenerator {
 public:
  explicit GtGenerator(const ShopProblem& problem);

  // Builds one schedule; rng is used by the Random rule only. Returns the makespan.
  Time Run(ShopRule rule, GtVariant variant, Rng& rng);

  const std::vector<Time>& start() const { return start_; }  // per flat op
  const std::vector<int>& mode() const { return mode_; }     // per flat op: index into problem.modes

 private:
  // A candidate: one mode of an unfinished job's next operation, stored inline in its
  // machine's list so the scans of the inner loop read contiguous memory.
  struct Candidate {
    Time ready;     // max(job ready, operation release)
    Time duration;
    double key;     // the rule's priority, fixed while the candidate waits (not for random)
    int mode;
    int job;
  };

  template <ShopRule kRule, bool kActive>
  Time RunImpl(Rng& rng);
  template <ShopRule kRule>
  double StaticKey(int op, int mode) const;
  Time EarliestStart(const Candidate& c, int machine) const;
  Time EndFrom(const Candidate& c, int machine, Time start) const;
  template <ShopRule kRule>
  void AddCandidates(int op);
  void RemoveCandidates(int op);
  void RefreshMachine(int machine);

  const ShopProblem& p_;
  std::vector<Time> job_total_work_;
  std::vector<int> op_of_mode_;
  // State of one run: one candidate list per machine (at most one entry per job, so machine
  // m's list is the fixed slice list_[m * num_jobs, + list_size_[m])), and per machine the
  // smallest earliest start and completion among its candidates, so that a step costs
  // O(machines + candidates of the touched machines) rather than O(all candidates).
  std::vector<int> next_op_;
  std::vector<Time> job_ready_;
  std::vector<Time> machine_ready_;
  std::vector<Candidate> list_;
  std::vector<int> list_size_;
  std::vector<int> slot_of_mode_;  // position of a candidate mode in its machine's list
  std::vector<Time> min_est_;      // per machine
  std::vector<Time> min_ect_;      // per machine
  std::vector<Time> start_;
  std::vector<int> mode_;
};

}  // namespace ordo
