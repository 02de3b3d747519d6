// The Gantt page is well-formed XML with exactly one bar per operation, escapes names, draws
// usage profiles for renewable resources, blocked time for blocking shops and downtime, and
// answers a mismatched solution with an error page. Solutions are built by hand (and
// confirmed feasible by the independent checker), so these tests do not depend on solvers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "check/checker.h"
#include "report/gantt.h"
#include "test_util.h"

namespace ordo {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// ---------------------------------------------------------------------------------------
// A small XML well-formedness checker: one root element, balanced tags (with a stack),
// attributes named, quoted and unique, no bare '<' or '&' in text or attribute values,
// entities limited to the five XML ones and character references. Returns "" when the
// page is well-formed, otherwise what is wrong and where.

bool IsNameStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':'; }
bool IsNameChar(char c) {
  return IsNameStart(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.';
}
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Checks the reference starting at page[i] == '&'; returns its length or 0 if invalid.
std::size_t EntityLength(const std::string& page, std::size_t i) {
  static const std::regex entity("^&(amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");
  std::smatch m;
  const std::string window = page.substr(i, 12);
  if (!std::regex_search(window, m, entity)) return 0;
  return static_cast<std::size_t>(m.length(0));
}

std::string XmlError(const std::string& page) {
  std::vector<std::string> stack;
  bool root_seen = false;
  std::size_t i = 0;
  const std::size_t n = page.size();
  auto Where = [&](std::size_t at) { return " at offset " + std::to_string(at) + ": " + page.substr(at, 60); };
  while (i < n) {
    const char c = page[i];
    if (c == '&') {
      const std::size_t len = EntityLength(page, i);
      if (len == 0) return "bare &" + Where(i);
      if (stack.empty()) return "reference outside the root" + Where(i);
      i += len;
      continue;
    }
    if (c == '>' && i >= 2 && page.compare(i - 2, 3, "]]>") == 0) return "]]> in text" + Where(i);
    if (c != '<') {
      if (stack.empty() && !IsSpace(c)) return "text outside the root" + Where(i);
      ++i;
      continue;
    }
    if (page.compare(i, 4, "<!--") == 0) {
      const std::size_t e = page.find("-->", i + 4);
      if (e == std::string::npos) return "unclosed comment" + Where(i);
      i = e + 3;
      continue;
    }
    if (page.compare(i, 9, "<!DOCTYPE") == 0) {
      if (root_seen) return "DOCTYPE after the root" + Where(i);
      const std::size_t e = page.find('>', i);
      if (e == std::string::npos) return "unclosed DOCTYPE" + Where(i);
      i = e + 1;
      continue;
    }
    if (page.compare(i, 9, "<![CDATA[") == 0) {
      if (stack.empty()) return "CDATA outside the root" + Where(i);
      const std::size_t e = page.find("]]>", i);
      if (e == std::string::npos) return "unclosed CDATA" + Where(i);
      i = e + 3;
      continue;
    }
    if (page.compare(i, 2, "<?") == 0) {
      const std::size_t e = page.find("?>", i);
      if (e == std::string::npos) return "unclosed processing instruction" + Where(i);
      i = e + 2;
      continue;
    }
    const std::size_t tag_at = i;
    const bool closing = i + 1 < n && page[i + 1] == '/';
    std::size_t j = i + (closing ? 2 : 1);
    if (j >= n || !IsNameStart(page[j])) return "bare < or bad tag name" + Where(tag_at);
    const std::size_t name_at = j;
    while (j < n && IsNameChar(page[j])) ++j;
    const std::string name = page.substr(name_at, j - name_at);
    if (closing) {
      while (j < n && IsSpace(page[j])) ++j;
      if (j >= n || page[j] != '>') return "bad end tag" + Where(tag_at);
      if (stack.empty() || stack.back() != name) {
        return "end tag </" + name + "> does not match <" + (stack.empty() ? "" : stack.back()) + ">" + Where(tag_at);
      }
      stack.pop_back();
      i = j + 1;
      continue;
    }
    if (stack.empty() && root_seen) return "second root element" + Where(tag_at);
    root_seen = true;
    std::set<std::string> attributes;
    bool self_closing = false;
    while (true) {
      const std::size_t before = j;
      while (j < n && IsSpace(page[j])) ++j;
      if (j >= n) return "unclosed tag <" + name + Where(tag_at);
      if (page[j] == '>') {
        ++j;
        break;
      }
      if (page.compare(j, 2, "/>") == 0) {
        self_closing = true;
        j += 2;
        break;
      }
      if (j == before) return "no space before attribute in <" + name + Where(tag_at);
      if (!IsNameStart(page[j])) return "bad attribute name in <" + name + Where(tag_at);
      const std::size_t attr_at = j;
      while (j < n && IsNameChar(page[j])) ++j;
      const std::string attr = page.substr(attr_at, j - attr_at);
      if (!attributes.insert(attr).second) return "duplicate attribute " + attr + Where(tag_at);
      if (j >= n || page[j] != '=') return "attribute " + attr + " without =\"value\"" + Where(tag_at);
      ++j;
      if (j >= n || (page[j] != '"' && page[j] != '\'')) return "unquoted attribute " + attr + Where(tag_at);
      const char quote = page[j++];
      while (j < n && page[j] != quote) {
        if (page[j] == '<') return "< in attribute " + attr + Where(tag_at);
        if (page[j] == '&') {
          const std::size_t len = EntityLength(page, j);
          if (len == 0) return "bare & in attribute " + attr + Where(tag_at);
          j += len;
        } else {
          ++j;
        }
      }
      if (j >= n) return "unterminated attribute " + attr + Where(tag_at);
      ++j;
    }
    if (!self_closing) stack.push_back(name);
    i = j;
  }
  if (!stack.empty()) return "unclosed <" + stack.back() + ">";
  if (!root_seen) return "no root element";
  return "";
}

TEST(GanttXmlChecker, RejectsMalformedPages) {
  EXPECT_EQ(XmlError("<!DOCTYPE html>\n<html a=\"1\"><b>x &amp; y</b><c/></html>\n"), "");
  EXPECT_NE(XmlError("<html><b></html>"), "");
  EXPECT_NE(XmlError("<html><b>a & b</b></html>"), "");
  EXPECT_NE(XmlError("<html><b>a < b</b></html>"), "");
  EXPECT_NE(XmlError("<html a=1></html>"), "");
  EXPECT_NE(XmlError("<html a=\"x<y\"></html>"), "");
  EXPECT_NE(XmlError("<html a=\"1\" a=\"2\"></html>"), "");
  EXPECT_NE(XmlError("<html></html><html></html>"), "");
  EXPECT_NE(XmlError("<html><b>&nbsp;</b></html>"), "");
}

// ---------------------------------------------------------------------------------------
// Helpers

std::size_t Count(const std::string& page, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = page.find(needle); at != std::string::npos; at = page.find(needle, at + 1)) ++n;
  return n;
}

