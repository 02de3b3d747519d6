// Readers on good files (bundled benchmark files and inline samples) and on malformed input:
// every error names file:line and what was expected.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/instance_reader.h"
#include "model/family.h"
#include "test_util.h"

namespace ordo {
namespace {

using ::testing::HasSubstr;

Instance ReadOk(std::string_view text, const std::string& source, ReadOptions options = {}) {
  auto in = ReadInstanceText(text, source, options);
  EXPECT_TRUE(in.ok()) << in.error();
  return in.ok() ? *in : Instance{};
}

std::string ReadError(std::string_view text, const std::string& source, ReadOptions options = {}) {
  auto in = ReadInstanceText(text, source, options);
  EXPECT_FALSE(in.ok()) << "expected an error for " << source;
  return in.ok() ? "" : in.error();
}

TEST(JobShopReader, BundledFt06) {
  auto in = ReadInstanceFile(test::Repo("bench/instances/jssp/ft06.txt"));
  ASSERT_TRUE(in.ok()) << in.error();
  EXPECT_EQ(in->name, "ft06");
  EXPECT_EQ(in->jobs.size(), 6u);
  EXPECT_EQ(in->resources.size(), 6u);
  EXPECT_EQ(in->operations.size(), 36u);
  EXPECT_EQ(ClassifyFamily(*in), Family::JobShop);
  // ft06 job 0: 2 1 0 3 1 6 3 7 5 3 4 6
  EXPECT_EQ(in->operations[0].modes[0].demands[0].resource, 2);
  EXPECT_EQ(in->operations[0].modes[0].duration, 1);
  EXPECT_EQ(in->operations[5].modes[0].duration, 6);
}

TEST(JobShopReader, CommentsAndZeroDuration) {
  const Instance in = ReadOk("# a JSPLIB header\n2 2\n0 3 1 0\n1 2 0 4\n", "x.txt");
  EXPECT_EQ(in.operations[1].modes[0].duration, 0);
  EXPECT_EQ(in.precedences.size(), 2u);
}

TEST(JobShopReader, Malformed) {
  EXPECT_THAT(ReadError("2 2\n0 3 1\n1 2 0 4\n", "short.txt"), HasSubstr("short.txt:2:"));
  EXPECT_THAT(ReadError("2 2\n0 3 7 1\n1 2 0 4\n", "range.txt"), HasSubstr("range.txt:2: machine of job 0 operation 1 is 7"));
  EXPECT_THAT(ReadError("2 2\n0 3 1 x\n1 2 0 4\n", "tok.txt"), HasSubstr("tok.txt:2: expected an integer"));
  EXPECT_THAT(ReadError("2 2\n0 3 1 1\n", "eof.txt", {InstanceFormat::JobShop}), HasSubstr("eof.txt:3: expected an integer"));
  EXPECT_THAT(ReadError("2 2\n0 3 1 1\n1 2 0 4\n5\n", "extra.txt"), HasSubstr("extra.txt:4: expected the end of the file"));
  EXPECT_THAT(ReadError("2 2\n0 -3 1 1\n1 2 0 4\n", "neg.txt"), HasSubstr("neg.txt:2:"));
  EXPECT_THAT(ReadError("99999999 99999999\n", "huge.txt", {InstanceFormat::JobShop}), HasSubstr("huge.txt:1:"));
  EXPECT_THAT(ReadError("", "empty.txt", {InstanceFormat::JobShop}), HasSubstr("empty.txt:1: expected an integer"));
  EXPECT_THAT(ReadError("2 2\n0 99999999999999999999 1 1\n", "big.txt", {InstanceFormat::JobShop}), HasSubstr("big.txt:2:"));
}

TEST(TaillardReader, MatrixLayout) {
  // 2 jobs x 3 machines: times then machines numbered from 1.
  const std::string text = "2 3\n5 6 7\n1 2 3\n1 2 3\n3 2 1\n";
  EXPECT_EQ(DetectInstanceFormat(text, "t.txt"), InstanceFormat::Taillard);
  const Instance in = ReadOk(text, "t.txt");
  EXPECT_EQ(in.operations.size(), 6u);
  EXPECT_EQ(in.operations[3].modes[0].demands[0].resource, 2);  // job 1 op 0 on machine 3 -> 2
  EXPECT_EQ(in.operations[3].modes[0].duration, 1);
  EXPECT_THAT(ReadError("2 3\n5 6 7\n1 2 3\n1 2 3\n3 2 0\n", "t0.txt", {InstanceFormat::Taillard}),
              HasSubstr("t0.txt:5: machine (1..3) of job 1 operation 2 is 0"));
}

TEST(FjsReader, BundledMk01AndMalformed) {
  auto in = ReadInstanceFile(test::Repo("bench/instances/fjsp/brandimarte/mk01.fjs"));
  ASSERT_TRUE(in.ok()) << in.error();
  EXPECT_EQ(in->jobs.size(), 10u);
  EXPECT_EQ(in->operations.size(), 55u);
  EXPECT_EQ(ClassifyFamily(*in), Family::FlexibleJobShop);
  // Header flexibility value is ignored, even when wrong or fractional.
  const Instance small = ReadOk("2 2 7.25\n1 2 1 3 2 4\n1 1 2 5\n", "s.fjs");
  EXPECT_EQ(small.operations[0].modes.size(), 2u);
  EXPECT_EQ(small.operations[0].modes[1].demands[0].resource, 1);
  EXPECT_EQ(small.operations[0].modes[1].duration, 4);
  EXPECT_THAT(ReadError("2 2 1\n1 2 1 3 3 4\n1 1 2 5\n", "m.fjs"), HasSubstr("m.fjs:2: machine (1..2) of job 0 operation 0 is 3"));
  EXPECT_THAT(ReadError("2 2 1\n1 2 1 3 1 4\n1 1 2 5\n", "d.fjs"), HasSubstr("d.fjs:2: job 0 operation 0 lists machine 1 twice"));
  EXPECT_THAT(ReadError("2 2 1\n1 0\n1 1 2 5\n", "z.fjs"), HasSubstr("z.fjs:2: number of machines of job 0 operation 0 is 0"));
}

TEST(PsplibReader, BundledJ30) {
  auto in = ReadInstanceFile(test::Repo("bench/instances/rcpsp/j30/j301_1.sm"));
  ASSERT_TRUE(in.ok()) << in.error();
  EXPECT_EQ(in->operations.size(), 32u);
  EXPECT_EQ(in->resources.size(), 4u);
  EXPECT_EQ(ClassifyFamily(*in), Family::Rcpsp);
  EXPECT_EQ(in->operations.front().modes[0].duration, 0);
  EXPECT_EQ(in->operations.back().modes[0].duration, 0);
}

constexpr const char* kTinySm = R"(************************************************************************
jobs (incl. supersource/sink ):  4
horizon                       :  10
RESOURCES
  - renewable                 :  1   R
  - nonrenewable              :  0   N
  - doubly constrained        :  0   D
************************************************************************
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          2           2   3
   2        1          1           4
   3        1          1           4
   4        1          0
************************************************************************
REQUESTS/DURATIONS:
jobnr. mode duration  R 1
------------------------------------------------------------------------
  1      1     0       0
  2      1     3       2
  3      1     4       2
  4      1     0       0
************************************************************************
RESOURCEAVAILABILITIES:
  R 1
   3
************************************************************************
)";

TEST(PsplibReader, InlineAndMalformed) {
  const Instance in = ReadOk(kTinySm, "tiny.sm");
  EXPECT_EQ(in.operations.size(), 4u);
  EXPECT_EQ(in.precedences.size(), 4u);
  EXPECT_EQ(in.resources[0].capacity, 3);
  std::string bad = kTinySm;
  bad.replace(bad.find("   3        1          1           4"), 36, "   3        1          1           9");
  EXPECT_THAT(ReadError(bad, "bad.sm"), HasSubstr("bad.sm:13: successor of activity 3 is 9"));
  std::string over = kTinySm;
  over.replace(over.find("  3      1     4       2"), 24, "  3      1     4       5");
  EXPECT_THAT(ReadError(over, "over.sm"), HasSubstr("demands 5 of resource 0"));
  std::string cut = std::string(kTinySm).substr(0, std::string(kTinySm).find("REQUESTS"));
  EXPECT_THAT(ReadError(cut, "cut.sm"), HasSubstr("cut.sm:"));
  EXPECT_THAT(ReadError(cut, "cut.sm"), HasSubstr("REQUESTS/DURATIONS"));
}

TEST(PattersonReader, InlineAndCycle) {
  const std::string text = "4 1\n3\n0 0 2 2 3\n3 2 1 4\n4 2 1 4\n0 0 0\n";
  const Instance in = ReadOk(text, "p.rcp");
  EXPECT_EQ(in.operations.size(), 4u);
  EXPECT_EQ(in.operations[2].modes[0].duration, 4);
  EXPECT_EQ(ClassifyFamily(in), Family::Rcpsp);
  const std::string cycle = "4 1\n3\n0 0 2 2 3\n3 2 1 3\n4 2 1 2\n0 0 0\n";
  EXPECT_THAT(ReadError(cycle, "c.rcp"), HasSubstr("cycle of positive length"));
}

TEST(OrlibWtReader, IndexSelectsInstance) {
  ReadOptions options;
  options.index = 2;
  auto in = ReadInstanceFile(test::Repo("bench/instances/smwt/wt40.txt"), options);
  ASSERT_TRUE(in.ok()) << in.error();
  EXPECT_EQ(in->jobs.size(), 40u);
  EXPECT_EQ(in->name, "wt40-2");
  EXPECT_EQ(ClassifyFamily(*in), Family::SingleMachine);
  options.index = 126;
  auto missing = ReadInstanceFile(test::Repo("bench/instances/smwt/wt40.txt"), options);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error(), HasSubstr("holds only 125 instances"));
  EXPECT_THAT(ReadError("1 2 3 4 5 6", "noname.txt", {InstanceFormat::OrlibWt}), HasSubstr("wt-jobs"));
  ReadOptions two;
  two.format = InstanceFormat::OrlibWt;
  two.wt_jobs = 2;
  const Instance small = ReadOk("1 2 3 4 5 6", "x", two);
  EXPECT_EQ(small.jobs[1].due, 6);
  EXPECT_EQ(small.jobs[1].weight, 4);
}

