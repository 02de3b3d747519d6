// Resource feasibility by an event sweep: for each resource, the usage is a step function
// that changes where an operation starts or releases the resource; the capacity is a step
// function that changes at calendar period bounds. Both are swept together in time order
// and every stretch where usage exceeds capacity is reported with the operations present.
#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "check/check_context.h"

namespace ordo::check_detail {
namespace {

struct Event {
  Time time;
  std::int64_t delta;  // +amount at acquisition, -amount at release
  int op;
};

std::int64_t CapacityAt(const Resource& res, Time t, const CapacityPeriod** period) {
  *period = nullptr;
  for (const CapacityPeriod& p : res.calendar) {
    if (p.start <= t && t < p.end) {
      *period = &p;
      return p.capacity;
    }
  }
  return res.capacity;
}

std::string OpList(const std::vector<int>& ops) {
  std::string out;
  for (std::size_t i = 0; i < ops.size(); ++i) out += (i ? ", " : "") + std::to_string(ops[i]);
  return out;
}

void SweepResource(Context& ctx, int r) {
  const Resource& res = ctx.in.resources[r];
  std::vector<Event> events;
  std::vector<Time> times;
  for (std::size_t o = 0; o < ctx.in.operations.size(); ++o) {
    const Time s = ctx.sol.start[o];
    const Time e = ctx.released[o];
    if (s >= e) continue;
    for (const Demand& d : ctx.in.operations[o].modes[ctx.sol.mode[o]].demands) {
      if (d.resource != r || d.amount <= 0) continue;
      // A resumable operation does not use the resource during its zero-capacity periods:
      // its use is [s, e) without them.
      Time from = s;
      if (ctx.in.operations[o].resumable) {
        for (const CapacityPeriod& p : res.calendar) {
          if (p.capacity != 0 || p.end <= from || p.start >= e) continue;
          if (from < p.start) {
            events.push_back({from, d.amount, static_cast<int>(o)});
            events.push_back({p.start, -d.amount, static_cast<int>(o)});
            times.push_back(from);
            times.push_back(p.start);
          }
          from = std::max(from, p.end);
        }
      }
      if (from >= e) continue;
      events.push_back({from, d.amount, static_cast<int>(o)});
      events.push_back({e, -d.amount, static_cast<int>(o)});
      times.push_back(from);
      times.push_back(e);
    }
  }
  if (events.empty()) return;
  for (const CapacityPeriod& p : res.calendar) {
    times.push_back(p.start);
    times.push_back(p.end);
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.time < b.time; });
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());

  std::vector<int> active;
  std::int64_t usage = 0;
  std::size_t next_event = 0;
  bool was_violated = false;
  for (std::size_t k = 0; k + 1 < times.size(); ++k) {
    const Time t = times[k];
    bool someone_entered = false;
    for (; next_event < events.size() && events[next_event].time == t; ++next_event) {
      const Event& ev = events[next_event];
      usage += ev.delta;
      if (ev.delta > 0) {
        active.push_back(ev.op);
        someone_entered = true;
      } else {
        active.erase(std::find(active.begin(), active.end(), ev.op));
      }
    }
    const CapacityPeriod* period = nullptr;
    const std::int64_t cap = CapacityAt(res, t, &period);
    const bool violated = usage > cap;
    if (violated && (!was_violated || someone_entered)) {
      const Time t2 = times[k + 1];
      std::vector<int> ops = active;
      std::sort(ops.begin(), ops.end());
      if (usage > res.capacity || period == nullptr || period->capacity >= res.capacity) {
        // An operation past its processing end still holds the machine only because the
        // shop is blocking: name that rule rather than a plain overlap.
        int blocked_op = -1;
        for (int o : ops) {
          if (ctx.end[o] <= t) blocked_op = o;
        }
        if (blocked_op >= 0) {
          ctx.Add(ViolationKind::Blocking, ops, t,
                  fmt::format("operation {} ends at {} but blocks resource {} ('{}') until its job's next operation "
                              "starts at {}, while operations {} need it during [{}, {})",
                              blocked_op, ctx.end[blocked_op], r, res.name, ctx.released[blocked_op], OpList(ops), t, t2));
        } else if (res.kind == ResourceKind::Machine && res.capacity == 1) {
          ctx.Add(ViolationKind::MachineOverlap, ops, t,
                  fmt::format("operations {} overlap on machine {} ('{}') during [{}, {})", OpList(ops), r, res.name,
                              t, t2));
        } else {
          ctx.Add(ViolationKind::Capacity, ops, t,
                  fmt::format("resource {} ('{}') is used {} > capacity {} during [{}, {}) by operations {}", r,
                              res.name, usage, cap, t, t2, OpList(ops)));
        }
      } else {
        ctx.Add(ViolationKind::Calendar, ops, t,
                fmt::format("operations {} use {} of resource {} ('{}') during [{}, {}), inside calendar period "
                            "[{}, {}) where its capacity is {}",
                            OpList(ops), usage, r, res.name, t, t2, period->start, period->end, period->capacity));
      }
    }
    was_violated = violated;
  }
}

}  // namespace