// Well-formed, exactly one `class="bar"` per operation, each data-op index exactly once.
void ExpectOneBarPerOperation(const Instance& in, const std::string& page) {
  EXPECT_EQ(XmlError(page), "");
  EXPECT_EQ(Count(page, "class=\"bar\""), in.operations.size());
  std::map<int, int> seen;
  const std::regex bar_re("<rect class=\"bar\" data-op=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), bar_re); it != std::sregex_iterator(); ++it) {
    ++seen[std::stoi((*it)[1])];
  }
  EXPECT_EQ(seen.size(), in.operations.size());
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    EXPECT_EQ(seen[static_cast<int>(o)], 1) << "data-op " << o;
  }
  EXPECT_EQ(Count(page, "data-op=\""), in.operations.size());
}

void ExpectFeasible(const Instance& in, const Solution& sol) {
  const CheckReport report = CheckSolution(in, sol);
  ASSERT_TRUE(report.feasible()) << (report.violations.empty() ? "" : report.violations[0].message);
  EXPECT_EQ(report.objective, sol.objective);
}

// 3 jobs on 3 machines; operations 0-2 (J0), 3-5 (J1), 6-7 (J2).
Instance SmallShop() {
  return test::MakeJobShop({{{0, 3}, {1, 2}, {2, 2}}, {{0, 2}, {2, 1}, {1, 4}}, {{1, 4}, {2, 3}}}, 3);
}
Solution SmallShopSolution() { return Solution{{0, 0, 0, 0, 0, 0, 0, 0}, {0, 4, 7, 3, 9, 10, 0, 4}, 14}; }

