// The alternative graph of a blocking shop (Mascis & Pacciarelli 2002), kept as one machine
// sequence per machine, with heads (earliest starts) by longest paths.
//
// Nodes are the flat operations of ShopProblem plus one fixed node per machine downtime
// period (start fixed at the period's start, length its length). For consecutive nodes a, b
// on a machine, b starts when a releases the machine: when a's job's next operation starts
// (arc next(a) -> b, length 0), or when a ends if it is the last operation of its job or a
// downtime (arc a -> b, length p(a)). Job arcs a -> next(a) have length p(a). A selection is
// feasible when it has no positive cycle and every downtime node starts at its period.
// Cycles of length 0 are swaps (every job of the cycle moves at the same instant): allowed
// with swaps; without swaps the graph must be acyclic. An acyclic graph cannot yield a swap
// in any schedule that satisfies it, so heads are always a checker-feasible schedule.
//
// The graph also holds partial selections for job insertion: a job may be absent (removed)
// or present but not yet sequenced on some machines (its operations then only follow their
// job chain, with their shortest mode). TryPlace() sequences one operation at one position
// and propagates the head increases incrementally with an undo log, relaxing nodes in the
// order of their heads before the placement (a topological order of every old arc, so a
// node is rarely relaxed twice); it detects the cycles the placement closes (all pass
// through the operation) and stops early once the placement is worse than a given limit;
// Undo() or Commit() follows. Adding arcs only raises heads, so the objective of a
// placement is exact without a full recomputation. Evaluate() recomputes everything after
// removals: Kahn's topological sweep, Tarjan's strongly connected components for what is
// left when swaps form zero-length cycles (swap_cycles.cc), and tails for the bound.
//
// The objective is any non-negative combination of makespan, total weighted tardiness,
// total weighted completion and maximum lateness (functions of job completions).
// Operations of zero duration are handled conservatively (a cycle through them counts as a
// swap even where the checker would not see one). All arrays are flat and sized at
// construction; placements and evaluations do not allocate once the scratch has grown.
#pragma once

#include <cstdint>
#include <vector>

#include "model/instance.h"
#include "solve/shop/shop_problem.h"

namespace ordo {

// The instance's objective as weights of the four completion-based terms.
struct CompletionObjective {
  std::int64_t makespan = 0, weighted_tardiness = 0, weighted_completion = 0, max_lateness = 0;
  static CompletionObjective FromInstance(const Instance& instance);
};

// Placement quality: the objective first, then the total increase of heads caused by the
// placements since the job was added (how much its insertion delays the rest of the
// schedule). Both only grow as placements are added.
struct PlacementScore {
  std::int64_t objective = 0;
  std::int64_t disruption = 0;
  friend bool operator<(const PlacementScore& a, const PlacementScore& b) {
    return a.objective != b.objective ? a.objective < b.objective : a.disruption < b.disruption;
  }
};

class BlockingGraph {
 public:
  BlockingGraph(const ShopProblem& shop, const CompletionObjective& objective, bool no_swaps);

  // ---- Complete schedules ----
  // Every job present; machine orders from start times (ties: empty holds first, then by
  // release time and node id), downtime at its place. False if the orders are infeasible.
  bool SetFromStarts(const std::vector<Time>& start, const std::vector<int>& mode);
  // Recomputes heads and the objective from scratch; false if infeasible.
  bool Evaluate();

  // ---- Job removal and insertion ----
  void RemoveJob(int job);  // unsequences and removes its operations; Evaluate() afterwards
  void AddJob(int job);     // present, unsequenced, shortest modes, heads along the chain
  // Sequences op with mode q (a ShopMode index of op) right after node `after` on the mode's
  // machine (-1: first). Returns true if the placement is feasible and not worse than
  // limit; *score is then its score. Either way the placement stays until Undo() or Commit().
  bool TryPlace(int op, int q, int after, const PlacementScore& limit, PlacementScore* score);
  void Undo();
  void Commit();

  // Structural probes for feasibility look-ahead: sequence or unsequence an operation
  // without touching heads (which are then stale until the probe is withdrawn, in reverse
  // order). Reachability (ForEachSuccessor, Predecessors) reflects the probes.
  void ProbeLink(int op, int q, int after);
  void ProbeUnlink(int op);

  // A lower bound on the makespan after TryPlace(op, q, after): op's new head plus the
  // longer of its job's rest and its machine successor's tail. Tails are computed by
  // Evaluate() and only grow as placements add arcs, so stale tails stay valid. O(1).
  Time MakespanBound(int op, int q, int after) const;

