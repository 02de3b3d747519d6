// The one solver interface. Every solver, from a dispatching rule to an anytime parallel
// search, takes an Instance and a SolveControl (time limit, threads, seed, stop request,
// progress callback) and returns a SolveResult. Solvers are registered by name once, in
// registry.cc, with their parameter table (params.h).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/family.h"
#include "model/instance.h"
#include "solve/params.h"

namespace ordo {

enum class SolveStatus {
  Optimal,       // solution proven optimal (objective == bound)
  Feasible,      // a solution, not proven optimal
  Infeasible,    // proven: no solution exists (message says why)
  Unknown,       // no solution found and no proof either (message says why)
  ModelInvalid,  // the instance failed validation or the solver does not handle it
};

const char* ToString(SolveStatus status);

struct Progress {
  double seconds = 0;
  std::optional<std::int64_t> best;  // objective of the incumbent
  std::int64_t bound = 0;            // proven lower bound
  std::string message;
};

struct SolveStats {
  double seconds = 0;
  std::int64_t schedules = 0;   // complete schedules generated
  std::int64_t iterations = 0;  // solver-specific search steps
  std::int64_t evaluations = 0; // candidate moves rated (local search), 0 if not counted
};

struct SolveResult {
  SolveStatus status = SolveStatus::Unknown;
  std::optional<Solution> solution;  // with objective set by the solver
  std::int64_t bound = 0;            // proven lower bound on the objective
  SolveStats stats;
  std::string message;               // why infeasible/unknown/invalid; empty otherwise
  std::vector<std::string> explanation;  // with Infeasible: the conflicting constraints, one sentence each
};

// Time limit, stop request and progress reporting, shared by every solver.
class SolveControl {
 public:
  double time_limit_seconds = 10;
  int threads = 1;
  std::uint64_t seed = 1;
  const std::atomic<bool>* stop_flag = nullptr;           // set by the caller to stop early
  std::function<void(const Progress&)> on_progress;        // called from the solving thread(s)

  void Start() { start_ = std::chrono::steady_clock::now(); }
  double Elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  bool ShouldStop() const {
    return (stop_flag != nullptr && stop_flag->load(std::memory_order_relaxed)) || Elapsed() >= time_limit_seconds;
  }
  void Report(const Progress& progress) const {
    if (on_progress) on_progress(progress);
  }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

class Solver {
 public:
  virtual ~Solver() = default;
  // The instance has passed ValidateInstance(). Solvers fill status, solution (objective
  // computed by the solver's own evaluation), bound, stats and message.
  virtual SolveResult Solve(const Instance& instance, const SolveControl& control) = 0;
};

struct SolverInfo {
  std::string name;
  std::string description;
  std::vector<Family> families;  // families it accepts
  bool handles_blocking = false;
  std::vector<ParamSpec> params;
  std::function<std::unique_ptr<Solver>(const ParamValues&)> make;

  bool Accepts(const Instance& instance) const;
};

// Every solver, in a fixed order.
const std::vector<SolverInfo>& SolverRegistry();

// The solver called name, or an error listing the valid names.
Expected<const SolverInfo*> FindSolver(const std::string& name);

// The solver Ordo uses when none is named.
std::string DefaultSolverName(const Instance& instance);

}  // namespace ordo
