// The one place where solvers are named. Adding a solver = one entry here.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "solve/blocking/iterated_greedy.h"
#include "solve/dispatch/shop_dispatch.h"
#include "solve/fjsp/tabu_search.h"
#include "solve/jobshop/tabu_search.h"
#include "solve/project/ga_solver.h"
#include "solve/project/lcg_model.h"
#include "solve/project/lcg_solver.h"
#include "solve/project/sgs_solver.h"
#include "solve/shop/blocking_insertion.h"
#include "solve/single_machine/sm_cost.h"
#include "solve/single_machine/sm_dispatch.h"
#include "solve/single_machine/sm_solver.h"
#include "solve/solver.h"

namespace ordo {

const char* ToString(SolveStatus status) {
  switch (status) {
    case SolveStatus::Optimal: return "OPTIMAL";
    case SolveStatus::Feasible: return "FEASIBLE";
    case SolveStatus::Infeasible: return "INFEASIBLE";
    case SolveStatus::Unknown: return "UNKNOWN";
    case SolveStatus::ModelInvalid: return "MODEL_INVALID";
  }
  return "UNKNOWN";
}

bool SolverInfo::Accepts(const Instance& instance) const {
  if (instance.blocking && !handles_blocking) return false;
  const Family family = ClassifyFamily(instance);
  for (Family f : families) {
    if (f == family) return true;
  }
  return false;
}

const std::vector<SolverInfo>& SolverRegistry() {
  static const std::vector<SolverInfo> registry = {
      {"gt-active", "Giffler-Thompson active schedules with a priority rule (job shop, flexible job shop)",
       {Family::JobShop, Family::FlexibleJobShop}, false, ShopDispatchParams(),
       [](const ParamValues& p) { return MakeShopDispatch(GtVariant::Active, p); }},
      {"gt-nondelay", "Giffler-Thompson non-delay schedules with a priority rule (job shop, flexible job shop)",
       {Family::JobShop, Family::FlexibleJobShop}, false, ShopDispatchParams(),
       [](const ParamValues& p) { return MakeShopDispatch(GtVariant::NonDelay, p); }},
      {"jobshop-tabu", "tabu search on the N7 neighbourhood with restarts from the best schedule; parallel portfolio (job shop makespan)",
       {Family::JobShop}, false, TabuSearchParams(), [](const ParamValues& p) { return MakeTabuSearch(p); }},
      {"fjsp-tabu", "tabu search with N7 sequencing and machine reassignment moves, elite restarts; parallel portfolio (flexible job shop makespan)",
       {Family::JobShop, Family::FlexibleJobShop}, false, FjspTabuParams(), [](const ParamValues& p) { return MakeFjspTabu(p); }},
      {"sgs-serial", "serial schedule-generation scheme with a priority rule (RCPSP and any non-blocking model)",
       {Family::Rcpsp, Family::General, Family::JobShop, Family::FlexibleJobShop, Family::SingleMachine}, false,
       SgsParams(), [](const ParamValues& p) { return MakeSgsSolver(SgsScheme::Serial, p); }},
      {"sgs-parallel", "parallel schedule-generation scheme with a priority rule (RCPSP and any non-blocking model)",
       {Family::Rcpsp, Family::General, Family::JobShop, Family::FlexibleJobShop, Family::SingleMachine}, false,
       SgsParams(), [](const ParamValues& p) { return MakeSgsSolver(SgsScheme::Parallel, p); }},
      {"project-ga", "activity-list genetic algorithm with double justification (Hartmann; Valls et al.): RCPSP with lags, releases, calendars and disjunctive pairs, by time or schedule budget; islands per thread",
       {Family::Rcpsp, Family::JobShop, Family::SingleMachine}, false, ProjectGaParams(),
       [](const ParamValues& p) { return MakeProjectGa(p); }},
      {"project", "project scheduling, exact and heuristic: lazy clause generation (time-tabling, time lags, calendars, disjunctive pairs) with the activity-list genetic algorithm beside it; proves optimality or infeasibility (with an explanation)",
       {Family::Rcpsp, Family::JobShop, Family::SingleMachine}, false, ProjectLcgParams(true),
       [](const ParamValues& p) { return MakeProjectLcg(p); }},
      {"project-lcg", "exact search by lazy clause generation: precedences with time lags, time-tabling on resources with calendars, disjunctive pairs (single-mode makespan)",
       {Family::Rcpsp, Family::JobShop, Family::SingleMachine}, false, ProjectLcgParams(false),
       [](const ParamValues& p) { return MakeProjectLcg(p); }},
      {"blocking-insertion", "job insertion for blocking job shops, with or without swaps (flexible too)",
       {Family::JobShop, Family::FlexibleJobShop}, true, BlockingInsertionParams(),
       [](const ParamValues& p) { return MakeBlockingInsertion(p); }},
      {"blocking-ig", "iterated greedy on the alternative graph for blocking job shops, with or without swaps, flexible too; parallel portfolio",
       {Family::JobShop, Family::FlexibleJobShop}, true, IteratedGreedyParams(),
       [](const ParamValues& p) { return MakeIteratedGreedy(p); }},
      {"sm", "single machine, sum-over-jobs costs (weighted tardiness, weighted completion): dispatching rules, iterated dynasearch with swaps and insertions (parallel runs), and for total tardiness an exact Lawler decomposition with memoisation that proves optimality; with release dates an iterated first-improvement descent (1|r_j|sum w_j T_j)",
       {Family::SingleMachine}, false, SmSolverParams(), [](const ParamValues& p) { return MakeSmSolver(p); }},
      {"sm-dispatch", "single-machine dispatching rules (EDD, SPT, WSPT, MDD, WMDD, ATC with fixed or searched k, COVERT, MDDC, EDDC, PSK); handles release dates and deadlines",
       {Family::SingleMachine}, false, SmDispatchParams(), [](const ParamValues& p) { return MakeSmDispatch(p); }},
  };
  return registry;
}

Expected<const SolverInfo*> FindSolver(const std::string& name) {
  std::vector<std::string> names;
  for (const SolverInfo& info : SolverRegistry()) {
    if (info.name == name) return &info;
    names.push_back(info.name);
  }
  return Expected<const SolverInfo*>::Error(fmt::format("unknown solver '{}'; valid solvers: {}", name, fmt::join(names, ", ")));
}

std::string DefaultSolverName(const Instance& instance) {
  switch (ClassifyFamily(instance)) {
    case Family::JobShop: return instance.blocking ? "blocking-ig" : "jobshop-tabu";
    case Family::FlexibleJobShop: return instance.blocking ? "blocking-ig" : "fjsp-tabu";
    case Family::SingleMachine: return SmCostUnsupported(instance).empty() ? "sm" : "sm-dispatch";
    case Family::Rcpsp:
      // The exact engine where it models the instance (it starts from the SGS rules and
      // proves optimality or infeasibility); the schemes alone otherwise.
      return LcgUnsupported(instance).empty() ? "project" : "sgs-serial";
    case Family::General: return "sgs-serial";
  }
  return "sgs-serial";
}

}  // namespace ordo