void CheckResources(Context& ctx) {
  for (std::size_t r = 0; r < ctx.in.resources.size(); ++r) SweepResource(ctx, static_cast<int>(r));
}

// A swap is a cycle of jobs that each move, at one instant t, onto the machine the next job
// of the cycle leaves at t. Each transfer (an operation released at the instant its job's
// next operation starts) points to the operation that leaves the machine it enters; a cycle
// of such pointers is a swap.
void CheckNoSwaps(Context& ctx) {
  const std::size_t n = ctx.in.operations.size();
  std::vector<int> next(n, -1);
  for (const Job& job : ctx.in.jobs) {
    for (std::size_t i = 1; i < job.operations.size(); ++i) next[job.operations[i - 1]] = job.operations[i];
  }
  auto machine_of = [&](int o) { return ctx.in.operations[o].modes[ctx.sol.mode[o]].demands[0].resource; };
  // (machine, time) -> the operation that leaves that machine at that time.
  std::map<std::pair<int, Time>, int> leaving;
  for (std::size_t o = 0; o < n; ++o) {
    if (ctx.sol.start[o] < ctx.released[o]) leaving[{machine_of(static_cast<int>(o)), ctx.released[o]}] = static_cast<int>(o);
  }
  auto transfers = [&](int o) {
    return next[o] >= 0 && ctx.sol.start[o] < ctx.released[o] && ctx.released[o] == ctx.sol.start[next[o]] &&
           ctx.sol.start[next[o]] < ctx.released[next[o]];
  };
  std::vector<int> pointer(n, -1);
  for (std::size_t o = 0; o < n; ++o) {
    if (!transfers(static_cast<int>(o))) continue;
    const auto it = leaving.find({machine_of(next[o]), ctx.released[o]});
    if (it != leaving.end() && it->second != static_cast<int>(o) && transfers(it->second)) pointer[o] = it->second;
  }
  std::vector<int> state(n, 0);  // 0 unseen, 1 on the current path, 2 done
  for (std::size_t s = 0; s < n; ++s) {
    std::vector<int> path;
    int o = static_cast<int>(s);
    while (o >= 0 && state[o] == 0) {
      state[o] = 1;
      path.push_back(o);
      o = pointer[o];
    }
    if (o >= 0 && state[o] == 1) {
      std::vector<int> cycle(std::find(path.begin(), path.end(), o), path.end());
      std::sort(cycle.begin(), cycle.end());
      ctx.Add(ViolationKind::Blocking, cycle, ctx.released[o],
              fmt::format("operations {} swap machines at time {}, but swaps are not allowed", OpList(cycle),
                          ctx.released[o]));
    }
    for (int v : path) state[v] = 2;
  }
}

}  // namespace ordo::check_detail
