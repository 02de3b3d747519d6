// Timetable job insertion for blocking shops: jobs are inserted one at a time, in a given
// order, into a timetable of machine occupations, each at the earliest start from which it
// can run through all its operations while every operation holds its machine until the next
// one starts (the construction step of the job-insertion methods of Gröflin & Klinkert 2009
// and Pranzo & Pacciarelli 2016, here on fixed times rather than on the alternative graph).
// Without swaps, a transfer may not happen at an instant where the machine it leaves is
// entered by another job and the machine it enters is left by another job, which rules out
// every cycle through the inserted job. Machine downtime is occupied time. Every insertion
// succeeds (a job can always wait until every machine is free for good), so Build() always
// yields a feasible schedule. Cost: O(ops x occupied intervals) per job and retry.
#pragma once

#include <string>
#include <vector>

#include "solve/shop/shop_problem.h"

namespace ordo {

class TimetableInsertion {
 public:
  TimetableInsertion(const ShopProblem& shop, bool no_swaps);

  // Inserts every job, in this order, into an empty timetable (downtime only).
  void Build(const std::vector<int>& order);

  // The schedule of the last Build(): per flat op, its start and its ShopMode index.
  const std::vector<Time>& start() const { return start_; }
  const std::vector<int>& mode() const { return mode_; }

 private:
  struct Interval {
    Time start, end;
  };
  // Occupied intervals of one machine, sorted and disjoint (touching allowed).
  class Timetable {
   public:
    Time FirstFit(Time from, Time length, Time* gap_end) const;
    bool Free(Time a, Time b) const;
    bool SomeoneStartsAt(Time t) const;
    bool SomeoneEndsAt(Time t) const;
    void Add(Time a, Time b);

   private:
    std::vector<Interval> busy_;
  };

  void Insert(int job);
  bool TryFrom(int job, Time from, Time* next_from);

  const ShopProblem& shop_;
  bool no_swaps_;
  std::vector<Timetable> machines_;
  std::vector<Time> start_;
  std::vector<int> mode_;
  std::vector<Time> s_;  // scratch for the job being inserted
  std::vector<int> k_;
};

// Job orders for the insertion: "mwkr" / "lwkr" (most / least total work first, stable) and
// "release" (earliest release first, stable).
std::vector<int> RuleJobOrder(const ShopProblem& shop, const std::string& rule);

}  // namespace ordo
