// Schedule-generation schemes for project scheduling (RCPSP and its generalisations):
//   serial SGS   (Kelley 1963): activities in priority order among the eligible ones, each
//                started at its earliest precedence- and resource-feasible time;
//   parallel SGS (Brooks & White 1965): time advances over decision points; at each, the
//                eligible activities that fit are started in priority order.
// See Kolisch & Hartmann (1999) for both. Priority rules (Kolisch 1996): LFT and LST from a
// backward critical-path pass, MTS (most total successors), GRPW (greatest rank positional
// weight: own duration plus immediate successors'), and random.
//
// Generalised precedences: a precedence whose minimum start distance is non-negative orders
// the two activities; one with a negative distance (a maximum time lag) is respected when
// possible and verified at the end (the SGS does not backtrack; the exact engine of the
// project-scheduling issue does). Multi-mode activities take, in the serial SGS, the mode that
// finishes first; in the parallel SGS, the first mode (by index) that fits at the decision time.
// Any instance without blocking can be scheduled this way, shops included.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/instance.h"
#include "solve/common/rng.h"
#include "solve/project/resource_profile.h"

namespace ordo {

enum class ProjectRule { Lft, Lst, Mts, Grpw, Random };
enum class SgsScheme { Serial, Parallel };

struct ProjectRuleInfo {
  ProjectRule rule;
  std::string_view name;
  std::string_view help;
};
const std::vector<ProjectRuleInfo>& ProjectRules();

class SgsGenerator {
 public:
  explicit SgsGenerator(const Instance& instance);

  // Builds one schedule into solution(). Returns false (with reason()) when the scheme got
  // stuck: an eligibility deadlock, a demand that never fits, or a violated maximum lag.
  bool Run(ProjectRule rule, SgsScheme scheme, Rng& rng);

  const Solution& solution() const { return solution_; }
  const std::string& reason() const { return reason_; }

 private:
  struct Arc {
    int other;
    Time lag;
    bool end_to_start;
  };
  void ComputePriorities();
  double Key(ProjectRule rule, int op, Rng& rng) const;
  Time EarliestPrecedenceStart(int op, int mode) const;
  void Place(int op, int mode, Time start);
  bool RunSerial(ProjectRule rule, Rng& rng);
  bool RunParallel(ProjectRule rule, Rng& rng);
  bool VerifyLags();

  const Instance& in_;
  int n_;
  std::vector<std::vector<Arc>> preds_;      // every precedence, by successor
  std::vector<std::vector<int>> order_succ_; // ordering precedences (non-negative distance), by predecessor
  std::vector<int> order_pred_count_;
  std::vector<std::vector<std::vector<Demand>>> demands_;  // per op and mode, with one unit
                                                           // resource per disjunctive pair
  std::vector<Time> release_;
  std::vector<Time> min_duration_;
  std::vector<double> lft_, lst_, mts_, grpw_;
  // State of one run.
  std::vector<int> missing_preds_;
  std::vector<char> scheduled_;
  std::vector<int> eligible_;
  Solution solution_;
  std::string reason_;
};

}  // namespace ordo
