#include "solve/single_machine/lagrangian_branch_and_bound.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>
#include <new>
#include <numeric>

#include "solve/single_machine/time_indexed_relaxation.h"

namespace ordo {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct SetKey {
  std::array<std::uint64_t, 2> set{};
  int last = -1;  // the job at the open end: a prefix's last, a suffix's first
};

// Flat open-addressing map from a set of jobs to the cheapest prefixes seen that sequence it
// (their relaxed cost and the last jobs they end with), growing by doubling up to a memory cap;
// when full it only updates what it holds (the memo prunes, it is not needed for
// correctness). Flat calloc'd storage keeps clearing and freeing fast at the end of a solve.
//
// Two prefixes of the same set end at the same time, and for one set the relaxed costs differ
// by whole numbers (sum mu is the same), so the cheaper one is cheaper in true cost too. A
// prefix is pruned when one of its set is held
//   - strictly cheaper, whatever its last job: the held prefix followed by this one's best
//     completion would be cheaper still, so no optimal sequence starts with the pruned one
//     (an optimal sequence that passes the network's rules therefore always survives; the
//     junction of the two is no strictly improving adjacent pair, or the optimum would not
//     be one), or
//   - as cheap with the same last job: the same completions are open to both.
// The memo keyed by (set, last job) that this replaces had only the second rule; prefixes
// of equal cost are common (every prefix on time costs 0), hence the set of last jobs.
// From the back the same holds mirrored: suffixes of one set start at the same time, and the
// job at their open end is their first.
class DominanceMemo {
 public:
  explicit DominanceMemo(std::int64_t memory_mb, const std::function<bool()>& should_stop) : should_stop_(should_stop) {
    const std::size_t limit = static_cast<std::size_t>(std::max<std::int64_t>(1, memory_mb)) * (1u << 20) / sizeof(Slot);
    while (max_slots_ * 2 <= limit) max_slots_ *= 2;
    Allocate(std::min<std::size_t>(1u << 14, max_slots_));
  }

  // False if a held prefix of the set dominates this one (see above); else records it and
  // returns true.
  bool Improve(const SetKey& key, double cost) {
    Slot& slot = table_.get()[Find(key.set)];
    const std::uint64_t bit = std::uint64_t{1} << (key.last & 63);
    std::uint64_t& lasts = slot.lasts[key.last >> 6];
    if (slot.used()) {
      if (slot.cost < cost - 0.5) return false;
      if (slot.cost <= cost + 0.5) {  // as cheap
        if (lasts & bit) return false;
        lasts |= bit;
        return true;
      }
      slot.cost = cost;
      slot.lasts = {};
      slot.lasts[key.last >> 6] = bit;
      return true;
    }
    if ((size_ + 1) * 10 > slots_ * 7) {
      if (slots_ * 2 > max_slots_) return true;  // full: keep what is held
      if (!Grow()) return true;                  // stopped meanwhile: the search ends soon
      return Improve(key, cost);
    }
    slot.set = key.set;
    slot.lasts[key.last >> 6] = bit;
    slot.cost = cost;
    ++size_;
    return true;
  }

