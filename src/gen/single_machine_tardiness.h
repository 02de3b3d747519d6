// Generator of single-machine tardiness instances after Potts & Van Wassenhove (1982, 1985):
// processing times p_j ~ U[1, max_p], weights w_j ~ U[1, max_w] (all 1 when unweighted) and
// due dates d_j ~ U[P (1 - TF - RDD/2), P (1 - TF + RDD/2)], P = sum p, cut at 0. The
// tardiness factor TF sets how many jobs are late, the due-date range RDD how spread the
// due dates are. The classic sets use TF in {0.2, 0.4, 0.6, 0.8} (OR-Library adds 1.0) and
// RDD in {0.2, 0.4, 0.6, 0.8, 1.0}; the same generator made OR-Library's wt40/50/100.
//
// With release dates (1|r_j|sum w_j T_j), the scheme of Chu (1992, Naval Res. Logistics
// 39:859-875), later used for the weighted problem: r_j ~ U[0, alpha P] and
// d_j = r_j + p_j + U[0, beta P], the release factor alpha in {0.5, 1.0, 1.5} and the due-date
// slack beta in {0.05, 0.25, 0.5}; alpha = 0 would give the problem without release dates.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/instance.h"

namespace ordo::gen {

struct SmTardinessOptions {
  int jobs = 100;
  bool weighted = false;
  Time max_p = 100;
  std::int64_t max_w = 10;
  std::vector<double> tardiness_factors{0.2, 0.4, 0.6, 0.8};
  std::vector<double> due_date_ranges{0.2, 0.4, 0.6, 0.8, 1.0};
  // Non-empty: release dates by Chu's scheme, classes (alpha, beta) instead of (TF, RDD).
  std::vector<double> release_factors;
  std::vector<double> due_slacks{0.05, 0.25, 0.5};
  int per_class = 5;  // instances per class
  std::uint64_t seed = 1;
};

// One instance: 1||sum w_j T_j (or sum T_j when unweighted), all released at 0.
Instance GenerateSmTardiness(int jobs, bool weighted, Time max_p, std::int64_t max_w, double tardiness_factor,
                             double due_date_range, std::uint64_t seed, const std::string& name);

// One instance with release dates: 1|r_j|sum w_j T_j (or sum T_j when unweighted).
Instance GenerateSmReleaseTardiness(int jobs, bool weighted, Time max_p, std::int64_t max_w, double release_factor,
                                    double due_slack, std::uint64_t seed, const std::string& name);

// per_class instances for every (TF, RDD) pair, named "<prefix>-tf<TF>-rdd<RDD>-<k>", or
// with release factors for every (alpha, beta) pair, "<prefix>-a<alpha>-b<beta>-<k>"; each
// is seeded from options.seed and its position.
std::vector<Instance> GenerateSmTardinessSet(const SmTardinessOptions& options, const std::string& prefix);

}  // namespace ordo::gen
