#include "solve/lcg/engine.h"

#include <algorithm>
#include <cassert>
#include <limits>

namespace ordo::lcg {

namespace {
constexpr Value kUnneeded = std::numeric_limits<Value>::min();
}  // namespace

Engine::Engine(EngineOptions options) : options_(options), reduce_limit_(options.reduce_first) {}

Engine::~Engine() = default;

int Engine::NewVar(Value lb, Value ub) {
  const int var = num_vars();
  lb_.push_back(lb);
  lb_.push_back(-ub);
  last_entry_.push_back(-1);
  last_entry_.push_back(-1);
  encoded_.emplace_back();
  encoded_.emplace_back();
  edges_.emplace_back();
  edges_.emplace_back();
  view_watchers_.emplace_back();
  view_watchers_.emplace_back();
  lower_value_.push_back(kUnneeded);
  lower_value_.push_back(kUnneeded);
  activity_.push_back(0);
  if (lb > ub) infeasible_ = true;
  return var;
}

Lit Engine::GetLit(Atom a) {
  auto& list = encoded_[a.view];
  auto it = std::lower_bound(list.begin(), list.end(), a.value,
                             [](const std::pair<Value, Lit>& e, Value v) { return e.first < v; });
  if (it != list.end() && it->first == a.value) return it->second;
  const Lit lit = static_cast<Lit>(atoms_.size());
  atoms_.push_back(a);
  atoms_.push_back(Not(a));
  list.insert(it, {a.value, lit});
  const Atom n = Not(a);
  auto& other = encoded_[n.view];
  auto jt = std::lower_bound(other.begin(), other.end(), n.value,
                             [](const std::pair<Value, Lit>& e, Value v) { return e.first < v; });
  other.insert(jt, {n.value, NegLit(lit)});
  enabled_edges_.resize(atoms_.size());
  clauses_.ReserveLits(static_cast<int>(atoms_.size()));
  return lit;
}

void Engine::AddPrecedence(int from_var, int to_var, Value lag, Lit enabler) {
  // x_to >= x_from + lag, and in the mirror: -x_from >= -x_to + lag.
  edges_[PosView(from_var)].push_back(Edge{PosView(to_var), lag, enabler});
  edges_[NegView(to_var)].push_back(Edge{NegView(from_var), lag, enabler});
  if (enabler != kNoLit) {
    enabled_edges_[enabler].push_back({PosView(from_var), static_cast<int>(edges_[PosView(from_var)].size()) - 1});
    enabled_edges_[enabler].push_back({NegView(to_var), static_cast<int>(edges_[NegView(to_var)].size()) - 1});
  }
  // Propagate the new edge at the root.
  if (level() == 0 && !infeasible_) {
    if (!PropagateEdge(PosView(from_var), edges_[PosView(from_var)].back()) ||
        !PropagateEdge(NegView(to_var), edges_[NegView(to_var)].back()) || !Propagate()) {
      infeasible_ = true;
    }
  }
}

bool Engine::AddClause(std::vector<Lit> lits) {
  assert(level() == 0);
  if (infeasible_) return false;
  // Drop false literals; a true one satisfies the clause.
  std::sort(lits.begin(), lits.end());
  lits.erase(std::unique(lits.begin(), lits.end()), lits.end());
  std::vector<Lit> kept;
  for (Lit l : lits) {
    if (IsTrue(l)) return true;
    if (!IsFalse(l)) kept.push_back(l);
  }
  if (kept.empty()) return !(infeasible_ = true);
  if (kept.size() == 1) return PostAtRoot(atoms_[kept[0]]);
  clauses_.Add(kept, false, 0);
  return true;
}

int Engine::AddPropagator(std::unique_ptr<Propagator> propagator) {
  propagators_.push_back(std::move(propagator));
  queued_.push_back(1);  // runs once at the next propagation
  queue_.push_back(static_cast<int>(propagators_.size()) - 1);
  return static_cast<int>(propagators_.size()) - 1;
}

void Engine::WatchLb(int view, int propagator) { view_watchers_[view].push_back(propagator); }

bool Engine::PostAtRoot(Atom a) {
  Backtrack(0);
  if (infeasible_) return false;
  if (!SetLb(a, {}) || !Propagate()) infeasible_ = true;
  return !infeasible_;
}

bool Engine::SetLb(int view, Value value, std::span<const Atom> reason) {
  if (value <= lb_[view]) return true;
  const int neg = Negated(view);
  if (value > -lb_[neg]) {
    conflict_.assign(reason.begin(), reason.end());
    conflict_.push_back(Atom{neg, lb_[neg]});
    return false;
  }
  const int index = static_cast<int>(trail_.size());
  const int begin = static_cast<int>(reasons_.size());
  if (level() > 0) {
    for (const Atom& a : reason) {
      assert(IsTrue(a));
      reasons_.push_back(a);
    }
  }
  trail_.push_back(Entry{view, last_entry_[view], level(), lb_[view], value, begin, static_cast<int>(reasons_.size())});
  lb_[view] = value;
  last_entry_[view] = index;
  ++stats_.bound_changes;
  return true;
}

bool Engine::Conflict(std::span<const Atom> atoms) {
  conflict_.assign(atoms.begin(), atoms.end());
  return false;
}

bool Engine::PropagateEdge(int from_view, const Edge& edge) {
  const Atom from{from_view, lb_[from_view]};
  if (edge.enabler == kNoLit) {
    const Atom reason[] = {from};
    return SetLb(edge.to_view, from.value + edge.offset, reason);
  }
  if (IsTrue(edge.enabler)) {
    const Atom reason[] = {from, atoms_[edge.enabler]};
    return SetLb(edge.to_view, from.value + edge.offset, reason);
  }
  if (!IsFalse(edge.enabler) && from.value + edge.offset > -lb_[Negated(edge.to_view)]) {
    // The edge cannot hold: its enabler must be false.
    const Atom reason[] = {from, Atom{Negated(edge.to_view), lb_[Negated(edge.to_view)]}};
    return SetLb(atoms_[NegLit(edge.enabler)], reason);
  }
  return true;
}

bool Engine::VisitWatches(Lit falsified) {
  auto& list = clauses_.watches(falsified);
  std::size_t keep = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const ClauseStore::Watcher w = list[i];
    if (IsTrue(w.blocker)) {
      list[keep++] = w;
      continue;
    }
    std::span<Lit> lits = clauses_.lits(w.clause);
    if (lits[0] == falsified) std::swap(lits[0], lits[1]);
    if (IsTrue(lits[0])) {
      list[keep++] = ClauseStore::Watcher{w.clause, lits[0]};
      continue;
    }
    bool moved = false;
    for (std::size_t k = 2; k < lits.size(); ++k) {
      if (!IsFalse(lits[k])) {
        std::swap(lits[1], lits[k]);
        clauses_.watches(lits[1]).push_back(ClauseStore::Watcher{w.clause, lits[0]});
        moved = true;
        break;
      }
    }
    if (moved) continue;
    list[keep++] = w;
    // Unit or conflicting: every literal but lits[0] is false.
    learned_reason_.clear();
    for (std::size_t k = 1; k < lits.size(); ++k) learned_reason_.push_back(atoms_[NegLit(lits[k])]);
    if (!SetLb(atoms_[lits[0]], learned_reason_)) {
      // Conflict (lits[0] false too): keep the remaining watchers.
      for (std::size_t j = i + 1; j < list.size(); ++j) list[keep++] = list[j];
      list.resize(keep);
      return false;
    }
  }
  list.resize(keep);
  return true;
}

