// Native JSON instances (src/io/json_instance.cc, parsed by src/io/json_value.cc): every field of every family round-trips
// exactly; the shorthands read as documented in docs/formats.md; malformed input gives
// "source:line: ..." with the right line and never crashes; the examples are valid.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "io/format_readers.h"
#include "io/instance_reader.h"
#include "io/scanner.h"
#include "model/family.h"
#include "model/validate.h"
#include "test_util.h"

namespace ordo {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

void ExpectSame(const Instance& a, const Instance& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.blocking, b.blocking);
  EXPECT_EQ(a.allow_swaps, b.allow_swaps);
  ASSERT_EQ(a.objective.terms.size(), b.objective.terms.size());
  for (std::size_t t = 0; t < a.objective.terms.size(); ++t) {
    EXPECT_EQ(a.objective.terms[t].kind, b.objective.terms[t].kind) << "term " << t;
    EXPECT_EQ(a.objective.terms[t].weight, b.objective.terms[t].weight) << "term " << t;
  }
  ASSERT_EQ(a.resources.size(), b.resources.size());
  for (std::size_t r = 0; r < a.resources.size(); ++r) {
    const Resource &x = a.resources[r], &y = b.resources[r];
    EXPECT_EQ(x.name, y.name) << "resource " << r;
    EXPECT_EQ(x.kind, y.kind) << "resource " << r;
    EXPECT_EQ(x.capacity, y.capacity) << "resource " << r;
    ASSERT_EQ(x.calendar.size(), y.calendar.size()) << "resource " << r;
    for (std::size_t k = 0; k < x.calendar.size(); ++k) {
      EXPECT_EQ(x.calendar[k].start, y.calendar[k].start);
      EXPECT_EQ(x.calendar[k].end, y.calendar[k].end);
      EXPECT_EQ(x.calendar[k].capacity, y.calendar[k].capacity);
    }
  }
  ASSERT_EQ(a.jobs.size(), b.jobs.size());
  for (std::size_t j = 0; j < a.jobs.size(); ++j) {
    const Job &x = a.jobs[j], &y = b.jobs[j];
    EXPECT_EQ(x.name, y.name) << "job " << j;
    EXPECT_EQ(x.operations, y.operations) << "job " << j;
    EXPECT_EQ(x.release, y.release) << "job " << j;
    EXPECT_EQ(x.due, y.due) << "job " << j;
    EXPECT_EQ(x.deadline, y.deadline) << "job " << j;
    EXPECT_EQ(x.weight, y.weight) << "job " << j;
  }
  ASSERT_EQ(a.operations.size(), b.operations.size());
  for (std::size_t o = 0; o < a.operations.size(); ++o) {
    const Operation &x = a.operations[o], &y = b.operations[o];
    EXPECT_EQ(x.name, y.name) << "operation " << o;
    EXPECT_EQ(x.job, y.job) << "operation " << o;
    EXPECT_EQ(x.release, y.release) << "operation " << o;
    EXPECT_EQ(x.deadline, y.deadline) << "operation " << o;
    EXPECT_EQ(x.resumable, y.resumable) << "operation " << o;
    ASSERT_EQ(x.modes.size(), y.modes.size()) << "operation " << o;
    for (std::size_t m = 0; m < x.modes.size(); ++m) {
      EXPECT_EQ(x.modes[m].duration, y.modes[m].duration) << "operation " << o << " mode " << m;
      ASSERT_EQ(x.modes[m].demands.size(), y.modes[m].demands.size()) << "operation " << o << " mode " << m;
      for (std::size_t d = 0; d < x.modes[m].demands.size(); ++d) {
        EXPECT_EQ(x.modes[m].demands[d].resource, y.modes[m].demands[d].resource);
        EXPECT_EQ(x.modes[m].demands[d].amount, y.modes[m].demands[d].amount);
      }
    }
  }
  ASSERT_EQ(a.precedences.size(), b.precedences.size());
  for (std::size_t k = 0; k < a.precedences.size(); ++k) {
    EXPECT_EQ(a.precedences[k].from, b.precedences[k].from) << "precedence " << k;
    EXPECT_EQ(a.precedences[k].to, b.precedences[k].to) << "precedence " << k;
    EXPECT_EQ(a.precedences[k].lag, b.precedences[k].lag) << "precedence " << k;
    EXPECT_EQ(a.precedences[k].type, b.precedences[k].type) << "precedence " << k;
  }
  ASSERT_EQ(a.disjunctive.size(), b.disjunctive.size());
  for (std::size_t k = 0; k < a.disjunctive.size(); ++k) {
    EXPECT_EQ(a.disjunctive[k].a, b.disjunctive[k].a) << "pair " << k;
    EXPECT_EQ(a.disjunctive[k].b, b.disjunctive[k].b) << "pair " << k;
  }
}

Instance Read(std::string_view text) { return io::ReadJsonInstance(text, "test.json"); }

