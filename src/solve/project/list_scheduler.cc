#include "solve/project/list_scheduler.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "model/precedence_graph.h"
#include "solve/project/safe_horizon.h"

namespace ordo {

namespace {

// Cells of the time-indexed profile beyond which the decoder declines (64 MiB of int64).
constexpr std::int64_t kMaxProfileCells = std::int64_t{1} << 23;

Time MinimumDistance(const Instance& in, const Precedence& p) {
  return p.lag + (p.type == PrecedenceType::EndToStart ? in.operations[p.from].modes[0].duration : 0);
}

// Length of the time-indexed profile, one cell per unit of [0, safe horizon]: no serial
// schedule ends later (deadlines, which the horizon also covers, are not list-scheduled).
Time ProfileHorizon(const Instance& in) { return SafeHorizon(in) + 1; }

}  // namespace

std::string ListSchedulerUnsupported(const Instance& in) {
  if (in.blocking) return "blocking shops are not list-scheduled";
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    const Operation& op = in.operations[o];
    if (op.modes.size() != 1) return fmt::format("operation {} has {} modes; the list scheduler handles one", o, op.modes.size());
    if (op.resumable) return "resumable operations are not list-scheduled";
    for (const Demand& d : op.modes[0].demands) {
      if (d.amount > in.resources[d.resource].capacity) {
        return fmt::format("operation {} demands more of resource {} than its base capacity", o, d.resource);
      }
    }
  }
  for (const Precedence& p : in.precedences) {
    if (MinimumDistance(in, p) < 0) return "maximum time lags need the exact project engine";
  }
  // With distances >= 0 a cycle can still close through zero distances (two activities that
  // must start together); its activities fit no activity list.
  if (!PrecedencesAcyclic(in, SelfLoops::Ignored)) {
    return "precedences form a cycle (activities that must start together) and need the exact project engine";
  }
  const std::int64_t cells = static_cast<std::int64_t>(in.resources.size() + in.disjunctive.size()) * ProfileHorizon(in);
  if (cells > kMaxProfileCells) return "the horizon is too long for the time-indexed list scheduler";
  return "";
}