// ---------------------------------------------------------------------------------------
// Shops

TEST(Gantt, ShopPageIsWellFormedWithOneBarPerOperation) {
  const Instance in = SmallShop();
  const Solution sol = SmallShopSolution();
  ExpectFeasible(in, sol);
  const std::string page = RenderGanttHtml(in, sol, {"ft-small", "makespan 14, bound 14, solver by-hand"});
  ExpectOneBarPerOperation(in, page);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"", 0), 0u);
  EXPECT_THAT(page, HasSubstr("makespan 14, bound 14, solver by-hand"));
  // Tooltip of J1's third operation (index 5), a <title> child of the bar's group.
  EXPECT_THAT(page, HasSubstr("<title>job 1 op 2 machine M1: start 10, end 14, duration 4</title>"));
  EXPECT_THAT(page, HasSubstr("<g class=\"op\" data-job=\"1\"><title>job 1 op 2"));
  // One row per machine, bar labels, makespan line, legend, no external resources.
  for (const char* machine : {">M0<", ">M1<", ">M2<"}) EXPECT_THAT(page, HasSubstr(machine));
  EXPECT_THAT(page, HasSubstr(">J1.2</text>"));
  EXPECT_EQ(Count(page, "class=\"makespan\""), 1u);
  EXPECT_THAT(page, HasSubstr("makespan 14"));
  EXPECT_THAT(page, HasSubstr("class=\"legend\""));
  EXPECT_THAT(page, Not(HasSubstr("src=")));
  EXPECT_THAT(page, Not(HasSubstr("href=")));
  EXPECT_EQ(Count(page, "class=\"blocked\""), 0u);
  EXPECT_EQ(Count(page, "class=\"profile\""), 0u);
  // Ticks of 2 over [0, 14].
  for (const char* tick : {">0</text>", ">2</text>", ">8</text>", ">14</text>"}) EXPECT_THAT(page, HasSubstr(tick));
  EXPECT_THAT(page, Not(HasSubstr(">1</text>")));
}

TEST(Gantt, JobsGetDistinctColours) {
  const Instance in = SmallShop();
  const std::string page = RenderGanttHtml(in, SmallShopSolution(), {});
  std::map<int, std::set<std::string>> fills;  // job -> bar fills
  const std::regex re("data-job=\"([0-9]+)\"><title>[^<]*</title><rect class=\"bar\"[^>]*fill=\"(#[0-9a-f]{6})\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), re); it != std::sregex_iterator(); ++it) {
    fills[std::stoi((*it)[1])].insert((*it)[2]);
  }
  ASSERT_EQ(fills.size(), 3u);
  std::set<std::string> all;
  for (const auto& [job, colours] : fills) {
    EXPECT_EQ(colours.size(), 1u) << "job " << job;
    all.insert(colours.begin(), colours.end());
  }
  EXPECT_EQ(all.size(), 3u);
}

TEST(Gantt, ZeroDurationOperationAndEmptyModeStillGetOneBar) {
  Instance in = test::MakeJobShop({{{0, 0}, {1, 3}}, {{1, 2}, {0, 1}}}, 2);
  in.operations[3].modes[0].demands.clear();  // runs on no resource
  const Solution sol{{0, 0, 0, 0}, {0, 2, 0, 2}, 5};
  const std::string page = RenderGanttHtml(in, sol, {});
  ExpectOneBarPerOperation(in, page);
  EXPECT_THAT(page, HasSubstr(">no resource<"));
  EXPECT_THAT(page, HasSubstr("duration 0"));
}

