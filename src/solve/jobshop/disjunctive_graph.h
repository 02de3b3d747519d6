// A job-shop schedule as a disjunctive graph (Roy & Sussmann 1964; Balas 1969): the job
// arcs are fixed, the machine arcs are given by one processing order per machine, and the
// semi-active schedule follows by longest paths. Heads r (earliest starts, from releases)
// and tails q (longest path from an operation's end to the sink) are recomputed in O(N) by a
// topological sweep; a critical path and its blocks (maximal runs of consecutive critical
// operations on one machine) drive the neighbourhoods of the local search.
//
// Machine downtime (ShopProblem::downtime): an operation starts at the first time at or
// after its predecessors' ends at which it fits entirely between downtimes (a resumable one
// at the first working time, ending once it has worked its duration), so heads, ends and
// the makespan are those of the exact semi-active schedule. Tails then ignore downtime (they are
// optimistic estimates for the move evaluation) and the critical path is traced backwards
// from the last operation through the predecessor that ends last, also past operations that
// a downtime delayed, until a release date decides a start.
//
// All arrays are flat and sized once; nothing allocates after construction.
#pragma once

#include <cstdint>
#include <vector>

#include "model/instance.h"

namespace ordo {

struct ShopProblem;

class DisjunctiveGraph {
 public:
  // Requires a job shop (one mode per operation). Operation ids are ShopProblem flat ids.
  // Keeps a reference to shop (for downtime): shop must outlive the graph.
  explicit DisjunctiveGraph(const ShopProblem& shop);
  explicit DisjunctiveGraph(ShopProblem&&) = delete;

  // Sets the machine orders from start times (ties broken by op id) and evaluates.
  bool SetFromStarts(const std::vector<Time>& start);
  // Sets machine orders directly (sequence[m] lists the ops of machine m in order).
  bool SetSequences(const std::vector<std::vector<int>>& sequence);

  // Recomputes heads, tails and the makespan. Returns false if the machine orders create
  // a cycle (the graph is then left with stale values). O(N), or O(N log D) with D downtime
  // periods per machine.
  bool Evaluate();

  Time makespan() const { return makespan_; }
  Time head(int op) const { return head_[op]; }
  Time end(int op) const { return end_[op]; }  // head + duration, or later for a resumable op
  Time tail(int op) const { return tail_[op]; }
  Time duration(int op) const { return duration_[op]; }
  Time release(int op) const { return release_[op]; }
  int job_prev(int op) const { return job_prev_[op]; }
  int job_next(int op) const { return job_next_[op]; }
  int machine_prev(int op) const { return machine_prev_[op]; }
  int machine_next(int op) const { return machine_next_[op]; }
  int machine_of(int op) const { return machine_[op]; }
  int num_ops() const { return num_ops_; }
  int num_machines() const { return num_machines_; }

  // One critical path from the source to the sink, in order (computed by Evaluate()).
  const std::vector<int>& critical_path() const { return critical_path_; }
  // Blocks of the critical path: [begin, end) index ranges into critical_path() whose
  // operations are consecutive on one machine, length >= 1.
  const std::vector<std::pair<int, int>>& blocks() const { return blocks_; }

  // Moves op u to the position right after op v (same machine). If v == -1, u becomes first.
  void MoveAfter(int u, int v);
  // Moves op u to the position right before op v (same machine).
  void MoveBefore(int u, int v);

  // Machine order of m (first op, then machine_next chain).
  int machine_first(int m) const { return machine_first_[m]; }
  std::vector<std::vector<int>> Sequences() const;
  std::vector<Time> Starts() const { return head_; }

 private:
  void Unlink(int op);
  void InsertAfter(int u, int v);  // u must be unlinked; v == -1 puts u first
  void ComputeCriticalPath();
  void ComputeCriticalPathBackward();  // with downtime: from the last operation to the first
  void SplitIntoBlocks();

  const ShopProblem& shop_;
  bool has_downtime_;
  int num_ops_, num_machines_;
  std::vector<Time> duration_, release_;
  std::vector<int> machine_, job_prev_, job_next_;
  std::vector<int> machine_prev_, machine_next_, machine_first_, machine_last_;
  std::vector<Time> head_, tail_, end_;
  Time makespan_ = 0;
  // Scratch for the topological sweep.
  std::vector<int> indegree_, order_;
  std::vector<int> critical_path_;
  std::vector<std::pair<int, int>> blocks_;
};

}  // namespace ordo
