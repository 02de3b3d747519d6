#include "solve/shop/blocking_insertion.h"

#include <algorithm>
#include <numeric>

#include "solve/blocking/timetable_insertion.h"
#include "solve/common/evaluate.h"
#include "solve/common/result.h"
#include "solve/common/rng.h"
#include "solve/shop/shop_problem.h"

namespace ordo {

std::vector<ParamSpec> BlockingInsertionParams() {
  return {
      {"rule", ParamType::Choice, "best", 0, 0, {"mwkr", "lwkr", "release", "random", "best"},
       "job insertion order: most/least total work first, by release date, random; best = the three fixed orders"},
      {"samples", ParamType::Int, "1", 1, 1e9, {}, "random orders tried with rule=random (stops earlier at the time limit)"},
  };
}

namespace {

class BlockingInsertion : public Solver {
 public:
  BlockingInsertion(std::string order, std::int64_t samples) : order_(std::move(order)), samples_(samples) {}

  SolveResult Solve(const Instance& instance, const SolveControl& control) override {
    shop_ = BuildShopProblem(instance);
    TimetableInsertion insertion(shop_, instance.blocking && !instance.allow_swaps);
    const std::int64_t bound = TrivialLowerBound(instance);
    Rng rng(control.seed);
    std::optional<Solution> best;
    SolveStats stats;
    auto run = [&](const std::vector<int>& order) {
      insertion.Build(order);
      ++stats.schedules;
      KeepBetterAndReport(best, ToSolution(instance, shop_, insertion.start(), insertion.mode()), bound, control);
    };
    for (const char* name : {"mwkr", "lwkr", "release"}) {
      if (order_ != name && order_ != "best") continue;
      run(RuleJobOrder(shop_, name));
      if (control.ShouldStop()) break;
    }
    std::vector<int> jobs(shop_.num_jobs);
    std::iota(jobs.begin(), jobs.end(), 0);
    if (order_ == "random") {
      for (std::int64_t i = 0; i < samples_ && (i == 0 || !control.ShouldStop()); ++i) {
        std::vector<int> order = jobs;
        for (std::size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng.Below(k)]);
        run(order);
      }
    }
    return FinishResult(instance, std::move(best), bound, control, stats);
  }

 private:
  std::string order_;
  std::int64_t samples_;
  ShopProblem shop_;
};

}  // namespace

std::unique_ptr<Solver> MakeBlockingInsertion(const ParamValues& params) {
  return std::make_unique<BlockingInsertion>(params.GetChoice("rule"), params.GetInt("samples"));
}

}  // namespace ordo
