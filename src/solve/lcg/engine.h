// The lazy clause generation engine: integer bounds on a trail with a reason per change,
// difference constraints (precedences, optionally enabled by a literal), clauses with two
// watched literals, pluggable propagators, first-UIP conflict analysis with clause learning,
// backjumping, Luby restarts and learned-clause reduction by LBD (Audemard & Simon 2009).
// Vocabulary in types.h.
//
// Reasons are copied into an arena when a bound changes ("eager" explanations): conflict
// analysis never calls back into a propagator, and any learned clause may be deleted at any
// time because no trail entry refers to it.
//
// Deterministic: no hashing of pointers, no clocks inside the search; the caller's stop
// predicate is the only outside input.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "solve/lcg/clause_store.h"
#include "solve/lcg/types.h"

namespace ordo::lcg {

class Engine;

// A propagator reads bounds and raises them through Engine::SetLb with a reason, or reports
// a conflict. It is woken when a view it watches gets a higher lower bound, and must reach
// its own fixpoint or leave itself woken. It keeps no state that backtracking would have to
// undo (it recomputes what it needs from the bounds).
class Propagator {
 public:
  virtual ~Propagator() = default;
  virtual std::string_view name() const = 0;
  // Returns false exactly when it reported a conflict (SetLb or Engine::Conflict failed).
  virtual bool Propagate(Engine& engine) = 0;
};

struct EngineStats {
  std::int64_t decisions = 0;
  std::int64_t conflicts = 0;
  std::int64_t bound_changes = 0;
  std::int64_t learned = 0;
  std::int64_t restarts = 0;
  std::int64_t deleted = 0;
};

struct EngineOptions {
  int restart_unit = 256;       // conflicts per Luby unit; 0 = no restarts
  int reduce_first = 4000;      // learned clauses kept before the first reduction
  int reduce_increment = 1000;  // added to that limit after each reduction
};

inline constexpr Lit kNoLit = -1;

class Engine {
 public:
  explicit Engine(EngineOptions options = {});
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  ~Engine();

  // ---- Model (at the root, before or between searches) ----
  int NewVar(Value lb, Value ub);
  int NewBool() { return NewVar(0, 1); }
  int num_vars() const { return static_cast<int>(lb_.size() / 2); }
  // The literal of atom a, registered on first use.
  Lit GetLit(Atom a);
  Lit BoolLit(int var) { return GetLit(AtLeast(var, 1)); }
  const Atom& AtomOf(Lit l) const { return atoms_[l]; }
  // x_to >= x_from + lag, enforced while `enabler` is true (always when kNoLit); when the
  // bounds make it impossible, `enabler` is set false.
  void AddPrecedence(int from_var, int to_var, Value lag, Lit enabler = kNoLit);
  // A clause over registered literals. Returns false when the model is now infeasible.
  bool AddClause(std::vector<Lit> lits);
  // Takes ownership; returns its index for WatchLb.
  int AddPropagator(std::unique_ptr<Propagator> propagator);
  void WatchLb(int view, int propagator);
  // A fact at the root. Returns false when the model is now infeasible.
  bool PostAtRoot(Atom a);

  // ---- State ----
  Value LbView(int view) const { return lb_[view]; }
  Value Lb(int var) const { return lb_[PosView(var)]; }
  Value Ub(int var) const { return -lb_[NegView(var)]; }
  bool Fixed(int var) const { return Lb(var) == Ub(var); }
  bool IsTrue(Atom a) const { return lb_[a.view] >= a.value; }
  bool IsFalse(Atom a) const { return IsTrue(Not(a)); }
  bool IsTrue(Lit l) const { return IsTrue(atoms_[l]); }
  bool IsFalse(Lit l) const { return IsTrue(atoms_[NegLit(l)]); }
  int level() const { return static_cast<int>(level_start_.size()); }
  bool infeasible() const { return infeasible_; }
  double activity(int var) const { return activity_[var]; }
  const EngineStats& stats() const { return stats_; }

