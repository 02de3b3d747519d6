#include "solve/jobshop/edge_finding.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace ordo {
namespace {
constexpr Time kMinusInf = std::numeric_limits<Time>::min() / 4;
}

// Θ-Λ-tree node combination (Vilím 2004, section 4):
//   ΣP = ΣP_l + ΣP_r;  ECT = max(ECT_r, ECT_l + ΣP_r)
//   ΣP̄ = max(ΣP̄_l + ΣP_r, ΣP_l + ΣP̄_r)
//   ECT̄ = max(ECT̄_r, ECT_l + ΣP̄_r, ECT̄_l + ΣP_r)
void EdgeFinder::Update(int v) {
  const Node& l = tree_[2 * v];
  const Node& r = tree_[2 * v + 1];
  Node& n = tree_[v];
  n.sum_p = l.sum_p + r.sum_p;
  n.ect = std::max(r.ect, l.ect + r.sum_p);
  if (l.sum_p_grey + r.sum_p >= l.sum_p + r.sum_p_grey) {
    n.sum_p_grey = l.sum_p_grey + r.sum_p;
    n.responsible_p = l.responsible_p;
  } else {
    n.sum_p_grey = l.sum_p + r.sum_p_grey;
    n.responsible_p = r.responsible_p;
  }
  const Time a = r.ect_grey, b = l.ect + r.sum_p_grey, c = l.ect_grey + r.sum_p;
  if (a >= b && a >= c) {
    n.ect_grey = a;
    n.responsible_ect = r.responsible_ect;
  } else if (b >= c) {
    n.ect_grey = b;
    n.responsible_ect = r.responsible_p;
  } else {
    n.ect_grey = c;
    n.responsible_ect = l.responsible_ect;
  }
}

bool EdgeFinder::Forward(std::vector<Time>& est, const std::vector<Time>& lct, const std::vector<Time>& p) {
  const int n = static_cast<int>(est.size());
  leaves_ = 1;
  while (leaves_ < n) leaves_ *= 2;
  tree_.assign(2 * static_cast<std::size_t>(leaves_), Node{0, kMinusInf, 0, kMinusInf, -1, -1});
  by_est_.resize(n);
  std::iota(by_est_.begin(), by_est_.end(), 0);
  std::sort(by_est_.begin(), by_est_.end(), [&](int a, int b) { return est[a] < est[b]; });
  leaf_of_.resize(n);
  for (int k = 0; k < n; ++k) {
    const int i = by_est_[k];
    leaf_of_[i] = leaves_ + k;
    tree_[leaves_ + k] = Node{p[i], est[i] + p[i], p[i], est[i] + p[i], -1, -1};
  }
  for (int v = leaves_ - 1; v >= 1; --v) Update(v);
  by_lct_.resize(n);
  std::iota(by_lct_.begin(), by_lct_.end(), 0);
  std::sort(by_lct_.begin(), by_lct_.end(), [&](int a, int b) { return lct[a] > lct[b]; });
  std::vector<Time>& new_est = new_est_;
  new_est.assign(est.begin(), est.end());
  auto refresh = [&](int leaf) {
    for (int v = leaf / 2; v >= 1; v /= 2) Update(v);
  };
  int q = 0;
  int j = by_lct_[0];
  if (tree_[1].ect > lct[j]) return false;  // overload
  for (q = 0; q + 1 < n; ++q) {
    // Move j from Θ to Λ (grey).
    Node& leaf = tree_[leaf_of_[j]];
    leaf = Node{0, kMinusInf, p[j], est[j] + p[j], j, j};
    refresh(leaf_of_[j]);
    j = by_lct_[q + 1];
    if (tree_[1].ect > lct[j]) return false;
    while (tree_[1].ect_grey > lct[j]) {
      const int i = tree_[1].responsible_ect;
      if (i < 0) break;
      new_est[i] = std::max(new_est[i], tree_[1].ect);
      Node& gl = tree_[leaf_of_[i]];
      gl = Node{0, kMinusInf, 0, kMinusInf, -1, -1};
      refresh(leaf_of_[i]);
    }
  }
  est.swap(new_est);
  return true;
}

bool EdgeFinder::Propagate(std::vector<Time>& est, std::vector<Time>& lct, const std::vector<Time>& p) {
  if (est.size() < 2) {
    return est.empty() || est[0] + p[0] <= lct[0];
  }
  if (!Forward(est, lct, p)) return false;
  // Mirror: times negated, est <-> -lct.
  est_m_.resize(est.size());
  lct_m_.resize(est.size());
  for (std::size_t i = 0; i < est.size(); ++i) {
    est_m_[i] = -lct[i];
    lct_m_[i] = -est[i];
  }
  if (!Forward(est_m_, lct_m_, p)) return false;
  for (std::size_t i = 0; i < est.size(); ++i) {
    lct[i] = -est_m_[i];
    if (est[i] + p[i] > lct[i]) return false;
  }
  return true;
}

}  // namespace ordo
