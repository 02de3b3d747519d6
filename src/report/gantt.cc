#include "report/gantt.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "model/calendar.h"

namespace ordo {
namespace {

// ---------------------------------------------------------------------------------------
// Text

// Appends `s` escaped for XML text and attribute values. Characters XML 1.0 forbids
// (control characters, invalid or non-character UTF-8) become '?', so that any name read
// from a file yields a parseable page.
void AppendEscaped(std::string& out, std::string_view s) {
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ? '?' : static_cast<char>(c);
      }
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2, cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3, cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4, cp = c & 0x07;
    }
    bool valid = len != 0 && i + len <= n;
    for (std::size_t k = 1; valid && k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      valid = (b & 0xC0) == 0x80;
      cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr std::array<std::uint32_t, 5> kMin{0, 0, 0x80, 0x800, 0x10000};
    valid = valid && cp >= kMin[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0xFFFE &&
            cp != 0xFFFF;
    if (valid) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += '?';
      ++i;
    }
  }
}

// At most `max_chars` bytes of `s`, cut at a UTF-8 character boundary, with "..." if cut.
std::string Shorten(const std::string& s, std::size_t max_chars) {
  if (s.size() <= max_chars) return s;
  std::size_t cut = max_chars;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "...";
}

// ---------------------------------------------------------------------------------------
// Colours

struct JobColour {
  std::string fill;  // "#rrggbb"
  const char* text;  // label colour with enough contrast on `fill`
};

// A palette of twelve well-separated hues; beyond twelve jobs it cycles with shifted hue,
// saturation and lightness so that neighbouring jobs stay distinguishable. Deterministic.
JobColour ColourOfJob(int job) {
  static constexpr std::array<double, 12> kHue{210, 28, 125, 355, 275, 180, 48, 320, 90, 240, 15, 160};
  static constexpr std::array<double, 5> kLight{0.50, 0.37, 0.64, 0.44, 0.58};
  static constexpr std::array<double, 3> kSat{0.62, 0.48, 0.78};
  const int j = std::max(job, 0);
  const int base = j % static_cast<int>(kHue.size());
  const int cycle = j / static_cast<int>(kHue.size());
  const double h = std::fmod(kHue[base] + 11.0 * (cycle % 3) - 7.0 * (cycle % 2) + 360.0, 360.0);
  const double s = kSat[cycle % kSat.size()];
  const double l = kLight[cycle % kLight.size()];
  // HSL to RGB.
  const double chroma = (1 - std::fabs(2 * l - 1)) * s;
  const double hp = h / 60.0;
  const double x = chroma * (1 - std::fabs(std::fmod(hp, 2.0) - 1));
  double r = 0, g = 0, b = 0;
  if (hp < 1) r = chroma, g = x;
  else if (hp < 2) r = x, g = chroma;
  else if (hp < 3) g = chroma, b = x;
  else if (hp < 4) g = x, b = chroma;
  else if (hp < 5) r = x, b = chroma;
  else r = chroma, b = x;
  const double m = l - chroma / 2;
  auto Byte = [&](double v) { return std::clamp(static_cast<int>(std::lround((v + m) * 255)), 0, 255); };
  const int R = Byte(r), G = Byte(g), B = Byte(b);
  const double luminance = (0.299 * R + 0.587 * G + 0.114 * B) / 255.0;
  return {fmt::format("#{:02x}{:02x}{:02x}", R, G, B), luminance > 0.6 ? "#111" : "#fff"};
}

// ---------------------------------------------------------------------------------------
// Geometry

// Tick spacing 1, 2 or 5 times a power of ten, giving at most ten intervals over `span`.
Time TickStep(Time span) {
  const Time target = std::max<Time>(1, span / 10 + (span % 10 != 0 ? 1 : 0));
  Time power = 1;
  while (true) {
    for (Time f : {Time{1}, Time{2}, Time{5}}) {
      if (f * power >= target) return f * power;
    }
    if (power > std::numeric_limits<Time>::max() / 100) return power * 10;
    power *= 10;
  }
}

