#include "solve/blocking/job_insertion.h"

#include <algorithm>
#include <limits>

namespace ordo {

namespace {
constexpr PlacementScore kNoLimit{std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::max()};

bool Before(const PlacementScore& a, std::uint64_t ta, const PlacementScore& b, std::uint64_t tb) {
  return a < b || (!(b < a) && ta < tb);
}
}  // namespace

JobInsertion::JobInsertion(BlockingGraph& graph, bool no_swaps) : g_(graph), no_swaps_(no_swaps) {
  const std::size_t n = static_cast<std::size_t>(graph.num_nodes());
  for (Window* w : {&window_, &probe_}) {
    w->back.assign(n, 0);
    w->fwd.assign(2 * n, 0);
  }
  zmark_.assign(n, 0);
  stack_.reserve(2 * n);
  zstack_.reserve(n);
}

// ---- Feasibility window ----

void JobInsertion::Open(Window& w, int op) {
  const int first = g_.shop().job_begin[g_.shop().job_of[op]];
  w.op = op;
  w.b = op > first ? g_.machine_next(op - 1) : -1;
  ++w.stamp;
  if (op == first) return;
  stack_.clear();
  stack_.push_back(op - 1);
  w.back[op - 1] = w.stamp;
  while (!stack_.empty()) {
    const int v = stack_.back();
    stack_.pop_back();
    int pred[2];
    const int k = g_.Predecessors(v, pred);
    for (int i = 0; i < k; ++i) {
      if (w.back[pred[i]] != w.stamp) w.back[pred[i]] = w.stamp, stack_.push_back(pred[i]);
    }
  }
  if (w.b < 0) return;
  auto reach = [&](int state) {
    if (w.fwd[state] != w.stamp) w.fwd[state] = w.stamp, stack_.push_back(state);
  };
  reach(2 * w.b);
  while (!stack_.empty()) {
    const int state = stack_.back();
    stack_.pop_back();
    const int positive = state & 1;
    g_.ForEachSuccessor(state >> 1, [&](int x, Time length) { reach(2 * x + (positive || length > 0 ? 1 : 0)); });
  }
}

// Placing w.op after `after` and before c adds release(after) -> op and release(op) -> c.
bool JobInsertion::Allowed(const Window& w, int q, int after) {
  const int op = w.op;
  const int c = after < 0 ? g_.machine_first(g_.shop().modes[q].machine) : g_.machine_next(after);
  if (c >= 0 && w.back[c] == w.stamp) return false;  // c reaches the job predecessor: c -> p -> op -> c
  if (after < 0) return true;
  const int r = g_.ReleaseNode(after);
  if (r == op) return true;  // after is op's job predecessor on the same machine: no arc
  if (w.b >= 0) {
    // b reaches release(after): release(after) -> op -> b -> release(after). Of length 0
    // only if the path and the arc release(after) -> op (after not a last operation) are.
    const bool zero_arc = r != after && !no_swaps_;
    if (w.fwd[2 * r + 1] == w.stamp || (w.fwd[2 * r] == w.stamp && !zero_arc)) return false;
  }
  // With swaps, c may reach release(after) by arcs of length 0 (after and c exchange
  // machines); op between them makes that cycle positive. Such nodes have equal heads.
  return no_swaps_ || c < 0 || g_.head(c) != g_.head(r) || !ZeroPath(c, r);
}

bool JobInsertion::Promising(const Window& w, int q, int after, const PlacementScore& limit) {
  if (!Allowed(w, q, after)) return false;
  const std::int64_t weight = g_.makespan_weight();
  return weight == 0 || limit.objective == kNoLimit.objective || weight * g_.MakespanBound(w.op, q, after) <= limit.objective;
}

// Whether `to` is reachable from `from` by arcs of length 0 (few: a node's arcs of length
// 0 lead to the machine successor of its job predecessor, or follow a zero duration).
bool JobInsertion::ZeroPath(int from, int to) {
  const int visit = ++zstamp_;
  std::size_t top = 0;
  std::vector<int>& todo = zstack_;
  todo.clear();
  todo.push_back(from);
  zmark_[from] = visit;
  while (top < todo.size()) {
    const int v = todo[top++];
    if (v == to) return true;
    g_.ForEachSuccessor(v, [&](int x, Time length) {
      if (length == 0 && zmark_[x] != visit) zmark_[x] = visit, todo.push_back(x);
    });
  }
  return false;
}

// Whether the operations from op to the job's last can still be sequenced: each is probed
// (structurally, without heads) at the latest position of its window, then withdrawn.
// Sound but not complete: a success is a feasible completion, downtime aside.
bool JobInsertion::CanComplete(int op, int last) {
  const ShopProblem& shop = g_.shop();
  int probed = op;
  bool ok = true;
  for (; ok && probed < last; ++probed) {
    if (g_.machine_next(probed - 1) < 0) break;  // the rest can go last on their machines
    Open(probe_, probed);
    ok = false;
    for (int q = shop.mode_begin[probed]; q < shop.mode_begin[probed + 1] && !ok; ++q) {
      for (int after = g_.machine_last(shop.modes[q].machine);; after = g_.machine_prev(after)) {
        if (Allowed(probe_, q, after)) {
          g_.ProbeLink(probed, q, after);
          ok = true;
          break;
        }
        const int c = after < 0 ? g_.machine_first(shop.modes[q].machine) : g_.machine_next(after);
        if (after < 0 || (c >= 0 && probe_.back[c] == probe_.stamp)) break;  // earlier is no better
      }
    }
  }
  for (int o = probed - (ok ? 1 : 2); o >= op; --o) g_.ProbeUnlink(o);
  return ok;
}

// ---- Insertion ----

void JobInsertion::Place(int op, int q, int after) {
  PlacementScore score;
  g_.TryPlace(op, q, after, kNoLimit, &score);
  g_.Commit();
}

bool JobInsertion::Insert(int job, Rng& rng) {
  g_.AddJob(job);
  Greedy(job, rng);
  return true;
}

// Per operation the best position by score, ties at random, among those from which the
// job can be completed; records the choices in best_path_. False if it had to fall back
// on InsertAtEnds (the job is then inserted all the same).
bool JobInsertion::Greedy(int job, Rng& rng) {
  const ShopProblem& shop = g_.shop();
  const int first = shop.job_begin[job], last = shop.job_begin[job + 1];
  best_path_.clear();
  for (int o = first; o < last; ++o) {
    Open(window_, o);
    PlacementScore best = kNoLimit;
    std::uint64_t best_tie = 0;
    int best_q = -1, best_after = -1;
    for (int q = shop.mode_begin[o]; q < shop.mode_begin[o + 1]; ++q) {
      for (int after = -1;;) {
        const int c = after < 0 ? g_.machine_first(shop.modes[q].machine) : g_.machine_next(after);
        if (Promising(window_, q, after, best)) {
          PlacementScore score;
          ++placements_;
          if (g_.TryPlace(o, q, after, best, &score)) {
            const std::uint64_t tie = rng.Next();
            if (Before(score, tie, best, best_tie) && (o + 1 == last || CanComplete(o + 1, last))) {
              best = score, best_tie = tie, best_q = q, best_after = after;
            }
          }
          g_.Undo();
        }
        if (c < 0) break;
        after = c;
      }
    }
    if (best_q < 0) {
      ++fallbacks_;
      g_.RemoveJob(job);
      g_.Evaluate();
      InsertAtEnds(job);
      return false;
    }
    Place(o, best_q, best_after);
    best_path_.push_back({best, best_tie, best_q, best_after});
  }
  return true;
}

// The greedy insertion gives the first incumbent; the search then looks for a strictly
// better one, and the best is replayed from the saved start.
bool JobInsertion::InsertSearch(int job, Rng& rng, std::int64_t budget, const SolveControl& control) {
  const ShopProblem& shop = g_.shop();
  const int first = shop.job_begin[job], last = shop.job_begin[job + 1];
  g_.AddJob(job);
  if (first == last) return true;
  if (static_cast<int>(levels_.size()) < last - first) levels_.resize(last - first);
  g_.Save(levels_[0].snapshot);
  if (!Greedy(job, rng)) return true;
  best_score_ = g_.score();
  path_.resize(last - first);
  spent_ = 0;
  budget_ = budget;
  control_ = &control;
  g_.Restore(levels_[0].snapshot);
  Search(first, first, last, rng);
  g_.Restore(levels_[0].snapshot);
  for (int o = first; o < last; ++o) Place(o, best_path_[o - first].q, best_path_[o - first].after);
  return true;
}

// Children of a node in score order, each expanded while its score (a lower bound) beats
// the best complete insertion. A child without feasible grandchildren is a dead end and
// simply backtracks: the greedy incumbent already guarantees a complete insertion.
void JobInsertion::Search(int op, int first, int last, Rng& rng) {
  const ShopProblem& shop = g_.shop();
  Level& level = levels_[op - first];
  level.candidates.clear();
  Open(window_, op);
  for (int q = shop.mode_begin[op]; q < shop.mode_begin[op + 1]; ++q) {
    for (int after = -1;;) {
      const int c = after < 0 ? g_.machine_first(shop.modes[q].machine) : g_.machine_next(after);
      if (Promising(window_, q, after, best_score_)) {
        PlacementScore score;
        ++placements_;
        if ((++spent_ & 63) == 0 && control_->ShouldStop()) budget_ = 0;
        if (g_.TryPlace(op, q, after, best_score_, &score) && score < best_score_) {
          level.candidates.push_back({score, rng.Next(), q, after});
        }
        g_.Undo();
      }
      if (c < 0) break;
      after = c;
    }
  }
  std::sort(level.candidates.begin(), level.candidates.end(),
            [](const Candidate& x, const Candidate& y) { return Before(x.score, x.tie, y.score, y.tie); });
  if (level.candidates.empty()) return;
  if (op + 1 == last) {  // a complete insertion, better than the best so far
    path_[op - first] = level.candidates[0];
    best_score_ = level.candidates[0].score;
    best_path_ = path_;
    return;
  }
  if (op > first) g_.Save(level.snapshot);
  for (const Candidate& child : level.candidates) {
    if (!(child.score < best_score_)) break;
    Place(op, child.q, child.after);
    path_[op - first] = child;
    Search(op + 1, first, last, rng);
    g_.Restore(level.snapshot);
    if (spent_ >= budget_) break;
  }
}

// The safe insertion: every operation last on its machine (no arc leaves the job, so no
// cycle can close), in the mode that ends earliest.
bool JobInsertion::InsertAtEnds(int job) {
  const ShopProblem& shop = g_.shop();
  g_.AddJob(job);
  for (int o = shop.job_begin[job]; o < shop.job_begin[job + 1]; ++o) {
    PlacementScore best = kNoLimit, score;
    int best_q = -1;
    for (int q = shop.mode_begin[o]; q < shop.mode_begin[o + 1]; ++q) {
      ++placements_;
      if (g_.TryPlace(o, q, g_.machine_last(shop.modes[q].machine), best, &score) && score < best) {
        best = score;
        best_q = q;
      }
      g_.Undo();
    }
    if (best_q < 0) return false;
    Place(o, best_q, g_.machine_last(shop.modes[best_q].machine));
  }
  return true;
}

}  // namespace ordo
