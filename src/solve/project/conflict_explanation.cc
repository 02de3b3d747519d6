#include "solve/project/conflict_explanation.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "solve/project/feasibility.h"

namespace ordo {

using Kind = ConstraintGroup::Kind;

std::vector<ConstraintGroup> ConstraintGroups(const Instance& in) {
  // Resources and calendars first: dropping a whole resource early makes the later checks
  // smaller, and what remains at the end tends to be the windows and lags a planner edits.
  std::vector<ConstraintGroup> groups;
  for (std::size_t r = 0; r < in.resources.size(); ++r) {
    bool used = false;
    for (const Operation& op : in.operations) {
      for (const Mode& m : op.modes) {
        for (const Demand& d : m.demands) used |= d.resource == static_cast<int>(r) && d.amount > 0;
      }
    }
    if (!used) continue;
    groups.push_back({Kind::ResourceCapacity, static_cast<int>(r), 0});
    // Only periods below the base capacity (downtime, reduced shifts) are constraints that
    // can be dropped; one above it grants capacity, and dropping it would tighten the
    // instance and break the deletion filter's monotonicity. Those stay with the resource.
    for (std::size_t p = 0; p < in.resources[r].calendar.size(); ++p) {
      if (in.resources[r].calendar[p].capacity < in.resources[r].capacity) {
        groups.push_back({Kind::CalendarPeriod, static_cast<int>(r), static_cast<int>(p)});
      }
    }
  }
  for (std::size_t k = 0; k < in.disjunctive.size(); ++k) groups.push_back({Kind::Disjunctive, static_cast<int>(k), 0});
  for (std::size_t k = 0; k < in.precedences.size(); ++k) groups.push_back({Kind::Precedence, static_cast<int>(k), 0});
  for (std::size_t j = 0; j < in.jobs.size(); ++j) {
    if (in.jobs[j].release > 0) groups.push_back({Kind::JobRelease, static_cast<int>(j), 0});
    if (in.jobs[j].deadline != kNoDeadline) groups.push_back({Kind::JobDeadline, static_cast<int>(j), 0});
  }
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    if (in.operations[o].release > 0) groups.push_back({Kind::OperationRelease, static_cast<int>(o), 0});
    if (in.operations[o].deadline != kNoDeadline) groups.push_back({Kind::OperationDeadline, static_cast<int>(o), 0});
  }
  return groups;
}

Instance KeepOnly(const Instance& in, const std::vector<ConstraintGroup>& kept) {
  Instance out = in;
  out.precedences.clear();
  out.disjunctive.clear();
  for (Job& j : out.jobs) {
    j.release = 0;
    j.deadline = kNoDeadline;
  }
  for (Operation& op : out.operations) {
    op.release = 0;
    op.deadline = kNoDeadline;
  }
  std::vector<char> resource_kept(in.resources.size(), 0);
  std::vector<std::vector<char>> period_kept(in.resources.size());
  for (std::size_t r = 0; r < in.resources.size(); ++r) period_kept[r].assign(in.resources[r].calendar.size(), 0);
  for (const ConstraintGroup& g : kept) {
    switch (g.kind) {
      case Kind::Precedence: out.precedences.push_back(in.precedences[g.index]); break;
      case Kind::OperationRelease: out.operations[g.index].release = in.operations[g.index].release; break;
      case Kind::OperationDeadline: out.operations[g.index].deadline = in.operations[g.index].deadline; break;
      case Kind::JobRelease: out.jobs[g.index].release = in.jobs[g.index].release; break;
      case Kind::JobDeadline: out.jobs[g.index].deadline = in.jobs[g.index].deadline; break;
      case Kind::Disjunctive: out.disjunctive.push_back(in.disjunctive[g.index]); break;
      case Kind::CalendarPeriod: period_kept[g.index][g.period] = 1; break;
      case Kind::ResourceCapacity: resource_kept[g.index] = 1; break;
    }
  }
  for (std::size_t r = 0; r < in.resources.size(); ++r) {
    std::vector<CapacityPeriod>& calendar = out.resources[r].calendar;
    calendar.clear();
    for (std::size_t p = 0; p < in.resources[r].calendar.size(); ++p) {
      const CapacityPeriod& period = in.resources[r].calendar[p];
      if (period_kept[r][p] != 0 || period.capacity >= in.resources[r].capacity) calendar.push_back(period);
    }
  }
  // A resource left out is not used by anyone (its demands go; the operations stay).
  for (Operation& op : out.operations) {
    for (Mode& m : op.modes) {
      std::erase_if(m.demands, [&](const Demand& d) { return resource_kept[d.resource] == 0; });
    }
  }
  return out;
}

