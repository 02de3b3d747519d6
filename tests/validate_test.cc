// ValidateInstance explains what is wrong, in sentences naming ids and values.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/family.h"
#include "model/calendar.h"
#include "model/precedence_graph.h"
#include "model/validate.h"
#include "test_util.h"

namespace ordo {
namespace {

using ::testing::HasSubstr;

Instance Base() { return test::MakeJobShop({{{0, 3}, {1, 2}}, {{1, 4}, {0, 1}}}, 2); }

std::string Errors(const Instance& in) { return ValidateInstance(in).Summary(); }

TEST(Validate, AcceptsBase) { EXPECT_TRUE(ValidateInstance(Base()).ok()); }

TEST(Validate, NegativeDuration) {
  Instance in = Base();
  in.operations[1].modes[0].duration = -1;
  EXPECT_THAT(Errors(in), HasSubstr("operation 1 mode 0 has duration -1"));
}

TEST(Validate, IndexOutOfRange) {
  Instance in = Base();
  in.operations[2].modes[0].demands[0].resource = 5;
  in.precedences.push_back({0, 9, 0, PrecedenceType::EndToStart});
  in.disjunctive.push_back({1, 1});
  const std::string e = Errors(in);
  EXPECT_THAT(e, HasSubstr("operation 2 mode 0 uses resource 5 which does not exist"));
  EXPECT_THAT(e, HasSubstr("precedence 2 links operations 0 -> 9: out of range"));
  EXPECT_THAT(e, HasSubstr("disjunctive pair 0 (1, 1)"));
}

TEST(Validate, DemandAboveCapacity) {
  Instance in = Base();
  in.operations[0].modes[0].demands[0].amount = 2;
  EXPECT_THAT(Errors(in), HasSubstr("operation 0 mode 0 demands 2 of resource 0 ('M0') whose capacity is 1"));
}

TEST(Validate, ResourceListedTwiceInOneMode) {
  // Two entries for one resource would each be tested against the free capacity by the
  // schedule generators while the checker adds them up: refused, with what to write instead.
  Instance in = Base();
  in.operations[0].modes[0].demands.push_back({0, 1});
  EXPECT_THAT(Errors(in), HasSubstr("operation 0 mode 0 lists resource 0 more than once: expected one demand with the total"));
}

TEST(Validate, PositiveCycleButZeroCycleIsFine) {
  Instance in = Base();
  in.precedences.push_back({1, 0, 0, PrecedenceType::EndToStart});
  EXPECT_THAT(Errors(in), HasSubstr("cycle of positive length through operations"));
  Instance zero = Base();
  // S0 == S2 expressed as two start-to-start lags of 0: a zero-length cycle, allowed.
  zero.precedences.push_back({0, 2, 0, PrecedenceType::StartToStart});
  zero.precedences.push_back({2, 0, 0, PrecedenceType::StartToStart});
  EXPECT_TRUE(ValidateInstance(zero).ok()) << Errors(zero);
  Instance max_lag = Base();  // S2 >= S0 + 5 and S0 >= S2 - 3: impossible
  max_lag.precedences.push_back({0, 2, 5, PrecedenceType::StartToStart});
  max_lag.precedences.push_back({2, 0, -3, PrecedenceType::StartToStart});
  EXPECT_THAT(Errors(max_lag), HasSubstr("cycle of positive length"));
}

TEST(PrecedenceGraph, CyclesAndSelfLoops) {
  Instance in = Base();  // job precedences only: 0 -> 1, 2 -> 3
  EXPECT_TRUE(PrecedencesAcyclic(in, SelfLoops::AreCycles));
  in.precedences.push_back({2, 2, 0, PrecedenceType::StartToStart});
  EXPECT_FALSE(PrecedencesAcyclic(in, SelfLoops::AreCycles));
  EXPECT_TRUE(PrecedencesAcyclic(in, SelfLoops::Ignored));
  in.precedences.push_back({1, 0, 0, PrecedenceType::StartToStart});  // closes 0 -> 1 -> 0
  EXPECT_FALSE(PrecedencesAcyclic(in, SelfLoops::Ignored));
}

TEST(Validate, Overflow) {
  Instance in = Base();
  in.operations[0].modes[0].duration = kMaxTimeValue;
  in.operations[1].modes[0].duration = kMaxTimeValue;
  EXPECT_THAT(Errors(in), HasSubstr("could overflow"));
  Instance weights = Base();
  weights.jobs[0].weight = (std::int64_t{1} << 20);
  weights.jobs[0].due = std::int64_t{1} << 45;
  EXPECT_THAT(Errors(weights), HasSubstr("overflow a 64-bit objective"));
}

TEST(Validate, JobListsAndCalendar) {
  Instance in = Base();
  in.jobs[0].operations.push_back(2);
  in.resources[0].calendar = {{5, 3, 0}};
  const std::string e = Errors(in);
  EXPECT_THAT(e, HasSubstr("job 0 lists operation 2 which belongs to job 1"));
  EXPECT_THAT(e, HasSubstr("resource 0 calendar period 0 is [5, 3)"));
  Instance unsorted = Base();
  unsorted.resources[1].calendar = {{10, 20, 0}, {15, 30, 0}};
  EXPECT_THAT(Errors(unsorted), HasSubstr("must be sorted and disjoint"));
}

TEST(Validate, BlockingOnlyForShops) {
  Instance in = Base();
  in.blocking = true;
  EXPECT_TRUE(ValidateInstance(in).ok());
  in.disjunctive.push_back({0, 3});
  EXPECT_THAT(Errors(in), HasSubstr("blocking is defined only for job shops"));
  in.disjunctive.clear();
  in.operations[1].resumable = true;
  EXPECT_THAT(Errors(in), HasSubstr("operation 1 is resumable, which blocking shops do not support"));
}

TEST(Calendar, ResumableEndSkipsDowntime) {
  Instance in = Base();
  in.resources[in.operations[0].modes[0].demands[0].resource].calendar = {{5, 10, 0}, {12, 13, 0}};
  ASSERT_EQ(in.operations[0].modes[0].duration, 3);
  EXPECT_EQ(OperationEnd(in, 0, 0, 4), 7);  // not resumable: start + duration
  in.operations[0].resumable = true;
  EXPECT_EQ(OperationEnd(in, 0, 0, 20), 23);
  EXPECT_EQ(OperationEnd(in, 0, 0, 4), 12);   // [4, 5) then [10, 12)
  EXPECT_EQ(OperationEnd(in, 0, 0, 11), 15);  // [11, 12) then [13, 15)
  EXPECT_EQ(OperationEnd(in, 0, 0, 6), 14);   // from inside the downtime: [10, 12) then [13, 14)
  EXPECT_TRUE(IsDown(in, 0, 0, 5));
  EXPECT_FALSE(IsDown(in, 0, 0, 10));
}

TEST(Validate, EmptyAndNoMode) {
  EXPECT_THAT(Errors(Instance{}), HasSubstr("no operations"));
  Instance in = Base();
  in.operations[3].modes.clear();
  EXPECT_THAT(Errors(in), HasSubstr("operation 3 ('') has no mode"));
}

TEST(Family, Classification) {
  EXPECT_EQ(ClassifyFamily(Base()), Family::JobShop);
  Instance flex = Base();
  flex.operations[0].modes.push_back(Mode{5, {Demand{1, 1}}});
  EXPECT_EQ(ClassifyFamily(flex), Family::FlexibleJobShop);
  Instance rcpsp = Base();
  rcpsp.resources[0].capacity = 2;
  EXPECT_EQ(ClassifyFamily(rcpsp), Family::Rcpsp);
  Instance sm = test::MakeJobShop({{{0, 3}}, {{0, 4}}}, 1);
  EXPECT_EQ(ClassifyFamily(sm), Family::SingleMachine);
}

}  // namespace
}  // namespace ordo