constexpr double kLeft = 170;      // row labels
constexpr double kPlot = 1000;     // width of the time axis
constexpr double kRight = 40;      // room for the last tick label
constexpr double kTop = 34;        // tick labels above the first row
constexpr double kBand = 64;       // height of one resource profile
constexpr double kBandGap = 26;    // label space above a profile
constexpr double kCharWidth = 6.2;  // estimate for 10px sans-serif labels
constexpr std::size_t kMaxActivityRows = 150;  // above: activities packed into lanes
constexpr std::size_t kMaxLegendJobs = 50;

constexpr Time kMaxAbsTime = Time{1} << 60;  // starts beyond are reported, not drawn

const char* const kStyle =
    "body{font-family:sans-serif;margin:16px;color:#222}\n"
    "h1{font-size:20px;margin:0 0 4px 0}\n"
    "p{margin:2px 0 8px 0}\n"
    ".sub{color:#555}\n"
    "svg{display:block}\n"
    "svg text{font-size:10px;font-family:sans-serif}\n"
    ".row{fill:#f4f4f4}\n"
    ".grid{stroke:#ddd;stroke-width:1}\n"
    ".axis{fill:#555}\n"
    ".rowlabel{fill:#222}\n"
    ".bar{stroke:#333;stroke-width:0.5}\n"
    ".zero{stroke:#000;stroke-width:1.5}\n"
    ".lbl{pointer-events:none}\n"
    ".blocked{fill-opacity:0.35;stroke:#555;stroke-width:0.5;stroke-dasharray:3,2}\n"
    ".downtime{fill:url(#hatch);stroke:#999;stroke-width:0.5}\n"
    ".profile{fill:#7aa6d6;fill-opacity:0.7;stroke:#2a5f95;stroke-width:1}\n"
    ".capacity{fill:none;stroke:#c0392b;stroke-width:1.5}\n"
    ".overload{fill:#c0392b;fill-opacity:0.35}\n"
    ".baseline{stroke:#999;stroke-width:1}\n"
    ".makespan{stroke:#c0392b;stroke-width:1.5;stroke-dasharray:5,3}\n"
    ".mslabel{fill:#c0392b}\n"
    "g.op:hover .bar{stroke:#000;stroke-width:2}\n"
    "svg.dim g.op{opacity:0.3}\n"
    "svg.dim g.op.hl{opacity:1}\n"
    ".legend span.item{display:inline-block;margin:0 12px 4px 0;font-size:12px}\n"
    ".legend span.swatch{display:inline-block;width:12px;height:12px;margin-right:4px;"
    "vertical-align:middle;border:1px solid #333}\n";

// Optional hover highlighting of all operations of the hovered job. Contains no '<' and
// no '&', so the page stays well-formed XML without a CDATA section.
const char* const kScript =
    "(function(){var svg=document.getElementById('gantt');if(!svg){return;}\n"
    "var groups=svg.querySelectorAll('g.op');\n"
    "function mark(job,on){groups.forEach(function(g){if(g.getAttribute('data-job')===job){"
    "if(on){g.classList.add('hl');}else{g.classList.remove('hl');}}});}\n"
    "groups.forEach(function(g){\n"
    "g.addEventListener('mouseenter',function(){svg.classList.add('dim');mark(g.getAttribute('data-job'),true);});\n"
    "g.addEventListener('mouseleave',function(){svg.classList.remove('dim');mark(g.getAttribute('data-job'),false);});\n"
    "});})();\n";

std::string Head(const std::string& title) {
  std::string out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n";
  out += "<meta charset=\"utf-8\"/>\n<title>";
  AppendEscaped(out, title);
  out += "</title>\n<style>\n";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n";
  return out;
}

std::string PageTitle(const Instance& in, const GanttOptions& options) {
  if (!options.title.empty()) return options.title;
  if (!in.name.empty()) return in.name;
  return "Gantt chart";
}

