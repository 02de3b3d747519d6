#include "solve/single_machine/state_space_modifiers.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ordo {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr int kMaxModifiers = 64;  // the done-set of M is one 64-bit word

struct State {
  std::uint64_t done = 0;  // bits of the jobs of M done, this one included
  double value = 0;        // cheapest relaxed prefix cost
  std::int32_t job = -1;   // -1: the root
  std::int32_t pred = -1;  // the state before, for the path
};

// Flat open addressing (node, done) -> state index; only grows, cleared per round.
class StateIndex {
 public:
  void Clear() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
  }
  std::size_t bytes() const { return slots_.size() * sizeof(Slot); }
  // The index held for the key, or -1.
  std::int32_t Lookup(std::uint64_t node, std::uint64_t done) const {
    if (slots_.empty()) return -1;
    const Slot& slot = slots_[Find(node, done)];
    return slot.node_plus_one != 0 ? slot.index : -1;
  }
  // The index held for the key, or -1 after storing `fresh` for it.
  std::int32_t FindOrInsert(std::uint64_t node, std::uint64_t done, std::int32_t fresh) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Slot& slot = slots_[Find(node, done)];
    if (slot.node_plus_one != 0) return slot.index;
    slot = Slot{node + 1, done, fresh};
    ++size_;
    return -1;
  }

 private:
  struct Slot {
    std::uint64_t node_plus_one = 0;  // 0: free
    std::uint64_t done = 0;
    std::int32_t index = -1;
  };
  std::size_t Find(std::uint64_t node, std::uint64_t done) const {
    std::uint64_t z = node * 0x9e3779b97f4a7c15ULL ^ (done + 0x632be59bd9b4e019ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = static_cast<std::size_t>(z ^ (z >> 31)) & mask;
    while (slots_[s].node_plus_one != 0 && !(slots_[s].node_plus_one == node + 1 && slots_[s].done == done)) s = (s + 1) & mask;
    return s;
  }
  void Grow() {
    std::vector<Slot> old(std::max<std::size_t>(1u << 12, slots_.size() * 2));
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.node_plus_one != 0) slots_[Find(slot.node_plus_one - 1, slot.done)] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

class ModifiedDynamicProgramme {
 public:
  ModifiedDynamicProgramme(const SmCostModel& model, TimeIndexedRelaxation& relaxation, const std::vector<double>& mu,
                           const ModifierSearchOptions& options, const std::function<bool()>& should_stop)
      : m_(model), r_(relaxation), mu_(mu), n_(model.size()), horizon_(relaxation.horizon()),
        memory_bytes_(static_cast<double>(options.memory_mb) * (1 << 20)), max_states_(options.max_states), should_stop_(should_stop),
        bit_(static_cast<std::size_t>(model.size()), -1), buckets_(static_cast<std::size_t>(relaxation.horizon() + 1)) {
    to_go_.resize(static_cast<std::size_t>(horizon_ + 1) * static_cast<std::size_t>(n_));
    LoadCostToGo();
  }


  enum class Outcome { kPath, kNoPath, kMemory, kStopped };

  void AddModifier(int job) {
    bit_[static_cast<std::size_t>(job)] = modifiers_++;
    modifier_length_ += m_.p[static_cast<std::size_t>(job)];
  }
  int modifiers() const { return modifiers_; }
  bool IsModifier(int job) const { return bit_[static_cast<std::size_t>(job)] >= 0; }
  std::int64_t states() const { return static_cast<std::int64_t>(states_.size()); }

  // The cheapest path with no job of M twice and all of M done, over states whose prefix plus
  // the unmodified cost-to-go stays within `upper` - 1; its jobs in `path`, its cost + sum mu in `value`.
  Outcome Solve(std::int64_t upper, std::vector<int>& path, double& value) {
    const double target = static_cast<double>(upper) - 1;
    const double limit = target + 1e-7 * (1 + std::abs(target)) - sum_mu_;
    const std::uint64_t all_done = modifiers_ == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << modifiers_) - 1;
    states_.clear();
    index_.Clear();
    for (auto& b : buckets_) b.clear();
    states_.push_back(State{});
    buckets_[0].push_back(0);
    std::int64_t work = 0;
    for (Time t = 0; t < horizon_; ++t) {
      for (std::size_t c = 0; c < buckets_[static_cast<std::size_t>(t)].size(); ++c) {
        const State from = states_[static_cast<std::size_t>(buckets_[static_cast<std::size_t>(t)][c])];
        const std::int32_t from_index = buckets_[static_cast<std::size_t>(t)][c];
        // Jobs of M still to do must fit in what is left of the horizon.
        const Time left_of_m = modifier_length_ - DoneLength(from.done);
        for (int k = 0; k < n_; ++k) {
          if (k == from.job) continue;
          const Time end = t + m_.p[static_cast<std::size_t>(k)];
          if (end > horizon_ || to_go_[Node(end, k)] == kInfinity) continue;
          const int bit = bit_[static_cast<std::size_t>(k)];
          std::uint64_t done = from.done;
          Time still = left_of_m;
          if (bit >= 0) {
            if ((done >> bit) & 1) continue;
            done |= std::uint64_t{1} << bit;
            still -= m_.p[static_cast<std::size_t>(k)];
          }
          if (horizon_ - end < still || (end == horizon_ && done != all_done)) continue;
          if (from.job >= 0 && !r_.Allowed(from.job, k, end)) continue;
          const double v = from.value + r_.NodeCost(mu_, k, end);
          if (v + to_go_[Node(end, k)] > limit) continue;
          const auto fresh = static_cast<std::int32_t>(states_.size());
          const std::int32_t held = index_.FindOrInsert(Node(end, k), done, fresh);
          if (held >= 0) {
            State& s = states_[static_cast<std::size_t>(held)];
            if (v < s.value) s.value = v, s.pred = from_index;
            continue;
          }
          states_.push_back(State{done, v, k, from_index});
          buckets_[static_cast<std::size_t>(end)].push_back(fresh);
        }
        if ((++work & 1023) == 0) {
          if (should_stop_()) return Outcome::kStopped;
          const double bytes = static_cast<double>(states_.capacity()) * (sizeof(State) + sizeof(std::int32_t)) +
                               static_cast<double>(index_.bytes());
          if (bytes > memory_bytes_ || static_cast<std::int64_t>(states_.size()) > max_states_) return Outcome::kMemory;
        }
      }
    }
    std::int32_t best = -1;
    limit_ = limit;
    for (const std::int32_t s : buckets_[static_cast<std::size_t>(horizon_)]) {
      if (best < 0 || states_[static_cast<std::size_t>(s)].value < states_[static_cast<std::size_t>(best)].value) best = s;
    }
    if (best < 0) return Outcome::kNoPath;
    value = states_[static_cast<std::size_t>(best)].value + sum_mu_;
    path.clear();
    for (std::int32_t s = best; states_[static_cast<std::size_t>(s)].job >= 0; s = states_[static_cast<std::size_t>(s)].pred) {
      path.push_back(states_[static_cast<std::size_t>(s)].job);
    }
    std::reverse(path.begin(), path.end());
    return Outcome::kPath;
  }

  // After a Solve that found a path: the cheapest suffix of every state, and then for every
  // (time, job) node the cheapest suffix over its states that a path within the limit passes.
  // A state of a larger M maps to one of these (its done-set restricted to the current M) and
  // costs at least as much before and after, so these suffixes bound the next rounds, and nodes
  // without such a state are out for good.
  // False when stopped midway (then nothing is removed and the cost-to-go is unusable).
  bool TightenCostToGo() {
    suffix_.assign(states_.size(), kInfinity);
    std::int64_t work = 0;
    const std::uint64_t all_done = modifiers_ == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << modifiers_) - 1;
    std::fill(to_go_.begin(), to_go_.end(), kInfinity);
    for (Time t = horizon_; t >= 0; --t) {
      for (const std::int32_t index : buckets_[static_cast<std::size_t>(t)]) {
        const State& from = states_[static_cast<std::size_t>(index)];
        double best = kInfinity;
        if (t == horizon_) {
          best = from.done == all_done ? 0 : kInfinity;
        } else {
          for (int k = 0; k < n_; ++k) {
            if (k == from.job) continue;
            const Time end = t + m_.p[static_cast<std::size_t>(k)];
            if (end > horizon_) continue;
            const int bit = bit_[static_cast<std::size_t>(k)];
            std::uint64_t done = from.done;
            if (bit >= 0) {
              if ((done >> bit) & 1) continue;
              done |= std::uint64_t{1} << bit;
            }
            const std::int32_t to = index_.Lookup(Node(end, k), done);
            if (to < 0 || suffix_[static_cast<std::size_t>(to)] == kInfinity) continue;
            if (from.job >= 0 && !r_.Allowed(from.job, k, end)) continue;
            best = std::min(best, r_.NodeCost(mu_, k, end) + suffix_[static_cast<std::size_t>(to)]);
          }
        }
        if ((++work & 1023) == 0 && should_stop_()) return false;
        suffix_[static_cast<std::size_t>(index)] = best;
        if (from.job >= 0 && from.value + best <= limit_) {
          double& node = to_go_[Node(t, from.job)];
          node = std::min(node, best);
        }
      }
    }
    // No improving sequence passes the nodes left without a state: out of the network.
    for (Time t = 1; t <= horizon_; ++t) {
      for (int j = 0; j < n_; ++j) {
        if (to_go_[Node(t, j)] == kInfinity && r_.Alive(t, j)) r_.Kill(t, j);
      }
    }
    return true;
  }

 private:
  void LoadCostToGo() {
    sum_mu_ = std::accumulate(mu_.begin(), mu_.end(), 0.0);
    for (Time t = 0; t <= horizon_; ++t) {
      for (int j = 0; j < n_; ++j) to_go_[Node(t, j)] = r_.Alive(t, j) ? r_.ToGo(t, j) : kInfinity;
    }
  }
  std::size_t Node(Time t, int j) const { return static_cast<std::size_t>(t) * static_cast<std::size_t>(n_) + static_cast<std::size_t>(j); }
  Time DoneLength(std::uint64_t done) const {
    Time length = 0;
    for (int j = 0; j < n_; ++j) {
      const int bit = bit_[static_cast<std::size_t>(j)];
      if (bit >= 0 && ((done >> bit) & 1)) length += m_.p[static_cast<std::size_t>(j)];
    }
    return length;
  }

  const SmCostModel& m_;
  TimeIndexedRelaxation& r_;
  std::vector<double> mu_;
  int n_;
  Time horizon_;
  double memory_bytes_;
  std::int64_t max_states_;
  const std::function<bool()>& should_stop_;
  double sum_mu_ = 0;
  std::vector<int> bit_;  // job -> its bit in the done-set, -1 outside M
  int modifiers_ = 0;
  Time modifier_length_ = 0;
  std::vector<State> states_;
  std::vector<double> suffix_;  // per state, by TightenCostToGo
  std::vector<double> to_go_;   // per node: a lower bound of the suffix, infinity when out
  double limit_ = 0;
  std::vector<std::vector<std::int32_t>> buckets_;  // states by end time
  StateIndex index_;
};

}  // namespace

