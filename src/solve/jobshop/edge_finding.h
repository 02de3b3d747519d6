// Edge finding on one disjunctive (unary) resource with the Θ-Λ-tree of Vilím (2004),
// "O(n log n) filtering algorithms for unary resource constraint", CPAIOR: if an activity i
// cannot end before the whole set Ω has been processed, i must come after Ω, so its earliest
// start rises to the earliest completion time of Ω. Run on the mirrored problem it lowers
// latest completion times. Includes the overload check (a set that cannot fit its window).
// O(n log n) per call; the scratch buffers are reused, so nothing allocates once warmed up.
#pragma once

#include <vector>

#include "model/instance.h"

namespace ordo {

class EdgeFinder {
 public:
  // Tightens est (and, mirrored, lct) of the n tasks in place. Returns false on overload.
  bool Propagate(std::vector<Time>& est, std::vector<Time>& lct, const std::vector<Time>& p);

 private:
  bool Forward(std::vector<Time>& est, const std::vector<Time>& lct, const std::vector<Time>& p);

  struct Node {
    Time sum_p, ect, sum_p_grey, ect_grey;
    int responsible_ect, responsible_p;  // grey leaf responsible for ect_grey / sum_p_grey (-1: none)
  };
  void Update(int node);
  std::vector<Node> tree_;
  std::vector<int> by_est_, by_lct_, leaf_of_;
  std::vector<Time> est_m_, lct_m_, new_est_;  // scratch, reused across calls
  int leaves_ = 0;
};

}  // namespace ordo
