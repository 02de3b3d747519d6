// Dispatching rules for one machine with release dates, due dates and weights. The machine
// is simulated forward: whenever it is free, the rule picks among the released jobs (if none
// is released, time jumps to the next release). Static rules: EDD (Jackson 1955), SPT, WSPT
// (Smith 1956). Dynamic rules, evaluated at the decision time t:
//   MDD   modified due date max(t + p, d), smallest first (Baker & Bertrand 1982);
//   WMDD  weighted modified due date max(p, d - t) / w, smallest first (Kanet & Li 2004);
//   ATC   apparent tardiness cost (w/p) exp(-max(d - p - t, 0) / (k pbar)), largest first
//         (Vepsalainen & Morton 1987), pbar the mean processing time of the unscheduled;
//   COVERT (w/p) max(0, 1 - max(0, d - t - p) / (k p)), largest first (Carroll 1965);
//   MDDC  "MDD challenger", found with a language model for 1||sum T_j (Cetinkaya et al. 2025,
//         arXiv 2510.24013, Algorithm 2): mu = max(1.1 p + t, d) (1 + theta) + sigma, smallest
//         first, with rho = min(p / (t + pmax), 1), theta = rho^2 / (1 + rho^2) and
//         sigma = p / (t + pbar), pmax and pbar over the unscheduled jobs; ties go to the
//         earlier job in (d, p) order, as in the authors' code.
// Sequence rule:
//   EDDC  "EDD challenger" (same paper, Algorithm 1, as the authors' code runs it): start from
//         SPT order (ties by d), then one insertion pass that walks each job towards the front
//         while its due date is below its predecessor's, swapping the two only when the
//         predecessor would still be early where it ends now (d[prev] > its completion time).
//         It ignores weights; with release dates the sequence is scheduled semi-actively.
//   PSK   Panwalkar, Smith & Koulamas (1993, EJOR 70:304-310), the baseline of the same paper:
//         scan the unscheduled jobs in SPT order with an active job i (the first); schedule i
//         at once if it is late anyway (C + p_i >= d_i) or if the job j being scanned could
//         not finish before d_i (d_i <= C + p_j); let j become active when d_j < d_i; the
//         active job is scheduled when the scan ends. Unweighted, sequence rule as EDDC.
#pragma once

#include <string_view>
#include <vector>

#include "model/instance.h"

namespace ordo {

enum class SmRule { Edd, Spt, Wspt, Mdd, Wmdd, Atc, Covert, Mddc, Eddc, Psk };

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
