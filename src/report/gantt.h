// Gantt chart as a self-contained HTML page: inline SVG and CSS, no external scripts, fonts
// or styles, and well-formed XML (XHTML-compatible) so that tests can parse it.
//
// Layout
//   * Shops (every resource a unit machine, one unit demand per mode): one row per machine,
//     in resource order, plus a row "no resource" for operations whose mode has no demand.
//   * Projects (any Renewable resource, several demands or non-unit amounts/capacities):
//     one row per activity (packed into lanes above 150 activities) and, below, one usage
//     profile per resource against its capacity, calendar periods included.
//   * Every operation is exactly one `<rect class="bar" data-op="INDEX">`, inside a group
//     `<g class="op" data-job="J">` whose `<title>` is the tooltip
//     "job 3 op 2 (name) machine M1: start 10, end 25, duration 15". Bars are coloured per
//     job and labelled (the operation name, or "J3.2") when the label fits.
//   * Blocking shops: the time an operation keeps its machine after processing (until the
//     next operation of its job starts) is a lighter `rect class="blocked"`.
//   * Calendar periods of capacity 0 on machine rows are grey hatched `rect class="downtime"`.
//   * Time axis with 1/2/5 x 10^k ticks, makespan line (class "makespan"), job colour legend
//     for at most 50 jobs. Output size is linear in operations + calendar periods.
//
// A solution whose vectors do not match the instance (or an instance with indices out of
// range) yields a short page stating the error instead of a chart; it never throws.
#pragma once

#include <string>

#include "model/instance.h"

namespace ordo {

struct GanttOptions {
  std::string title;     // shown at the top (the instance name when empty)
  std::string subtitle;  // e.g. "makespan 55, bound 55, solver gt-active"
};

std::string RenderGanttHtml(const Instance& instance, const Solution& solution, const GanttOptions& options);

}  // namespace ordo
