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

  enum class StoreResult { kStored, kFull, kStopped };

  // Inserts or overwrites. kFull: the table is full at the memory limit; kStopped: a stop
  // request came while the table grew (a rehash of hundreds of MiB takes about a second,
  // so it polls `should_stop`), and the table must not be used again.
  StoreResult Store(std::uint64_t key1, Time key2, std::int64_t value, int split, bool exact,
                    const std::function<bool()>& should_stop) {
    const Entry entry{key1, key2, value, split, exact ? 1 : 2};
    if (Entry& e = slots_[Slot(key1, key2)]; e.used) {
      e = entry;
      return StoreResult::kStored;
    }
    if ((size_ + 1) * 10 > slots_.size() * 7) {
      if (slots_.size() * 2 > max_slots_) {
        if ((size_ + 1) * 10 > slots_.size() * 9) return StoreResult::kFull;
      } else if (!Grow(should_stop)) {
        return StoreResult::kStopped;
      }
    }
    slots_[Slot(key1, key2)] = entry;
    ++size_;
    return StoreResult::kStored;
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
  bool Grow(const std::function<bool()>& should_stop) {
    std::vector<Entry> old(slots_.size() * 2);
    old.swap(slots_);
    for (std::size_t i = 0; i < old.size(); ++i) {
      if (old[i].used) slots_[Slot(old[i].key1, old[i].key2)] = old[i];
      if ((i & 0xffff) == 0xffff && should_stop()) return false;
    }
    return true;
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
    scratch_.resize(n + 2);
  }

  TotalTardinessExactResult Run(std::int64_t upper_bound) {
    TotalTardinessExactResult result;
    const int n = static_cast<int>(p_.size());
    if (n > kMaxJobs) {
      result.why = fmt::format("more than {} jobs", kMaxJobs);
      return result;
    }
    const std::int64_t budget = options_.bounding ? upper_bound : kNoUpperBound;
    const std::int64_t value = n == 0 ? 0 : Solve({0, n - 1, 0, n}, 0, budget, 0);
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
    if (n > 0) Rebuild({0, n - 1, 0, n}, 0, positions);
    for (int pos : positions) result.sequence.push_back(job_[pos]);
    return result;
  }

 private:
  static constexpr int kMaxJobs = (1 << 16) - 1;  // four 16-bit fields make the memo key

  // A subproblem's job set: the EDD positions first..last whose rank is in [low, high).
  // Every set the recursion and the reductions below produce has this form.
  struct JobSet {
    int first, last, low, high;
    std::uint64_t Key() const {
      return (static_cast<std::uint64_t>(first) << 48) | (static_cast<std::uint64_t>(last) << 32) |
             (static_cast<std::uint64_t>(low) << 16) | static_cast<std::uint64_t>(high);
    }
  };

  // A subproblem after the two reductions below: `front` jobs to sequence first (in order,
  // their tardiness is `front_tardiness`), `back` jobs to sequence last (the last one
  // first), and the `members` left, started at `start`, with the index of the longest
  // among them and their set with tight bounds (the memo key).
  struct Reduced {
    std::vector<int> members;  // EDD order
    std::vector<int> front, back;
    std::int64_t front_tardiness = 0;
    Time start = 0;
    int longest = -1;
    JobSet tight{};
  };

  // Two rules fix the first or the last job of a subproblem started at t:
  //   the job with the latest due date goes last when it is on time there, d_l >= t + P
  //   (Elmaghraby 1968; every other job only gets earlier), and
  //   the shortest job s goes first when d_s <= max(d_j, t + p_j) for every other j
  //   (Emmons 1969, Theorem 1, with j in the first position: swapping s and j leaves the
  //   jobs between no later and the pair no worse).
  // Applied until neither holds; both keep the form of JobSet (they drop the EDD-last or the
  // lowest-rank member, so what is left is exactly the set within its tight bounds).
  void Reduce(const JobSet& set, Time t, Reduced& out) const {
    std::vector<int>& members = out.members;
    out.front.clear(), out.back.clear();
    out.front_tardiness = 0;
    // The member scan is the hot loop: written without branches on membership.
    Time total = 0;
    int longest = -1, longest_rank = -1, count = 0;
    members.resize(static_cast<std::size_t>(std::max(0, set.last - set.first + 1)));
    const auto width = static_cast<unsigned>(set.high - set.low);
    for (int pos = set.first; pos <= set.last; ++pos) {
      const int r = rank_[pos];
      const bool in = static_cast<unsigned>(r - set.low) < width;
      members[count] = pos;
      if (in && r > longest_rank) longest_rank = r, longest = count;
      total += in ? p_[pos] : 0;
      count += in ? 1 : 0;
    }
    members.resize(static_cast<std::size_t>(count));
    int low = set.low;  // no member ranks below
    for (bool changed = true; changed && !members.empty();) {
      changed = false;
      while (!members.empty() && d_[members.back()] >= t + total) {
        total -= p_[members.back()];
        out.back.push_back(members.back());
        members.pop_back();
        if (longest == static_cast<int>(members.size())) longest = Longest(members);
      }
      if (members.size() < 2) break;
      // The shortest member: the first rank from `low` whose job is in the EDD range left.
      while (by_length_[low] < members.front() || by_length_[low] > members.back()) ++low;
      const int s = by_length_[low];
      bool first = true;
      for (int pos : members) {
        if (pos != s && d_[s] > std::max<Time>(d_[pos], t + p_[pos])) {
          first = false;
          break;
        }
      }
      if (!first) break;
      t += p_[s];
      total -= p_[s];
      out.front_tardiness += std::max<Time>(0, t - d_[s]);
      out.front.push_back(s);
      const auto at = std::lower_bound(members.begin(), members.end(), s);
      if (at - members.begin() < longest) --longest;
      members.erase(at);
      ++low;
      changed = true;
    }
    out.start = t;
    out.longest = longest;
    if (!members.empty()) {
      while (by_length_[low] < members.front() || by_length_[low] > members.back()) ++low;
      out.tight = {members.front(), members.back(), low, rank_[members[longest]] + 1};
    }
  }

  int Longest(const std::vector<int>& members) const {
    int longest = 0;
    for (int i = 1; i < static_cast<int>(members.size()); ++i) {
      if (rank_[members[i]] > rank_[members[longest]]) longest = i;
    }
    return longest;
  }

  // The members again, by rank (SPT order): a scan of by_length_ when the rank range is
  // small against the members, else a sort.
  void ByRank(const std::vector<int>& members, const JobSet& set, std::vector<int>& by_rank) const {
    by_rank.clear();
    if (static_cast<std::size_t>(set.high - set.low) <= 8 * members.size()) {
      for (int r = set.low; r < set.high; ++r) {
        if (const int pos = by_length_[r]; pos >= set.first && pos <= set.last) by_rank.push_back(pos);
      }
    } else {
      by_rank = members;
      std::sort(by_rank.begin(), by_rank.end(), [&](int x, int y) { return rank_[x] < rank_[y]; });
    }
  }

  // sum max(0, C_(i) - d_(i)) over the members with EDD position in [lo, hi], other than
  // `skip`, started at t: the i-th SPT completion time against the i-th earliest due date
  // (see the header). O(members).
  std::int64_t LowerBound(const std::vector<int>& members, const std::vector<int>& by_rank, int lo, int hi, int skip,
                          Time t) const {
    if (!options_.bounding || lo > hi) return 0;
    std::int64_t sum = 0;
    std::size_t i = 0;  // walks the due dates in EDD order
    for (int pos : by_rank) {
      if (pos < lo || pos > hi || pos == skip) continue;
      t += p_[pos];
      while (members[i] < lo || members[i] > hi || members[i] == skip) ++i;
      sum += std::max<Time>(0, t - d_[members[i]]);
      ++i;
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

  // Sum T in SPT order when every job is late there (it is then optimal), else -1; stops at
  // the first job on time (usually one of the first).
  std::int64_t AllLateInSpt(const JobSet& set, Time t) const {
    std::int64_t sum = 0;
    for (int r = set.low; r < set.high; ++r) {
      const int pos = by_length_[r];
      if (pos < set.first || pos > set.last) continue;
      t += p_[pos];
      if (t < d_[pos]) return -1;
      sum += t - d_[pos];
    }
    return sum;
  }

  // The optimum of the subproblem when it is below `budget`; otherwise some value >= budget
  // (a lower bound). `depth` picks the scratch buffers (the parent's stay untouched).
  std::int64_t Solve(const JobSet& set, Time t, std::int64_t budget, int depth) {
    if (stopped_) return 0;
    Scratch& scratch = scratch_[depth];
    Reduced& reduced = scratch.reduced;
    Reduce(set, t, reduced);
    const std::vector<int>& members = reduced.members;
    const std::int64_t fixed = reduced.front_tardiness;
    t = reduced.start;
    const int m = static_cast<int>(members.size());
    if (m == 0) return fixed;
    if (m == 1) return fixed + std::max<Time>(0, t + p_[members[0]] - d_[members[0]]);
    if (AllOnTimeInEdd(members, t)) return fixed;
    budget -= fixed;
    const int longest = reduced.longest;
    const int k = members[longest];
    const JobSet& tight = reduced.tight;
    const std::uint64_t key = tight.Key();
    if (const MemoTable::Entry* e = memo_.Find(key, t); e != nullptr && (e->used == 1 || e->value >= budget)) {
      return fixed + e->value;
    }
    if ((++visits_ & 1023) == 0 && should_stop_()) {
      Stop("stopped (time limit or stop request) before the proof");
      return 0;
    }
    if (const std::int64_t spt = AllLateInSpt(tight, t); spt >= 0) return fixed + Remember(key, t, spt, -1, true);
    std::vector<int>& by_rank = scratch.by_rank;
    if (options_.bounding) ByRank(members, tight, by_rank);
    if (const std::int64_t low = LowerBound(members, by_rank, tight.first, tight.last, -1, t); low >= budget) {
      return fixed + Remember(key, t, low, -1, false);
    }

    std::int64_t best = budget;  // to beat
    int best_split = -2;         // none found below the budget
    Time before_k = t, finish = t;
    for (int i = 0; i < m; ++i) finish += p_[members[i]];
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
          if (longest + delta + 1 < m && end_k >= d_[members[longest + delta + 1]]) {
            // Due dates rise in EDD order: once k ends after the last one, the first rule
            // fails at every position but the last.
            if (end_k >= d_[members.back()]) delta = m - 2 - longest, end_k = finish - p_[members.back()];
            continue;
          }
          if (delta > 0 && d_[split] >= end_k) continue;
        }
        tried = true;
        const std::int64_t late_k = std::max<Time>(0, end_k - d_[k]);
        const std::int64_t behind_low = LowerBound(members, by_rank, split + 1, tight.last, -1, end_k);
        if (late_k + behind_low + LowerBound(members, by_rank, tight.first, split, k, t) >= best) continue;
        const std::int64_t front = Solve({tight.first, split, tight.low, rank_[k]}, t, options_.bounding ? best - late_k - behind_low : kNoUpperBound, depth + 1);
        if (stopped_) return 0;
        if (front + late_k + behind_low >= best) continue;
        const std::int64_t behind =
            split < tight.last ? Solve({split + 1, tight.last, tight.low, tight.high}, end_k, options_.bounding ? best - front - late_k : kNoUpperBound, depth + 1) : 0;
        if (stopped_) return 0;
        if (front + late_k + behind < best) best = front + late_k + behind, best_split = split;
      }
    }
    if (best_split == -2) {
      return fixed + Remember(key, t, budget, -1, false);
    }
    return fixed + Remember(key, t, best, best_split, true);
  }

  std::int64_t Remember(std::uint64_t key, Time t, std::int64_t value, int split, bool exact) {
    switch (memo_.Store(key, t, value, split, exact, should_stop_)) {
      case MemoTable::StoreResult::kStored:
        break;
      case MemoTable::StoreResult::kFull:
        Stop(fmt::format("memory limit of {} MiB reached ({} subproblems memorised)", options_.memory_mb, memo_.size()));
        break;
      case MemoTable::StoreResult::kStopped:
        Stop("stopped (time limit or stop request) before the proof");
        break;
    }
    return value;
  }

  // Replays Solve's choices from the memo: the same reductions, then k after its split.
  void Rebuild(const JobSet& set, Time t, std::vector<int>& out) const {
    Reduced reduced;
    Reduce(set, t, reduced);
    out.insert(out.end(), reduced.front.begin(), reduced.front.end());
    std::vector<int>& members = reduced.members;
    t = reduced.start;
    const int m = static_cast<int>(members.size());
    if (m == 1 || (m > 1 && AllOnTimeInEdd(members, t))) {
      out.insert(out.end(), members.begin(), members.end());
    } else if (m > 1) {
      const int k = members[reduced.longest];
      const JobSet& tight = reduced.tight;
      const MemoTable::Entry* e = memo_.Find(tight.Key(), t);
      if (e->split < 0) {
        std::sort(members.begin(), members.end(), [&](int x, int y) { return rank_[x] < rank_[y]; });
        out.insert(out.end(), members.begin(), members.end());
      } else {
        Time end_k = t;
        for (int pos : members) {
          if (pos <= e->split) end_k += p_[pos];
        }
        Rebuild({tight.first, e->split, tight.low, rank_[k]}, t, out);
        out.push_back(k);
        Rebuild({e->split + 1, tight.last, tight.low, tight.high}, end_k, out);
      }
    }
    out.insert(out.end(), reduced.back.rbegin(), reduced.back.rend());
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
  struct Scratch {
    Reduced reduced;
    std::vector<int> by_rank;
  };
  std::vector<Scratch> scratch_;
 // one per recursion depth (at most n + 1), so no allocation per call
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