TEST(Gantt, NamesAreEscaped) {
  Instance in = SmallShop();
  in.name = "inst<&\">'";
  in.jobs[0].name = "J<0>&\"x\"";
  in.operations[1].name = "op<&\">";
  in.resources[2].name = "M<2>&\"";
  in.operations[2].name = std::string("bad\x01utf8\xff\xc3(");
  const std::string page = RenderGanttHtml(in, SmallShopSolution(), {"title <&>", "sub \"x\" & <y>"});
  ExpectOneBarPerOperation(in, page);
  EXPECT_THAT(page, HasSubstr("J&lt;0&gt;&amp;&quot;x&quot;"));
  EXPECT_THAT(page, HasSubstr("(op&lt;&amp;&quot;&gt;)"));
  EXPECT_THAT(page, HasSubstr("M&lt;2&gt;&amp;&quot;"));
  EXPECT_THAT(page, HasSubstr("title &lt;&amp;&gt;"));
  EXPECT_THAT(page, HasSubstr("sub &quot;x&quot; &amp; &lt;y&gt;"));
  EXPECT_THAT(page, HasSubstr("bad?utf8?" "?("));
  for (const char* raw : {"J<0>", "op<&", "M<2>", "title <&>", "\"x\" &", "\x01", "\xff"}) {
    EXPECT_THAT(page, Not(HasSubstr(raw))) << raw;
  }
  // Without a title the (escaped) instance name is used.
  const std::string untitled = RenderGanttHtml(in, SmallShopSolution(), {});
  EXPECT_EQ(XmlError(untitled), "");
  EXPECT_THAT(untitled, HasSubstr("<title>inst&lt;&amp;&quot;&gt;&#39;</title>"));
}

TEST(Gantt, MachineDowntimeIsShaded) {
  Instance in = SmallShop();
  in.resources[2].calendar.push_back({0, 4, 0});   // M2 down on [0,4)
  in.resources[1].calendar.push_back({20, 30, 0});  // beyond the chart: not drawn
  const Solution sol = SmallShopSolution();
  ExpectFeasible(in, sol);
  const std::string page = RenderGanttHtml(in, sol, {});
  ExpectOneBarPerOperation(in, page);
  EXPECT_EQ(Count(page, "<rect class=\"downtime\""), 1u);
  EXPECT_THAT(page, HasSubstr("M2 unavailable: 0 to 4"));
  EXPECT_EQ(Count(page, "class=\"profile\""), 0u);
}

// ---------------------------------------------------------------------------------------
// Projects

TEST(Gantt, ProjectPageHasOneBarPerActivityAndOneProfilePerResource) {
  Instance in;
  in.name = "rcpsp-small";
  in.resources.push_back({"R0", ResourceKind::Renewable, 10, {}});
  in.resources.push_back({"R1", ResourceKind::Renewable, 10, {{2, 4, 5}}});  // capacity 5 on [2,4)
  const std::vector<std::pair<Time, std::vector<Demand>>> activities{
      {3, {{0, 4}, {1, 3}}}, {2, {{0, 5}, {1, 2}}}, {4, {{0, 6}, {1, 5}}}, {0, {}}};
  for (std::size_t a = 0; a < activities.size(); ++a) {
    Operation op;
    op.name = "A" + std::to_string(a);
    op.job = static_cast<int>(a);
    op.modes.push_back(Mode{activities[a].first, activities[a].second});
    in.operations.push_back(op);
    in.jobs.push_back(Job{"A" + std::to_string(a), {static_cast<int>(a)}, 0, 0, kNoDeadline, 1});
  }
  in.precedences = {{0, 2, 0, PrecedenceType::EndToStart}, {2, 3, 0, PrecedenceType::EndToStart},
                    {1, 3, 0, PrecedenceType::EndToStart}};
  const Solution sol{{0, 0, 0, 0}, {0, 0, 3, 7}, 7};
  ExpectFeasible(in, sol);

  const std::string page = RenderGanttHtml(in, sol, {"j-small", ""});
  ExpectOneBarPerOperation(in, page);
  EXPECT_EQ(Count(page, "class=\"profile\""), in.resources.size());
  EXPECT_EQ(Count(page, "class=\"capacity\""), in.resources.size());
  EXPECT_EQ(Count(page, "class=\"overload\""), 0u);
  EXPECT_THAT(page, HasSubstr("uses R0 x4, R1 x3: start 0, end 3, duration 3"));
  EXPECT_THAT(page, HasSubstr("capacity 10 (calendar)"));
  // The capacity line of R1 steps down to 5 on [2,4): three distinct heights would show as
  // a polyline with at least three horizontal pieces.
  const std::size_t cap = page.rfind("<polyline class=\"capacity\" points=\"");
  ASSERT_NE(cap, std::string::npos);
  const std::string points = page.substr(cap, page.find('"', cap + 36) - cap);
  EXPECT_GE(Count(points, ","), 6u) << points;
  // Activity rows are labelled by activity.
  EXPECT_THAT(page, HasSubstr("text-anchor=\"end\">A2</text>"));
}