// Write, read back, compare every field; writing again gives the same text. Returns the text.
std::string RoundTrip(const Instance& in, bool must_be_valid = true) {
  if (must_be_valid) {
    const ValidationResult v = ValidateInstance(in);
    EXPECT_TRUE(v.ok()) << v.Summary();
  }
  const std::string text = WriteInstanceJson(in);
  Instance back;
  try {
    back = io::ReadJsonInstance(text, "rt.json");
  } catch (const io::ParseError& e) {
    ADD_FAILURE() << e.what() << "\n" << text;
    return text;
  }
  {
    SCOPED_TRACE(text);
    ExpectSame(in, back);
  }
  EXPECT_EQ(WriteInstanceJson(back), text);
  return text;
}

// ---------------------------------------------------------------------------------------
// Hand-built instances, one per family and feature.

Operation Op(int job, std::vector<Mode> modes, std::string name = "") {
  Operation op;
  op.job = job;
  op.modes = std::move(modes);
  op.name = std::move(name);
  return op;
}

Mode OnMachine(int machine, Time duration) { return Mode{duration, {Demand{machine, 1}}}; }

void AddJob(Instance& in, std::string name, std::vector<int> ops) {
  Job job;
  job.name = std::move(name);
  job.operations = std::move(ops);
  in.jobs.push_back(std::move(job));
}

void Chain(Instance& in) { io::ChainJobs(in); }

Instance JobShop() {
  Instance in = test::MakeJobShop({{{0, 3}, {1, 2}, {2, 2}}, {{0, 2}, {2, 1}, {1, 4}}, {{1, 4}, {2, 3}, {0, 1}}}, 3);
  in.name = "js3x3";
  return in;
}

Instance JobShopWithReaderNames() {
  Instance in = JobShop();
  for (std::size_t j = 0; j < in.jobs.size(); ++j) {
    for (std::size_t k = 0; k < in.jobs[j].operations.size(); ++k) {
      in.operations[in.jobs[j].operations[k]].name = fmt::format("J{}.{}", j, k);
    }
  }
  return in;
}

Instance FlexibleShop() {
  Instance in;
  in.name = "flex";
  for (int m = 0; m < 3; ++m) in.resources.push_back({"M" + std::to_string(m), ResourceKind::Machine, 1, {}});
  in.operations.push_back(Op(0, {OnMachine(0, 4), OnMachine(1, 6)}, "cut"));
  in.operations.push_back(Op(0, {OnMachine(2, 3)}, "drill"));
  in.operations.push_back(Op(1, {OnMachine(1, 5), OnMachine(2, 4)}));
  in.operations.push_back(Op(1, {OnMachine(0, 2), OnMachine(1, 3), OnMachine(2, 3)}));
  in.operations.push_back(Op(2, {OnMachine(0, 6), OnMachine(2, 5)}));
  AddJob(in, "J0", {0, 1});
  AddJob(in, "J1", {2, 3});
  AddJob(in, "shaft", {4});
  Chain(in);
  return in;
}

Instance RcpspWithCalendar() {
  Instance in;
  in.name = "project";
  in.resources.push_back({"crew", ResourceKind::Renewable, 4, {{0, 2, 2}, {10, 14, 0}}});
  in.resources.push_back({"R1", ResourceKind::Renewable, 2, {}});  // default name: written without it
  in.operations.push_back(Op(0, {Mode{0, {}}}, "1"));
  in.operations.push_back(Op(1, {Mode{3, {{0, 2}, {1, 1}}}}, "2"));
  in.operations.push_back(Op(2, {Mode{5, {{0, 3}}}}, "3"));
  in.operations.push_back(Op(3, {Mode{2, {{1, 2}}}}, "4"));
  in.operations.push_back(Op(4, {Mode{0, {}}}, "5"));
  in.operations[2].release = 4;
  in.operations[3].deadline = 60;
  for (int a = 0; a < 5; ++a) AddJob(in, fmt::format("A{}", a + 1), {a});
  in.jobs[4].deadline = 80;
  in.precedences = {{0, 1, 0, PrecedenceType::EndToStart},
                    {0, 2, 0, PrecedenceType::EndToStart},
                    {1, 3, 2, PrecedenceType::EndToStart},
                    {2, 3, 1, PrecedenceType::StartToStart},
                    {3, 1, -20, PrecedenceType::StartToStart},  // S_1 <= S_3 + 20: a maximum lag
                    {3, 4, 0, PrecedenceType::EndToStart}};
  return in;
}

Instance SingleMachine() {
  Instance in;
  in.name = "sm";
  in.objective.terms = {ObjectiveTerm{ObjectiveKind::TotalWeightedTardiness, 1}};
  in.resources.push_back({"press", ResourceKind::Machine, 1, {}});
  const Time p[] = {4, 3, 7, 2, 5};
  const Time d[] = {4, 6, 10, 5, 12};
  const std::int64_t w[] = {3, 1, 2, 5, 1};
  for (int j = 0; j < 5; ++j) {
    in.operations.push_back(Op(j, {OnMachine(0, p[j])}));
    AddJob(in, "order-" + std::to_string(j + 1), {j});
    in.jobs[j].due = d[j];
    in.jobs[j].weight = w[j];
  }
  in.jobs[4].release = 4;
  in.jobs[2].deadline = 40;
  return in;
}