std::string ErrorPage(const Instance& in, const GanttOptions& options, const std::string& error) {
  std::string out = Head(PageTitle(in, options));
  out += "<h1>";
  AppendEscaped(out, PageTitle(in, options));
  out += "</h1>\n<p class=\"error\">No chart: ";
  AppendEscaped(out, error);
  out += "</p>\n</body>\n</html>\n";
  return out;
}

// Why the pair cannot be drawn, or "" when it can. Checks every index the renderer uses.
std::string ShapeError(const Instance& in, const Solution& sol) {
  const std::size_t n = in.operations.size();
  if (sol.start.size() != n || sol.mode.size() != n) {
    return fmt::format("the solution does not match the instance: it has {} start times and {} modes for {} operations",
                       sol.start.size(), sol.mode.size(), n);
  }
  for (std::size_t o = 0; o < n; ++o) {
    const Operation& op = in.operations[o];
    if (sol.mode[o] < 0 || static_cast<std::size_t>(sol.mode[o]) >= op.modes.size()) {
      return fmt::format("the solution does not match the instance: operation {} has mode {} but {} modes", o, sol.mode[o],
                         op.modes.size());
    }
    if (sol.start[o] < -kMaxAbsTime || sol.start[o] > kMaxAbsTime) {
      return fmt::format("the start time {} of operation {} is out of range", sol.start[o], o);
    }
    if (op.job < 0 || static_cast<std::size_t>(op.job) >= in.jobs.size()) {
      return fmt::format("invalid instance: operation {} belongs to job {} of {}", o, op.job, in.jobs.size());
    }
    const Mode& mode = op.modes[sol.mode[o]];
    if (mode.duration < 0 || mode.duration > kMaxAbsTime) {
      return fmt::format("invalid instance: operation {} has duration {}", o, mode.duration);
    }
    for (const Demand& d : mode.demands) {
      if (d.resource < 0 || static_cast<std::size_t>(d.resource) >= in.resources.size()) {
        return fmt::format("invalid instance: operation {} uses resource {} of {}", o, d.resource, in.resources.size());
      }
    }
  }
  for (std::size_t j = 0; j < in.jobs.size(); ++j) {
    for (int o : in.jobs[j].operations) {
      if (o < 0 || static_cast<std::size_t>(o) >= n) {
        return fmt::format("invalid instance: job {} lists operation {} of {}", j, o, n);
      }
    }
  }
  return "";
}

// ---------------------------------------------------------------------------------------
// The chart

class Chart {
 public:
  Chart(const Instance& in, const Solution& sol) : in_(in), sol_(sol), n_(in.operations.size()) {}

  std::string Render(const GanttOptions& options) {
    Prepare();
    LayoutRows();
    const double rows_bottom = kTop + row_height_ * static_cast<double>(row_count_);
    const std::size_t profile_count = project_ ? in_.resources.size() : 0;
    const double profiles_top = rows_bottom + (profile_count > 0 ? 24 : 0);
    const double plot_bottom = profiles_top + static_cast<double>(profile_count) * (kBand + kBandGap);
    const double height = plot_bottom + 30;

    std::string out = Head(PageTitle(in_, options));
    out.reserve(out.size() + 400 * n_ + 2000);
    out += "<h1>";
    AppendEscaped(out, PageTitle(in_, options));
    out += "</h1>\n";
    if (!options.subtitle.empty()) {
      out += "<p class=\"sub\">";
      AppendEscaped(out, options.subtitle);
      out += "</p>\n";
    }
    out += "<p class=\"sub\">";
    AppendEscaped(out, Summary());
    out += "</p>\n";

    fmt::format_to(std::back_inserter(out),
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"gantt\" width=\"{:.0f}\" height=\"{:.0f}\" "
                   "viewBox=\"0 0 {:.0f} {:.0f}\">\n",
                   kLeft + kPlot + kRight, height, kLeft + kPlot + kRight, height);
    out +=
        "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
        "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e2e2e2\"/>"
        "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888\" stroke-width=\"2\"/></pattern></defs>\n";
    RowBackgrounds(out);
    Axis(out, plot_bottom);
    Downtime(out);
    Bars(out);
    if (profile_count > 0) Profiles(out, profiles_top);
    Makespan(out, plot_bottom);
    out += "</svg>\n";
    if (in_.jobs.size() <= kMaxLegendJobs && !in_.jobs.empty()) Legend(out);
    out += "<script>\n";
    out += kScript;
    out += "</script>\n</body>\n</html>\n";
    return out;
  }

