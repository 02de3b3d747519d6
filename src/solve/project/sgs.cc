#include "solve/project/sgs.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace ordo {

const std::vector<ProjectRuleInfo>& ProjectRules() {
  static const std::vector<ProjectRuleInfo> rules = {
      {ProjectRule::Lft, "lft", "latest finish time first"},
      {ProjectRule::Lst, "lst", "latest start time first"},
      {ProjectRule::Mts, "mts", "most total successors first"},
      {ProjectRule::Grpw, "grpw", "greatest rank positional weight first"},
      {ProjectRule::Random, "random", "uniformly random among the eligible (seeded)"},
  };
  return rules;
}

SgsGenerator::SgsGenerator(const Instance& instance)
    : in_(instance),
      n_(static_cast<int>(instance.operations.size())),
      preds_(n_),
      order_succ_(n_),
      order_pred_count_(n_, 0),
      release_(n_),
      min_duration_(n_) {
  for (int o = 0; o < n_; ++o) {
    const Operation& op = in_.operations[o];
    release_[o] = std::max(op.release, in_.jobs[op.job].release);
    Time d = op.modes[0].duration;
    for (const Mode& m : op.modes) d = std::min(d, m.duration);
    min_duration_[o] = d;
  }
  const int base_resources = static_cast<int>(in_.resources.size());
  demands_.resize(n_);
  for (int o = 0; o < n_; ++o) {
    for (const Mode& m : in_.operations[o].modes) demands_[o].push_back(m.demands);
  }
  for (std::size_t k = 0; k < in_.disjunctive.size(); ++k) {
    for (int o : {in_.disjunctive[k].a, in_.disjunctive[k].b}) {
      for (auto& d : demands_[o]) d.push_back(Demand{base_resources + static_cast<int>(k), 1});
    }
  }
  for (const Precedence& p : in_.precedences) {
    const bool es = p.type == PrecedenceType::EndToStart;
    preds_[p.to].push_back({p.from, p.lag, es});
    const Time distance = p.lag + (es ? min_duration_[p.from] : 0);
    if (distance >= 0 && p.from != p.to) {
      order_succ_[p.from].push_back(p.to);
      ++order_pred_count_[p.to];
    }
  }
  ComputePriorities();
}

void SgsGenerator::ComputePriorities() {
  // Topological order of the ordering arcs (Kahn); ops on a zero-length cycle are left out
  // and get neutral priorities (the run then reports the deadlock).
  std::vector<int> indegree = order_pred_count_;
  std::vector<int> topo;
  for (int o = 0; o < n_; ++o) {
    if (indegree[o] == 0) topo.push_back(o);
  }
  for (std::size_t i = 0; i < topo.size(); ++i) {
    for (int s : order_succ_[topo[i]]) {
      if (--indegree[s] == 0) topo.push_back(s);
    }
  }
  // Forward pass for an upper bound of the horizon, then backward latest starts.
  std::vector<Time> es(n_, 0);
  for (int o = 0; o < n_; ++o) es[o] = release_[o];
  for (int o : topo) {
    for (const Arc& a : preds_[o]) {
      es[o] = std::max(es[o], es[a.other] + a.lag + (a.end_to_start ? min_duration_[a.other] : 0));
    }
  }
  Time horizon = 0;
  for (int o = 0; o < n_; ++o) horizon = std::max(horizon, es[o] + min_duration_[o]);
  std::vector<Time> ls(n_);
  for (int o = 0; o < n_; ++o) ls[o] = horizon - min_duration_[o];
  for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
    const int o = *it;
    for (const Arc& a : preds_[o]) {
      const Time distance = a.lag + (a.end_to_start ? min_duration_[a.other] : 0);
      if (distance >= 0) ls[a.other] = std::min(ls[a.other], ls[o] - distance);
    }
  }
  lst_.assign(n_, 0);
  lft_.assign(n_, 0);
  grpw_.assign(n_, 0);
  mts_.assign(n_, 0);
  for (int o = 0; o < n_; ++o) {
    lst_[o] = static_cast<double>(ls[o]);
    lft_[o] = static_cast<double>(ls[o] + min_duration_[o]);
    double w = static_cast<double>(min_duration_[o]);
    for (int s : order_succ_[o]) w += static_cast<double>(min_duration_[s]);
    grpw_[o] = -w;  // larger weight first
  }
  // Total successors by bitsets in reverse topological order: O(n^2 / 64) time and memory,
  // kept within 2^23 words (64 MiB, about 23,000 operations); larger projects rank by
  // direct successors instead (512 MiB were allowed before, a lot for a priority rule).
  const std::size_t words = (static_cast<std::size_t>(n_) + 63) / 64;
  if (static_cast<std::size_t>(n_) * words <= (std::size_t{1} << 23)) {
    std::vector<std::uint64_t> reach(static_cast<std::size_t>(n_) * words, 0);
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
      const int o = *it;
      std::uint64_t* row = &reach[static_cast<std::size_t>(o) * words];
      for (int s : order_succ_[o]) {
        row[s / 64] |= std::uint64_t{1} << (s % 64);
        const std::uint64_t* srow = &reach[static_cast<std::size_t>(s) * words];
        for (std::size_t w = 0; w < words; ++w) row[w] |= srow[w];
      }
      int count = 0;
      for (std::size_t w = 0; w < words; ++w) count += __builtin_popcountll(row[w]);
      mts_[o] = -static_cast<double>(count);
    }
  } else {
    for (int o = 0; o < n_; ++o) mts_[o] = -static_cast<double>(order_succ_[o].size());
  }
}