Instance BlockingNoSwap() {
  Instance in = JobShopWithReaderNames();
  in.name = "blocking";
  in.blocking = true;
  in.allow_swaps = false;
  return in;
}

Instance WithDisjunctive() {
  Instance in = RcpspWithCalendar();
  in.disjunctive = {{1, 2}, {3, 2}};
  return in;
}

Instance MultiTermObjective() {
  Instance in = SingleMachine();
  in.objective.terms = {{ObjectiveKind::TotalWeightedTardiness, 1}, {ObjectiveKind::Makespan, 2},
                        {ObjectiveKind::MaxLateness, 0}, {ObjectiveKind::TotalWeightedCompletion, 7}};
  return in;
}

TEST(JsonInstance, RoundTripJobShop) {
  const std::string text = RoundTrip(JobShop());
  EXPECT_THAT(text, HasSubstr("\"job_chains\": true"));
  EXPECT_THAT(text, Not(HasSubstr("\"precedences\"")));
  EXPECT_THAT(text, HasSubstr("{\"job\": 0, \"name\": \"\", \"duration\": 3, \"machine\": 0}"));
  EXPECT_THAT(text, HasSubstr("\"objective\": \"makespan\""));
  EXPECT_THAT(text, StartsWith("{\n  \"format\": \"ordo-instance\",\n  \"version\": 1,\n"));
}

TEST(JsonInstance, ShopFromAReaderIsWrittenCompactly) {
  const std::string text = RoundTrip(JobShopWithReaderNames());
  // Job names J<j>, operation names J<j>.<k> and the job lists are the defaults.
  EXPECT_THAT(text, Not(HasSubstr("\"jobs\"")));
  EXPECT_THAT(text, Not(HasSubstr("J0.0")));
  EXPECT_THAT(text, HasSubstr("    {\"job\": 2, \"duration\": 1, \"machine\": 0}\n"));
  EXPECT_THAT(text, HasSubstr("{\"name\": \"M0\"}"));
}

TEST(JsonInstance, RoundTripFlexibleShop) {
  const std::string text = RoundTrip(FlexibleShop());
  EXPECT_EQ(ClassifyFamily(FlexibleShop()), Family::FlexibleJobShop);
  EXPECT_THAT(text, HasSubstr("\"modes\": [{\"duration\": 4, \"machine\": 0}, {\"duration\": 6, \"machine\": 1}]"));
  EXPECT_THAT(text, HasSubstr("\"job_chains\": true"));
}

TEST(JsonInstance, RoundTripRcpspWithCalendarAndMaximumLag) {
  const std::string text = RoundTrip(RcpspWithCalendar());
  EXPECT_THAT(text, HasSubstr("\"calendar\": [{\"start\": 0, \"end\": 2, \"capacity\": 2}, {\"start\": 10, \"end\": 14, \"capacity\": 0}]"));
  EXPECT_THAT(text, HasSubstr("{\"from\": 3, \"to\": 1, \"lag\": -20, \"type\": \"start_to_start\"}"));
  EXPECT_THAT(text, HasSubstr("{\"kind\": \"renewable\", \"capacity\": 2}"));
  EXPECT_THAT(text, HasSubstr("\"demands\": [{\"resource\": 0, \"amount\": 2}, {\"resource\": 1}]"));
  EXPECT_THAT(text, Not(HasSubstr("job_chains")));
}

TEST(JsonInstance, RoundTripSingleMachine) {
  EXPECT_EQ(ClassifyFamily(SingleMachine()), Family::SingleMachine);
  const std::string text = RoundTrip(SingleMachine());
  EXPECT_THAT(text, HasSubstr("\"objective\": \"total_weighted_tardiness\""));
  EXPECT_THAT(text, HasSubstr("{\"name\": \"order-3\", \"due\": 10, \"deadline\": 40, \"weight\": 2}"));
}

TEST(JsonInstance, RoundTripBlockingWithoutSwaps) {
  const std::string text = RoundTrip(BlockingNoSwap());
  EXPECT_THAT(text, HasSubstr("\"blocking\": true"));
  EXPECT_THAT(text, HasSubstr("\"allow_swaps\": false"));
}

TEST(JsonInstance, RoundTripDisjunctivePairs) {
  const std::string text = RoundTrip(WithDisjunctive());
  EXPECT_THAT(text, HasSubstr("\"disjunctive\": [\n    [1, 2],\n    [3, 2]\n  ]"));
}

