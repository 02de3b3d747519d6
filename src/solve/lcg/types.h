// Vocabulary of the lazy clause generation engine (src/solve/lcg).
//
// Lazy clause generation (Ohrimenko, Stuckey & Codish 2009; Schutt, Feydy, Stuckey & Wallace
// 2011 for the cumulative constraint) runs finite-domain propagation and records, for every
// domain change, the facts that caused it; a conflict is analysed like a SAT conflict (first
// unique implication point) and a clause is learned over bound facts. Here every variable is
// an integer with bounds; a Boolean is an integer in [0, 1]. Following OR-Tools' CP-SAT
// (IntegerTrail / IntegerEncoder), only lower bounds are stored, on "views": view 2x is the
// variable x and view 2x+1 is -x, so ub(x) = -lb(2x+1).
//
// An Atom is the fact [view >= value]. Its negation [view <= value-1] is the atom
// [neg(view) >= 1 - value]. Atoms that appear in clauses are registered and get a literal
// (Lit); literal l ^ 1 is the negation of literal l.
#pragma once

#include <cstdint>

namespace ordo::lcg {

using Value = std::int64_t;

// Views. x is an integer variable index; a view is 2x (x itself) or 2x + 1 (-x).
inline constexpr int PosView(int var) { return 2 * var; }
inline constexpr int NegView(int var) { return 2 * var + 1; }
inline constexpr int Negated(int view) { return view ^ 1; }
inline constexpr int VarOf(int view) { return view >> 1; }

struct Atom {
  int view = 0;
  Value value = 0;  // the fact lb(view) >= value
};

inline constexpr Atom Not(Atom a) { return Atom{Negated(a.view), 1 - a.value}; }
inline constexpr Atom AtLeast(int var, Value v) { return Atom{PosView(var), v}; }  // [x >= v]
inline constexpr Atom AtMost(int var, Value v) { return Atom{NegView(var), -v}; }  // [x <= v]

// A registered atom: index into the literal table. Literal l ^ 1 is Not(atom of l).
using Lit = int;
inline constexpr Lit NegLit(Lit l) { return l ^ 1; }

}  // namespace ordo::lcg
