#include "solve/shop/blocking_insertion.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rng.h"
#include "solve/shop/shop_problem.h"

namespace ordo {

std::vector<ParamSpec> BlockingInsertionParams() {
  return {
      {"rule", ParamType::Choice, "best", 0, 0, {"mwkr", "lwkr", "release", "random", "best"},
       "job insertion order: most/least total work first, by release date, random; best = the three fixed orders"},
      {"samples", ParamType::Int, "1", 1, 1e9, {}, "random orders tried with rule=random (stops earlier at the time limit)"},
  };
}

namespace {

constexpr Time kInf = std::numeric_limits<Time>::max() / 4;

struct Interval {
  Time start, end;
};

// Occupied intervals of one machine, sorted and disjoint (touching allowed).
class Timetable {
 public:
  // Earliest t >= from with [t, t + length) free; *gap_end receives the start of the next
  // occupation after t (kInf if none).
  Time FirstFit(Time from, Time length, Time* gap_end) const {
    Time t = from;
    for (const Interval& iv : busy_) {
      if (iv.end <= t) continue;
      if (t + length <= iv.start && !(length == 0 && iv.start < t)) {
        *gap_end = iv.start;
        return t;
      }
      t = std::max(t, iv.end);
    }
    *gap_end = kInf;
    return t;
  }
  // Free during [a, b)?
  bool Free(Time a, Time b) const {
    for (const Interval& iv : busy_) {
      if (iv.start < b && a < iv.end) return false;
    }
    return true;
  }
  bool SomeoneStartsAt(Time t) const {
    return std::any_of(busy_.begin(), busy_.end(), [t](const Interval& iv) { return iv.start == t; });
  }
  bool SomeoneEndsAt(Time t) const {
    return std::any_of(busy_.begin(), busy_.end(), [t](const Interval& iv) { return iv.end == t; });
  }
  void Add(Time a, Time b) {
    if (a >= b) return;
    busy_.insert(std::upper_bound(busy_.begin(), busy_.end(), a, [](Time x, const Interval& iv) { return x < iv.start; }),
                 Interval{a, b});
  }
  void Clear() { busy_.clear(); }