TEST(JsonInstance, RoundTripMultiTermObjective) {
  const std::string text = RoundTrip(MultiTermObjective());
  EXPECT_THAT(text, HasSubstr("{\"kind\": \"makespan\", \"weight\": 2}"));
  Instance single = SingleMachine();
  single.objective.terms = {{ObjectiveKind::TotalWeightedCompletion, 3}};
  EXPECT_THAT(RoundTrip(single), HasSubstr("\"objective\": [{\"kind\": \"total_weighted_completion\", \"weight\": 3}]"));
  single.objective.terms = {{ObjectiveKind::MaxLateness, 1}};
  EXPECT_THAT(RoundTrip(single), HasSubstr("\"objective\": \"max_lateness\""));
}

TEST(JsonInstance, RoundTripUnusualValues) {
  // Not valid instances (ValidateInstance would refuse some), but every field must survive.
  Instance in = RcpspWithCalendar();
  in.name = "quote \" backslash \\ newline \n tab \t nul " + std::string(1, '\0') + " \x01 unicode \xC3\xA9\xE2\x82\xAC";
  in.resources[0].name = "";
  in.resources[1].name = "R0";  // another resource's default name
  in.resources[1].capacity = std::numeric_limits<std::int64_t>::min();
  in.operations[0].release = std::numeric_limits<Time>::min();
  in.operations[1].deadline = std::numeric_limits<Time>::max() - 1;
  in.operations[1].resumable = true;
  in.operations[2].modes.clear();  // no mode at all
  in.operations[3].modes = {Mode{1, {}}, Mode{2, {{0, 1}}}, Mode{3, {{1, -5}}}};
  in.operations[4].job = -3;
  in.operations[4].name = "J4.0";
  in.jobs[0].operations = {4, 0, 99};
  in.jobs[1].name = "J0";
  in.jobs[2].weight = 0;
  in.precedences.push_back({7, -1, std::numeric_limits<Time>::max(), PrecedenceType::EndToStart});
  in.disjunctive = {{-2, 1000000}};
  in.objective.terms.clear();
  in.allow_swaps = false;
  RoundTrip(in, false);

  Instance empty;
  RoundTrip(empty, false);
  empty.resources.push_back(Resource{});
  empty.jobs.push_back(Job{});
  RoundTrip(empty, false);
}

TEST(JsonInstance, JobChainsOnlyWhenThePrecedencesStartWithThem) {
  Instance in = JobShop();
  // Chains followed by an extra precedence: "job_chains" plus that one.
  in.precedences.push_back({0, 4, 5, PrecedenceType::StartToStart});
  std::string text = RoundTrip(in);
  EXPECT_THAT(text, HasSubstr("\"job_chains\": true"));
  EXPECT_THAT(text, HasSubstr("\"precedences\": [\n    {\"from\": 0, \"to\": 4, \"lag\": 5, \"type\": \"start_to_start\"}\n  ]"));
  // The same precedences in another order: written one by one.
  std::swap(in.precedences.front(), in.precedences.back());
  text = RoundTrip(in);
  EXPECT_THAT(text, Not(HasSubstr("job_chains")));
  // A chain with a lag is not a plain chain.
  in = JobShop();
  in.precedences[1].lag = 1;
  EXPECT_THAT(RoundTrip(in), Not(HasSubstr("job_chains")));
  // Job lists in another order than the file: written explicitly, chains follow them.
  in = JobShop();
  in.jobs[1].operations = {5, 3, 4};
  in.precedences.clear();
  Chain(in);
  text = RoundTrip(in);
  EXPECT_THAT(text, HasSubstr("\"operations\": [5, 3, 4]"));
  EXPECT_THAT(text, HasSubstr("\"job_chains\": true"));
}

// ---------------------------------------------------------------------------------------
// Reading the shorthands.

