// Clauses of the lazy clause generation engine in one flat literal array, with two watched
// literals per clause (positions 0 and 1) and a blocker literal per watcher (Chu, Harwood &
// Stuckey 2008). Learned clauses carry their LBD (literal block distance, Audemard & Simon
// 2009); reduction keeps the glue clauses (LBD <= 2) and the better half of the others.
// Nothing outside refers to a clause between propagations (reasons are copied), so clauses
// can be deleted and renumbered freely.
#pragma once

#include <span>
#include <vector>

#include "solve/lcg/types.h"

namespace ordo::lcg {

class ClauseStore {
 public:
  struct Watcher {
    int clause;
    Lit blocker;
  };

  // Makes room for watch lists of literals [0, num_lits).
  void ReserveLits(int num_lits) {
    if (static_cast<int>(watches_.size()) < num_lits) watches_.resize(num_lits);
  }
  // Adds a clause of at least two literals watched on lits[0] and lits[1]; returns its index.
  int Add(std::span<const Lit> lits, bool learned, int lbd);
  std::span<Lit> lits(int clause) {
    return {literals_.data() + headers_[clause].begin, static_cast<std::size_t>(headers_[clause].size)};
  }
  std::vector<Watcher>& watches(Lit l) { return watches_[l]; }
  int num_learned() const { return num_learned_; }
  // Deletes the worse half of the learned clauses with LBD above 2 (higher LBD first, then
  // older first), compacts and rebuilds the watch lists. Returns how many were deleted.
  int ReduceLearned();

 private:
  struct Header {
    int begin;
    int size;
    int lbd;
    bool learned;
  };
  std::vector<Lit> literals_;
  std::vector<Header> headers_;
  std::vector<std::vector<Watcher>> watches_;
  int num_learned_ = 0;
};

}  // namespace ordo::lcg