 private:
  std::vector<Interval> busy_;
};

class BlockingInsertion : public Solver {
 public:
  BlockingInsertion(std::string order, std::int64_t samples) : order_(std::move(order)), samples_(samples) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    shop_ = BuildShopProblem(instance);
    no_swaps_ = instance.blocking && !instance.allow_swaps;
    const std::int64_t bound = TrivialLowerBound(instance);
    Rng rng(control.seed);
    std::optional<Solution> best;
    SolveStats stats;
    auto run = [&](const std::vector<int>& order) {
      Build(order);
      ++stats.schedules;
      KeepBetterAndReport(best, ToSolution(instance, shop_, start_, mode_), bound, control);
    };
    std::vector<int> jobs(shop_.num_jobs);
    std::iota(jobs.begin(), jobs.end(), 0);
    auto work = [&](int j) { return shop_.job_begin[j] < shop_.job_begin[j + 1] ? shop_.work_after[shop_.job_begin[j]] : 0; };
    for (const char* name : {"mwkr", "lwkr", "release"}) {
      if (order_ != name && order_ != "best") continue;
      std::vector<int> order = jobs;
      const std::string n = name;
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (n == "mwkr") return work(a) > work(b);
        if (n == "lwkr") return work(a) < work(b);
        return shop_.job_release[a] < shop_.job_release[b];
      });
      run(order);
      if (control.ShouldStop()) break;
    }
    if (order_ == "random") {
      for (std::int64_t i = 0; i < samples_ && (i == 0 || !control.ShouldStop()); ++i) {
        std::vector<int> order = jobs;
        for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng.Below(k)]);
        run(order);
      }
    }
    return FinishResult(instance, std::move(best), bound, control, stats);
  }

 private:
  void Build(const std::vector<int>& order) {
    machines_.assign(shop_.num_machines, Timetable{});
    for (int m = 0; m < shop_.num_machines; ++m) {
      for (const Downtime& d : shop_.downtime[m]) machines_[m].Add(d.start, d.end);
    }
    start_.assign(shop_.num_ops, 0);
    mode_.assign(shop_.num_ops, 0);
    for (int j : order) Insert(j);
  }

  // Places job j at the earliest start from which every operation can follow without
  // conflict; on failure at some stage, retries from a later start of the first operation.
  void Insert(int j) {
    const int first = shop_.job_begin[j], last = shop_.job_begin[j + 1];
    if (first == last) return;
    std::vector<Time> s(last - first);
    std::vector<int> k(last - first);
    Time from = shop_.release[first];
    while (true) {
      Time next_from = kInf;
      if (TryFrom(j, from, s, k, &next_from)) break;
      from = std::max(from + 1, next_from);
    }
    for (int o = first; o < last; ++o) {
      const int i = o - first;
      start_[o] = s[i];
      mode_[o] = k[i];
      const Time hold_end = o + 1 < last ? s[i + 1] : s[i] + shop_.modes[k[i]].duration;
      machines_[shop_.modes[k[i]].machine].Add(s[i], hold_end);
    }
  }

  // Tries to run job j with its first operation starting at or after from. On failure sets
  // *next_from to a later start worth trying.
  bool TryFrom(int j, Time from, std::vector<Time>& s, std::vector<int>& k, Time* next_from) {
    const int first = shop_.job_begin[j], last = shop_.job_begin[j + 1];
    Time gap_end = kInf;  // the current machine must be left by then
    int prev_machine = -1;
    for (int o = first; o < last; ++o) {
      const int i = o - first;
      Time best_t = kInf, best_gap = kInf, earliest_any = kInf;
      int best_k = -1;
      for (int q = shop_.mode_begin[o]; q < shop_.mode_begin[o + 1]; ++q) {
        const ShopMode& m = shop_.modes[q];
        Time earliest = i == 0 ? std::max(from, shop_.release[o]) : std::max(s[i - 1] + shop_.modes[k[i - 1]].duration, shop_.release[o]);
        Time g = kInf;
        Time t = machines_[m.machine].FirstFit(earliest, std::max<Time>(m.duration, 0), &g);
        // The previous machine is held until t: it must stay free that long, and without
        // swaps the transfer at t must not close a cycle.
        while (i > 0 && t <= gap_end && no_swaps_ && machines_[prev_machine].SomeoneStartsAt(t) &&
               machines_[m.machine].SomeoneEndsAt(t)) {
          t = machines_[m.machine].FirstFit(t + 1, m.duration, &g);
        }
        earliest_any = std::min(earliest_any, t);
        if (i > 0 && t > gap_end) continue;
        if (t < best_t) {
          best_t = t;
          best_gap = g;
          best_k = q;
        }
      }
      if (best_k < 0) {
        // The previous machine cannot be held until this operation can start: start the
        // whole job later, by at least the shortfall (any later start keeps the search
        // complete, since far enough ahead every machine is free).
        *next_from = s[0] + std::max<Time>(1, earliest_any - gap_end);
        return false;
      }
      s[i] = best_t;
      k[i] = best_k;
      // Hold the machine from s[i] onwards: it must be free from s[i] until we leave it.
      gap_end = best_gap;
      prev_machine = shop_.modes[best_k].machine;
      if (i > 0 && !machines_[shop_.modes[k[i - 1]].machine].Free(s[i - 1], s[i])) {
        *next_from = s[0] + 1;
        return false;
      }
    }
    return true;
  }

  std::string order_;
  std::int64_t samples_;
  ShopProblem shop_;
  bool no_swaps_ = false;
  std::vector<Timetable> machines_;
  std::vector<Time> start_;
  std::vector<int> mode_;
};

}  // namespace

std::unique_ptr<Solver> MakeBlockingInsertion(const ParamValues& params) {
  return std::make_unique<BlockingInsertion>(params.GetChoice("rule"), params.GetInt("samples"));
}

}  // namespace ordo