TEST(JsonInstance, ReadsShorthandsAndDefaults) {
  const Instance in = Read(R"({
  "resources": [{}, {"name": "crew", "kind": "renewable", "capacity": 3}],
  "operations": [
    {"job": 1, "duration": 3, "machine": 0},
    {"job": 0, "duration": 2, "demands": [{"resource": 1}, {"resource": 0, "amount": 1}]},
    {"job": 1, "name": "last", "release": 4, "deadline": null,
     "modes": [{"duration": 1, "machine": 0}, {"duration": 5, "demands": [{"resource": 1, "amount": 2}]}, {"duration": 7}]}
  ],
  "job_chains": true,
  "precedences": [{"from": 1, "to": 2, "lag": -1, "type": "start_to_start"}]
})");
  EXPECT_EQ(in.name, "");
  ASSERT_EQ(in.objective.terms.size(), 1u);
  EXPECT_EQ(in.objective.terms[0].kind, ObjectiveKind::Makespan);
  EXPECT_EQ(in.objective.terms[0].weight, 1);
  EXPECT_FALSE(in.blocking);
  EXPECT_TRUE(in.allow_swaps);
  ASSERT_EQ(in.resources.size(), 2u);
  EXPECT_EQ(in.resources[0].name, "R0");
  EXPECT_EQ(in.resources[0].kind, ResourceKind::Machine);
  EXPECT_EQ(in.resources[0].capacity, 1);
  EXPECT_EQ(in.resources[1].kind, ResourceKind::Renewable);
  // Without "jobs": one job per id, operations in file order, default names.
  ASSERT_EQ(in.jobs.size(), 2u);
  EXPECT_EQ(in.jobs[0].name, "J0");
  EXPECT_EQ(in.jobs[1].name, "J1");
  EXPECT_EQ(in.jobs[0].operations, std::vector<int>{1});
  EXPECT_EQ(in.jobs[1].operations, (std::vector<int>{0, 2}));
  EXPECT_EQ(in.jobs[1].deadline, kNoDeadline);
  EXPECT_EQ(in.jobs[1].weight, 1);
  EXPECT_EQ(in.operations[0].name, "J1.0");
  EXPECT_EQ(in.operations[1].name, "J0.0");
  EXPECT_EQ(in.operations[2].name, "last");
  ASSERT_EQ(in.operations[0].modes.size(), 1u);
  EXPECT_EQ(in.operations[0].modes[0].duration, 3);
  ASSERT_EQ(in.operations[0].modes[0].demands.size(), 1u);
  EXPECT_EQ(in.operations[0].modes[0].demands[0].resource, 0);
  EXPECT_EQ(in.operations[0].modes[0].demands[0].amount, 1);
  ASSERT_EQ(in.operations[1].modes[0].demands.size(), 2u);
  EXPECT_EQ(in.operations[1].modes[0].demands[0].resource, 1);
  EXPECT_EQ(in.operations[1].modes[0].demands[0].amount, 1);
  EXPECT_EQ(in.operations[2].release, 4);
  EXPECT_EQ(in.operations[2].deadline, kNoDeadline);
  ASSERT_EQ(in.operations[2].modes.size(), 3u);
  EXPECT_EQ(in.operations[2].modes[1].demands[0].amount, 2);
  EXPECT_TRUE(in.operations[2].modes[2].demands.empty());
  // Chains first (job 1: 0 -> 2), then the explicit precedence.
  ASSERT_EQ(in.precedences.size(), 2u);
  EXPECT_EQ(in.precedences[0].from, 0);
  EXPECT_EQ(in.precedences[0].to, 2);
  EXPECT_EQ(in.precedences[0].lag, 0);
  EXPECT_EQ(in.precedences[0].type, PrecedenceType::EndToStart);
  EXPECT_EQ(in.precedences[1].lag, -1);
  EXPECT_EQ(in.precedences[1].type, PrecedenceType::StartToStart);
  EXPECT_TRUE(ValidateInstance(in).ok()) << ValidateInstance(in).Summary();
}

TEST(JsonInstance, ReadsJobsWithAndWithoutOperationLists) {
  const Instance in = Read(R"({"format": "ordo-instance", "version": 1, "name": "x",
    "objective": [{"kind": "total_weighted_tardiness"}, {"kind": "makespan", "weight": 2}],
    "blocking": true, "allow_swaps": false,
    "resources": [{"name": "M"}],
    "jobs": [{"operations": [2, 0]}, {"name": "b", "release": 1, "due": 9, "deadline": 50, "weight": 4}, {}],
    "operations": [{"job": 0, "duration": 1, "machine": 0}, {"job": 1, "duration": 1, "machine": 0},
                   {"job": 0, "duration": 1, "machine": 0}],
    "job_chains": true, "disjunctive": [[0, 1]]})");
  EXPECT_EQ(in.name, "x");
  ASSERT_EQ(in.objective.terms.size(), 2u);
  EXPECT_EQ(in.objective.terms[0].weight, 1);
  EXPECT_EQ(in.objective.terms[1].kind, ObjectiveKind::Makespan);
  EXPECT_TRUE(in.blocking);
  EXPECT_FALSE(in.allow_swaps);
  ASSERT_EQ(in.jobs.size(), 3u);
  EXPECT_EQ(in.jobs[0].name, "J0");
  EXPECT_EQ(in.jobs[0].operations, (std::vector<int>{2, 0}));
  EXPECT_EQ(in.jobs[1].operations, std::vector<int>{1});
  EXPECT_EQ(in.jobs[1].deadline, 50);
  EXPECT_TRUE(in.jobs[2].operations.empty());
  EXPECT_EQ(in.operations[2].name, "J0.0");
  EXPECT_EQ(in.operations[0].name, "J0.1");
  ASSERT_EQ(in.precedences.size(), 1u);
  EXPECT_EQ(in.precedences[0].from, 2);
  EXPECT_EQ(in.precedences[0].to, 0);
  ASSERT_EQ(in.disjunctive.size(), 1u);
}

TEST(JsonInstance, IdsAreKeptForValidation) {
  // Out-of-range ids are not the reader's business: ValidateInstance names them.
  const Instance in = Read(R"({"jobs": [{}], "operations": [{"job": 0, "duration": 1, "machine": 7}],
    "precedences": [{"from": 0, "to": -1}], "disjunctive": [[0, 5]]})");
  EXPECT_EQ(in.operations[0].modes[0].demands[0].resource, 7);
  EXPECT_EQ(in.precedences[0].to, -1);
  const ValidationResult v = ValidateInstance(in);
  EXPECT_FALSE(v.ok());
  EXPECT_THAT(v.Summary(), HasSubstr("resource 7"));
}