bool Engine::ProcessEntry(int index) {
  const Entry e = trail_[index];
  // Literals on this view with a value in (old_lb, lb] became true, their negations false.
  const auto& list = encoded_[e.view];
  auto it = std::upper_bound(list.begin(), list.end(), e.old_lb,
                             [](Value v, const std::pair<Value, Lit>& x) { return v < x.first; });
  for (; it != list.end() && it->first <= e.lb; ++it) {
    const Lit now_true = it->second;
    if (!VisitWatches(NegLit(now_true))) return false;
    for (const auto& [view, edge_index] : enabled_edges_[now_true]) {
      if (!PropagateEdge(view, edges_[view][edge_index])) return false;
    }
    // An enabler that turned false leaves its edges idle; nothing to do.
  }
  // Difference constraints and propagators see the latest bound; a later entry on the
  // same view will do this work.
  if (last_entry_[e.view] != index) return true;
  for (const Edge& edge : edges_[e.view]) {
    if (!PropagateEdge(e.view, edge)) return false;
  }
  for (int p : view_watchers_[e.view]) {
    if (!queued_[p]) {
      queued_[p] = 1;
      queue_.push_back(p);
    }
  }
  return true;
}

bool Engine::Propagate() {
  while (true) {
    while (head_ < trail_.size()) {
      if (!ProcessEntry(static_cast<int>(head_++))) return false;
    }
    if (queue_head_ == queue_.size()) {
      queue_.clear();
      queue_head_ = 0;
      return true;
    }
    const int p = queue_[queue_head_++];
    queued_[p] = 0;
    if (!propagators_[p]->Propagate(*this)) return false;
  }
}