  // ---- Reading ----
  std::int64_t objective() const { return ObjectiveValue(makespan_, lmax_, twt_, twc_); }
  Time makespan() const { return makespan_; }
  PlacementScore score() const { return {objective(), disruption_}; }
  Time head(int v) const { return head_[v]; }
  // The objective is the makespan times this weight (0 if it has other terms).
  std::int64_t makespan_weight() const {
    const CompletionObjective& o = objective_;
    return o.weighted_tardiness == 0 && o.weighted_completion == 0 && o.max_lateness == 0 ? o.makespan : 0;
  }
  Time duration(int v) const { return dur_[v]; }
  int mode(int op) const { return mode_[op]; }
  int machine_first(int m) const { return mfirst_[m]; }
  int machine_last(int m) const { return mlast_[m]; }
  int machine_next(int v) const { return mnext_[v]; }
  int machine_prev(int v) const { return mprev_[v]; }
  bool sequenced(int v) const { return sequenced_[v] != 0; }
  bool present(int v) const { return present_[v] != 0; }
  int num_nodes() const { return num_nodes_; }
  const ShopProblem& shop() const { return shop_; }
  // The node whose start releases v's machine for its machine successor: the job's next
  // operation, or v itself for a last operation or a downtime.
  int ReleaseNode(int v) const { return job_next_[v] >= 0 ? job_next_[v] : v; }
  // Calls f(v, length) for each arc u -> v (at most three).
  template <class F>
  void ForEachSuccessor(int u, F&& f) const {
    const int js = job_next_[u];
    if (js >= 0) {
      f(js, dur_[u]);
    } else if (sequenced_[u] && mnext_[u] >= 0) {
      f(mnext_[u], dur_[u]);
    }
    const int jp = job_prev_[u];
    if (jp >= 0 && sequenced_[jp]) {
      const int b = mnext_[jp];
      if (b >= 0 && b != u) f(b, Time{0});  // b == u: the job stays on the machine, no arc
    }
  }
  // Nodes with an arc into v (at most two: job predecessor, machine predecessor's release),
  // with the arc lengths if length is not null.
  int Predecessors(int v, int out[2], Time* length = nullptr) const;
  // Operations of a critical path ending at the latest job completion (source first).
  void CriticalPath(std::vector<int>& path) const;
  // Per flat op: start (head) and ShopMode index.
  std::vector<Time> Starts() const;
  const std::vector<int>& modes() const { return mode_; }

  // A full copy of the selection and its evaluation (O(nodes)).
  struct Snapshot {
    std::vector<int> mode, mprev, mnext, mfirst, mlast;
    std::vector<Time> head, tail, dur, completion;
    std::vector<char> sequenced, present;
    Time makespan = 0, lmax = 0;
    std::int64_t twt = 0, twc = 0, disruption = 0;
  };
  void Save(Snapshot& s) const;
  void Restore(const Snapshot& s);

  std::int64_t propagations() const { return propagations_; }  // head updates, for statistics

 private:
  Time HeadFromPredecessors(int v) const;
  void Link(int v, int machine, int after);
  void Unlink(int v);
  // An unsequenced operation takes its shortest mode (first on ties), as when it is added.
  void SetShortestMode(int op);
  bool EvaluateCycles();               // Tarjan on the nodes Kahn left
  bool ClosesZeroCycle(int op);        // a tight zero-length path from op back to op
  void RecomputeObjective();
  void ComputeTails(int processed);
  void SetHead(int v, Time h);        // logged update with the running objective
  std::int64_t ObjectiveValue(Time makespan, Time lmax, std::int64_t twt, std::int64_t twc) const;
  bool IsJobEnd(int v) const { return v < shop_.num_ops && job_next_[v] < 0; }

  const ShopProblem& shop_;
  CompletionObjective objective_;
  bool no_swaps_;
  int num_nodes_;
  // Static per node.
  std::vector<int> job_next_, job_prev_, job_of_;
  std::vector<Time> release_;
  std::vector<char> fixed_;  // downtime nodes
  std::vector<Time> min_dur_;
  // Selection.
  std::vector<int> mode_, machine_, mprev_, mnext_, mfirst_, mlast_;
  std::vector<Time> dur_, head_, tail_;
  std::vector<char> sequenced_, present_;
  // Objective over present jobs.
  std::vector<Time> completion_;  // per job
  Time makespan_ = 0, lmax_ = 0;
  std::int64_t twt_ = 0, twc_ = 0;
  std::int64_t disruption_ = 0;  // head increases of the placements since the last AddJob()
  // Scratch for evaluation and placement.
  std::vector<int> indegree_, queue_, stamp_, in_queue_;
  int generation_ = 0;
  struct LogEntry {
    int node;
    Time head;
  };
  std::vector<LogEntry> log_;
  struct Pending {
    Time head;
    int topo, node;
    friend bool operator>(const Pending& a, const Pending& b) {
      return a.head != b.head ? a.head > b.head : a.topo > b.topo;
    }
  };
  std::vector<Pending> heap_;
  std::vector<int> topo_, orig_stamp_;  // topo_: position in the last evaluation's order
  std::vector<Time> orig_head_;         // heads before the current placement
  Time OriginalHead(int v) const { return orig_stamp_[v] == generation_ ? orig_head_[v] : head_[v]; }
  std::vector<int> touched_jobs_, job_stamp_;
  std::vector<Time> new_completion_;
  int placed_ = -1, placed_old_mode_ = -1;
  Time placed_old_dur_ = 0;
  Time p_makespan_ = 0, p_lmax_ = 0;
  std::int64_t p_twt_ = 0, p_twc_ = 0, p_disruption_ = 0;
  std::vector<int> tarjan_index_, tarjan_low_, tarjan_stack_, call_stack_, call_arc_, component_of_, bounds_, scc_order_;
  std::vector<char> on_stack_;
  std::int64_t propagations_ = 0;
};

}  // namespace ordo