// ---------------------------------------------------------------------------------------
// Malformed input.

std::string ErrorOf(std::string_view text) {
  try {
    io::ReadJsonInstance(text, "bad.json");
  } catch (const io::ParseError& e) {
    return e.what();
  }
  ADD_FAILURE() << "accepted:\n" << text;
  return "";
}

TEST(JsonInstance, SyntaxErrorNamesItsLine) {
  EXPECT_THAT(ErrorOf("{\n  \"operations\": [\n    {\"job\": 0, \"duration\": 3,}\n  ]\n}"), StartsWith("bad.json:3: "));
  EXPECT_THAT(ErrorOf("{\n  \"name\": \"a\",\n  \"operations\": [] x\n}"), StartsWith("bad.json:3: "));
  EXPECT_THAT(ErrorOf("{\n  \"name\": \"a\"\n  \"operations\": []\n}"), StartsWith("bad.json:3: "));
  EXPECT_THAT(ErrorOf("{\n\n  \"name\": tru\n}"), StartsWith("bad.json:3: "));
  EXPECT_THAT(ErrorOf("{\n  \"name\": \"unterminated\n}"), StartsWith("bad.json:2: "));
  EXPECT_THAT(ErrorOf("{\"operations\": []}\n\n{}"), StartsWith("bad.json:3: "));
  EXPECT_THAT(ErrorOf("{\"operations\": []} // comment"), StartsWith("bad.json:1: "));
  EXPECT_THAT(ErrorOf("{\n\"name\": \"\xff\"}"), StartsWith("bad.json:2: "));  // not UTF-8
  EXPECT_THAT(ErrorOf(std::string("{\n\"name\": \"a\0b\"}", 16)), StartsWith("bad.json:2: "));
  EXPECT_THAT(ErrorOf("{\n  \"release\": 1e999\n}"), StartsWith("bad.json:2: "));
  // The message says what was expected and what was found.
  const std::string message = ErrorOf("{\n  \"operations\": [\n    {\"job\": 0, \"duration\": 3,}\n  ]\n}");
  EXPECT_THAT(message, HasSubstr("expected a quoted key, found '}'"));
  EXPECT_THAT(ErrorOf("{\"name\": \"\\udc00\", \"operations\": []}"), HasSubstr("surrogate"));
  EXPECT_THAT(ErrorOf("{\"name\": \"\xed\xa0\x80\", \"operations\": []}"), HasSubstr("expected UTF-8"));
}

TEST(JsonInstance, UnknownKeyNamesItsLine) {
  const std::string text = "{\n  \"operations\": [\n    {\"job\": 0, \"duration\": 3}\n  ],\n  \"colour\": 1\n}";
  EXPECT_THAT(ErrorOf(text), StartsWith("bad.json:5: unknown key \"colour\" in the instance"));
  // A known key in the wrong object is unknown there.
  EXPECT_THAT(ErrorOf("{\"operations\": [\n{\"job\": 0, \"duration\": 3,\n \"lag\": 1}]}"),
              StartsWith("bad.json:3: unknown key \"lag\" in operation 0"));
  EXPECT_THAT(ErrorOf("{\"resources\": [{\"calendar\": [{\"start\": 0, \"end\": 1, \"capacity\": 0, \"x\": 0}]}], \"operations\": []}"),
              HasSubstr("unknown key \"x\" in calendar period 0 of resource 0"));
  EXPECT_THAT(ErrorOf("{\"operations\": [],\n\"name\": \"a\",\n\"name\": \"b\"}"), StartsWith("bad.json:3: key \"name\" appears twice"));
}