void Engine::Backtrack(int target) {
  if (level() <= target) return;
  const int first = level_start_[target];
  for (int i = static_cast<int>(trail_.size()) - 1; i >= first; --i) {
    const Entry& e = trail_[i];
    lb_[e.view] = e.old_lb;
    last_entry_[e.view] = e.prev;
  }
  if (first < static_cast<int>(trail_.size())) reasons_.resize(trail_[first].reason_begin);
  trail_.resize(first);
  level_start_.resize(target);
  head_ = std::min(head_, trail_.size());
  // Woken propagators of the undone levels have nothing left to do.
  for (std::size_t i = queue_head_; i < queue_.size(); ++i) queued_[queue_[i]] = 0;
  queue_.clear();
  queue_head_ = 0;
}

void Engine::Decide(Atom a) {
  NewLevel();
  ++stats_.decisions;
  [[maybe_unused]] const bool ok = SetLb(a, {});
  assert(ok);
}

int Engine::EntryFor(const Atom& a) const {
  int e = last_entry_[a.view];
  while (e >= 0 && trail_[e].old_lb >= a.value) e = trail_[e].prev;
  return e;
}

void Engine::BumpVar(int var) {
  activity_[var] += activity_increment_;
  if (activity_[var] > 1e100) {
    for (double& x : activity_) x *= 1e-100;
    activity_increment_ *= 1e-100;
  }
}

int Engine::Analyze() {
  // A lifted explanation may hold below the current level already: analyse the conflict at
  // the highest level among its atoms (none above the root: infeasible).
  int highest = 0;
  for (const Atom& a : conflict_) {
    const int e = EntryFor(a);
    if (e >= 0) highest = std::max(highest, trail_[e].level);
  }
  if (highest == 0) return -1;
  Backtrack(highest);
  const int current = level();
  needed_.resize(trail_.size(), kUnneeded);
  lower_.clear();
  int pending = 0;
  int jump = 0;
  auto add = [&](const Atom& a) {
    const int e = EntryFor(a);
    if (e < 0 || trail_[e].level == 0) return;
    BumpVar(VarOf(a.view));
    if (trail_[e].level == current) {
      if (needed_[e] == kUnneeded) ++pending;
      needed_[e] = std::max(needed_[e], a.value);
      return;
    }
    // Below the conflict level: keep the strongest atom per view.
    if (lower_value_[a.view] == kUnneeded) lower_.push_back(a);
    lower_value_[a.view] = std::max(lower_value_[a.view], a.value);
  };
  for (const Atom& a : conflict_) add(a);
  Atom uip{};
  for (int i = static_cast<int>(trail_.size()) - 1; i >= 0; --i) {
    if (needed_[i] == kUnneeded) continue;
    const Value value = needed_[i];
    needed_[i] = kUnneeded;
    if (--pending == 0) {
      uip = Atom{trail_[i].view, value};
      break;
    }
    for (int r = trail_[i].reason_begin; r < trail_[i].reason_end; ++r) add(reasons_[r]);
  }
  // The learned clause: not(uip) or not(each lower atom).
  learned_.clear();
  learned_.push_back(GetLit(Not(uip)));
  int second = -1;
  for (Atom a : lower_) {
    a.value = lower_value_[a.view];
    lower_value_[a.view] = kUnneeded;
    if (a.view == uip.view && a.value <= uip.value) continue;  // implied by the UIP atom
    const int level_of = trail_[EntryFor(a)].level;
    learned_.push_back(GetLit(Not(a)));
    if (level_of > jump) {
      jump = level_of;
      second = static_cast<int>(learned_.size()) - 1;
    }
  }
  if (second > 1) std::swap(learned_[1], learned_[second]);
  activity_increment_ /= 0.95;
  return jump;
}

