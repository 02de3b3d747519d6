// Flat, cache-friendly view of a (flexible) job shop for the shop solvers: operations
// renumbered job by job in routing order, modes as (machine, duration) pairs in one array,
// machine downtime as sorted intervals. Built once per solve from a validated Instance whose
// family is JobShop or FlexibleJobShop.
#pragma once

#include <cstdint>
#include <vector>

#include "model/instance.h"

namespace ordo {

struct ShopMode {
  int machine;
  Time duration;
  int model_mode;  // index into Operation::modes
};

struct Downtime {
  Time start;
  Time end;
};

struct ShopProblem {
  int num_jobs = 0;
  int num_machines = 0;
  int num_ops = 0;
  bool flexible = false;
  bool has_downtime = false;
  bool has_resumable = false;     // some resumable operation can run on a machine with downtime

  std::vector<int> job_begin;     // ops of job j are job_begin[j] .. job_begin[j+1]-1
  std::vector<int> job_of;        // per op
  std::vector<int> model_op;      // flat op -> Instance operation index
  std::vector<int> mode_begin;    // modes of op o are mode_begin[o] .. mode_begin[o+1]-1
  std::vector<ShopMode> modes;
  std::vector<Time> release;      // per op: max(op release, job release)
  std::vector<Time> deadline;     // per op: min(op deadline, job deadline)
  std::vector<char> resumable;    // per op: pauses during downtime instead of avoiding it
  std::vector<Time> job_release;
  std::vector<Time> job_due;
  std::vector<std::int64_t> job_weight;
  std::vector<Time> mean_duration;  // per op, rounded down mean over its modes
  std::vector<Time> work_after;     // per op: sum of mean durations of this op and its successors
  std::vector<std::vector<Downtime>> downtime;  // per machine, sorted, disjoint

  // Earliest t >= from such that [t, t + duration) misses every downtime of machine.
  Time EarliestFit(int machine, Time from, Time duration) const;
  // Latest e <= until such that [e - duration, e) misses every downtime of machine.
  Time LatestFitEnd(int machine, Time until, Time duration) const;
  // Earliest t >= from outside every downtime of machine.
  Time WorkStart(int machine, Time from) const;
  // When an operation started at start on machine has worked duration outside downtime.
  Time WorkEnd(int machine, Time start, Time duration) const;
  // Earliest start at or after from of op on machine, and its end when started at start:
  // EarliestFit and start + duration, or WorkStart and WorkEnd for a resumable op.
  Time StartFrom(int op, int machine, Time from, Time duration) const {
    return resumable[op] ? WorkStart(machine, from) : EarliestFit(machine, from, duration);
  }
  Time EndFrom(int op, int machine, Time start, Time duration) const {
    return resumable[op] ? WorkEnd(machine, start, duration) : start + duration;
  }
};

ShopProblem BuildShopProblem(const Instance& instance);

// Writes a shop schedule (flat op -> start and chosen ShopMode index) as a model Solution
// with its objective.
Solution ToSolution(const Instance& instance, const ShopProblem& shop, const std::vector<Time>& start,
                    const std::vector<int>& mode);

}  // namespace ordo
