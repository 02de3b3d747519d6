// The native JSON format: every model feature round-trips; malformed input is answered with
// file:line and what was expected.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "io/instance_reader.h"
#include "model/validate.h"
#include "random_instances.h"
#include "test_util.h"

namespace ordo {
namespace {

using ::testing::HasSubstr;

void ExpectSame(const Instance& a, const Instance& b) {
  ASSERT_EQ(a.name, b.name);
  ASSERT_EQ(a.resources.size(), b.resources.size());
  for (std::size_t r = 0; r < a.resources.size(); ++r) {
    EXPECT_EQ(a.resources[r].name, b.resources[r].name);
    EXPECT_EQ(a.resources[r].kind, b.resources[r].kind);
    EXPECT_EQ(a.resources[r].capacity, b.resources[r].capacity);
    ASSERT_EQ(a.resources[r].calendar.size(), b.resources[r].calendar.size());
    for (std::size_t k = 0; k < a.resources[r].calendar.size(); ++k) {
      EXPECT_EQ(a.resources[r].calendar[k].start, b.resources[r].calendar[k].start);
      EXPECT_EQ(a.resources[r].calendar[k].end, b.resources[r].calendar[k].end);
      EXPECT_EQ(a.resources[r].calendar[k].capacity, b.resources[r].calendar[k].capacity);
    }
  }
  ASSERT_EQ(a.jobs.size(), b.jobs.size());
  for (std::size_t j = 0; j < a.jobs.size(); ++j) {
    EXPECT_EQ(a.jobs[j].name, b.jobs[j].name);
    EXPECT_EQ(a.jobs[j].operations, b.jobs[j].operations);
    EXPECT_EQ(a.jobs[j].release, b.jobs[j].release);
    EXPECT_EQ(a.jobs[j].due, b.jobs[j].due);
    EXPECT_EQ(a.jobs[j].deadline, b.jobs[j].deadline);
    EXPECT_EQ(a.jobs[j].weight, b.jobs[j].weight);
  }
  ASSERT_EQ(a.operations.size(), b.operations.size());
  for (std::size_t o = 0; o < a.operations.size(); ++o) {
    const Operation &x = a.operations[o], &y = b.operations[o];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.job, y.job);
    EXPECT_EQ(x.release, y.release);
    EXPECT_EQ(x.deadline, y.deadline);
    ASSERT_EQ(x.modes.size(), y.modes.size());
    for (std::size_t m = 0; m < x.modes.size(); ++m) {
      EXPECT_EQ(x.modes[m].duration, y.modes[m].duration);
      ASSERT_EQ(x.modes[m].demands.size(), y.modes[m].demands.size());
      for (std::size_t d = 0; d < x.modes[m].demands.size(); ++d) {
        EXPECT_EQ(x.modes[m].demands[d].resource, y.modes[m].demands[d].resource);
        EXPECT_EQ(x.modes[m].demands[d].amount, y.modes[m].demands[d].amount);
      }
    }
  }
  ASSERT_EQ(a.precedences.size(), b.precedences.size());
  for (std::size_t k = 0; k < a.precedences.size(); ++k) {
    EXPECT_EQ(a.precedences[k].from, b.precedences[k].from);
    EXPECT_EQ(a.precedences[k].to, b.precedences[k].to);
    EXPECT_EQ(a.precedences[k].lag, b.precedences[k].lag);
    EXPECT_EQ(a.precedences[k].type, b.precedences[k].type);
  }
  ASSERT_EQ(a.disjunctive.size(), b.disjunctive.size());
  for (std::size_t k = 0; k < a.disjunctive.size(); ++k) {
    EXPECT_EQ(a.disjunctive[k].a, b.disjunctive[k].a);
    EXPECT_EQ(a.disjunctive[k].b, b.disjunctive[k].b);
  }
  ASSERT_EQ(a.objective.terms.size(), b.objective.terms.size());
  for (std::size_t k = 0; k < a.objective.terms.size(); ++k) {
    EXPECT_EQ(a.objective.terms[k].kind, b.objective.terms[k].kind);
    EXPECT_EQ(a.objective.terms[k].weight, b.objective.terms[k].weight);
  }
  EXPECT_EQ(a.blocking, b.blocking);
  EXPECT_EQ(a.allow_swaps, b.allow_swaps);
}

void RoundTrip(const Instance& in) {
  ASSERT_TRUE(ValidateInstance(in).ok()) << ValidateInstance(in).Summary();
  const std::string json = WriteInstanceJson(in);
  ReadOptions options;
  options.format = InstanceFormat::Json;
  const auto back = ReadInstanceText(json, "rt.json", options);
  ASSERT_TRUE(back.ok()) << back.error() << "\n" << json;
  ExpectSame(in, *back);
  EXPECT_EQ(WriteInstanceJson(*back), json);
}

TEST(NativeJson, RoundTripEveryFamily) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    RoundTrip(test::RandomJobShop(seed, 4, 3, seed % 2 == 0));
    RoundTrip(test::RandomFlexibleShop(seed, 4, 3, seed % 2 == 0));
    RoundTrip(test::RandomRcpsp(seed, 8, 3, true));
    RoundTrip(test::RandomSingleMachine(seed, 6, seed % 2 == 0));
  }
  Instance blocking = test::RandomJobShop(3, 3, 3);
  blocking.blocking = true;
  blocking.allow_swaps = false;
  blocking.name = "needs \"escaping\" \\ and\nnewline";
  RoundTrip(blocking);
  Instance lags = test::RandomRcpsp(5, 6, 2, true);
  lags.precedences.push_back({5, 0, -40, PrecedenceType::StartToStart});
  lags.operations[2].deadline = 300;
  lags.jobs[1].deadline = 400;
  RoundTrip(lags);
}

