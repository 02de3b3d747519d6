#include "solve/dispatch/gt_generator.h"

#include <algorithm>
#include <limits>

namespace ordo {

namespace {
constexpr Time kInf = std::numeric_limits<Time>::max();
}  // namespace

GtGenerator::GtGenerator(const ShopProblem& problem)
    : p_(problem),
      job_total_work_(problem.num_jobs, 0),
      op_of_mode_(problem.modes.size()),
      next_op_(problem.num_jobs),
      job_ready_(problem.num_jobs),
      machine_ready_(problem.num_machines),
      list_(static_cast<std::size_t>(problem.num_machines) * std::max(1, problem.num_jobs)),
      list_size_(problem.num_machines),
      slot_of_mode_(problem.modes.size()),
      min_est_(problem.num_machines),
      min_ect_(problem.num_machines),
      start_(problem.num_ops),
      mode_(problem.num_ops) {
  for (int j = 0; j < p_.num_jobs; ++j) {
    if (p_.job_begin[j] < p_.job_begin[j + 1]) job_total_work_[j] = p_.work_after[p_.job_begin[j]];
  }
  for (int o = 0; o < p_.num_ops; ++o) {
    for (int k = p_.mode_begin[o]; k < p_.mode_begin[o + 1]; ++k) op_of_mode_[k] = o;
  }
}

inline Time GtGenerator::EarliestStart(const Candidate& c, int machine) const {
  const Time t = std::max(c.ready, machine_ready_[machine]);
  return p_.has_downtime ? p_.StartFrom(op_of_mode_[c.mode], machine, t, c.duration) : t;
}

inline Time GtGenerator::EndFrom(const Candidate& c, int machine, Time start) const {
  return p_.has_resumable ? p_.EndFrom(op_of_mode_[c.mode], machine, start, c.duration) : start + c.duration;
}

template <ShopRule kRule>
inline double GtGenerator::StaticKey(int op, int mode) const {
  const int job = p_.job_of[op];
  if constexpr (kRule == ShopRule::Spt) return static_cast<double>(p_.modes[mode].duration);
  if constexpr (kRule == ShopRule::Lpt) return -static_cast<double>(p_.modes[mode].duration);
  if constexpr (kRule == ShopRule::Mwkr) return -static_cast<double>(p_.work_after[op]);
  if constexpr (kRule == ShopRule::Lwkr) return static_cast<double>(p_.work_after[op]);
  if constexpr (kRule == ShopRule::Mopnr) return -static_cast<double>(p_.job_begin[job + 1] - op);
  if constexpr (kRule == ShopRule::Fifo) return static_cast<double>(std::max(job_ready_[job], p_.release[op]));
  if constexpr (kRule == ShopRule::FddMwkr) {
    const Time done = job_total_work_[job] - p_.work_after[op] + p_.mean_duration[op];
    const double fdd = static_cast<double>(p_.job_release[job] + done);
    return fdd / static_cast<double>(std::max<Time>(1, p_.work_after[op]));
  }
  return 0;  // Random draws its key at each decision
}

// Recomputes a machine's cached minima from its candidate list.
inline void GtGenerator::RefreshMachine(int machine) {
  Time best_est = kInf, best_ect = kInf;
  const Candidate* list = &list_[static_cast<std::size_t>(machine) * p_.num_jobs];
  for (int i = 0; i < list_size_[machine]; ++i) {
    const Time est = EarliestStart(list[i], machine);
    best_est = std::min(best_est, est);
    best_ect = std::min(best_ect, EndFrom(list[i], machine, est));
  }
  min_est_[machine] = best_est;
  min_ect_[machine] = best_ect;
}

template <ShopRule kRule>
inline void GtGenerator::AddCandidates(int op) {
  const int job = p_.job_of[op];
  const Time ready = std::max(job_ready_[job], p_.release[op]);
  for (int k = p_.mode_begin[op]; k < p_.mode_begin[op + 1]; ++k) {
    const int m = p_.modes[k].machine;
    slot_of_mode_[k] = list_size_[m];
    Candidate& c = list_[static_cast<std::size_t>(m) * p_.num_jobs + list_size_[m]++];
    c = Candidate{ready, p_.modes[k].duration, StaticKey<kRule>(op, k), k, job};
    const Time est = EarliestStart(c, m);
    min_est_[m] = std::min(min_est_[m], est);
    min_ect_[m] = std::min(min_ect_[m], EndFrom(c, m, est));
  }
}

inline void GtGenerator::RemoveCandidates(int op) {
  for (int k = p_.mode_begin[op]; k < p_.mode_begin[op + 1]; ++k) {
    const int m = p_.modes[k].machine;
    Candidate* list = &list_[static_cast<std::size_t>(m) * p_.num_jobs];
    const Candidate& last = list[--list_size_[m]];
    list[slot_of_mode_[k]] = last;
    slot_of_mode_[last.mode] = slot_of_mode_[k];
  }
}

Time GtGenerator::Run(ShopRule rule, GtVariant variant, Rng& rng) {
  // One instantiation per (rule, variant) keeps the rule's key inlined in the inner loop.
  const bool active = variant == GtVariant::Active;
  switch (rule) {
    case ShopRule::Spt: return active ? RunImpl<ShopRule::Spt, true>(rng) : RunImpl<ShopRule::Spt, false>(rng);
    case ShopRule::Lpt: return active ? RunImpl<ShopRule::Lpt, true>(rng) : RunImpl<ShopRule::Lpt, false>(rng);
    case ShopRule::Mwkr: return active ? RunImpl<ShopRule::Mwkr, true>(rng) : RunImpl<ShopRule::Mwkr, false>(rng);
    case ShopRule::Lwkr: return active ? RunImpl<ShopRule::Lwkr, true>(rng) : RunImpl<ShopRule::Lwkr, false>(rng);
    case ShopRule::Mopnr: return active ? RunImpl<ShopRule::Mopnr, true>(rng) : RunImpl<ShopRule::Mopnr, false>(rng);
    case ShopRule::Fifo: return active ? RunImpl<ShopRule::Fifo, true>(rng) : RunImpl<ShopRule::Fifo, false>(rng);
    case ShopRule::FddMwkr: return active ? RunImpl<ShopRule::FddMwkr, true>(rng) : RunImpl<ShopRule::FddMwkr, false>(rng);
    case ShopRule::Random: return active ? RunImpl<ShopRule::Random, true>(rng) : RunImpl<ShopRule::Random, false>(rng);
  }
  return 0;
}

template <ShopRule kRule, bool kActive>
Time GtGenerator::RunImpl(Rng& rng) {
  std::fill(machine_ready_.begin(), machine_ready_.end(), 0);
  std::fill(list_size_.begin(), list_size_.end(), 0);
  std::fill(min_est_.begin(), min_est_.end(), kInf);
  std::fill(min_ect_.begin(), min_ect_.end(), kInf);
  int remaining = 0;
  for (int j = 0; j < p_.num_jobs; ++j) {
    next_op_[j] = p_.job_begin[j];
    job_ready_[j] = p_.job_release[j];
    remaining += p_.job_begin[j + 1] - p_.job_begin[j];
  }
  for (int j = 0; j < p_.num_jobs; ++j) {
    if (p_.job_begin[j] < p_.job_begin[j + 1]) AddCandidates<kRule>(p_.job_begin[j]);
  }
  Time makespan = 0;
  const Time* pivot_values = kActive ? min_ect_.data() : min_est_.data();

  for (; remaining > 0; --remaining) {
    // 1. Pivot: the machine with the earliest completion (active) or start (non-delay).
    int pivot = 0;
    Time best = pivot_values[0];
    for (int m = 1; m < p_.num_machines; ++m) {
      if (pivot_values[m] < best) {
        best = pivot_values[m];
        pivot = m;
      }
    }
    // 2. Conflict set and rule choice. Active: candidates on the pivot machine that can
    //    start before the earliest completion (zero-length ones at it too). Non-delay:
    //    candidates on any machine that can start at the earliest start. Ties go to the
    //    lower job index, then to the shorter mode.
    double best_key = std::numeric_limits<double>::infinity();
    const Candidate* chosen = nullptr;
    Time chosen_start = 0;
    auto consider = [&](const Candidate& c, Time est) {
      double key;
      if constexpr (kRule == ShopRule::Random) {
        key = rng.Uniform01();
      } else {
        key = c.key;
      }
      if (chosen == nullptr || key < best_key ||
          (key == best_key && (c.job < chosen->job || (c.job == chosen->job && c.duration < chosen->duration)))) {
        best_key = key;
        chosen = &c;
        chosen_start = est;
      }
    };
    if constexpr (kActive) {
      const Candidate* list = &list_[static_cast<std::size_t>(pivot) * p_.num_jobs];
      for (int i = 0; i < list_size_[pivot]; ++i) {
        const Time est = EarliestStart(list[i], pivot);
        if (est < best || (est == best && list[i].duration == 0)) consider(list[i], est);
      }
    } else {
      for (int m = pivot; m < p_.num_machines; ++m) {
        if (min_est_[m] != best) continue;
        const Candidate* list = &list_[static_cast<std::size_t>(m) * p_.num_jobs];
        for (int i = 0; i < list_size_[m]; ++i) {
          const Time est = EarliestStart(list[i], m);
          if (est == best) consider(list[i], est);
        }
      }
    }
    // 3. Schedule the choice, then refresh the machines whose candidates changed.
    const int k = chosen->mode;
    const int job = chosen->job;
    const int op = op_of_mode_[k];
    const int machine = p_.modes[k].machine;
    const Time e = EndFrom(*chosen, machine, chosen_start);
    start_[op] = chosen_start;
    mode_[op] = k;
    job_ready_[job] = e;
    machine_ready_[machine] = std::max(machine_ready_[machine], e);
    makespan = std::max(makespan, e);
    RemoveCandidates(op);
    for (int q = p_.mode_begin[op]; q < p_.mode_begin[op + 1]; ++q) RefreshMachine(p_.modes[q].machine);
    if (++next_op_[job] < p_.job_begin[job + 1]) AddCandidates<kRule>(next_op_[job]);
  }
  return makespan;
}

}  // namespace ordo
