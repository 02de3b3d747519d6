// Structural questions about the precedence graph of an instance, shared by validation and
// by the solvers that need an acyclic order (not by the checker, which keeps its own code).
#pragma once

#include "model/instance.h"

namespace ordo {

// Whether a start-to-start self-loop (an operation constrained against itself) counts as a
// cycle. Validation must count it (a positive length makes it unsatisfiable); a solver may
// ignore it once validation has accepted the instance, which leaves only self-loops of
// length <= 0, and those always hold.
enum class SelfLoops { AreCycles, Ignored };

// True when the precedences, read as arcs from -> to regardless of lag, form no directed
// cycle (Kahn's algorithm, O(operations + precedences)).
bool PrecedencesAcyclic(const Instance& in, SelfLoops self_loops);

}  // namespace ordo