TEST(NativeJson, ExamplesAreValid) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::Repo("examples"))) {
    if (entry.path().extension() != ".json") continue;
    const auto in = ReadInstanceFile(entry.path().string());
    EXPECT_TRUE(in.ok()) << in.error();
    if (in.ok()) RoundTrip(*in);
    ++count;
  }
  EXPECT_GE(count, 5);
}

std::string Error(const std::string& text) {
  ReadOptions options;
  options.format = InstanceFormat::Json;
  const auto in = ReadInstanceText(text, "bad.json", options);
  EXPECT_FALSE(in.ok());
  return in.ok() ? "" : in.error();
}

TEST(NativeJson, MalformedInput) {
  EXPECT_THAT(Error("{\n  \"operations\": [\n    {\"job\": 0, \"duration\": 3,}\n  ]\n}"), HasSubstr("bad.json:3: expected a quoted key"));
  EXPECT_THAT(Error("{\n\"operations\": [\n{\"job\": 0, \"duration\": 3}\n],\n\"colour\": 1\n}"),
              HasSubstr("bad.json:5: unknown key \"colour\" in the instance"));
  EXPECT_THAT(Error("{\"operations\": [{\"job\": 0, \"duration\": \"3\"}]}"), HasSubstr("bad.json:1: expected an integer for a duration, found a string"));
  EXPECT_THAT(Error("{\"operations\": [{\"job\": 0, \"duration\": 1.5}]}"), HasSubstr("expected an integer for a duration, found a number with a fraction"));
  EXPECT_THAT(Error("{\"operations\": [{\"job\": 0, \"duration\": 99999999999999999999}]}"), HasSubstr("expected an integer"));
  EXPECT_THAT(Error("{\"operations\": [{\"job\": 0}]}"), HasSubstr("expected exactly one of \"modes\" or \"duration\""));
  EXPECT_THAT(Error("{\"operations\": [{\"job\": 0, \"duration\": 3, \"machine\": 4}]}"), HasSubstr("uses resource 4 which does not exist"));
  EXPECT_THAT(Error(std::string(100000, '[')), HasSubstr("nesting deeper than"));
  EXPECT_THAT(Error(""), HasSubstr("bad.json:1: expected a JSON value"));
  EXPECT_THAT(Error("{\"operations\": [\n{\"job\": 0, \"duration\": 3}\n"), HasSubstr("bad.json:3: expected ',' or ']'"));
  EXPECT_THAT(Error("{\"objective\": \"fastest\", \"operations\": []}"), HasSubstr("unknown objective \"fastest\""));
  EXPECT_THAT(Error("{\"a\": 1, \"a\": 2}"), HasSubstr("appears twice"));
  EXPECT_THAT(Error("{\"operations\": [{\"job\": 0, \"duration\": 3}], \"disjunctive\": [[0]]}"), HasSubstr("expected a pair [a, b]"));
}

}  // namespace
}  // namespace ordo
