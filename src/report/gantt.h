// Gantt chart as a self-contained HTML page (inline SVG and CSS, no external resources),
// well-formed XML so that tests can parse it: one row per machine (shops) or per activity
// (projects), one `rect class="bar"` per operation with a tooltip, colour per job, blocked
// time and machine downtime shaded, and for renewable resources a usage profile against
// the capacity (calendar included).
#pragma once

#include <string>

#include "model/instance.h"

namespace ordo {

struct GanttOptions {
  std::string title;
  std::string subtitle;
};

std::string RenderGanttHtml(const Instance& instance, const Solution& solution, const GanttOptions& options);

}  // namespace ordo
