// A flexible job-shop schedule as a disjunctive graph: a machine assignment (one mode per
// operation) plus one processing order per machine; the semi-active schedule follows by
// longest paths (Roy & Sussmann 1964 for the job shop; Brandimarte 1993 and Mastrolilli &
// Gambardella 2000 for the flexible one). Heads (earliest starts) come from a topological
// sweep that honours releases and machine downtime: an operation starts at the first time it
// fits entirely between its machine's downtimes (ShopProblem::EarliestFit), so the evaluated
// schedule is exact and feasible. Tails (longest path from an operation's end to the sink)
// ignore downtime: they only feed move estimates. Without downtime head + duration + tail
// equals the makespan exactly on critical operations.
//
// The critical path is found by walking back from an operation that ends at the makespan
// along tight arcs (predecessor end == head), preferring machine arcs so that blocks come
// out long; it stops at an operation whose start is set by its release or by a downtime.
// Blocks are maximal runs of consecutive path operations on one machine.
//
// Evaluation is incremental: the graph keeps a topological order and, from the moves made
// since the last evaluation, the operations whose incoming or outgoing arcs (or duration)
// changed. Heads can only change from the first such position of the order on, and that
// suffix is closed under successors in the new graph, so Kahn's algorithm reorders and
// re-times the suffix alone; tails are recomputed back from the last changed position only.
// A full evaluation costs O(N + M); after a move, O(N - first) + O(last). Machine orders are
// kept both as linked lists and as per-machine arrays (capacity: the operations eligible on
// the machine), updated in O(machine length) by each move. Nothing allocates after
// construction.
#pragma once

#include <utility>
#include <vector>

#include "model/instance.h"

namespace ordo {

struct ShopProblem;

// A machine assignment and machine orders, without times: what the search stores (elite
// pool, shared incumbent). order lists every operation machine by machine, each machine's
// operations in processing order; machine m's are order[machine_begin[m], machine_begin[m+1]).
struct FlexibleSchedule {
  std::vector<int> mode;           // per operation: index into ShopProblem::modes
  std::vector<int> order;          // num_ops entries
  std::vector<int> machine_begin;  // num_machines + 1 entries

  bool operator==(const FlexibleSchedule& other) const = default;
};

class FlexibleGraph {
 public:
  explicit FlexibleGraph(const ShopProblem& shop);

  // Loads a schedule and evaluates it; false if its machine orders create a cycle.
  bool Set(const FlexibleSchedule& schedule);
  // Machine orders from start times (ties broken by end, then by operation id, which keeps
  // zero-duration operations acyclic) with the given modes; evaluates.
  bool SetFromStarts(const std::vector<Time>& start, const std::vector<int>& mode);
  // Writes the current assignment and orders; no allocation when schedule already has the
  // right sizes.
  void Get(FlexibleSchedule& schedule) const;

  // Recomputes heads, tails, the makespan and one critical path after the moves made since
  // the last evaluation. Returns false if the machine orders create a cycle (values are then
  // stale until the moves are undone and Evaluate() succeeds).
  bool Evaluate();

  Time makespan() const { return makespan_; }
  // Operations on some longest path (head + duration + tail >= makespan): fewer means the
  // makespan is easier to reduce, a tie-breaker between schedules of equal makespan.
  // Counted on the first call after an evaluation, O(N).
  int critical_count() const;
  Time head(int op) const { return head_[op]; }
  Time tail(int op) const { return tail_[op]; }
  Time end(int op) const { return head_[op] + duration_[op]; }
  Time duration(int op) const { return duration_[op]; }
  Time release(int op) const { return release_[op]; }
  int job_prev(int op) const { return job_prev_[op]; }
  int job_next(int op) const { return job_next_[op]; }
  int machine_prev(int op) const { return machine_prev_[op]; }
  int machine_next(int op) const { return machine_next_[op]; }
  int machine_of(int op) const { return machine_[op]; }
  int mode_of(int op) const { return mode_[op]; }
  int num_ops() const { return num_ops_; }
  int num_machines() const { return num_machines_; }
  const ShopProblem& shop() const { return shop_; }

  // Machine m's operations in order, as a contiguous array, and an operation's index in it.
  const int* sequence(int m) const { return &slab_[slab_begin_[m]]; }
  int sequence_size(int m) const { return slab_size_[m]; }
  int position(int op) const { return position_[op]; }

  // One critical path, in order, and its blocks as [begin, end) index ranges into it.
  const std::vector<int>& critical_path() const { return critical_path_; }
  const std::vector<std::pair<int, int>>& blocks() const { return blocks_; }

  // Moves op u to right after op v on its machine (v == -1: first), or right before v.
  void MoveAfter(int u, int v);
  void MoveBefore(int u, int v);
  // Gives op the mode `mode` (any of its modes, possibly on another machine) and inserts it
  // right after `after` on that mode's machine (after == -1: first). Call Evaluate() next.
  void Reassign(int op, int mode, int after);

  std::vector<Time> Starts() const { return head_; }

 private:
  void Unlink(int op);
  void InsertAfter(int u, int v);  // u must be unlinked and on v's machine
  void ComputeCriticalPath();
  void Changed(int op) {  // op's incoming or outgoing machine arc changed
    if (topo_valid_) changed_.push_back(op);
  }

  const ShopProblem& shop_;
  int num_ops_, num_machines_;
  bool has_downtime_;
  std::vector<Time> release_, duration_;
  std::vector<int> mode_, machine_, job_prev_, job_next_;
  std::vector<int> machine_prev_, machine_next_, machine_first_, machine_last_;
  std::vector<Time> head_, tail_;
  Time makespan_ = 0;
  mutable int critical_count_ = -1;  // -1: not counted since the last evaluation
  std::vector<int> job_last_;           // operations without a job successor
  std::vector<int> order_, tpos_;       // a topological order and each operation's place in it
  bool topo_valid_ = false;             // order_ is valid for the last evaluated graph
  std::vector<int> changed_;            // operations whose arcs changed since then
  std::vector<int> indegree_, queue_;   // scratch of the topological sweep
  std::vector<int> slab_, slab_begin_, slab_size_, position_;
  std::vector<int> critical_path_;
  std::vector<std::pair<int, int>> blocks_;
};

}  // namespace ordo