 private:
  // 40 bytes: the memo is full long before the search ends on the hard instances, so its
  // size is pruning.
  struct Slot {
    std::array<std::uint64_t, 2> set{};
    std::array<std::uint64_t, 2> lasts{};  // last jobs of the held prefixes, all of cost `cost`
    double cost = 0;
    bool used() const { return (lasts[0] | lasts[1]) != 0; }
  };
  static std::size_t Hash(const std::array<std::uint64_t, 2>& set) {
    std::uint64_t z = set[0] * 0x9e3779b97f4a7c15ULL ^ (set[1] + 0x632be59bd9b4e019ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<std::size_t>(z ^ (z >> 31));
  }
  std::size_t Find(const std::array<std::uint64_t, 2>& set) const {
    const std::size_t mask = slots_ - 1;
    std::size_t s = Hash(set) & mask;
    while (table_.get()[s].used() && table_.get()[s].set != set) s = (s + 1) & mask;
    return s;
  }

  void Allocate(std::size_t slots) {
    table_.reset(static_cast<Slot*>(std::calloc(slots, sizeof(Slot))));  // zero: all free
    if (!table_) throw std::bad_alloc();
    slots_ = slots;
  }
  // Doubles the table; a rehash of tens of millions of slots takes seconds, so it polls the
  // stop request (false: stopped; the slots moved so far still prune correctly, and nothing
  // more is added).
  bool Grow() {
    std::unique_ptr<Slot, Free> old = std::move(table_);
    const std::size_t old_slots = slots_;
    Allocate(old_slots * 2);
    for (std::size_t i = 0; i < old_slots; ++i) {
      if (old.get()[i].used()) table_.get()[Find(old.get()[i].set)] = old.get()[i];
      if ((i & 0xffff) == 0xffff && should_stop_()) {
        max_slots_ = 0;
        return false;
      }
    }
    return true;
  }

  struct Free {
    void operator()(Slot* p) const { std::free(p); }
  };
  const std::function<bool()>& should_stop_;
  std::size_t max_slots_ = 1u << 14;  // powers of two
  std::size_t slots_ = 0;
  std::unique_ptr<Slot, Free> table_;
  std::size_t size_ = 0;
};

class LagrangianSearch {
 public:
  LagrangianSearch(const SmCostModel& model, const TimeIndexedRelaxation& relaxation, const std::vector<double>& mu,
                   std::int64_t upper_bound, const LagrangianBnbOptions& options, const std::function<bool()>& should_stop)
      : m_(model), n_(model.size()), relaxation_(relaxation), mu_(mu), upper_(upper_bound), should_stop_(should_stop),
        backward_(options.backward), memo_(options.memory_mb, should_stop) {
    // Every complete sequence costs its relaxed cost + sum mu + the constant term.
    offset_ = std::accumulate(mu.begin(), mu.end(), 0.0) + static_cast<double>(model.constant);
    // Integer costs: only a cost <= upper - 1 matters; the tolerance errs towards not cutting.
    candidates_.resize(n_ + 1);
    for (auto& c : candidates_) c.reserve(n_);
    edd_.resize(n_);
    std::iota(edd_.begin(), edd_.end(), 0);
    std::stable_sort(edd_.begin(), edd_.end(), [&](int x, int y) { return model.d[x] < model.d[y]; });
  }

  LagrangianBnbResult Run() {
    LagrangianBnbResult result;
    if (backward_) {
      SearchBackward(relaxation_.horizon(), -1, 0.0, 0);
    } else {
      Search(0, -1, 0.0, 0);
    }
    result.nodes = nodes_;
    if (stopped_) {
      result.why = "stopped (time limit or stop request) before the proof";
      return result;
    }
    result.solved = true;
    result.cost = upper_;
    result.sequence = best_sequence_;
    return result;
  }

 private:
  double NodeCost(int k, Time end) const { return static_cast<double>(m_.JobCost(k, end)) - mu_[k]; }
  bool Cut(double low) const {
    const double target = static_cast<double>(upper_) - 1;
    return low > target + 1e-7 * (1 + std::abs(target));
  }
  bool Poll() {
    if ((++nodes_ & 4095) == 0 && should_stop_()) stopped_ = true;
    return stopped_;
  }
  void Offer(const std::vector<int>& sequence) {
    const std::int64_t cost = m_.SequenceCost(sequence);
    if (cost < upper_) upper_ = cost, best_sequence_ = sequence;
  }

  // Children by increasing bound, then each unless the memo knows a prefix (a suffix, from the
  // back) of its set that dominates it.
  template <typename Descend>
  void Expand(int depth, double partial, const Descend& descend) {
    std::vector<Candidate>& cands = candidates_[depth];
    std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) { return a.low < b.low; });
    for (std::size_t c = 0; c < cands.size(); ++c) {
      const Candidate cand = candidates_[depth][c];
      if (Cut(cand.low)) break;  // the incumbent improved meanwhile
      const double cost = partial + cand.own;
      SetKey key = set_;
      key.set[cand.job >> 6] |= std::uint64_t{1} << (cand.job & 63);
      key.last = cand.job;
      if (!memo_.Improve(key, cost)) continue;
      set_.set[cand.job >> 6] ^= std::uint64_t{1} << (cand.job & 63);
      path_.push_back(cand.job);
      descend(cand.job, cost);
      path_.pop_back();
      set_.set[cand.job >> 6] ^= std::uint64_t{1} << (cand.job & 63);
      if (stopped_) return;
    }
  }

