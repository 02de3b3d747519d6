#include "solve/lcg/clause_store.h"

#include <algorithm>
#include <cassert>

namespace ordo::lcg {

int ClauseStore::Add(std::span<const Lit> lits, bool learned, int lbd) {
  assert(lits.size() >= 2);
  const int index = static_cast<int>(headers_.size());
  headers_.push_back(Header{static_cast<int>(literals_.size()), static_cast<int>(lits.size()), lbd, learned});
  literals_.insert(literals_.end(), lits.begin(), lits.end());
  ReserveLits(std::max(lits[0], lits[1]) + 1);
  watches_[lits[0]].push_back(Watcher{index, lits[1]});
  watches_[lits[1]].push_back(Watcher{index, lits[0]});
  num_learned_ += learned;
  return index;
}

int ClauseStore::ReduceLearned() {
  // Candidates: learned clauses above glue level, worst first.
  std::vector<int> candidates;
  for (int c = 0; c < static_cast<int>(headers_.size()); ++c) {
    if (headers_[c].learned && headers_[c].lbd > 2) candidates.push_back(c);
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](int a, int b) { return headers_[a].lbd > headers_[b].lbd; });  // ties: older first
  std::vector<char> drop(headers_.size(), 0);
  const std::size_t count = candidates.size() / 2;
  for (std::size_t i = 0; i < count; ++i) drop[candidates[i]] = 1;
  // Compact, keeping the order of the survivors.
  std::vector<Lit> literals;
  std::vector<Header> headers;
  literals.reserve(literals_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) {
    if (drop[c]) continue;
    Header h = headers_[c];
    const int begin = static_cast<int>(literals.size());
    literals.insert(literals.end(), literals_.begin() + h.begin, literals_.begin() + h.begin + h.size);
    h.begin = begin;
    headers.push_back(h);
  }
  literals_ = std::move(literals);
  headers_ = std::move(headers);
  for (auto& list : watches_) list.clear();
  num_learned_ = 0;
  for (int c = 0; c < static_cast<int>(headers_.size()); ++c) {
    const Lit* l = literals_.data() + headers_[c].begin;
    watches_[l[0]].push_back(Watcher{c, l[1]});
    watches_[l[1]].push_back(Watcher{c, l[0]});
    num_learned_ += headers_[c].learned;
  }
  return static_cast<int>(count);
}

}  // namespace ordo::lcg
