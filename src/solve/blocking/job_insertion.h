// Job insertion into a blocking alternative graph: the reconstruction step of the iterated
// greedy of Pranzo & Pacciarelli (2016), and the job-insertion move of Gröflin & Klinkert
// (2009). A removed job is put back by sequencing its operations in routing order, each at
// a position of an eligible machine, evaluated exactly and incrementally
// (BlockingGraph::TryPlace) by (objective, total head increase). Operations not yet
// sequenced only follow their job chain, so the score of a partial insertion is a lower
// bound on every completion of it (placements only add arcs).
//
// Two ways to choose: Insert() is greedy (per operation the best position, ties at random);
// InsertSearch() is a depth-first branch and bound over the positions of all operations,
// best first, cutting every branch whose lower bound is no better than the best complete
// insertion, within a budget of placements; its first dive is the greedy insertion, and it
// is exact when it finishes within the budget.
//
// Cheap filters before any propagation. (1) Feasibility window: with the operations before
// op sequenced, op must start after its job predecessor p and no later than p's machine
// successor b, so it must go after every node that reaches p and before every node whose
// release b reaches; one backward and one forward search per operation mark both (a swap,
// a cycle of length 0, is allowed when swaps are). (2) For the makespan, a head and tail
// bound (BlockingGraph::MakespanBound) against the limit.
//
// Dead ends: a placement can leave a later operation with no feasible position at all.
// A placement is kept only if the rest of the job can be completed by putting each later
// operation at the latest position of its window (CanComplete, structural probes); that
// completion itself stays completable, so the insertion never gets stuck. Should it still
// (machine downtime is not part of the window), the job is restarted with every operation
// last on its machine, which is always feasible.
#pragma once

#include <cstdint>
#include <vector>

#include "solve/blocking/alternative_graph.h"
#include "solve/common/rng.h"
#include "solve/solver.h"

namespace ordo {

class JobInsertion {
 public:
  JobInsertion(BlockingGraph& graph, bool no_swaps);

  // Insert an absent job into a feasible graph; false only if no placement was feasible
  // even with every operation last on its machine (never, if the graph is consistent).
  bool Insert(int job, Rng& rng);
  // The search also ends early when control says stop (polled every 64 placements).
  bool InsertSearch(int job, Rng& rng, std::int64_t budget, const SolveControl& control);

  std::int64_t placements() const { return placements_; }  // TryPlace calls
  std::int64_t fallbacks() const { return fallbacks_; }    // jobs restarted at the ends

 private:
  // Marks for the feasibility window of one operation: nodes reaching its job predecessor
  // (back), and nodes reached from the predecessor's machine successor b, in states 2v
  // (by paths of length 0 only) and 2v + 1 (by a positive path).
  struct Window {
    std::vector<int> back, fwd;
    int stamp = 0, op = -1, b = -1;
  };
  struct Candidate {
    PlacementScore score;
    std::uint64_t tie;
    int q, after;
  };
  struct Level {
    std::vector<Candidate> candidates;
    BlockingGraph::Snapshot snapshot;
  };

  void Open(Window& w, int op);
  bool Allowed(const Window& w, int q, int after);
  bool Promising(const Window& w, int q, int after, const PlacementScore& limit);
  bool ZeroPath(int from, int to);
  bool CanComplete(int op, int last);
  bool InsertAtEnds(int job);
  bool Greedy(int job, Rng& rng);
  void Search(int op, int first, int last, Rng& rng);
  void Place(int op, int q, int after);

  BlockingGraph& g_;
  bool no_swaps_;
  Window window_, probe_;
  std::vector<int> stack_, zmark_, zstack_;
  int zstamp_ = 0;
  std::vector<Level> levels_;
  std::vector<Candidate> path_, best_path_;
  PlacementScore best_score_;
  std::int64_t spent_ = 0, budget_ = 0;
  const SolveControl* control_ = nullptr;
  std::int64_t placements_ = 0, fallbacks_ = 0;
};

}  // namespace ordo
