#include "solve/single_machine/sm_dispatch.h"

#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rule_runner.h"
#include "solve/single_machine/sm_rules.h"

namespace ordo {

namespace {

// Besides the rules of sm_rules.h, "atc-k": ATC over a grid of look-aheads, the best kept (the
// usual way ATC is run, since the best k depends on how tight the due dates are).
constexpr std::string_view kAtcSearch = "atc-k";
const double kAtcGrid[] = {0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6};

std::vector<std::string_view> RuleNames() {
  std::vector<std::string_view> names;
  for (const SmRuleInfo& r : SmRules()) names.push_back(r.name);
  names.push_back(kAtcSearch);
  return names;
}

}  // namespace

std::vector<ParamSpec> SmDispatchParams() {
  std::vector<ParamSpec> params = RuleParams(RuleNames(), "dispatching rule");
  params.push_back({"k", ParamType::Double, "2", 0.01, 100, {}, "look-ahead parameter of ATC and COVERT (atc-k tries 0.5 to 6)"});
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
    const auto dispatch = [&](SmRule rule, double look_ahead) {
      DispatchSingleMachine(jobs, rule, look_ahead, start_by_job);
      ++stats.schedules;
      Solution candidate;
      candidate.mode.assign(instance.operations.size(), 0);
      candidate.start.assign(instance.operations.size(), 0);
      for (std::size_t j = 0; j < instance.jobs.size(); ++j) candidate.start[instance.jobs[j].operations[0]] = start_by_job[j];
      candidate.objective = EvaluateObjective(instance, candidate);
      KeepBetterAndReport(best, std::move(candidate), bound, control);
    };
    RunRequestedRules(RuleNames(), rule_, 1, control, [&](std::size_t k) {
      if (k < SmRules().size()) {
        dispatch(SmRules()[k].rule, k_);
      } else {
        for (double look_ahead : kAtcGrid) dispatch(SmRule::Atc, look_ahead);
      }
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