namespace {

std::string OperationName(const Instance& in, int o) {
  const std::string& name = in.operations[o].name;
  const bool numeric = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  if (name.empty()) return fmt::format("operation {}", o);
  return numeric ? fmt::format("activity {}", name) : fmt::format("\"{}\"", name);
}

std::string JobName(const Instance& in, int j) {
  return in.jobs[j].name.empty() ? fmt::format("job {}", j) : fmt::format("job \"{}\"", in.jobs[j].name);
}

std::string ResourceName(const Instance& in, int r) {
  return in.resources[r].name.empty() ? fmt::format("resource {}", r) : fmt::format("resource \"{}\"", in.resources[r].name);
}

std::string DescribePrecedence(const Instance& in, const Precedence& p) {
  const std::string from = OperationName(in, p.from), to = OperationName(in, p.to);
  const bool end = p.type == PrecedenceType::EndToStart;
  if (p.lag == 0) return fmt::format("{} starts after {} {}", to, from, end ? "ends" : "starts");
  if (p.lag > 0) return fmt::format("{} starts at least {} after {} {}", to, p.lag, from, end ? "ends" : "starts");
  // S_to >= X_from - L, i.e. X_from <= S_to + L: a maximum time lag.
  return fmt::format("{} {} at most {} after {} starts", from, end ? "ends" : "starts", -p.lag, to);
}

std::string DescribeCapacity(const Instance& in, int r) {
  std::vector<std::string> users;
  int count = 0;
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    std::int64_t amount = 0;
    for (const Demand& d : in.operations[o].modes[0].demands) {
      if (d.resource == r) amount += d.amount;
    }
    if (amount <= 0) continue;
    if (++count <= 6) users.push_back(fmt::format("{} needs {}", OperationName(in, static_cast<int>(o)), amount));
  }
  std::string list = fmt::format("{}", fmt::join(users, ", "));
  if (count > 6) list += fmt::format(" and {} more", count - 6);
  // Periods above the base capacity belong to the resource (see ConstraintGroups).
  std::vector<std::string> raised;
  for (const CapacityPeriod& p : in.resources[r].calendar) {
    if (p.capacity > in.resources[r].capacity) raised.push_back(fmt::format("{} during [{}, {})", p.capacity, p.start, p.end));
  }
  const std::string capacity = raised.empty() ? fmt::format("{}", in.resources[r].capacity)
                                              : fmt::format("{} ({})", in.resources[r].capacity, fmt::join(raised, ", "));
  return fmt::format("{} has capacity {} ({})", ResourceName(in, r), capacity, list);
}

}  // namespace

std::string Describe(const Instance& in, const ConstraintGroup& g) {
  switch (g.kind) {
    case Kind::Precedence: return DescribePrecedence(in, in.precedences[g.index]);
    case Kind::OperationRelease:
      return fmt::format("{} cannot start before {} (its release date)", OperationName(in, g.index), in.operations[g.index].release);
    case Kind::OperationDeadline:
      return fmt::format("{} must end by {} (its deadline)", OperationName(in, g.index), in.operations[g.index].deadline);
    case Kind::JobRelease:
      return fmt::format("{} cannot start before {} (its release date)", JobName(in, g.index), in.jobs[g.index].release);
    case Kind::JobDeadline:
      return fmt::format("{} must end by {} (its deadline)", JobName(in, g.index), in.jobs[g.index].deadline);
    case Kind::Disjunctive: {
      const DisjunctivePair& p = in.disjunctive[g.index];
      return fmt::format("{} and {} cannot overlap", OperationName(in, p.a), OperationName(in, p.b));
    }
    case Kind::CalendarPeriod: {
      const CapacityPeriod& p = in.resources[g.index].calendar[g.period];
      if (p.capacity == 0) return fmt::format("{} is down during [{}, {})", ResourceName(in, g.index), p.start, p.end);
      return fmt::format("{} has capacity {} during [{}, {})", ResourceName(in, g.index), p.capacity, p.start, p.end);
    }
    case Kind::ResourceCapacity: return DescribeCapacity(in, g.index);
  }
  return "";
}

ConflictExplanation ExplainInfeasibility(const Instance& instance, const std::function<bool()>& should_stop) {
  ConflictExplanation result;
  std::vector<ConstraintGroup> kept = ConstraintGroups(instance);
  // Deletion filter: each group is tried once. Dropping constraints only removes conflicts,
  // so a group found necessary stays necessary as the kept set shrinks.
  for (std::size_t i = 0; i < kept.size();) {
    if (should_stop()) {
      result.minimal = false;
      break;
    }
    std::vector<ConstraintGroup> without = kept;
    without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
    ++result.checks;
    const FeasibilityVerdict v = DecideFeasibility(KeepOnly(instance, without), should_stop);
    if (v.verdict == Feasibility::Infeasible) {
      kept = std::move(without);
    } else {
      if (v.verdict == Feasibility::Unknown) result.minimal = false;
      ++i;
    }
  }
  result.groups = kept;
  for (const ConstraintGroup& g : kept) result.sentences.push_back(Describe(instance, g));
  return result;
}

}  // namespace ordo