ModifierSearchResult SolveByStateSpaceModifiers(const SmCostModel& model, TimeIndexedRelaxation& relaxation,
                                                const std::vector<double>& multipliers, std::int64_t upper_bound,
                                                const ModifierSearchOptions& options,
                                                const std::function<bool()>& should_stop) {
  ModifierSearchResult result;
  result.bound = model.constant;
  const int n = model.size();
  if (static_cast<int>(multipliers.size()) != n || relaxation.size() != n || n == 0) {
    result.why = "no Lagrangian multipliers";
    return result;
  }
  ModifiedDynamicProgramme dp(model, relaxation, multipliers, options, should_stop);
  std::vector<int> path, uses(static_cast<std::size_t>(n));
  for (;;) {
    double value = 0;
    const auto outcome = dp.Solve(upper_bound, path, value);
    ++result.rounds;
    result.modifiers = dp.modifiers();
    result.max_states = std::max(result.max_states, dp.states());
    if (outcome == ModifiedDynamicProgramme::Outcome::kStopped) {
      result.why = "stopped (time limit or stop request) before the proof";
      return result;
    }
    if (outcome == ModifiedDynamicProgramme::Outcome::kMemory) {
      result.why = "state-space modifiers: state or memory limit reached";
      return result;
    }
    if (outcome == ModifiedDynamicProgramme::Outcome::kNoPath) {
      // Nothing strictly cheaper than the known sequence.
      result.solved = true, result.cost = upper_bound, result.bound = upper_bound;
      return result;
    }
    std::fill(uses.begin(), uses.end(), 0);
    for (const int j : path) ++uses[static_cast<std::size_t>(j)];
    std::vector<int> violated;
    for (int j = 0; j < n; ++j) {
      if (uses[static_cast<std::size_t>(j)] != 1 && !dp.IsModifier(j)) violated.push_back(j);
    }
    if (violated.empty()) {
      // Every job once (jobs of M never repeat, and the path fills the horizon): a sequence.
      const std::int64_t cost = model.SequenceCost(path);
      if (cost < upper_bound) result.sequence = path, upper_bound = cost;
      result.solved = true, result.cost = upper_bound, result.bound = upper_bound;
      return result;
    }
    const double rounded = std::ceil(value - 1e-4);
    if (rounded < static_cast<double>(upper_bound)) {
      result.bound = std::max(result.bound, static_cast<std::int64_t>(rounded));
    }
    if (!dp.TightenCostToGo()) {
      result.why = "stopped (time limit or stop request) before the proof";
      return result;
    }
    // Repeated jobs first (they also make others go missing), then by index.
    std::stable_sort(violated.begin(), violated.end(), [&](int x, int y) { return uses[static_cast<std::size_t>(x)] > uses[static_cast<std::size_t>(y)]; });
    const int room = kMaxModifiers - dp.modifiers();
    if (room <= 0) {
      result.why = "state-space modifiers: more than 64 jobs needed in the modifier set";
      return result;
    }
    for (int c = 0; c < std::min<int>({options.add_per_round, room, static_cast<int>(violated.size())}); ++c) dp.AddModifier(violated[static_cast<std::size_t>(c)]);
  }
}

}  // namespace ordo
