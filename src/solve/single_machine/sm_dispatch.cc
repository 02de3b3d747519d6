#include "solve/single_machine/sm_dispatch.h"

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rule_runner.h"
#include "solve/single_machine/sm_rules.h"

namespace ordo {

namespace {

std::vector<std::string_view> RuleNames() {
  std::vector<std::string_view> names;
  for (const SmRuleInfo& r : SmRules()) names.push_back(r.name);
  return names;
}

}  // namespace

std::vector<ParamSpec> SmDispatchParams() {
  std::vector<ParamSpec> params = RuleParams(RuleNames(), "dispatching rule");
  params.push_back({"k", ParamType::Double, "2", 0.01, 100, {}, "look-ahead parameter of ATC and COVERT"});
  return params;
}

namespace {

class SmDispatchSolver : public Solver {
 public:
  SmDispatchSolver(std::string rule, double k) : rule_(std::move(rule)), k_(k) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    const SmJobs jobs = BuildSmJobs(instance);
    const std::int64_t bound = TrivialLowerBound(instance);
    std::optional<Solution> best;
    SolveStats stats;
    std::vector<Time> start_by_job;
    RunRequestedRules(RuleNames(), rule_, 1, control, [&](std::size_t k) {
      DispatchSingleMachine(jobs, SmRules()[k].rule, k_, start_by_job);
      ++stats.schedules;
      Solution candidate;
      candidate.mode.assign(instance.operations.size(), 0);
      candidate.start.assign(instance.operations.size(), 0);
      for (std::size_t j = 0; j < instance.jobs.size(); ++j) candidate.start[instance.jobs[j].operations[0]] = start_by_job[j];
      candidate.objective = EvaluateObjective(instance, candidate);
      KeepBetterAndReport(best, std::move(candidate), bound, control);
    });
    return FinishResult(instance, std::move(best), bound, control, stats);
  }

 private:
  std::string rule_;
  double k_;
};

}  // namespace

std::unique_ptr<Solver> MakeSmDispatch(const ParamValues& params) {
  return std::make_unique<SmDispatchSolver>(params.GetChoice("rule"), params.GetDouble("k"));
}

}  // namespace ordo
