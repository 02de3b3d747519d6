// Exact search for one machine by state-space modifiers: the third stage of the SSDP method of
// Tanaka, Fujikuma & Araki (2009, J. Scheduling 12:575-593), on the network left by the
// Lagrangian bound (lagrangian_bound.h) and with its multipliers.
//
// The relaxed paths of time_indexed_relaxation.h may skip a job or take it twice. A modifier
// set M of jobs is added to the state: (t, j, which jobs of M are done), and no path takes a
// job of M twice. The cheapest path of the modified network is again a lower bound (it is a
// minimum over fewer paths); when it takes every job once it is an optimal sequence, and when
// no path is left below the upper bound, the known sequence is optimal. Otherwise the jobs the
// path takes zero or several times join M and the dynamic programme runs again. States whose
// prefix plus the cost-to-go reach the upper bound are never created (dominated-state
// elimination), which is what keeps 2^|M| in check; after each round a backward pass over the
// states tightens the cost-to-go of every (time, job) node and removes the nodes left bare.
// The multipliers stay fixed. Measured limit: the relaxation is degenerate at them (stage 1, wt40 #3: the
// value stays at 528 for |M| = 0..12 while the states grow eightfold per round; ten subgradient
// steps on the modified relaxation after each growth of M proved no more of wt40/wt50).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "solve/single_machine/sm_cost.h"
#include "solve/single_machine/time_indexed_relaxation.h"

namespace ordo {

struct ModifierSearchOptions {
  std::int64_t memory_mb = 1024;       // states of one round at most this much
  std::int64_t max_states = 1000000;  // states of one round at most
  int add_per_round = 4;               // violated jobs added to M per round
};

struct ModifierSearchResult {
  bool solved = false;        // optimal: `cost` is the optimum
  std::int64_t cost = 0;      // the optimum when solved
  std::int64_t bound = 0;     // a lower bound on the optimum, at most the upper bound
  std::vector<int> sequence;  // an optimal sequence cheaper than the upper bound, if found
  int rounds = 0;
  int modifiers = 0;            // |M| at the end
  std::int64_t max_states = 0;  // the largest round's states
  std::string why;              // when not solved
};

// `relaxation` holds the eliminated network and its cost-to-go for `multipliers`; upper_bound
// is the cost of a known sequence, at most the one the network was reduced with.
ModifierSearchResult SolveByStateSpaceModifiers(const SmCostModel& model, TimeIndexedRelaxation& relaxation,
                                                const std::vector<double>& multipliers, std::int64_t upper_bound,
                                                const ModifierSearchOptions& options,
                                                const std::function<bool()>& should_stop);

}  // namespace ordo
