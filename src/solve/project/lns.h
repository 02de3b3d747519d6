// Large neighbourhood search for project schedules with the exact engine as repair, after
// Godard, Laborie & Nuijten, "Randomized large neighborhood search for cumulative
// scheduling" (ICAPS 2005): from the incumbent, a share of the activities is freed; the
// others keep, on every resource they use, the order they have in the incumbent (a partial
// order schedule: precedence edges to their immediate predecessors on that resource), and
// the lazy clause generation model searches, under a conflict budget, for a schedule
// shorter than the incumbent. The share adapts: it grows when a neighbourhood is proved to
// hold nothing better, and shrinks when the budget runs out first.
#pragma once

#include <cstdint>
#include <functional>

#include "model/instance.h"
#include "solve/lcg/engine.h"
#include "solve/lcg/timetable.h"
#include "solve/project/project_incumbent.h"
#include "solve/solver.h"

namespace ordo {

struct LnsOptions {
  double free_share = 0.2;             // initial share of activities freed per neighbourhood
  double min_share = 0.05;             // bounds of the adaptation
  double max_share = 0.9;
  std::int64_t conflicts = 500;        // conflict budget of one repair
  std::int64_t max_neighbourhoods = 0; // 0 = until stopped
  lcg::EngineOptions engine;
  lcg::CumulativeReasoning reasoning;  // the solver's overload / edge_finding settings, for the repairs too
};

struct LnsStats {
  std::int64_t neighbourhoods = 0;
  std::int64_t improvements = 0;
  std::int64_t exhausted = 0;  // neighbourhoods proved to hold no shorter schedule
  std::int64_t conflicts = 0;
};

// Improves `incumbent` (which must hold a schedule; LcgUnsupported empty and the makespan the
// only objective term) until should_stop(), incumbent.done() or the neighbourhood budget. Deterministic for
// a seed when nothing else offers to the incumbent.
LnsStats RunProjectLns(const Instance& instance, const LnsOptions& options, std::uint64_t seed, ProjectIncumbent& incumbent,
                       const std::function<bool()>& should_stop);

}  // namespace ordo