double SgsGenerator::Key(ProjectRule rule, int op, Rng& rng) const {
  switch (rule) {
    case ProjectRule::Lft: return lft_[op];
    case ProjectRule::Lst: return lst_[op];
    case ProjectRule::Mts: return mts_[op];
    case ProjectRule::Grpw: return grpw_[op];
    case ProjectRule::Random: return rng.Uniform01();
  }
  return 0;
}

Time SgsGenerator::EarliestPrecedenceStart(int op, int /*mode*/) const {
  Time t = release_[op];
  for (const Arc& a : preds_[op]) {
    if (!scheduled_[a.other]) continue;
    const Time base = solution_.start[a.other] +
                      (a.end_to_start ? in_.operations[a.other].modes[solution_.mode[a.other]].duration : 0);
    t = std::max(t, base + a.lag);
  }
  return std::max<Time>(t, 0);
}

void SgsGenerator::Place(int op, int mode, Time start) {
  solution_.start[op] = start;
  solution_.mode[op] = mode;
  scheduled_[op] = 1;
  eligible_.erase(std::find(eligible_.begin(), eligible_.end(), op));
  for (int s : order_succ_[op]) {
    if (--missing_preds_[s] == 0) eligible_.push_back(s);
  }
}

bool SgsGenerator::Run(ProjectRule rule, SgsScheme scheme, Rng& rng) {
  missing_preds_ = order_pred_count_;
  scheduled_.assign(n_, 0);
  eligible_.clear();
  for (int o = 0; o < n_; ++o) {
    if (missing_preds_[o] == 0) eligible_.push_back(o);
  }
  solution_.start.assign(n_, 0);
  solution_.mode.assign(n_, 0);
  reason_.clear();
  const bool ok = scheme == SgsScheme::Serial ? RunSerial(rule, rng) : RunParallel(rule, rng);
  return ok && VerifyLags();
}