  // ---- For propagators ----
  // Raises lb(view) to value because every atom of `reason` holds (each must be true now).
  // Returns false on conflict (value above the upper bound).
  bool SetLb(int view, Value value, std::span<const Atom> reason);
  bool SetLb(Atom a, std::span<const Atom> reason) { return SetLb(a.view, a.value, reason); }
  // The atoms hold together (each is true now) but cannot: a conflict. Always returns false.
  bool Conflict(std::span<const Atom> atoms);

  // ---- Search ----
  enum class Outcome { Solution, Infeasible, Limit };
  // Returns the next decision (an atom that is neither true nor false), or nothing when the
  // assignment is complete.
  using Brancher = std::function<std::optional<Atom>(const Engine&)>;
  // Searches from the current root state until every variable the brancher cares about is
  // decided (Solution: the bounds are the solution, read them before changing anything),
  // the model is infeasible, or should_stop() (polled every 64 decisions and conflicts).
  Outcome Search(const Brancher& brancher, const std::function<bool()>& should_stop);
  // Back to the root, keeping learned clauses (to post facts after a solution).
  void BacktrackToRoot() { Backtrack(0); }

 private:
  struct Entry {
    int view;
    int prev;           // previous entry on the same view, -1 for the initial bound
    int level;
    Value old_lb;
    Value lb;
    int reason_begin;   // range in reasons_
    int reason_end;
  };
  struct Edge {
    int to_view;
    Value offset;
    Lit enabler;
  };

  bool Propagate();
  bool ProcessEntry(int index);
  bool PropagateEdge(int from_view, const Edge& edge);
  bool VisitWatches(Lit falsified);
  void NewLevel() { level_start_.push_back(static_cast<int>(trail_.size())); }
  void Backtrack(int level);
  void Decide(Atom a);
  // First-UIP analysis of conflict_; fills learned_ (asserting literal first) and returns
  // the level to jump back to, or -1 when the conflict holds at the root.
  int Analyze();
  int EntryFor(const Atom& a) const;  // earliest entry that made a true, -1 if initially true
  void BumpVar(int var);
  void ReduceLearned();
  bool PushLearned();
  static std::int64_t Luby(std::int64_t i);

  EngineOptions options_;
  // Bounds and trail.
  std::vector<Value> lb_;          // per view
  std::vector<int> last_entry_;    // per view
  std::vector<Entry> trail_;
  std::vector<Atom> reasons_;
  std::vector<int> level_start_;   // trail index where each level > 0 begins
  std::size_t head_ = 0;           // next trail entry to process
  // Literals.
  std::vector<Atom> atoms_;                                   // per literal
  std::vector<std::vector<std::pair<Value, Lit>>> encoded_;   // per view, sorted by value
  // Difference constraints.
  std::vector<std::vector<Edge>> edges_;                                 // per from-view
  std::vector<std::vector<std::pair<int, int>>> enabled_edges_;          // per literal: (view, index)
  // Clauses.
  ClauseStore clauses_;
  // Propagators.
  std::vector<std::unique_ptr<Propagator>> propagators_;
  std::vector<std::vector<int>> view_watchers_;  // per view
  std::vector<int> queue_;
  std::size_t queue_head_ = 0;
  std::vector<char> queued_;
  // Conflict analysis.
  std::vector<Atom> conflict_;
  std::vector<Value> needed_;          // per trail entry, kUnneeded when not in the conflict
  std::vector<Atom> lower_;            // reason atoms below the conflict level
  std::vector<Value> lower_value_;     // per view, index into lower_ marker (see Analyze)
  std::vector<Lit> learned_;
  std::vector<Atom> learned_reason_;
  std::vector<int> lbd_levels_;  // scratch of PushLearned (distinct levels of a learned clause)
  std::vector<double> activity_;       // per variable (VSIDS-like, for branchers)
  double activity_increment_ = 1;
  bool infeasible_ = false;
  EngineStats stats_;
  std::int64_t reduce_limit_;
};

}  // namespace ordo::lcg