  // From the front: the prefix path_ ends with `last` at t.
  void Search(Time t, int last, double partial, int depth) {
    if (Poll()) return;
    if (depth == n_) {
      Offer(path_);
      return;
    }
    std::vector<Candidate>& cands = candidates_[depth];
    cands.clear();
    for (int k = 0; k < n_; ++k) {
      if (Visited(k)) continue;
      const Time end = t + m_.p[k];
      if (end > relaxation_.horizon() || !relaxation_.Alive(end, k)) continue;
      if (last >= 0 && !relaxation_.Allowed(last, k, end)) continue;
      const double own = NodeCost(k, end);
      const double rest = last >= 0 ? relaxation_.ToGoAfter(end, k, last) : relaxation_.ToGo(end, k);
      if (rest == kInfinity) continue;
      const double low = partial + own + rest + offset_;
      if (!Cut(low)) cands.push_back({low, own, k});
    }
    Expand(depth, partial, [&](int k, double cost) { Search(t + m_.p[k], k, cost, depth + 1); });
  }

  // From the back: path_ holds the suffix in reverse, its first job `first` starts at t, and
  // the jobs not in it fill [0, t].
  void SearchBackward(Time t, int first, double partial, int depth) {
    if (Poll()) return;
    if (depth == n_ || FrontAtLeastCost()) {
      // The rest in EDD order costs its jobs' least (every job on time): the best front.
      sequence_.clear();
      for (int j : edd_) {
        if (!Visited(j)) sequence_.push_back(j);
      }
      sequence_.insert(sequence_.end(), path_.rbegin(), path_.rend());
      Offer(sequence_);
      return;
    }
    std::vector<Candidate>& cands = candidates_[depth];
    cands.clear();
    for (int k = 0; k < n_; ++k) {
      if (Visited(k) || !relaxation_.Alive(t, k)) continue;
      if (first >= 0 && !relaxation_.Allowed(k, first, t + m_.p[first])) continue;
      const double before = first >= 0 ? relaxation_.PrefixBefore(t, k, first) : relaxation_.Prefix(t, k);
      if (before == kInfinity) continue;
      const double low = partial + before + offset_;
      if (!Cut(low)) cands.push_back({low, NodeCost(k, t), k});
    }
    Expand(depth, partial, [&](int k, double cost) { SearchBackward(t - m_.p[k], k, cost, depth + 1); });
  }

  // Whether the jobs outside the suffix, in EDD order from time 0, all end by their due dates
  // (each then costs its least, f_j(p_j); the costs are non-decreasing).
  bool FrontAtLeastCost() const {
    Time t = 0;
    for (int j : edd_) {
      if (Visited(j)) continue;
      t += m_.p[j];
      if (m_.JobCost(j, t) != m_.JobCost(j, m_.p[j])) return false;
    }
    return true;
  }

  bool Visited(int k) const { return (set_.set[k >> 6] >> (k & 63)) & 1; }

  struct Candidate {
    double low;
    double own;
    int job;
  };

  const SmCostModel& m_;
  int n_;
  const TimeIndexedRelaxation& relaxation_;
  const std::vector<double>& mu_;
  std::int64_t upper_;
  const std::function<bool()>& should_stop_;
  bool backward_;
  double offset_ = 0;
  std::vector<std::vector<Candidate>> candidates_;
  DominanceMemo memo_;
  SetKey set_;
  std::vector<int> path_, best_sequence_, sequence_, edd_;
  std::int64_t nodes_ = 0;
  bool stopped_ = false;
};

}  // namespace

LagrangianBnbResult SolveByLagrangianBranchAndBound(const SmCostModel& model, TimeIndexedRelaxation& relaxation,
                                                    const std::vector<double>& multipliers, std::int64_t upper_bound,
                                                    const LagrangianBnbOptions& options,
                                                    const std::function<bool()>& should_stop) {
  LagrangianBnbResult result;
  const int n = model.size();
  if (n > 128) {
    result.why = "more than 128 jobs";
    return result;
  }
  if (static_cast<int>(multipliers.size()) != n || relaxation.size() != n) {
    result.why = "no Lagrangian multipliers";
    return result;
  }
  std::vector<int> uses, path;
  relaxation.Forward(multipliers, uses, path);
  relaxation.Backward(multipliers);
  LagrangianSearch search(model, relaxation, multipliers, upper_bound, options, should_stop);
  return search.Run();
}

}  // namespace ordo
