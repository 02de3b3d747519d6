// The path network behind the Lagrangian bounds for one machine (lagrangian_bound.h): the
// time-indexed relaxation of Abdul-Razaq & Potts (1988) and of the SSDP method of Tanaka,
// Fujikuma & Araki (2009, J. Scheduling 12:575-593), with their dominated-state elimination.
//
// The machine works without idle time on [0, P], P = sum p. A node (t, j) means "job j ends at
// t"; a path from 0 to P is a chain of nodes, each costing f_j(t) - mu_j. Paths keep the
// constraints that every sequence, or some optimal one, meets: no job twice within three
// positions (no j, j and no i, j, i: SSDP's stage-2 relaxation, kept by two labels per node, the
// cheapest and the cheapest with another neighbour), and no adjacent pair (i, j) that the
// pairwise interchange makes strictly cheaper (ties broken by index).
//
// Forward() finds the cheapest path and, for every node, the cheapest path prefix ending there;
// Backward() the cheapest suffix after every node. A sequence through (t, j) costs at least
// prefix + suffix + sum mu, so Eliminate() removes the nodes where that reaches the cost of a
// known sequence: no strictly better sequence passes there (Tanaka et al. §4.3). Eliminated
// nodes stay out of every later pass, so the relaxation tightens as the upper bound and the
// multipliers improve, and an empty network proves the known sequence optimal.
//
// Memory 65 + n / 8 bytes per node, (P + 1) n nodes.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "solve/single_machine/sm_cost.h"

namespace ordo {

// Whether job i ending at t - p_j may be followed by job j ending at t in some optimal
// sequence: not when j first is strictly cheaper, nor on a tie with i > j.
bool AdjacentPairAllowed(const SmCostModel& model, int i, int j, Time t);

class TimeIndexedRelaxation {
 public:
  static constexpr std::size_t kBytesPerNode = 65;  // plus n / 8 for the pair table

  // The memory of the network of `model`.
  static double Bytes(const SmCostModel& model);

  // Every p_j > 0.
  explicit TimeIndexedRelaxation(const SmCostModel& model);

  Time horizon() const { return horizon_; }
  int size() const { return n_; }

  // The cheapest path cost (infinity when no path is left); `uses` counts each job on that
  // path, `path` lists its jobs in order.
  double Forward(std::span<const double> mu, std::vector<int>& uses, std::vector<int>& path);
  // Fills ToGo() for the same mu.
  void Backward(std::span<const double> mu);

  // AdjacentPairAllowed(model, i, j, t), from a table made once.
  bool Allowed(int i, int j, Time t) const {
    const std::size_t word = Node(t, j) * words_ + static_cast<std::size_t>(i >> 6);
    return (allowed_[word] >> (i & 63)) & 1;
  }
  bool Alive(Time t, int j) const { return alive_[Node(t, j)] != 0; }
  // The cheapest path suffix after (t, j) (0 at t = P, infinity when none).
  double ToGo(Time t, int j) const { return to_go_[Node(t, j)]; }
  // The same when j came right after job `before`, which the suffix cannot take next.
  double ToGoAfter(Time t, int j, int before) const {
    const std::size_t node = Node(t, j);
    return succ_[node] != before ? to_go_[node] : to_go2_[node];
  }
  // After Forward: the cheapest path prefix ending with (t, j), j's own cost included
  // (infinity when none), and the same when the job after j is `next`, which the prefix cannot
  // have right before j (no i, j, i).
  double Prefix(Time t, int j) const { return prefix_[Node(t, j)]; }
  double PrefixBefore(Time t, int j, int next) const {
    const std::size_t node = Node(t, j);
    return pred_[node] != next ? prefix_[node] : prefix2_[node];
  }
  // After Forward and Backward with one mu: the cheapest path through (t, j).
  double Through(Time t, int j) const;
  // After Forward and Backward with one mu: removes the nodes whose cheapest path through
  // costs more than `limit` - sum mu, and the nodes no path passes. Returns the nodes left.
  std::int64_t Eliminate(double sum_mu, double limit);
  std::int64_t alive_count() const { return alive_count_; }
  // Removes a node known to lie on no sequence cheaper than the upper bound.
  void Kill(Time t, int j) {
    std::uint8_t& alive = alive_[Node(t, j)];
    alive_count_ -= alive;
    alive = 0;
  }
  double NodeCost(std::span<const double> mu, int j, Time t) const {
    return static_cast<double>(m_.JobCost(j, t)) - mu[static_cast<std::size_t>(j)];
  }

 private:
  std::size_t Node(Time t, int j) const { return static_cast<std::size_t>(t) * static_cast<std::size_t>(n_) + static_cast<std::size_t>(j); }

  const SmCostModel& m_;
  int n_;
  Time horizon_ = 0;
  std::int64_t alive_count_ = 0;
  std::size_t words_ = 1;                 // 64-bit words per node in allowed_
  std::vector<std::uint64_t> allowed_;    // per node (t, j): the allowed predecessors i
  std::vector<std::uint8_t> alive_;
  // Two labels per node each way; from_start_: node cost + cheapest suffix, by start time.
  std::vector<double> prefix_, prefix2_, to_go_, to_go2_, from_start_;
  std::vector<int> pred_, pred2_, succ_, succ2_, by_prefix_, by_start_value_;
  std::vector<int> prefix_count_, start_count_;
};

}  // namespace ordo