ListScheduler::ListScheduler(const Instance& in)
    : n_(static_cast<int>(in.operations.size())),
      resources_(static_cast<int>(in.resources.size() + in.disjunctive.size())),
      horizon_(ProfileHorizon(in)) {
  duration_.resize(n_);
  release_.resize(n_);
  deadline_.resize(n_);
  for (int a = 0; a < n_; ++a) {
    const Operation& op = in.operations[a];
    duration_[a] = op.modes[0].duration;
    release_[a] = std::max(op.release, in.jobs[op.job].release);
    deadline_[a] = std::min(op.deadline, in.jobs[op.job].deadline);
    if (deadline_[a] != kNoDeadline) has_deadlines_ = true;
  }
  // Arcs in CSR form, successors sorted by index (HasArc searches them).
  std::vector<std::vector<std::pair<int, Time>>> out(n_), into(n_);
  for (const Precedence& p : in.precedences) {
    if (p.from == p.to) continue;  // a start-to-start self-loop of lag <= 0 (validated) always holds
    out[p.from].push_back({p.to, MinimumDistance(in, p)});
    into[p.to].push_back({p.from, MinimumDistance(in, p)});
  }
  auto flatten = [&](std::vector<std::vector<std::pair<int, Time>>>& lists, std::vector<int>& begin, std::vector<int>& to,
                     std::vector<Time>& dist) {
    begin.assign(n_ + 1, 0);
    for (int a = 0; a < n_; ++a) {
      std::sort(lists[a].begin(), lists[a].end());
      begin[a + 1] = begin[a] + static_cast<int>(lists[a].size());
      for (const auto& [b, d] : lists[a]) {
        to.push_back(b);
        dist.push_back(d);
      }
    }
  };
  flatten(out, succ_begin_, succ_, succ_dist_);
  flatten(into, pred_begin_, pred_, pred_dist_);
  // Demands, with one unit resource per disjunctive pair.
  std::vector<std::vector<std::pair<int, std::int64_t>>> demands(n_);
  for (int a = 0; a < n_; ++a) {
    for (const Demand& d : in.operations[a].modes[0].demands) {
      if (d.amount > 0 && duration_[a] > 0) demands[a].push_back({d.resource, d.amount});
    }
  }
  for (std::size_t k = 0; k < in.disjunctive.size(); ++k) {
    const int r = static_cast<int>(in.resources.size() + k);
    for (int a : {in.disjunctive[k].a, in.disjunctive[k].b}) {
      if (duration_[a] > 0) demands[a].push_back({r, 1});
    }
  }
  demand_begin_.assign(n_ + 1, 0);
  for (int a = 0; a < n_; ++a) {
    demand_begin_[a + 1] = demand_begin_[a] + static_cast<int>(demands[a].size());
    for (const auto& [r, q] : demands[a]) {
      demand_resource_.push_back(r);
      demand_amount_.push_back(q);
    }
  }
  // Profile with the calendars.
  base_profile_.assign(static_cast<std::size_t>(resources_) * horizon_, 1);
  for (std::size_t r = 0; r < in.resources.size(); ++r) {
    std::int64_t* row = &base_profile_[r * horizon_];
    std::fill(row, row + horizon_, in.resources[r].capacity);
    for (const CapacityPeriod& p : in.resources[r].calendar) {
      for (Time t = std::max<Time>(0, p.start); t < std::min(p.end, horizon_); ++t) row[t] = p.capacity;
    }
  }
  profile_ = base_profile_;
  shift_invariant_ = std::all_of(release_.begin(), release_.end(), [](Time r) { return r <= 0; }) &&
                     std::all_of(in.resources.begin(), in.resources.end(), [](const Resource& r) {
                       return std::all_of(r.calendar.begin(), r.calendar.end(),
                                          [&](const CapacityPeriod& p) { return p.capacity == r.capacity; });
                     });
  // Topological order (Kahn, smallest index first among the ready).
  std::vector<int> indegree(n_);
  for (int a = 0; a < n_; ++a) indegree[a] = pred_begin_[a + 1] - pred_begin_[a];
  std::vector<int> heap;
  for (int a = 0; a < n_; ++a) {
    if (indegree[a] == 0) heap.push_back(a);
  }
  std::make_heap(heap.begin(), heap.end(), std::greater<>());
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    const int a = heap.back();
    heap.pop_back();
    topo_.push_back(a);
    for (int s : Successors(a)) {
      if (--indegree[s] == 0) {
        heap.push_back(s);
        std::push_heap(heap.begin(), heap.end(), std::greater<>());
      }
    }
  }
  topo_rank_.assign(n_, 0);
  for (int k = 0; k < n_; ++k) topo_rank_[topo_[k]] = k;
  start_.assign(n_, 0);
  back_start_.assign(n_, 0);
  best_start_.assign(n_, 0);
  order_.reserve(n_);
  pending_.reserve(n_);
  remaining_.assign(n_, 0);
  bound_.assign(n_, 0);
}

bool ListScheduler::HasArc(int from, int to) const {
  const auto succ = Successors(from);
  return std::binary_search(succ.begin(), succ.end(), to);
}

void ListScheduler::ResetProfile() { std::copy(base_profile_.begin(), base_profile_.end(), profile_.begin()); }

void ListScheduler::Reserve(int a, Time t) {
  for (int k = demand_begin_[a]; k < demand_begin_[a + 1]; ++k) {
    std::int64_t* row = &profile_[static_cast<std::size_t>(demand_resource_[k]) * horizon_];
    for (Time u = t; u < t + duration_[a]; ++u) row[u] -= demand_amount_[k];
  }
}

Time ListScheduler::EarliestFit(int a, Time earliest) {
  const Time d = duration_[a];
  Time t = earliest;
  while (t + d <= horizon_) {
    // Jump past the latest cell in [t, t + d) where some demand does not fit.
    Time conflict = -1;
    for (int k = demand_begin_[a]; k < demand_begin_[a + 1]; ++k) {
      const std::int64_t* row = &profile_[static_cast<std::size_t>(demand_resource_[k]) * horizon_];
      for (Time u = t + d - 1; u > conflict && u >= t; --u) {
        if (row[u] < demand_amount_[k]) {
          conflict = u;
          break;
        }
      }
    }
    if (conflict < 0) return t;
    t = conflict + 1;
  }
  return -1;
}

Time ListScheduler::LatestFit(int a, Time latest, Time earliest) {
  const Time d = duration_[a];
  Time t = std::min(latest, horizon_ - d);
  while (t >= earliest) {
    Time conflict = horizon_;
    for (int k = demand_begin_[a]; k < demand_begin_[a + 1]; ++k) {
      const std::int64_t* row = &profile_[static_cast<std::size_t>(demand_resource_[k]) * horizon_];
      for (Time u = t; u < conflict && u < t + d; ++u) {
        if (row[u] < demand_amount_[k]) {
          conflict = u;
          break;
        }
      }
    }
    if (conflict == horizon_) return t;
    t = conflict - d;
  }
  return -1;
}

