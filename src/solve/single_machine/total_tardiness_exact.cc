#include "solve/single_machine/total_tardiness_exact.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include <fmt/format.h>

namespace ordo {

namespace {

// Open-addressing memo of subproblem values. key1 packs (first, last, rank bound), key2 is
// the start time. An exact entry holds the optimum and split, the EDD position that k
// follows (-1 when SPT closed the subproblem); a bound entry holds a lower bound only.
class MemoTable {
 public:
  struct Entry {
    std::uint64_t key1 = 0;
    Time key2 = 0;
    std::int64_t value = 0;
    std::int32_t split = 0;
    std::int32_t used = 0;  // 0 free, 1 exact, 2 lower bound
  };

  explicit MemoTable(std::int64_t memory_mb) {
    const std::size_t limit = std::max<std::size_t>(1024, static_cast<std::size_t>(memory_mb) * (1u << 20) / sizeof(Entry));
    max_slots_ = 1024;
    while (max_slots_ * 2 <= limit) max_slots_ *= 2;
    slots_.resize(std::min<std::size_t>(1u << 16, max_slots_));
  }

  const Entry* Find(std::uint64_t key1, Time key2) const {
    const std::size_t s = Slot(key1, key2);
    return slots_[s].used ? &slots_[s] : nullptr;
  }

  // Inserts or overwrites; false when the table is full at the memory limit.
  bool Store(std::uint64_t key1, Time key2, std::int64_t value, int split, bool exact) {
    const Entry entry{key1, key2, value, split, exact ? 1 : 2};
    if (Entry& e = slots_[Slot(key1, key2)]; e.used) {
      e = entry;
      return true;
    }
    if ((size_ + 1) * 10 > slots_.size() * 7) {
      if (slots_.size() * 2 > max_slots_) {
        if ((size_ + 1) * 10 > slots_.size() * 9) return false;
      } else {
        Grow();
      }
    }
    slots_[Slot(key1, key2)] = entry;
    ++size_;
    return true;
  }

  std::size_t size() const { return size_; }

 private:
  static std::size_t Hash(std::uint64_t key1, Time key2) {
    std::uint64_t z = key1 * 0x9e3779b97f4a7c15ULL ^ (static_cast<std::uint64_t>(key2) + 0x632be59bd9b4e019ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return static_cast<std::size_t>(z ^ (z >> 31));
  }
  // The slot holding the key, or the free slot where it would go.
  std::size_t Slot(std::uint64_t key1, Time key2) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = Hash(key1, key2) & mask;
    while (slots_[s].used && (slots_[s].key1 != key1 || slots_[s].key2 != key2)) s = (s + 1) & mask;
    return s;
  }
  void Grow() {
    std::vector<Entry> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Entry& e : old) {
      if (e.used) slots_[Slot(e.key1, e.key2)] = e;
    }
  }

  std::size_t max_slots_ = 0;  // a power of two
  std::vector<Entry> slots_;
  std::size_t size_ = 0;
};

class LawlerDecomposition {
 public:
  LawlerDecomposition(std::span<const Time> p, std::span<const Time> d, const TotalTardinessExactOptions& options,
                      const std::function<bool()>& should_stop)
      : options_(options), should_stop_(should_stop), memo_(options.memory_mb) {
    const int n = static_cast<int>(p.size());
    job_.resize(n);
    std::iota(job_.begin(), job_.end(), 0);
    std::stable_sort(job_.begin(), job_.end(), [&](int x, int y) { return d[x] != d[y] ? d[x] < d[y] : p[x] < p[y]; });
    for (int pos = 0; pos < n; ++pos) p_.push_back(p[job_[pos]]), d_.push_back(d[job_[pos]]);
    by_length_.resize(n);
    std::iota(by_length_.begin(), by_length_.end(), 0);
    std::stable_sort(by_length_.begin(), by_length_.end(), [&](int x, int y) { return p_[x] < p_[y]; });
    rank_.resize(n);
    for (int r = 0; r < n; ++r) rank_[by_length_[r]] = r;
  }

