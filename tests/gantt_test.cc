// The Gantt page is well-formed XML with exactly one bar per operation, escapes names, draws
// profiles for renewable resources and blocked time for blocking shops.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "random_instances.h"
#include "report/gantt.h"
#include "report/run.h"
#include "test_util.h"

namespace ordo {
namespace {

using ::testing::HasSubstr;

// Minimal XML well-formedness: balanced tags, quoted attributes, no bare '<' or '&'.
bool WellFormed(const std::string& page, std::string* why) {
  std::vector<std::string> stack;
  std::size_t i = page.find("<html");
  while (i < page.size()) {
    if (page[i] == '&') {
      const std::size_t semi = page.find(';', i);
      if (semi == std::string::npos || semi - i > 8) return *why = "bare &", false;
    }
    if (page[i] != '<') {
      ++i;
      continue;
    }
    const std::size_t close = page.find('>', i);
    if (close == std::string::npos) return *why = "unclosed tag", false;
    std::string tag = page.substr(i + 1, close - i - 1);
    if (tag.find('<') != std::string::npos) return *why = "bare < in " + tag, false;
    const bool end = !tag.empty() && tag[0] == '/';
    const bool empty = !tag.empty() && tag.back() == '/';
    const std::string name = tag.substr(end ? 1 : 0, tag.find_first_of(" /", 1) - (end ? 1 : 0));
    if (std::count(tag.begin(), tag.end(), '"') % 2 != 0) return *why = "unbalanced quotes in " + tag, false;
    if (end) {
      if (stack.empty() || stack.back() != name) return *why = "mismatched </" + name + ">", false;
      stack.pop_back();
    } else if (!empty) {
      stack.push_back(name);
    }
    i = close + 1;
  }
  if (!stack.empty()) return *why = "unclosed <" + stack.back() + ">", false;
  return true;
}

std::size_t Count(const std::string& page, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = page.find(needle); at != std::string::npos; at = page.find(needle, at + 1)) ++n;
  return n;
}

std::string Render(const Instance& in) {
  RunRequest request;  // the family's default solver, briefly
  request.control.time_limit_seconds = 0.2;
  const auto outcome = SolveAndCheck(in, request);
  EXPECT_TRUE(outcome.ok() && outcome->verified());
  return RenderGanttHtml(in, *outcome->result.solution, {"title <&>", "sub \"x\""});
}

void ExpectOneBarPerOperation(const Instance& in, const std::string& page) {
  std::string why;
  EXPECT_TRUE(WellFormed(page, &why)) << why;
  EXPECT_EQ(Count(page, "class=\"bar\""), in.operations.size());
  std::set<int> ops;
  const std::regex op_re("data-op=\"([0-9]+)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), op_re); it != std::sregex_iterator(); ++it) {
    ops.insert(std::stoi((*it)[1]));
  }
  EXPECT_EQ(ops.size(), in.operations.size());
}

TEST(Gantt, ShopPage) {
  Instance in = test::RandomJobShop(4, 6, 4, true);
  in.jobs[0].name = "J<0>&\"x\"";
  const std::string page = Render(in);
  ExpectOneBarPerOperation(in, page);
  EXPECT_THAT(page, HasSubstr("J&lt;0&gt;&amp;&quot;x&quot;"));
  EXPECT_THAT(page, HasSubstr("title &lt;&amp;&gt;"));
}

TEST(Gantt, ProjectPageHasProfiles) {
  const Instance in = test::RandomRcpsp(9, 15, 3, true);
  const std::string page = Render(in);
  ExpectOneBarPerOperation(in, page);
  EXPECT_EQ(Count(page, "class=\"profile\""), in.resources.size());
}

TEST(Gantt, BlockingPageShowsBlockedTime) {
  Instance in = test::MakeJobShop({{{0, 2}, {1, 5}}, {{1, 2}, {0, 2}}, {{0, 3}, {1, 1}}}, 2);
  in.blocking = true;
  const std::string page = Render(in);
  ExpectOneBarPerOperation(in, page);
}

TEST(Gantt, MismatchedSolutionGivesAPage) {
  const Instance in = test::RandomJobShop(1, 3, 3);
  Solution wrong;
  wrong.start = {0};
  const std::string page = RenderGanttHtml(in, wrong, {});
  EXPECT_THAT(page, HasSubstr("does not match"));
  std::string why;
  EXPECT_TRUE(WellFormed(page, &why)) << why;
}

}  // namespace
}  // namespace ordo