Time ListScheduler::Forward(std::span<const int> list) {
  ResetProfile();
  Time makespan = 0;
  for (int a : list) {
    Time earliest = release_[a];
    for (int k = pred_begin_[a]; k < pred_begin_[a + 1]; ++k) earliest = std::max(earliest, start_[pred_[k]] + pred_dist_[k]);
    const Time t = EarliestFit(a, earliest);
    if (t < 0) return -1;
    start_[a] = t;
    Reserve(a, t);
    makespan = std::max(makespan, t + duration_[a]);
  }
  return makespan;
}

Time ListScheduler::ForwardParallel(std::span<const int> list) { return Parallel(list, /*forward=*/true, 0); }

Time ListScheduler::BackwardParallel(std::span<const int> list, Time end_by) { return Parallel(list, /*forward=*/false, end_by); }

Time ListScheduler::Parallel(std::span<const int> list, bool forward, Time end_by) {
  // Forward: time t runs up from 0; an activity is ready when its predecessors are placed,
  // bound_ is the earliest start they allow, and it starts at t if it fits there. Backward is
  // the mirror: t runs down from end_by, an activity is ready when its successors are placed,
  // bound_ is the latest finish they allow, and it finishes at t if it fits. ready_ holds the
  // list positions of the ready activities, in list order, so each event time costs a scan of
  // the ready ones only; events_ is a heap of the placed activities' far ends (finishes
  // forward, starts backward), where capacity frees.
  ResetProfile();
  std::vector<int>& position = position_;
  position.resize(n_);
  for (int k = 0; k < n_; ++k) position[list[k]] = k;
  ready_.clear();
  for (int a = 0; a < n_; ++a) {
    remaining_[a] = forward ? pred_begin_[a + 1] - pred_begin_[a] : succ_begin_[a + 1] - succ_begin_[a];
    bound_[a] = forward ? release_[a] : end_by;
    if (remaining_[a] == 0) ready_.push_back(position[a]);
  }
  std::sort(ready_.begin(), ready_.end());
  // Earlier in the direction of the pass: heap order and the "next event" comparison.
  const auto before = [forward](Time x, Time y) { return forward ? x < y : x > y; };
  const auto later_first = [&](Time x, Time y) { return before(y, x); };
  constexpr Time kNone = std::numeric_limits<Time>::max();
  events_.clear();
  int left = n_;
  Time t = forward ? 0 : end_by, makespan = 0, earliest = end_by;
  while (left > 0) {
    Time next = kNone;
    const auto consider = [&](Time u) {
      if (next == kNone || before(u, next)) next = u;
    };
    for (std::size_t i = 0; i < ready_.size(); ++i) {
      const int a = list[ready_[i]];
      if (before(t, bound_[a])) {
        consider(bound_[a]);
        continue;
      }
      // Placements only add load where the pass has not been yet, so where the activity first
      // fits from t now bounds later times too: it waits for that time instead of being tested
      // at every event.
      const Time s = forward ? EarliestFit(a, t) : LatestFit(a, t - duration_[a], release_[a]);
      if (s < 0) return -1;
      const Time at = forward ? s : s + duration_[a];
      if (at != t) {
        bound_[a] = at;
        consider(at);
        continue;
      }
      start_[a] = s;
      Reserve(a, s);
      --left;
      makespan = std::max(makespan, s + duration_[a]);
      earliest = std::min(earliest, s);
      events_.push_back(forward ? s + duration_[a] : s);
      std::push_heap(events_.begin(), events_.end(), later_first);
      ready_[i] = -1;
      // Newly ready neighbours join the scan at their list place after i (a precedence-feasible
      // list puts them after a; with any other list they are still scanned at this time).
      const int from = forward ? succ_begin_[a] : pred_begin_[a], to = forward ? succ_begin_[a + 1] : pred_begin_[a + 1];
      for (int j = from; j < to; ++j) {
        const int b = forward ? succ_[j] : pred_[j];
        bound_[b] = forward ? std::max(bound_[b], s + succ_dist_[j]) : std::min(bound_[b], s - pred_dist_[j] + duration_[b]);
        if (--remaining_[b] == 0) {
          const auto rest = ready_.begin() + static_cast<std::ptrdiff_t>(i) + 1;
          ready_.insert(std::upper_bound(rest, ready_.end(), position[b]), position[b]);
        }
      }
    }
    ready_.erase(std::remove(ready_.begin(), ready_.end(), -1), ready_.end());
    while (!events_.empty() && !before(t, events_.front())) {
      std::pop_heap(events_.begin(), events_.end(), later_first);
      events_.pop_back();
    }
    if (!events_.empty()) consider(events_.front());
    if (left > 0 && next == kNone) return -1;
    t = next;
  }
  return forward ? makespan : earliest;
}