  TotalTardinessExactResult Run(std::int64_t upper_bound) {
    TotalTardinessExactResult result;
    const int n = static_cast<int>(p_.size());
    if (n >= (1 << 21)) {
      result.why = "more than 2,097,151 jobs";
      return result;
    }
    const std::int64_t budget = options_.bounding ? upper_bound : kNoUpperBound;
    const std::int64_t value = n == 0 ? 0 : Solve(0, n - 1, n, 0, budget);
    result.subproblems = static_cast<std::int64_t>(memo_.size());
    if (stopped_) {
      result.why = why_;
      return result;
    }
    result.solved = true;
    if (value >= budget) {  // nothing beats the known sequence: it is optimal
      result.tardiness = upper_bound;
      return result;
    }
    result.tardiness = value;
    std::vector<int> positions;
    if (n > 0) Rebuild(0, n - 1, n, 0, positions);
    for (int pos : positions) result.sequence.push_back(job_[pos]);
    return result;
  }

 private:
  static std::uint64_t Key(int first, int last, int rank_bound) {
    return (static_cast<std::uint64_t>(first) << 42) | (static_cast<std::uint64_t>(last) << 21) |
           static_cast<std::uint64_t>(rank_bound);
  }

  bool Member(int pos, int first, int last, int rank_bound) const {
    return pos >= first && pos <= last && rank_[pos] < rank_bound;
  }

  // The jobs of the subproblem, in EDD order, and the index of the longest among them.
  int Members(int first, int last, int rank_bound, std::vector<int>& members) const {
    members.clear();
    int longest = -1;
    for (int pos = first; pos <= last; ++pos) {
      if (rank_[pos] >= rank_bound) continue;
      if (longest < 0 || rank_[pos] > rank_[members[longest]]) longest = static_cast<int>(members.size());
      members.push_back(pos);
    }
    return longest;
  }

  // sum max(0, C_(i) - d_(i)) over the subproblem started at t: i-th SPT completion time
  // against the i-th earliest due date (see the header). O(n).
  std::int64_t LowerBound(int first, int last, int rank_bound, Time t) const {
    if (!options_.bounding || first > last) return 0;
    std::int64_t sum = 0;
    int pos = first;  // walks the due dates in EDD order
    for (int r = 0; r < rank_bound; ++r) {
      const int q = by_length_[r];
      if (!Member(q, first, last, rank_bound)) continue;
      t += p_[q];
      while (rank_[pos] >= rank_bound) ++pos;
      sum += std::max<Time>(0, t - d_[pos]);
      ++pos;
    }
    return sum;
  }

  bool AllOnTimeInEdd(const std::vector<int>& members, Time t) const {
    for (int pos : members) {
      t += p_[pos];
      if (t > d_[pos]) return false;
    }
    return true;
  }

  // Sum T in SPT order when every job is late there (it is then optimal), else -1.
  std::int64_t AllLateInSpt(std::vector<int> members, Time t) const {
    std::sort(members.begin(), members.end(), [&](int x, int y) { return rank_[x] < rank_[y]; });
    std::int64_t sum = 0;
    for (int pos : members) {
      t += p_[pos];
      if (t < d_[pos]) return -1;
      sum += t - d_[pos];
    }
    return sum;
  }