 private:
  struct Row {
    std::string label;
    int resource = -1;  // machine rows: the resource, -1 for "no resource" and activity rows
  };

  void Prepare() {
    end_.resize(n_);
    hold_.resize(n_);
    position_.assign(n_, -1);
    Time lo = 0, hi = 0;
    for (std::size_t o = 0; o < n_; ++o) {
      end_[o] = OperationEnd(in_, static_cast<int>(o), sol_.mode[o], sol_.start[o]);
      hold_[o] = end_[o];
      lo = std::min(lo, sol_.start[o]);
      hi = std::max(hi, end_[o]);
    }
    for (const Job& job : in_.jobs) {
      for (std::size_t i = 0; i < job.operations.size(); ++i) {
        position_[job.operations[i]] = static_cast<int>(i);
        if (in_.blocking && i > 0) {
          const int prev = job.operations[i - 1];
          hold_[prev] = std::max(end_[prev], sol_.start[job.operations[i]]);
          hi = std::max(hi, hold_[prev]);
        }
      }
    }
    makespan_ = 0;
    for (std::size_t o = 0; o < n_; ++o) makespan_ = std::max(makespan_, end_[o]);
    t0_ = lo;
    horizon_ = std::max(hi, t0_ + 1);
    const Time step = TickStep(horizon_ - t0_);
    // Round the axis end up to a tick when that adds little, so the last tick is labelled.
    const Time rounded = t0_ + ((horizon_ - t0_ + step - 1) / step) * step;
    if (rounded - horizon_ <= (horizon_ - t0_) / 20) horizon_ = rounded;

    project_ = false;
    for (const Resource& r : in_.resources) project_ = project_ || r.kind == ResourceKind::Renewable || r.capacity != 1;
    for (std::size_t o = 0; o < n_ && !project_; ++o) {
      const Mode& mode = in_.operations[o].modes[sol_.mode[o]];
      project_ = mode.demands.size() > 1 || (mode.demands.size() == 1 && mode.demands[0].amount != 1);
    }
  }

  double X(Time t) const {
    return kLeft + kPlot * static_cast<double>(t - t0_) / static_cast<double>(horizon_ - t0_);
  }

  double RowY(int row) const { return kTop + row_height_ * row; }

  std::string Label(int o) const {
    const Operation& op = in_.operations[o];
    if (!op.name.empty()) return op.name;
    if (position_[o] >= 0) return fmt::format("J{}.{}", op.job, position_[o]);
    return fmt::format("O{}", o);
  }

  std::string Where(int o) const {
    const Mode& mode = in_.operations[o].modes[sol_.mode[o]];
    if (mode.demands.empty()) return "no resource";
    if (!project_) return "machine " + in_.resources[mode.demands[0].resource].name;
    std::string out = "uses";
    for (std::size_t k = 0; k < mode.demands.size(); ++k) {
      out += fmt::format("{} {} x{}", k == 0 ? "" : ",", in_.resources[mode.demands[k].resource].name, mode.demands[k].amount);
    }
    return out;
  }