bool ListScheduler::Backward(Time end_by) {
  // Priority: decreasing finish in start_, ties by decreasing topological rank.
  ListByFinishDescending(order_);
  return BackwardInto(order_, end_by, back_start_) >= 0;
}

Time ListScheduler::DeadlineExcess() const {
  if (!has_deadlines_) return 0;
  Time excess = 0;
  for (int a = 0; a < n_; ++a) {
    if (deadline_[a] != kNoDeadline) excess += std::max<Time>(0, start_[a] + duration_[a] - deadline_[a]);
  }
  return excess;
}

void ListScheduler::ListByFinishDescending(std::vector<int>& list) const {
  list.resize(n_);
  for (int a = 0; a < n_; ++a) list[a] = a;
  std::sort(list.begin(), list.end(), [&](int x, int y) {
    const Time fx = start_[x] + duration_[x], fy = start_[y] + duration_[y];
    return fx != fy ? fx > fy : topo_rank_[x] > topo_rank_[y];
  });
}

Time ListScheduler::BackwardList(std::span<const int> list, Time end_by) { return BackwardInto(list, end_by, start_); }

Time ListScheduler::ShiftToZero() {
  Time first = horizon_, last = 0;
  for (int a = 0; a < n_; ++a) first = std::min(first, start_[a]);
  for (int a = 0; a < n_; ++a) {
    start_[a] -= first;
    last = std::max(last, start_[a] + duration_[a]);
  }
  return last;
}

Time ListScheduler::BackwardInto(std::span<const int> order, Time end_by, std::vector<Time>& out) {
  // pending_ holds positions in `order` of ready activities (all successors placed), as a
  // min-heap; remaining_ counts unplaced successors.
  std::vector<int>& position = position_;
  position.resize(n_);
  for (int k = 0; k < n_; ++k) position[order[k]] = k;
  pending_.clear();
  for (int a = 0; a < n_; ++a) {
    remaining_[a] = succ_begin_[a + 1] - succ_begin_[a];
    if (remaining_[a] == 0) pending_.push_back(position[a]);
  }
  std::make_heap(pending_.begin(), pending_.end(), std::greater<>());
  ResetProfile();
  Time first = end_by;
  while (!pending_.empty()) {
    std::pop_heap(pending_.begin(), pending_.end(), std::greater<>());
    const int a = order[pending_.back()];
    pending_.pop_back();
    Time latest = end_by - duration_[a];
    for (int k = succ_begin_[a]; k < succ_begin_[a + 1]; ++k) latest = std::min(latest, out[succ_[k]] - succ_dist_[k]);
    const Time t = LatestFit(a, latest, release_[a]);
    if (t < 0) return -1;
    out[a] = t;
    first = std::min(first, t);
    Reserve(a, t);
    for (int k = pred_begin_[a]; k < pred_begin_[a + 1]; ++k) {
      const int p = pred_[k];
      if (--remaining_[p] == 0) {
        pending_.push_back(position[p]);
        std::push_heap(pending_.begin(), pending_.end(), std::greater<>());
      }
    }
  }
  return first;
}

void ListScheduler::SortByStart(const std::vector<Time>& start, std::vector<int>& list) const {
  list.resize(n_);
  for (int a = 0; a < n_; ++a) list[a] = a;
  std::sort(list.begin(), list.end(), [&](int x, int y) { return start[x] != start[y] ? start[x] < start[y] : topo_rank_[x] < topo_rank_[y]; });
}

Time ListScheduler::Justify(std::vector<int>& list, std::int64_t* passes) {
  const Time first = Forward(list);
  ++*passes;
  if (first < 0) return -1;
  best_start_ = start_;
  Time best = first;
  const bool backward = Backward(first);
  ++*passes;  // a failed backward pass was still made
  if (backward) {
    SortByStart(back_start_, list);
    const Time second = Forward(list);
    ++*passes;
    if (second >= 0 && second <= first) {
      best = second;
    } else {
      start_ = best_start_;
    }
  }
  SortByStart(start_, list);
  return best;
}

}  // namespace ordo
