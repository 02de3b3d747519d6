#include "model/family.h"

#include <cstddef>

namespace ordo {

std::string_view ToString(Family family) {
  switch (family) {
    case Family::SingleMachine: return "single-machine";
    case Family::JobShop: return "job-shop";
    case Family::FlexibleJobShop: return "flexible-job-shop";
    case Family::Rcpsp: return "rcpsp";
    case Family::General: return "general";
  }
  return "unknown";
}

bool IsShop(Family family) {
  return family == Family::JobShop || family == Family::FlexibleJobShop;
}

namespace {

// Every mode uses exactly one unit-capacity resource with demand 1.
bool EveryModeUsesOneMachine(const Instance& in) {
  for (const Operation& op : in.operations) {
    for (const Mode& mode : op.modes) {
      if (mode.demands.size() != 1 || mode.demands[0].amount != 1) return false;
      if (in.resources[mode.demands[0].resource].capacity != 1) return false;
    }
  }
  return true;
}

// The precedences are exactly the chains given by the jobs' operation lists, end-to-start
// with zero lag, each link once.
bool PrecedencesAreJobChains(const Instance& in) {
  std::size_t links = 0;
  for (const Job& job : in.jobs) links += job.operations.empty() ? 0 : job.operations.size() - 1;
  if (links != in.precedences.size()) return false;
  std::size_t k = 0;
  for (const Job& job : in.jobs) {
    for (std::size_t i = 1; i < job.operations.size(); ++i, ++k) {
      const Precedence& p = in.precedences[k];
      if (p.from != job.operations[i - 1] || p.to != job.operations[i] || p.lag != 0 ||
          p.type != PrecedenceType::EndToStart) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

Family ClassifyFamily(const Instance& in) {
  bool single_mode = true;
  for (const Operation& op : in.operations) single_mode = single_mode && op.modes.size() == 1;
  const bool shop = in.disjunctive.empty() && EveryModeUsesOneMachine(in) && PrecedencesAreJobChains(in);
  if (shop) {
    bool one_op_per_job = true;
    for (const Job& job : in.jobs) one_op_per_job = one_op_per_job && job.operations.size() == 1;
    if (single_mode && one_op_per_job && in.resources.size() == 1 && in.resources[0].calendar.empty() &&
        !in.blocking) {
      return Family::SingleMachine;
    }
    return single_mode ? Family::JobShop : Family::FlexibleJobShop;
  }
  return single_mode ? Family::Rcpsp : Family::General;
}

}  // namespace ordo
