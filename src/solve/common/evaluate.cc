#include "solve/common/evaluate.h"

#include <algorithm>

#include "model/calendar.h"
#include "model/int128.h"

namespace ordo {

namespace {

// Sum of the weighted terms given job completion times; makespan may exceed the latest
// completion when it is a bound rather than a schedule's value.
std::int64_t ObjectiveOfCompletions(const Instance& in, const std::vector<Time>& completion, Time makespan) {
  std::int64_t total = 0;
  for (const ObjectiveTerm& term : in.objective.terms) {
    std::int64_t value = 0;
    switch (term.kind) {
      case ObjectiveKind::Makespan: value = makespan; break;
      case ObjectiveKind::TotalWeightedTardiness:
        for (std::size_t j = 0; j < in.jobs.size(); ++j) value += in.jobs[j].weight * std::max<Time>(0, completion[j] - in.jobs[j].due);
        break;
      case ObjectiveKind::TotalWeightedCompletion:
        for (std::size_t j = 0; j < in.jobs.size(); ++j) value += in.jobs[j].weight * completion[j];
        break;
      case ObjectiveKind::MaxLateness:
        value = completion.empty() ? 0 : completion[0] - in.jobs[0].due;
        for (std::size_t j = 1; j < in.jobs.size(); ++j) value = std::max(value, completion[j] - in.jobs[j].due);
        break;
    }
    total += term.weight * value;
  }
  return total;
}

}  // namespace

std::int64_t EvaluateObjective(const Instance& in, const std::vector<Time>& op_end) {
  std::vector<Time> completion;
  return EvaluateObjective(in, op_end, completion);
}

std::int64_t EvaluateObjective(const Instance& in, const std::vector<Time>& op_end, std::vector<Time>& completion) {
  completion.assign(in.jobs.size(), 0);
  Time makespan = 0;
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    completion[in.operations[o].job] = std::max(completion[in.operations[o].job], op_end[o]);
    makespan = std::max(makespan, op_end[o]);
  }
  return ObjectiveOfCompletions(in, completion, makespan);
}

std::int64_t EvaluateObjective(const Instance& in, const Solution& sol) {
  std::vector<Time> end(in.operations.size());
  for (std::size_t o = 0; o < end.size(); ++o) end[o] = OperationEnd(in, static_cast<int>(o), sol.mode[o], sol.start[o]);
  return EvaluateObjective(in, end);
}

namespace {

Time ShortestDuration(const Operation& op) {
  Time d = op.modes.front().duration;
  for (const Mode& m : op.modes) d = std::min(d, m.duration);
  return d;
}

// Earliest start of every operation ignoring resources: releases pushed through the
// precedences by label correction (terminates: validation excluded positive cycles).
std::vector<Time> EarliestStarts(const Instance& in) {
  const std::size_t n = in.operations.size();
  std::vector<Time> est(n);
  for (std::size_t o = 0; o < n; ++o) est[o] = std::max(in.operations[o].release, in.jobs[in.operations[o].job].release);
  for (std::size_t round = 0; round < n + 1; ++round) {
    bool changed = false;
    for (const Precedence& p : in.precedences) {
      const Time base = est[p.from] + p.lag + (p.type == PrecedenceType::EndToStart ? ShortestDuration(in.operations[p.from]) : 0);
      if (base > est[p.to]) {
        est[p.to] = base;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return est;
}

}  // namespace

std::int64_t TrivialLowerBound(const Instance& in) {
  const std::vector<Time> est = EarliestStarts(in);
  std::vector<Time> completion(in.jobs.size(), 0);
  Time makespan = 0;
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    const Time c = est[o] + ShortestDuration(in.operations[o]);
    completion[in.operations[o].job] = std::max(completion[in.operations[o].job], c);
    makespan = std::max(makespan, c);
  }
  // Energy: an operation certainly uses resource r when every mode does.
  for (std::size_t r = 0; r < in.resources.size(); ++r) {
    const Resource& res = in.resources[r];
    std::int64_t peak = res.capacity;
    for (const CapacityPeriod& p : res.calendar) peak = std::max(peak, p.capacity);
    if (peak <= 0) continue;
    Int128 energy = 0;
    Time first = -1;
    for (std::size_t o = 0; o < in.operations.size(); ++o) {
      std::int64_t least = -1;
      for (const Mode& mode : in.operations[o].modes) {
        std::int64_t use = 0;
        for (const Demand& d : mode.demands) {
          if (d.resource == static_cast<int>(r)) use += d.amount * mode.duration;
        }
        least = least < 0 ? use : std::min(least, use);
      }
      if (least > 0) {
        energy += least;
        first = first < 0 ? est[o] : std::min(first, est[o]);
      }
    }
    if (energy > 0) makespan = std::max<Time>(makespan, first + static_cast<Time>((energy + peak - 1) / peak));
  }
  return ObjectiveOfCompletions(in, completion, makespan);
}

}  // namespace ordo