  // The optimum of the subproblem when it is below `budget`; otherwise some value >= budget
  // (a lower bound).
  std::int64_t Solve(int first, int last, int rank_bound, Time t, std::int64_t budget) {
    if (stopped_) return 0;
    std::vector<int> members;
    const int longest = Members(first, last, rank_bound, members);
    const int m = static_cast<int>(members.size());
    if (m == 0) return 0;
    const int k = members[longest];
    if (m == 1) return std::max<Time>(0, t + p_[k] - d_[k]);
    if (AllOnTimeInEdd(members, t)) return 0;
    first = members.front(), last = members.back(), rank_bound = rank_[k] + 1;
    const std::uint64_t key = Key(first, last, rank_bound);
    if (const MemoTable::Entry* e = memo_.Find(key, t); e != nullptr && (e->used == 1 || e->value >= budget)) {
      return e->value;
    }
    if ((++visits_ & 1023) == 0 && should_stop_()) {
      Stop("stopped (time limit or stop request) before the proof");
      return 0;
    }
    if (const std::int64_t spt = AllLateInSpt(members, t); spt >= 0) return Remember(key, t, spt, -1, true);
    if (const std::int64_t low = LowerBound(first, last, rank_bound, t); low >= budget) return Remember(key, t, low, -1, false);

    std::int64_t best = budget;  // to beat
    int best_split = -2;         // none found below the budget
    Time before_k = t;
    for (int i = 0; i < longest; ++i) before_k += p_[members[i]];
    // The dominance rules leave at least one position; the second round (no rules) is a
    // safety net that never runs when they are right.
    bool tried = false;
    for (int round = options_.dominance ? 0 : 1; round < 2 && !tried; ++round) {
      Time end_k = before_k + p_[k];
      for (int delta = 0; longest + delta < m; ++delta) {
        const int split = members[longest + delta];
        if (delta > 0) end_k += p_[split];
        if (round == 0) {
          if (longest + delta + 1 < m && end_k >= d_[members[longest + delta + 1]]) continue;
          if (delta > 0 && d_[split] >= end_k) continue;
        }
        tried = true;
        const std::int64_t late_k = std::max<Time>(0, end_k - d_[k]);
        const std::int64_t behind_low = LowerBound(split + 1, last, rank_bound, end_k);
        if (late_k + behind_low + LowerBound(first, split, rank_[k], t) >= best) continue;
        const std::int64_t front = Solve(first, split, rank_[k], t, best - late_k - behind_low);
        if (stopped_) return 0;
        if (front + late_k + behind_low >= best) continue;
        const std::int64_t behind = split < last ? Solve(split + 1, last, rank_bound, end_k, best - front - late_k) : 0;
        if (stopped_) return 0;
        if (front + late_k + behind < best) best = front + late_k + behind, best_split = split;
      }
    }
    if (best_split == -2) return Remember(key, t, budget, -1, false);
    return Remember(key, t, best, best_split, true);
  }

  std::int64_t Remember(std::uint64_t key, Time t, std::int64_t value, int split, bool exact) {
    if (!memo_.Store(key, t, value, split, exact)) {
      Stop(fmt::format("memory limit of {} MiB reached ({} subproblems memorised)", options_.memory_mb, memo_.size()));
    }
    return value;
  }

  void Rebuild(int first, int last, int rank_bound, Time t, std::vector<int>& out) const {
    std::vector<int> members;
    const int longest = Members(first, last, rank_bound, members);
    const int m = static_cast<int>(members.size());
    if (m == 0) return;
    const int k = members[longest];
    if (m == 1 || AllOnTimeInEdd(members, t)) {
      out.insert(out.end(), members.begin(), members.end());
      return;
    }
    const MemoTable::Entry* e = memo_.Find(Key(members.front(), members.back(), rank_[k] + 1), t);
    if (e->split < 0) {
      std::sort(members.begin(), members.end(), [&](int x, int y) { return rank_[x] < rank_[y]; });
      out.insert(out.end(), members.begin(), members.end());
      return;
    }
    Time end_k = t;
    for (int pos : members) {
      if (pos <= e->split) end_k += p_[pos];
    }
    Rebuild(members.front(), e->split, rank_[k], t, out);
    out.push_back(k);
    Rebuild(e->split + 1, members.back(), rank_[k] + 1, end_k, out);
  }

  void Stop(std::string why) {
    if (!stopped_) why_ = std::move(why);
    stopped_ = true;
  }

  const TotalTardinessExactOptions& options_;
  const std::function<bool()>& should_stop_;
  std::vector<int> job_;        // job at each EDD position
  std::vector<Time> p_, d_;     // by EDD position
  std::vector<int> by_length_;  // EDD positions by (p, EDD position)
  std::vector<int> rank_;       // by EDD position: index in by_length_
  MemoTable memo_;
  std::int64_t visits_ = 0;
  bool stopped_ = false;
  std::string why_;
};

}  // namespace

TotalTardinessExactResult SolveTotalTardiness(std::span<const Time> p, std::span<const Time> d,
                                              const TotalTardinessExactOptions& options, std::int64_t upper_bound,
                                              const std::function<bool()>& should_stop) {
  LawlerDecomposition dp(p, d, options, should_stop);
  return dp.Run(upper_bound);
}

}  // namespace ordo