bool SgsGenerator::RunSerial(ProjectRule rule, Rng& rng) {
  ResourceProfile profile(in_, static_cast<int>(in_.disjunctive.size()));
  for (int placed = 0; placed < n_; ++placed) {
    if (eligible_.empty()) {
      reason_ = "the precedences form a cycle of zero length that the schedule-generation scheme cannot order";
      return false;
    }
    int pick = -1;
    double best = std::numeric_limits<double>::infinity();
    for (int o : eligible_) {
      const double key = Key(rule, o, rng);
      if (key < best || (key == best && o < pick)) {
        best = key;
        pick = o;
      }
    }
    const Operation& op = in_.operations[pick];
    int best_mode = -1;
    Time best_start = 0, best_end = std::numeric_limits<Time>::max();
    for (std::size_t m = 0; m < op.modes.size(); ++m) {
      const Time t = profile.EarliestFit(EarliestPrecedenceStart(pick, static_cast<int>(m)), op.modes[m].duration, demands_[pick][m]);
      if (t >= 0 && t + op.modes[m].duration < best_end) {
        best_end = t + op.modes[m].duration;
        best_start = t;
        best_mode = static_cast<int>(m);
      }
    }
    if (best_mode < 0) {
      reason_ = fmt::format("operation {} never fits its resources (demand above capacity outside calendar periods)", pick);
      return false;
    }
    profile.Reserve(best_start, op.modes[best_mode].duration, demands_[pick][best_mode]);
    Place(pick, best_mode, best_start);
  }
  return true;
}

bool SgsGenerator::RunParallel(ProjectRule rule, Rng& rng) {
  ResourceProfile profile(in_, static_cast<int>(in_.disjunctive.size()));
  std::vector<Time> ends;  // completion times of scheduled activities (decision points)
  Time t = 0;
  int placed = 0;
  std::vector<std::pair<double, int>> order;
  while (placed < n_) {
    if (eligible_.empty()) {
      reason_ = "the precedences form a cycle of zero length that the schedule-generation scheme cannot order";
      return false;
    }
    order.clear();
    for (int o : eligible_) order.push_back({Key(rule, o, rng), o});
    std::sort(order.begin(), order.end());
    bool progress = true;
    while (progress) {  // zero-duration starts can make more activities eligible at t
      progress = false;
      for (const auto& [key, o] : order) {
        if (scheduled_[o]) continue;
        const Operation& op = in_.operations[o];
        for (std::size_t m = 0; m < op.modes.size(); ++m) {
          if (EarliestPrecedenceStart(o, static_cast<int>(m)) > t) continue;
          if (!profile.Fits(t, op.modes[m].duration, demands_[o][m])) continue;
          profile.Reserve(t, op.modes[m].duration, demands_[o][m]);
          Place(o, static_cast<int>(m), t);
          ends.push_back(t + op.modes[m].duration);
          ++placed;
          progress = true;
          break;
        }
      }
      if (progress) {
        order.clear();
        for (int o : eligible_) order.push_back({Key(rule, o, rng), o});
        std::sort(order.begin(), order.end());
      }
    }
    // Next decision point: a completion, an eligible activity's earliest start, or a
    // change of availability, whichever comes first after t.
    Time next = std::numeric_limits<Time>::max();
    for (Time e : ends) {
      if (e > t) next = std::min(next, e);
    }
    for (int o : eligible_) {
      const Time es = EarliestPrecedenceStart(o, 0);
      if (es > t) next = std::min(next, es);
    }
    const Time change = profile.NextChangeAfter(t);
    if (change > t) next = std::min(next, change);
    if (placed < n_ && next == std::numeric_limits<Time>::max()) {
      reason_ = "some activity never fits its resources (demand above capacity outside calendar periods)";
      return false;
    }
    std::erase_if(ends, [t](Time e) { return e <= t; });
    t = next;
  }
  return true;
}

bool SgsGenerator::VerifyLags() {
  for (int o = 0; o < n_; ++o) {
    for (const Arc& a : preds_[o]) {
      const Time base = solution_.start[a.other] +
                        (a.end_to_start ? in_.operations[a.other].modes[solution_.mode[a.other]].duration : 0);
      if (solution_.start[o] < base + a.lag) {
        reason_ = fmt::format("the schedule-generation scheme violated the time lag {} from operation {} to {}; "
                              "maximum time lags need the exact project engine",
                              a.lag, a.other, o);
        return false;
      }
    }
  }
  return true;
}

}  // namespace ordo