TEST(JsonInstance, WrongTypesNameTheirLine) {
  EXPECT_THAT(ErrorOf("{\n\"operations\": [\n{\"job\": 0,\n \"duration\": \"3\"}]}"),
              StartsWith("bad.json:4: expected an integer for \"duration\" in operation 0, found a string"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"duration\": 1.5}]}"),
              HasSubstr("expected an integer for \"duration\" in operation 0, found a number with a fraction"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"duration\": 1e2}]}"), HasSubstr("expected an integer"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": \"0\", \"duration\": 1}]}"), HasSubstr("expected an integer for \"job\""));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0.5, \"duration\": 1}]}"), HasSubstr("expected an integer for \"job\""));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 3000000000, \"duration\": 1}]}"), HasSubstr("outside the range of ids"));
  EXPECT_THAT(ErrorOf("{\"operations\": [], \"jobs\": [{\"operations\": [\"a\"]}]}"), HasSubstr("expected an operation id"));
  EXPECT_THAT(ErrorOf("{\"operations\": [], \"blocking\": 1}"), HasSubstr("expected a boolean for \"blocking\""));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"duration\": 1, \"resumable\": 1}]}"),
              HasSubstr("expected a boolean for \"resumable\" in operation 0"));
  EXPECT_THAT(ErrorOf("{\"operations\": {}}"), HasSubstr("expected an array for \"operations\" in the instance, found an object"));
  EXPECT_THAT(ErrorOf("{\"operations\": [3]}"), HasSubstr("expected an object for operation 0, found an integer"));
  EXPECT_THAT(ErrorOf("{\"operations\": [], \"name\": null}"), HasSubstr("expected a string for \"name\""));
  EXPECT_THAT(ErrorOf("{\"operations\": [], \"objective\": 3}"), HasSubstr("expected a string or an array of terms"));
  EXPECT_THAT(ErrorOf("{\"operations\": [], \"objective\": \"fastest\"}"), HasSubstr("unknown objective \"fastest\""));
  EXPECT_THAT(ErrorOf("{\"operations\": [], \"objective\": [{\"weight\": 2}]}"), HasSubstr("expected \"kind\" in objective term 0"));
  EXPECT_THAT(ErrorOf("{\"operations\": [], \"resources\": [{\"kind\": \"pool\"}]}"), HasSubstr("expected \"machine\" or \"renewable\""));
  EXPECT_THAT(ErrorOf("{\"operations\": [], \"precedences\": [{\"from\": 0, \"to\": 1, \"type\": \"x\"}]}"),
              HasSubstr("expected \"end_to_start\" or \"start_to_start\""));
  EXPECT_THAT(ErrorOf("{\"operations\": [], \"precedences\": [{\"from\": 0}]}"), HasSubstr("expected \"to\" in precedence 0"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"duration\": 3}], \"disjunctive\": [[0]]}"), HasSubstr("expected a pair [a, b]"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"duration\": 3}], \"disjunctive\": [[0, 1, 2]]}"), HasSubstr("expected a pair [a, b]"));
  EXPECT_THAT(ErrorOf("{\"format\": \"ordo-solution\", \"operations\": []}"), HasSubstr("expected \"format\": \"ordo-instance\""));
  EXPECT_THAT(ErrorOf("{\"version\": 2, \"operations\": []}"), HasSubstr("expected \"version\": 1"));
  EXPECT_THAT(ErrorOf("[]"), StartsWith("bad.json:1: expected a JSON object for the instance, found an array"));
  EXPECT_THAT(ErrorOf("\n\n{\"name\": \"a\"}"), StartsWith("bad.json:3: expected \"operations\" in the instance"));
}

TEST(JsonInstance, ModesAndShorthandsMustNotMix) {
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0}]}"), HasSubstr("expected exactly one of \"modes\" or \"duration\" in operation 0"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"duration\": 1, \"modes\": []}]}"), HasSubstr("expected exactly one of"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"machine\": 1, \"modes\": []}]}"), HasSubstr("\"machine\" belongs inside each mode"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"duration\": 1, \"machine\": 0, \"demands\": []}]}"),
              HasSubstr("either \"machine\" or \"demands\""));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"modes\": [{\"machine\": 0}]}]}"), HasSubstr("expected \"duration\" in mode 0 of operation 0"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"duration\": 1}]}"), HasSubstr("expected \"job\" in operation 0"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"duration\": 1, \"demands\": [{\"amount\": 1}]}]}"),
              HasSubstr("expected \"resource\" in demand 0 of operation 0"));
}

TEST(JsonInstance, HugeNumbersAreRefused) {
  EXPECT_THAT(ErrorOf("{\n\"operations\": [{\"job\": 0,\n\"duration\": 99999999999999999999}]}"),
              StartsWith("bad.json:3: \"duration\" in operation 0 is outside the 64-bit integer range"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"duration\": -9223372036854775809}]}"), HasSubstr("64-bit"));
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 0, \"duration\": 9223372036854775808}]}"), HasSubstr("64-bit"));
  // The extremes of int64 themselves are read (ValidateInstance refuses them later).
  const Instance in = Read("{\"operations\": [{\"job\": 0, \"duration\": 9223372036854775807, \"release\": -9223372036854775808}]}");
  EXPECT_EQ(in.operations[0].modes[0].duration, std::numeric_limits<Time>::max());
  EXPECT_EQ(in.operations[0].release, std::numeric_limits<Time>::min());
  // A job id far beyond the operations does not allocate that many jobs.
  EXPECT_THAT(ErrorOf("{\"operations\": [{\"job\": 2000000000, \"duration\": 1}]}"), HasSubstr("job ids must be below the number of operations"));
}

TEST(JsonInstance, DeepNestingIsRefusedWithoutCrashing) {
  EXPECT_THAT(ErrorOf(std::string(100000, '[')), AllOf(StartsWith("bad.json:1: "), HasSubstr("nesting deeper than 64 levels")));
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":\n";
  EXPECT_THAT(ErrorOf(objects), AllOf(StartsWith("bad.json:65: "), HasSubstr("nesting deeper than 64 levels")));
  std::string balanced = std::string(5000, '[') + std::string(5000, ']');
  EXPECT_THAT(ErrorOf(balanced), HasSubstr("nesting deeper than 64 levels"));
  // 64 levels are fine as JSON (then refused by the schema).
  EXPECT_THAT(ErrorOf(std::string(64, '[') + std::string(64, ']')), HasSubstr("expected a JSON object for the instance"));
}