TEST(FormatDetection, ByContent) {
  EXPECT_EQ(DetectInstanceFormat("{\"operations\": []}", "a"), InstanceFormat::Json);
  EXPECT_EQ(DetectInstanceFormat(kTinySm, "a"), InstanceFormat::PsplibSm);
  EXPECT_EQ(DetectInstanceFormat("2 2 1.5\n1 1 1 3\n1 1 2 3\n", "a"), InstanceFormat::Fjs);
  EXPECT_EQ(DetectInstanceFormat("2 2\n0 3 1 1\n1 2 0 4\n", "a"), InstanceFormat::JobShop);
  EXPECT_EQ(DetectInstanceFormat("4 1\n3\n0 0 2 2 3\n3 2 1 4\n4 2 1 4\n0 0 0\n", "a"), InstanceFormat::PattersonRcp);
  EXPECT_EQ(DetectInstanceFormat("1 2 3 4 5 6 7 8 9 10 11 12\n", "wt40.txt"), InstanceFormat::OrlibWt);
  EXPECT_EQ(DetectInstanceFormat("", "a"), InstanceFormat::Auto);
  EXPECT_THAT(ReadError("", "blank.dat"), HasSubstr("blank.dat:1: cannot tell the format"));
}

TEST(Readers, MissingFileAndBinary) {
  auto in = ReadInstanceFile("/nonexistent/file.txt");
  ASSERT_FALSE(in.ok());
  EXPECT_THAT(in.error(), HasSubstr("cannot open"));
  EXPECT_THAT(ReadError(std::string("2 2\n\0\0", 6), "bin.txt"), HasSubstr("NUL"));
}

}  // namespace
}  // namespace ordo