TEST(Gantt, OverloadIsMarkedInTheProfile) {
  Instance in;
  in.resources.push_back({"R0", ResourceKind::Renewable, 3, {}});
  for (int a = 0; a < 2; ++a) {
    in.operations.push_back(Operation{"", a, {Mode{4, {{0, 2}}}}, 0, kNoDeadline});
    in.jobs.push_back(Job{"", {a}, 0, 0, kNoDeadline, 1});
  }
  const std::string page = RenderGanttHtml(in, Solution{{0, 0}, {0, 1}, 5}, {});
  ExpectOneBarPerOperation(in, page);
  EXPECT_EQ(Count(page, "class=\"overload\""), 1u);
  EXPECT_THAT(page, HasSubstr("usage 4 above capacity 3 from 1 to 4"));
}

TEST(Gantt, ManyActivitiesArePackedIntoLanes) {
  Instance in;
  in.resources.push_back({"R0", ResourceKind::Renewable, 10, {}});
  Solution sol;
  for (int a = 0; a < 300; ++a) {
    in.operations.push_back(Operation{std::to_string(a + 1), a, {Mode{5, {{0, 1}}}}, 0, kNoDeadline});
    in.jobs.push_back(Job{std::to_string(a + 1), {a}, 0, 0, kNoDeadline, 1});
    sol.mode.push_back(0);
    sol.start.push_back((a / 10) * 5);
  }
  const std::string page = RenderGanttHtml(in, sol, {});
  ExpectOneBarPerOperation(in, page);
  EXPECT_THAT(page, HasSubstr(">lane 10<"));
  EXPECT_THAT(page, Not(HasSubstr(">lane 11<")));
  EXPECT_THAT(page, Not(HasSubstr("class=\"legend\"")));  // more than 50 jobs
  EXPECT_EQ(Count(page, "class=\"profile\""), 1u);
}

// ---------------------------------------------------------------------------------------
// Blocking shops

TEST(Gantt, BlockingPageShowsBlockedTime) {
  // J1's first operation ends at 3 on M0 but its next operation can start on M1 only at 5:
  // M0 stays blocked on [3,5).
  Instance in = test::MakeJobShop({{{0, 2}, {1, 3}}, {{0, 1}, {1, 1}}}, 2);
  in.blocking = true;
  const Solution sol{{0, 0, 0, 0}, {0, 2, 2, 5}, 6};
  ExpectFeasible(in, sol);
  const std::string page = RenderGanttHtml(in, sol, {});
  ExpectOneBarPerOperation(in, page);
  EXPECT_EQ(Count(page, "class=\"blocked\""), 1u);
  EXPECT_THAT(page, HasSubstr("job 1 op 0 machine M0: start 2, end 3, duration 1, blocked until 5"));

  in.blocking = false;
  EXPECT_EQ(Count(RenderGanttHtml(in, sol, {}), "class=\"blocked\""), 0u);
}