bool Engine::PushLearned() {
  // learned_[0] is the asserting literal; its reason is the negation of the others.
  if (learned_.size() >= 2) {
    // LBD: distinct levels among the non-asserting literals, plus the asserting one's.
    std::vector<int>& levels = lbd_levels_;
    levels.clear();
    for (std::size_t k = 1; k < learned_.size(); ++k) levels.push_back(trail_[EntryFor(atoms_[NegLit(learned_[k])])].level);
    std::sort(levels.begin(), levels.end());
    const int lbd = 1 + static_cast<int>(std::unique(levels.begin(), levels.end()) - levels.begin());
    clauses_.Add(learned_, true, lbd);
    ++stats_.learned;
  }
  learned_reason_.clear();
  for (std::size_t k = 1; k < learned_.size(); ++k) learned_reason_.push_back(atoms_[NegLit(learned_[k])]);
  return SetLb(atoms_[learned_[0]], learned_reason_);
}

std::int64_t Engine::Luby(std::int64_t i) {
  // Luby, Sinclair & Zuckerman (1993): 1 1 2 1 1 2 4 1 1 2 1 1 2 4 8 ...
  std::int64_t size = 1, seq = 0;
  while (size < i + 1) {
    ++seq;
    size = 2 * size + 1;
  }
  while (size - 1 != i) {
    size = (size - 1) >> 1;
    --seq;
    i = i % size;
  }
  return std::int64_t{1} << seq;
}

void Engine::ReduceLearned() {
  stats_.deleted += clauses_.ReduceLearned();
  reduce_limit_ += options_.reduce_increment;
}

Engine::Outcome Engine::Search(const Brancher& brancher, const std::function<bool()>& should_stop) {
  if (infeasible_) return Outcome::Infeasible;
  std::int64_t restart_count = 0;
  std::int64_t conflicts_to_restart = options_.restart_unit > 0 ? options_.restart_unit * Luby(0) : -1;
  std::int64_t poll = 0;
  while (true) {
    if (!Propagate()) {
      ++stats_.conflicts;
      if (level() == 0) {
        infeasible_ = true;
        return Outcome::Infeasible;
      }
      const int jump = Analyze();
      if (jump < 0) {
        infeasible_ = true;
        return Outcome::Infeasible;
      }
      Backtrack(jump);
      if (!PushLearned()) {
        // Cannot happen for a correct analysis; treat as a conflict at this level.
        if (level() == 0) {
          infeasible_ = true;
          return Outcome::Infeasible;
        }
        continue;
      }
      if (conflicts_to_restart > 0 && --conflicts_to_restart == 0) {
        ++restart_count;
        ++stats_.restarts;
        conflicts_to_restart = options_.restart_unit * Luby(restart_count);
        Backtrack(0);
      }
      if ((++poll & 63) == 0 && should_stop()) return Outcome::Limit;
      continue;
    }
    if (clauses_.num_learned() > reduce_limit_) ReduceLearned();
    if ((++poll & 63) == 0 && should_stop()) return Outcome::Limit;
    const std::optional<Atom> decision = brancher(*this);
    if (!decision) return Outcome::Solution;
    assert(!IsTrue(*decision) && !IsFalse(*decision));
    Decide(*decision);
  }
}

}  // namespace ordo::lcg
