#include "solve/single_machine/sm_dispatch.h"

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/single_machine/sm_rules.h"

namespace ordo {

std::vector<ParamSpec> SmDispatchParams() {
  std::vector<std::string> rules;
  for (const SmRuleInfo& r : SmRules()) rules.emplace_back(r.name);
  rules.emplace_back("best");
  return {
      {"rule", ParamType::Choice, "best", 0, 0, rules, "dispatching rule; best = every rule, keep the best"},
      {"k", ParamType::Double, "2", 0.01, 100, {}, "look-ahead parameter of ATC and COVERT"},
  };
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
    for (const SmRuleInfo& info : SmRules()) {
      if (rule_ != info.name && rule_ != "best") continue;
      DispatchSingleMachine(jobs, info.rule, k_, start_by_job);
      ++stats.schedules;
      Solution candidate;
      candidate.mode.assign(instance.operations.size(), 0);
      candidate.start.assign(instance.operations.size(), 0);
      for (std::size_t j = 0; j < instance.jobs.size(); ++j) candidate.start[instance.jobs[j].operations[0]] = start_by_job[j];
      candidate.objective = EvaluateObjective(instance, candidate);
      const bool improved = !best || candidate.objective < best->objective;
      KeepBetter(best, std::move(candidate));
      if (improved) control.Report({control.Elapsed(), best->objective, bound, ""});
    }
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