TEST(JsonInstance, EmptyAndTruncatedText) {
  EXPECT_THAT(ErrorOf(""), StartsWith("bad.json:1: "));
  EXPECT_THAT(ErrorOf("   \n\n  "), StartsWith("bad.json:1: "));
  EXPECT_THAT(ErrorOf("{\n  \"operations\": [\n    {\"job\": 0, \"duration\": 3}\n"), StartsWith("bad.json:3: "));
  EXPECT_THAT(ErrorOf("{\n  \"name\": \"cut"), StartsWith("bad.json:2: "));
  // Every prefix of a real file fails cleanly, on a line of the file.
  const std::string text = WriteInstanceJson(WithDisjunctive());
  const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  for (std::size_t n = 0; n + 2 < text.size(); ++n) {
    const std::string message = ErrorOf(std::string_view(text).substr(0, n));
    int line = 0;
    ASSERT_EQ(std::sscanf(message.c_str(), "bad.json:%d: ", &line), 1) << message;
    EXPECT_GE(line, 1);
    EXPECT_LE(line, lines);
  }
}

TEST(JsonInstance, RandomMutationsNeverCrash) {
  const std::string original = WriteInstanceJson(WithDisjunctive()) + WriteInstanceJson(FlexibleShop());
  const std::string alphabet = "{}[]:,\"0123456789-.eE \n\\tfnu";
  std::mt19937_64 rng(12345);
  int accepted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = original.substr(0, original.size() / 2 + rng() % (original.size() / 2));
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 4) {
        case 0: text[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: text.erase(at, 1 + rng() % 8); break;
        case 2: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        default: text[at] = static_cast<char>(rng() % 256); break;
      }
    }
    try {
      const Instance in = io::ReadJsonInstance(text, "m.json");
      ++accepted;
      ExpectSame(in, io::ReadJsonInstance(WriteInstanceJson(in), "again.json"));
    } catch (const io::ParseError& e) {
      EXPECT_THAT(std::string(e.what()), StartsWith("m.json:"));
    }
  }
  RecordProperty("accepted", accepted);
}

// ---------------------------------------------------------------------------------------
// The examples shipped in examples/.

std::string Slurp(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream out;
  out << file.rdbuf();
  return out.str();
}

TEST(JsonInstance, ExamplesAreValidAndRoundTrip) {
  const std::map<std::string, Family> expected = {
      {"jobshop_3x3.json", Family::JobShop},          {"flexible_shop.json", Family::FlexibleJobShop},
      {"rcpsp_calendar.json", Family::Rcpsp},         {"single_machine_twt.json", Family::SingleMachine},
      {"blocking_shop.json", Family::JobShop},
  };
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::Repo("examples"))) {
    if (entry.path().extension() != ".json") continue;
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    ++count;
    Instance in;
    try {
      in = io::ReadJsonInstance(Slurp(entry.path().string()), name);
    } catch (const io::ParseError& e) {
      ADD_FAILURE() << e.what();
      continue;
    }
    const ValidationResult v = ValidateInstance(in);
    EXPECT_TRUE(v.ok()) << v.Summary();
    if (!v.ok()) continue;
    RoundTrip(in);
    if (const auto it = expected.find(name); it != expected.end()) {
      EXPECT_EQ(ClassifyFamily(in), it->second);
      const auto jobs = in.jobs.size();
      EXPECT_GE(jobs, 3u);
      EXPECT_LE(jobs, 8u);
    }
  }
  EXPECT_GE(count, 5);
  for (const auto& [name, family] : expected) {
    EXPECT_TRUE(std::filesystem::exists(test::Repo("examples/" + name))) << name;
  }
}

TEST(JsonInstance, RcpspExampleUsesEveryTimeFeature) {
  const Instance in = io::ReadJsonInstance(Slurp(test::Repo("examples/rcpsp_calendar.json")), "rcpsp_calendar.json");
  bool downtime = false, release = false, deadline = false, max_lag = false;
  for (const Resource& r : in.resources) {
    for (const CapacityPeriod& p : r.calendar) downtime = downtime || p.capacity == 0;
  }
  for (const Operation& op : in.operations) {
    release = release || op.release > 0;
    deadline = deadline || op.deadline != kNoDeadline;
  }
  for (const Job& job : in.jobs) {
    release = release || job.release > 0;
    deadline = deadline || job.deadline != kNoDeadline;
  }
  for (const Precedence& p : in.precedences) max_lag = max_lag || (p.type == PrecedenceType::StartToStart && p.lag < 0);
  EXPECT_TRUE(downtime);
  EXPECT_TRUE(release);
  EXPECT_TRUE(deadline);
  EXPECT_TRUE(max_lag);
  EXPECT_FALSE(in.disjunctive.empty());
}

}  // namespace
}  // namespace ordo