  std::string Summary() const {
    std::size_t downtime = 0;
    for (const Resource& r : in_.resources) downtime += r.calendar.size();
    std::string out = fmt::format("{} operations, {} jobs, {} resources; makespan {}", n_, in_.jobs.size(), in_.resources.size(),
                                  makespan_);
    if (in_.blocking) out += "; blocking shop (lighter dashed boxes: machine held after processing)";
    if (downtime > 0) out += "; hatched: calendar downtime";
    return out;
  }

  void LayoutRows() {
    row_of_.assign(n_, 0);
    rows_.clear();
    if (!project_) {
      row_height_ = 22;
      bool none = false;
      for (std::size_t r = 0; r < in_.resources.size(); ++r) rows_.push_back({in_.resources[r].name, static_cast<int>(r)});
      for (std::size_t o = 0; o < n_; ++o) {
        const Mode& mode = in_.operations[o].modes[sol_.mode[o]];
        if (mode.demands.empty()) {
          none = true;
          row_of_[o] = static_cast<int>(in_.resources.size());
        } else {
          row_of_[o] = mode.demands[0].resource;
        }
      }
      if (none) rows_.push_back({"no resource", -1});
    } else if (n_ <= kMaxActivityRows) {
      row_height_ = n_ > 60 ? 15 : 19;
      for (std::size_t o = 0; o < n_; ++o) {
        row_of_[o] = static_cast<int>(o);
        rows_.push_back({Label(static_cast<int>(o)), -1});
      }
    } else {
      // Greedy interval packing by start time: each activity in the first free lane.
      row_height_ = 15;
      std::vector<int> order(n_);
      for (std::size_t o = 0; o < n_; ++o) order[o] = static_cast<int>(o);
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return sol_.start[a] < sol_.start[b]; });
      std::vector<Time> lane_end;
      for (int o : order) {
        std::size_t lane = 0;
        // Lanes are few in practice; a zero-duration activity still takes a sliver of time.
        while (lane < lane_end.size() && lane_end[lane] > sol_.start[o]) ++lane;
        if (lane == lane_end.size()) lane_end.push_back(0);
        lane_end[lane] = std::max(end_[o], sol_.start[o] + std::max<Time>(1, (horizon_ - t0_) / 200));
        row_of_[o] = static_cast<int>(lane);
      }
      for (std::size_t lane = 0; lane < lane_end.size(); ++lane) rows_.push_back({fmt::format("lane {}", lane + 1), -1});
    }
    row_count_ = rows_.size();
  }

  void RowBackgrounds(std::string& out) const {
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      const double y = RowY(static_cast<int>(r));
      if (r % 2 == 0) {
        fmt::format_to(std::back_inserter(out), "<rect class=\"row\" x=\"{:.0f}\" y=\"{:.1f}\" width=\"{:.0f}\" height=\"{:.1f}\"/>\n",
                       kLeft, y, kPlot, row_height_);
      }
      fmt::format_to(std::back_inserter(out), "<text class=\"rowlabel\" x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"end\">", kLeft - 6,
                     y + row_height_ / 2 + 3.5);
      AppendEscaped(out, Shorten(rows_[r].label, 26));
      if (rows_[r].label.size() > 26) {
        out += "<title>";
        AppendEscaped(out, rows_[r].label);
        out += "</title>";
      }
      out += "</text>\n";
    }
  }

  void Axis(std::string& out, double bottom) const {
    const Time step = TickStep(horizon_ - t0_);
    Time first = (t0_ / step) * step;
    if (first < t0_) first += step;
    const bool labels_below = row_count_ > 30 || project_;
    for (Time t = first; t <= horizon_; t += step) {
      const double x = X(t);
      fmt::format_to(std::back_inserter(out),
                     "<line class=\"grid\" x1=\"{0:.1f}\" y1=\"{1:.0f}\" x2=\"{0:.1f}\" y2=\"{2:.0f}\"/>"
                     "<text class=\"axis\" x=\"{0:.1f}\" y=\"{3:.0f}\" text-anchor=\"middle\">{4}</text>\n",
                     x, kTop - 6, bottom, kTop - 10, t);
      if (labels_below) {
        fmt::format_to(std::back_inserter(out), "<text class=\"axis\" x=\"{:.1f}\" y=\"{:.0f}\" text-anchor=\"middle\">{}</text>\n", x,
                       bottom + 12, t);
      }
      if (horizon_ - t < step) break;  // no overflow on the last increment
    }
  }

  void Downtime(std::string& out) const {
    for (std::size_t r = 0; r < rows_.size(); ++r) {
      if (rows_[r].resource < 0) continue;
      const Resource& res = in_.resources[rows_[r].resource];
      for (const CapacityPeriod& p : res.calendar) {
        if (p.capacity > 0) continue;
        const Time a = std::max(p.start, t0_), b = std::min(p.end, horizon_);
        if (a >= b) continue;
        fmt::format_to(std::back_inserter(out),
                       "<rect class=\"downtime\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\">"
                       "<title>",
                       X(a), RowY(static_cast<int>(r)) + 1, std::max(1.0, X(b) - X(a)), row_height_ - 2);
        AppendEscaped(out, fmt::format("{} unavailable: {} to {}", res.name, p.start, p.end));
        out += "</title></rect>\n";
      }
    }
  }

  void Bars(std::string& out) const {
    const double bar_height = row_height_ - 4;
    for (std::size_t i = 0; i < n_; ++i) {
      const int o = static_cast<int>(i);
      const Operation& op = in_.operations[o];
      const Time duration = op.modes[sol_.mode[o]].duration;
      const JobColour colour = ColourOfJob(op.job);
      const double y = RowY(row_of_[o]) + 2;
      const double x0 = X(sol_.start[o]);
      const double x1 = X(end_[o]);
      const std::string label = Label(o);

      fmt::format_to(std::back_inserter(out), "<g class=\"op\" data-job=\"{}\"><title>", op.job);
      std::string tip = fmt::format("job {} op {}", op.job, position_[o] >= 0 ? position_[o] : o);
      if (!op.name.empty()) tip += fmt::format(" ({})", op.name);
      tip += fmt::format(" {}: start {}, end {}, duration {}", Where(o), sol_.start[o], end_[o], duration);
      if (hold_[o] > end_[o]) tip += fmt::format(", blocked until {}", hold_[o]);
      AppendEscaped(out, tip);
      out += "</title>";
      if (hold_[o] > end_[o]) {
        fmt::format_to(std::back_inserter(out),
                       "<rect class=\"blocked\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>", x1, y,
                       std::max(0.5, X(hold_[o]) - x1), bar_height, colour.fill);
      }
      if (duration == 0) {
        // A thin, dark-edged marker centred on the instant.
        fmt::format_to(std::back_inserter(out),
                       "<rect class=\"bar\" data-op=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"2\" height=\"{:.1f}\" fill=\"{}\" "
                       "stroke=\"#000\" stroke-width=\"1\"/>",
                       o, x0 - 1, y - 1, bar_height + 2, colour.fill);
      } else {
        const double width = std::max(1.0, x1 - x0);
        fmt::format_to(std::back_inserter(out),
                       "<rect class=\"bar\" data-op=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\"/>", o,
                       x0, y, width, bar_height, colour.fill);
        if (static_cast<double>(label.size()) * kCharWidth + 4 <= width) {
          fmt::format_to(std::back_inserter(out), "<text class=\"lbl\" x=\"{:.1f}\" y=\"{:.1f}\" fill=\"{}\">", x0 + 2,
                         y + bar_height / 2 + 3.5, colour.text);
          AppendEscaped(out, label);
          out += "</text>";
        }
      }
      out += "</g>\n";
    }
  }

  // One step chart of usage per resource, with the capacity (calendar included) as a line.
  // Event sweep: O((uses + periods) log) per resource.
  void Profiles(std::string& out, double top) const {
    std::vector<std::vector<std::pair<Time, std::int64_t>>> deltas(in_.resources.size());
    for (std::size_t o = 0; o < n_; ++o) {
      if (end_[o] <= sol_.start[o]) continue;
      for (const Demand& d : in_.operations[o].modes[sol_.mode[o]].demands) {
        deltas[d.resource].push_back({sol_.start[o], d.amount});
        deltas[d.resource].push_back({end_[o], -d.amount});
      }
    }
    fmt::format_to(std::back_inserter(out), "<text class=\"rowlabel\" x=\"6\" y=\"{:.0f}\">resource usage / capacity</text>\n",
                   top - 8);
    for (std::size_t r = 0; r < in_.resources.size(); ++r) {
      const Resource& res = in_.resources[r];
      auto& events = deltas[r];
      std::sort(events.begin(), events.end());
      std::vector<CapacityPeriod> calendar = res.calendar;
      std::sort(calendar.begin(), calendar.end(), [](const CapacityPeriod& a, const CapacityPeriod& b) { return a.start < b.start; });

      std::vector<Time> points{t0_, horizon_};
      for (const auto& e : events) points.push_back(e.first);
      for (const CapacityPeriod& p : calendar) {
        points.push_back(std::clamp(p.start, t0_, horizon_));
        points.push_back(std::clamp(p.end, t0_, horizon_));
      }
      std::sort(points.begin(), points.end());
      points.erase(std::unique(points.begin(), points.end()), points.end());

      // Segment k covers [points[k], points[k+1]).
      const std::size_t segments = points.size() - 1;
      std::vector<std::int64_t> usage(segments), capacity(segments);
      std::int64_t level = 0, peak = std::max<std::int64_t>(1, res.capacity);
      std::size_t e = 0, c = 0;
      for (std::size_t k = 0; k < segments; ++k) {
        const Time t = points[k];
        while (e < events.size() && events[e].first <= t) level += events[e++].second;
        while (c < calendar.size() && calendar[c].end <= t) ++c;
        capacity[k] = (c < calendar.size() && calendar[c].start <= t) ? calendar[c].capacity : res.capacity;
        usage[k] = level;
        peak = std::max({peak, level, capacity[k]});
      }

      const double band_top = top + kBandGap + static_cast<double>(r) * (kBand + kBandGap);
      const double base = band_top + kBand;
      auto Y = [&](std::int64_t v) {
        return base - kBand * static_cast<double>(std::max<std::int64_t>(0, v)) / static_cast<double>(peak);
      };

      fmt::format_to(std::back_inserter(out), "<text class=\"rowlabel\" x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"end\">", kLeft - 6,
                     band_top + kBand / 2);
      AppendEscaped(out, Shorten(res.name, 26));
      out += "</text>";
      fmt::format_to(std::back_inserter(out),
                     "<text class=\"axis\" x=\"{0:.0f}\" y=\"{1:.1f}\" text-anchor=\"end\">capacity {2}{3}</text>"
                     "<text class=\"axis\" x=\"{0:.0f}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>"
                     "<text class=\"axis\" x=\"{0:.0f}\" y=\"{6:.1f}\" text-anchor=\"end\">0</text>\n",
                     kLeft - 6, band_top + kBand / 2 + 12, res.capacity, calendar.empty() ? "" : " (calendar)", band_top + 8, peak,
                     base);
      fmt::format_to(std::back_inserter(out), "<line class=\"baseline\" x1=\"{0:.0f}\" y1=\"{1:.1f}\" x2=\"{2:.0f}\" y2=\"{1:.1f}\"/>\n",
                     kLeft, base, kLeft + kPlot);

      // Downtime and overload shading.
      for (std::size_t k = 0; k < segments; ++k) {
        const double x = X(points[k]), w = std::max(0.5, X(points[k + 1]) - X(points[k]));
        if (capacity[k] <= 0) {
          fmt::format_to(std::back_inserter(out),
                         "<rect class=\"downtime\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"/>\n", x, band_top, w,
                         kBand);
        }
        if (usage[k] > capacity[k]) {
          fmt::format_to(std::back_inserter(out),
                         "<rect class=\"overload\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"><title>usage {} above "
                         "capacity {} from {} to {}</title></rect>\n",
                         x, band_top, w, kBand, usage[k], capacity[k], points[k], points[k + 1]);
        }
      }

      // Step chart of usage (area) and capacity (line); equal neighbours are merged.
      std::string area = fmt::format("{:.1f},{:.1f}", X(points[0]), base);
      std::string cap;
      for (std::size_t k = 0; k < segments; ++k) {
        std::size_t last = k;
        while (last + 1 < segments && usage[last + 1] == usage[k]) ++last;
        fmt::format_to(std::back_inserter(area), " {0:.1f},{1:.1f} {2:.1f},{1:.1f}", X(points[k]), Y(usage[k]), X(points[last + 1]));
        k = last;
      }
      fmt::format_to(std::back_inserter(area), " {:.1f},{:.1f}", X(points[segments]), base);
      for (std::size_t k = 0; k < segments; ++k) {
        std::size_t last = k;
        while (last + 1 < segments && capacity[last + 1] == capacity[k]) ++last;
        if (!cap.empty()) cap += ' ';
        fmt::format_to(std::back_inserter(cap), "{0:.1f},{1:.1f} {2:.1f},{1:.1f}", X(points[k]), Y(capacity[k]), X(points[last + 1]));
        k = last;
      }
      out += "<polygon class=\"profile\" points=\"";
      out += area;
      out += "\"><title>";
      AppendEscaped(out, fmt::format("usage of {} (capacity {}, peak shown {})", res.name, res.capacity, peak));
      out += "</title></polygon>\n<polyline class=\"capacity\" points=\"";
      out += cap;
      out += "\"/>\n";
    }
  }

  void Makespan(std::string& out, double bottom) const {
    const double x = X(makespan_);
    fmt::format_to(std::back_inserter(out),
                   "<line class=\"makespan\" x1=\"{0:.1f}\" y1=\"{1:.0f}\" x2=\"{0:.1f}\" y2=\"{2:.0f}\"><title>makespan {3}</title></line>"
                   "<text class=\"mslabel\" x=\"{0:.1f}\" y=\"{4:.0f}\" text-anchor=\"{5}\">makespan {3}</text>\n",
                   x, kTop - 4, bottom, makespan_, bottom + 24, x > kLeft + kPlot - 60 ? "end" : "middle");
  }

  void Legend(std::string& out) const {
    out += "<div class=\"legend\">";
    for (std::size_t j = 0; j < in_.jobs.size(); ++j) {
      fmt::format_to(std::back_inserter(out), "<span class=\"item\"><span class=\"swatch\" style=\"background:{}\"></span>",
                     ColourOfJob(static_cast<int>(j)).fill);
      AppendEscaped(out, in_.jobs[j].name.empty() ? fmt::format("job {}", j) : Shorten(in_.jobs[j].name, 40));
      out += "</span>";
    }
    out += "</div>\n";
  }

  const Instance& in_;
  const Solution& sol_;
  const std::size_t n_;
  std::vector<Time> end_, hold_;  // hold_: end of the machine's occupation (blocking)
  std::vector<int> position_;     // index of the operation in its job, -1 if listed nowhere
  std::vector<int> row_of_;
  std::vector<Row> rows_;
  std::size_t row_count_ = 0;
  double row_height_ = 22;
  Time t0_ = 0, horizon_ = 1, makespan_ = 0;
  bool project_ = false;
};

}  // namespace

std::string RenderGanttHtml(const Instance& instance, const Solution& solution, const GanttOptions& options) {
  const std::string error = ShapeError(instance, solution);
  if (!error.empty()) return ErrorPage(instance, options, error);
  return Chart(instance, solution).Render(options);
}

}  // namespace ordo
