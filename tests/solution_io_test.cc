// Solutions round-trip through JSON and CSV; malformed solution files give file:line errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "check/checker.h"
#include "io/instance_reader.h"
#include "io/solution_io.h"
#include "random_instances.h"
#include "report/run.h"
#include "test_util.h"

namespace ordo {
namespace {

using ::testing::HasSubstr;

Solution SolveOnce(const Instance& in) {
  RunRequest request;  // the family's default solver, briefly
  request.control.time_limit_seconds = 0.2;
  const auto outcome = SolveAndCheck(in, request);
  EXPECT_TRUE(outcome.ok() && outcome->verified());
  return *outcome->result.solution;
}

void ExpectRoundTrip(const Instance& in) {
  const Solution sol = SolveOnce(in);
  const auto json = ReadSolutionText(in, WriteSolutionJson(in, sol, {"FEASIBLE", 10, "x", 1}), "s.json");
  ASSERT_TRUE(json.ok()) << json.error();
  EXPECT_TRUE(json->objective_stated);
  EXPECT_EQ(json->solution.start, sol.start);
  EXPECT_EQ(json->solution.mode, sol.mode);
  EXPECT_EQ(json->solution.objective, sol.objective);
  const auto csv = ReadSolutionText(in, WriteSolutionCsv(in, sol), "s.csv");
  ASSERT_TRUE(csv.ok()) << csv.error();
  EXPECT_FALSE(csv->objective_stated);
  EXPECT_EQ(csv->solution.start, sol.start);
  EXPECT_EQ(csv->solution.mode, sol.mode);
}

TEST(SolutionIo, RoundTripEveryFamily) {
  ExpectRoundTrip(test::RandomJobShop(1, 5, 4));
  ExpectRoundTrip(test::RandomFlexibleShop(2, 5, 4));
  ExpectRoundTrip(test::RandomRcpsp(3, 12, 3, true));
  ExpectRoundTrip(test::RandomSingleMachine(4, 10));
}

TEST(SolutionIo, CsvHeadersPerFamily) {
  const Instance shop = test::RandomJobShop(1, 3, 3);
  EXPECT_EQ(WriteSolutionCsv(shop, SolveOnce(shop)).substr(0, 25), "job,op,machine,start,end\n");
  const Instance sm = test::RandomSingleMachine(1, 3);
  EXPECT_EQ(WriteSolutionCsv(sm, SolveOnce(sm)).substr(0, 14), "job,start,end\n");
  auto j30 = ReadInstanceFile(test::Repo("bench/instances/rcpsp/j30/j301_1.sm"));
  ASSERT_TRUE(j30.ok());
  const std::string csv = WriteSolutionCsv(*j30, SolveOnce(*j30));
  EXPECT_EQ(csv.substr(0, 24), "activity,mode,start,end\n");
  EXPECT_THAT(csv, HasSubstr("\n1,1,0,0\n"));  // dummy source, numbered as in the .sm file
}

TEST(SolutionIo, MalformedFiles) {
  const Instance in = test::MakeJobShop({{{0, 3}, {1, 2}}, {{1, 4}, {0, 1}}}, 2);
  auto err = [&](const std::string& text) {
    const auto r = ReadSolutionText(in, text, "sol");
    EXPECT_FALSE(r.ok());
    return r.ok() ? std::string() : r.error();
  };
  EXPECT_THAT(err("a,b,c\n"), HasSubstr("sol:1: expected the header 'job,op,machine,start,end'"));
  EXPECT_THAT(err("job,op,machine,start,end\n0,0,0,0,3\n0,1,1,3,5\n1,0,1,0,4\n"), HasSubstr("operation 3 (job 1) is missing"));
  EXPECT_THAT(err("job,op,machine,start,end\n0,0,0,0,4\n"), HasSubstr("sol:2: operation 0 ends at 4, but start 0 + duration 3 = 3"));
  EXPECT_THAT(err("job,op,machine,start,end\n0,0,1,0,3\n"), HasSubstr("sol:2: machine 1 is not eligible"));
  EXPECT_THAT(err("job,op,machine,start,end\n0,0,0,x,3\n"), HasSubstr("sol:2: expected an integer field"));
  EXPECT_THAT(err("job,op,machine,start,end\n0,0,0,0,3\n0,0,0,0,3\n"), HasSubstr("sol:3: operation 0 was already given on line 2"));
  EXPECT_THAT(err("job,op,machine,start,end\n7,0,0,0,3\n"), HasSubstr("sol:2: expected a job id in [0, 1], found 7"));
  EXPECT_THAT(err("{\"operations\": [\n{\"id\": 0, \"start\": 0},\n{\"id\": 1, \"start\": \"x\"}]}"),
              HasSubstr("sol:3: expected an integer for 'start'"));
  EXPECT_THAT(err("{\"operations\": [\n{\"id\": 0,"), HasSubstr("sol:2: expected a quoted key"));
  EXPECT_THAT(err(""), HasSubstr("expected the header"));
}

TEST(SolutionIo, CheckerSeesIneligibleMachineFromJson) {
  const Instance in = test::MakeJobShop({{{0, 3}}, {{1, 4}}}, 2);
  const auto r = ReadSolutionText(in, "{\"objective\": 4, \"operations\": [{\"id\":0,\"machine\":1,\"start\":0},{\"id\":1,\"start\":0}]}", "s");
  ASSERT_TRUE(r.ok()) << r.error();
  EXPECT_TRUE(CheckSolution(in, r->solution).Has(ViolationKind::Eligibility));
}

}  // namespace
}  // namespace ordo
