// Dispatching rules for one machine with release dates, due dates and weights. The machine
// is simulated forward: whenever it is free, the rule picks among the released jobs (if none
// is released, time jumps to the next release). Static rules: EDD (Jackson 1955), SPT, WSPT
// (Smith 1956). Dynamic rules, evaluated at the decision time t:
//   MDD   modified due date max(t + p, d), smallest first (Baker & Bertrand 1982);
//   WMDD  weighted modified due date max(p, d - t) / w, smallest first (Kanet & Li 2004);
//   ATC   apparent tardiness cost (w/p) exp(-max(d - p - t, 0) / (k pbar)), largest first
//         (Vepsalainen & Morton 1987), pbar the mean processing time of the unscheduled;
//   COVERT (w/p) max(0, 1 - max(0, d - t - p) / (k p)), largest first (Carroll 1965).
#pragma once

#include <string_view>
#include <vector>

#include "model/instance.h"

namespace ordo {

enum class SmRule { Edd, Spt, Wspt, Mdd, Wmdd, Atc, Covert };

struct SmRuleInfo {
  SmRule rule;
  std::string_view name;
  std::string_view help;
};
const std::vector<SmRuleInfo>& SmRules();

struct SmJobs {
  std::vector<Time> p, d, r;
  std::vector<std::int64_t> w;
};

// Flat view of a single-machine instance (one operation per job).
SmJobs BuildSmJobs(const Instance& instance);

// Sequence by the rule; start[j] is filled for every job (indexed by job). k is the
// look-ahead of ATC and COVERT.
void DispatchSingleMachine(const SmJobs& jobs, SmRule rule, double k, std::vector<Time>& start);

}  // namespace ordo