// ---------------------------------------------------------------------------------------
// Errors and size

TEST(Gantt, MismatchedSolutionGivesAnErrorPage) {
  const Instance in = SmallShop();
  const std::vector<Solution> wrong{
      Solution{},                                                   // empty
      Solution{{0}, {0}, 0},                                        // too short
      Solution{{0, 0, 0, 0, 0, 0, 0, 0}, {0, 4, 7, 3, 9, 10, 0}, 14},  // starts too short
      Solution{{0, 0, 0, 7, 0, 0, 0, 0}, {0, 4, 7, 3, 9, 10, 0, 4}, 14},  // mode out of range
      Solution{{0, 0, 0, -1, 0, 0, 0, 0}, {0, 4, 7, 3, 9, 10, 0, 4}, 14},
      Solution{{0, 0, 0, 0, 0, 0, 0, 0}, {0, 4, 7, 3, 9, 10, 0, std::numeric_limits<Time>::max()}, 14},
  };
  for (const Solution& sol : wrong) {
    const std::string page = RenderGanttHtml(in, sol, {"t", "s"});
    EXPECT_EQ(XmlError(page), "");
    EXPECT_THAT(page, HasSubstr("No chart"));
    EXPECT_EQ(Count(page, "class=\"bar\""), 0u);
  }
  EXPECT_THAT(RenderGanttHtml(in, wrong[1], {}), HasSubstr("1 start times and 1 modes for 8 operations"));
  // An instance with broken indices is reported too, not dereferenced.
  Instance broken = SmallShop();
  broken.operations[0].modes[0].demands[0].resource = 99;
  EXPECT_THAT(RenderGanttHtml(broken, SmallShopSolution(), {}), HasSubstr("invalid instance"));
}

TEST(Gantt, EmptyInstanceAndNegativeStartsDoNotCrash) {
  const std::string empty = RenderGanttHtml(Instance{}, Solution{}, {});
  EXPECT_EQ(XmlError(empty), "");
  const Instance in = SmallShop();
  Solution sol = SmallShopSolution();
  sol.start[6] = -5;  // infeasible, still drawn
  const std::string page = RenderGanttHtml(in, sol, {});
  ExpectOneBarPerOperation(in, page);
  EXPECT_THAT(page, HasSubstr(">-4</text>"));
}

TEST(Gantt, LargeShopStaysLinear) {
  // ta71-80 size: 100 jobs x 20 machines, semi-active schedule of a cyclic routing.
  std::vector<std::vector<std::pair<int, Time>>> jobs(100);
  for (int j = 0; j < 100; ++j) {
    for (int k = 0; k < 20; ++k) jobs[j].push_back({(j + k) % 20, 1 + (j * 7 + k * 13) % 99});
  }
  const Instance in = test::MakeJobShop(jobs, 20);
  Solution sol;
  sol.mode.assign(in.operations.size(), 0);
  sol.start.assign(in.operations.size(), 0);
  std::vector<Time> job_ready(100, 0), machine_ready(20, 0);
  for (int k = 0; k < 20; ++k) {
    for (int j = 0; j < 100; ++j) {
      const int o = in.jobs[j].operations[k];
      const int m = jobs[j][k].first;
      sol.start[o] = std::max(job_ready[j], machine_ready[m]);
      job_ready[j] = machine_ready[m] = sol.start[o] + jobs[j][k].second;
    }
  }
  sol.objective = *std::max_element(job_ready.begin(), job_ready.end());
  ExpectFeasible(in, sol);
  const std::string page = RenderGanttHtml(in, sol, {"ta-like", ""});
  ExpectOneBarPerOperation(in, page);
  EXPECT_LT(page.size(), 2000u * 500u);
  EXPECT_THAT(page, Not(HasSubstr("class=\"legend\"")));
}

}  // namespace
}  // namespace ordo
