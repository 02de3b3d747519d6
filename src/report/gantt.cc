#include "report/gantt.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

namespace ordo {
namespace {

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += '?';
        else out += c;
    }
  }
  return out;
}

// Distinguishable colours: golden-angle hues, alternating lightness for neighbours.
std::string JobColour(int job) {
  const double hue = std::fmod(job * 137.508, 360.0);
  const int light = 45 + (job % 3) * 10;
  return fmt::format("hsl({:.0f},65%,{}%)", hue, light);
}

// Tick spacing of 1, 2 or 5 times a power of ten giving about 10 ticks.
Time TickStep(Time horizon) {
  const double raw = std::max(1.0, static_cast<double>(horizon) / 10.0);
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double f : {1.0, 2.0, 5.0, 10.0}) {
    if (f * power >= raw) return std::max<Time>(1, static_cast<Time>(f * power));
  }
  return static_cast<Time>(10 * power);
}

constexpr double kLeft = 150, kWidth = 1050, kRow = 22, kTop = 30;

class Page {
 public:
  Page(const Instance& in, const Solution& sol) : in_(in), sol_(sol) {}

  std::string Render(const GanttOptions& options) {
    const std::size_t n = in_.operations.size();
    end_.resize(n);
    released_.resize(n);
    for (std::size_t o = 0; o < n; ++o) {
      end_[o] = sol_.start[o] + in_.operations[o].modes[sol_.mode[o]].duration;
      released_[o] = end_[o];
      horizon_ = std::max(horizon_, end_[o]);
    }
    if (in_.blocking) {
      for (const Job& job : in_.jobs) {
        for (std::size_t i = 1; i < job.operations.size(); ++i) {
          released_[job.operations[i - 1]] = std::max(end_[job.operations[i - 1]], sol_.start[job.operations[i]]);
        }
      }
    }
    makespan_ = horizon_;
    for (const Resource& r : in_.resources) {
      for (const CapacityPeriod& p : r.calendar) {
        if (p.start < makespan_) horizon_ = std::max(horizon_, std::min(p.end, makespan_ + makespan_ / 10 + 1));
      }
    }
    horizon_ = std::max<Time>(horizon_, 1);
    bool project = false;
    for (const Resource& r : in_.resources) project = project || r.kind == ResourceKind::Renewable;
    for (const Operation& op : in_.operations) project = project || op.modes[0].demands.size() != 1;

    std::string svg = project ? ActivityRows() : MachineRows();
    if (project) svg += Profiles();
    const double height = y_ + 40;
    std::string out = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta charset=\"utf-8\"/>\n";
    out += fmt::format("<title>{}</title>\n", Escape(options.title.empty() ? in_.name : options.title));
    out += "<style>\nbody{font-family:sans-serif;margin:16px;color:#222}\n"
           "svg text{font-size:11px}\n.bar{stroke:#333;stroke-width:0.5}\n.bar:hover{stroke-width:2}\n"
           ".blocked{fill-opacity:0.35;stroke:#333;stroke-dasharray:2,2;stroke-width:0.5}\n"
           ".downtime{fill:#999;fill-opacity:0.45}\n.profile{fill:#4a7fb5;fill-opacity:0.5;stroke:#2a5f95}\n"
           ".capacity{fill:none;stroke:#c0392b;stroke-width:1.5}\n.grid{stroke:#ddd}\n.makespan{stroke:#c0392b;stroke-dasharray:4,3}\n"
           "</style>\n</head>\n<body>\n";
    out += fmt::format("<h2>{}</h2>\n<p>{}</p>\n", Escape(options.title.empty() ? in_.name : options.title), Escape(options.subtitle));
    out += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\">\n", kLeft + kWidth + 20, height);
    out += Axis(height - 20);
    out += svg;
    out += "</svg>\n";
    if (in_.jobs.size() <= 50 && !project) out += Legend();
    out += "</body>\n</html>\n";
    return out;
  }

 private:
  double X(Time t) const { return kLeft + kWidth * static_cast<double>(t) / static_cast<double>(horizon_); }

  std::string Axis(double bottom) const {
    std::string out;
    const Time step = TickStep(horizon_);
    for (Time t = 0; t <= horizon_; t += step) {
      out += fmt::format("<line class=\"grid\" x1=\"{0:.1f}\" y1=\"{1:.0f}\" x2=\"{0:.1f}\" y2=\"{2:.0f}\"/>\n", X(t), kTop - 5, bottom);
      out += fmt::format("<text x=\"{:.1f}\" y=\"{:.0f}\" text-anchor=\"middle\">{}</text>\n", X(t), kTop - 10, t);
    }
    out += fmt::format("<line class=\"makespan\" x1=\"{0:.1f}\" y1=\"{1:.0f}\" x2=\"{0:.1f}\" y2=\"{2:.0f}\"/>\n", X(makespan_), kTop - 5, bottom);
    return out;
  }

  std::string Bar(int o, double y) const {
    const Operation& op = in_.operations[o];
    const Job& job = in_.jobs[op.job];
    int position = 0;
    for (std::size_t i = 0; i < job.operations.size(); ++i) {
      if (job.operations[i] == o) position = static_cast<int>(i);
    }
    const Mode& mode = op.modes[sol_.mode[o]];
    const std::string where = mode.demands.empty() ? "no resource" : in_.resources[mode.demands[0].resource].name;
    const double x = X(sol_.start[o]);
    const double w = std::max(1.5, X(end_[o]) - x);
    const std::string label = fmt::format("{}.{}", job.name, position);
    std::string out = fmt::format("<g><title>{}</title>", Escape(fmt::format("job {} op {} ({}) {}: start {}, end {}, duration {}",
                                                                              op.job, position, op.name, where, sol_.start[o], end_[o], mode.duration)));
    if (released_[o] > end_[o]) {
      out += fmt::format("<rect class=\"blocked\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.0f}\" fill=\"{}\"/>", X(end_[o]),
                         y + 2, X(released_[o]) - X(end_[o]), kRow - 4, JobColour(op.job));
    }
    out += fmt::format("<rect class=\"bar\" data-op=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.0f}\" fill=\"{}\"/>", o, x,
                       y + 2, w, kRow - 4, JobColour(op.job));
    if (w > 7.0 * static_cast<double>(label.size())) {
      out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" fill=\"#fff\">{}</text>", x + 3, y + kRow - 7, Escape(label));
    }
    return out + "</g>\n";
  }

  std::string RowLabel(const std::string& text, double y) const {
    return fmt::format("<text x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n", kLeft - 6, y + kRow - 7, Escape(text));
  }

  std::string MachineRows() {
    std::map<int, std::vector<int>> rows;  // resource (-1: none) -> operations
    for (std::size_t o = 0; o < in_.operations.size(); ++o) {
      const Mode& mode = in_.operations[o].modes[sol_.mode[o]];
      rows[mode.demands.empty() ? -1 : mode.demands[0].resource].push_back(static_cast<int>(o));
    }
    for (std::size_t r = 0; r < in_.resources.size(); ++r) rows[static_cast<int>(r)];
    std::string out;
    y_ = kTop;
    for (const auto& [r, ops] : rows) {
      out += RowLabel(r < 0 ? "no resource" : in_.resources[r].name, y_);
      if (r >= 0) {
        for (const CapacityPeriod& p : in_.resources[r].calendar) {
          if (p.capacity >= 1 || p.start >= horizon_) continue;
          out += fmt::format("<rect class=\"downtime\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.0f}\"><title>downtime {}-{}</title></rect>\n",
                             X(p.start), y_ + 1, X(std::min(p.end, horizon_)) - X(p.start), kRow - 2, p.start, p.end);
        }
      }
      for (int o : ops) out += Bar(o, y_);
      y_ += kRow;
    }
    return out;
  }

  std::string ActivityRows() {
    std::string out;
    y_ = kTop;
    std::vector<int> order(in_.operations.size());
    for (std::size_t o = 0; o < order.size(); ++o) order[o] = static_cast<int>(o);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return sol_.start[a] < sol_.start[b]; });
    // Pack activities into lanes (first lane free at the start) to keep the page short.
    std::vector<Time> lane_end;
    std::vector<std::pair<int, int>> placed;
    for (int o : order) {
      std::size_t lane = 0;
      while (lane < lane_end.size() && lane_end[lane] > sol_.start[o]) ++lane;
      if (lane == lane_end.size()) lane_end.push_back(0);
      lane_end[lane] = std::max(end_[o], sol_.start[o] + 1);
      placed.push_back({o, static_cast<int>(lane)});
    }
    for (std::size_t lane = 0; lane < lane_end.size(); ++lane) out += RowLabel(fmt::format("lane {}", lane + 1), kTop + kRow * lane);
    for (const auto& [o, lane] : placed) out += Bar(o, kTop + kRow * lane);
    y_ = kTop + kRow * static_cast<double>(lane_end.size()) + 10;
    return out;
  }

  std::string Profiles() {
    std::string out;
    const double band = 60;
    for (std::size_t r = 0; r < in_.resources.size(); ++r) {
      const Resource& res = in_.resources[r];
      std::vector<Time> times{0, horizon_};
      for (std::size_t o = 0; o < in_.operations.size(); ++o) {
        times.push_back(sol_.start[o]);
        times.push_back(end_[o]);
      }
      for (const CapacityPeriod& p : res.calendar) {
        times.push_back(std::min(p.start, horizon_));
        times.push_back(std::min(p.end, horizon_));
      }
      std::sort(times.begin(), times.end());
      times.erase(std::unique(times.begin(), times.end()), times.end());
      std::int64_t peak = res.capacity;
      for (const CapacityPeriod& p : res.calendar) peak = std::max(peak, p.capacity);
      std::vector<std::int64_t> usage(times.size(), 0), capacity(times.size(), res.capacity);
      for (std::size_t k = 0; k + 1 < times.size(); ++k) {
        for (std::size_t o = 0; o < in_.operations.size(); ++o) {
          if (sol_.start[o] <= times[k] && times[k] < end_[o]) {
            for (const Demand& d : in_.operations[o].modes[sol_.mode[o]].demands) {
              if (d.resource == static_cast<int>(r)) usage[k] += d.amount;
            }
          }
        }
        for (const CapacityPeriod& p : res.calendar) {
          if (p.start <= times[k] && times[k] < p.end) capacity[k] = p.capacity;
        }
        peak = std::max(peak, usage[k]);
      }
      const double base = y_ + band;
      auto Y = [&](std::int64_t v) { return base - band * static_cast<double>(v) / static_cast<double>(std::max<std::int64_t>(1, peak)); };
      std::string area = fmt::format("{:.1f},{:.1f}", X(0), base), cap;
      for (std::size_t k = 0; k + 1 < times.size(); ++k) {
        area += fmt::format(" {0:.1f},{1:.1f} {2:.1f},{1:.1f}", X(times[k]), Y(usage[k]), X(times[k + 1]));
        if (!cap.empty()) cap += ' ';
        cap += fmt::format("{0:.1f},{1:.1f} {2:.1f},{1:.1f}", X(times[k]), Y(capacity[k]), X(times[k + 1]));
      }
      area += fmt::format(" {:.1f},{:.1f}", X(times.back()), base);
      out += fmt::format("<text x=\"{:.0f}\" y=\"{:.1f}\" text-anchor=\"end\">{} (cap {})</text>\n", kLeft - 6, base - band / 2,
                         Escape(res.name), res.capacity);
      out += fmt::format("<polygon class=\"profile\" points=\"{}\"><title>usage of {}</title></polygon>\n", area, Escape(res.name));
      out += fmt::format("<polyline class=\"capacity\" points=\"{}\"/>\n", cap);
      y_ += band + 16;
    }
    return out;
  }

  std::string Legend() const {
    std::string out = "<p>";
    for (std::size_t j = 0; j < in_.jobs.size(); ++j) {
      out += fmt::format("<span style=\"display:inline-block;margin-right:10px\"><span style=\"display:inline-block;width:12px;height:12px;"
                         "background:{}\"></span> {}</span>",
                         JobColour(static_cast<int>(j)), Escape(in_.jobs[j].name));
    }
    return out + "</p>\n";
  }

  const Instance& in_;
  const Solution& sol_;
  std::vector<Time> end_, released_;
  Time horizon_ = 0, makespan_ = 0;
  double y_ = kTop;
};

}  // namespace

std::string RenderGanttHtml(const Instance& instance, const Solution& solution, const GanttOptions& options) {
  bool ok = solution.start.size() == instance.operations.size() && solution.mode.size() == instance.operations.size();
  for (std::size_t o = 0; ok && o < solution.mode.size(); ++o) {
    ok = solution.mode[o] >= 0 && static_cast<std::size_t>(solution.mode[o]) < instance.operations[o].modes.size();
  }
  if (!ok) {
    return fmt::format("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"utf-8\"/><title>{0}</title></head>"
                       "<body><p>The solution does not match the instance {0}: no chart.</p></body></html>\n",
                       Escape(instance.name));
  }
  return Page(instance, solution).Render(options);
}

}  // namespace ordo
