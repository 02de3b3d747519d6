#include "solve/common/rule_runner.h"

namespace ordo {

std::vector<ParamSpec> RuleParams(const std::vector<std::string_view>& rule_names, std::string_view help) {
  std::vector<std::string> choices(rule_names.begin(), rule_names.end());
  choices.emplace_back("best");
  std::vector<ParamSpec> params = {
      {"rule", ParamType::Choice, "best", 0, 0, choices, std::string(help) + "; best = every deterministic rule, keep the best"}};
  for (std::string_view name : rule_names) {
    if (name == "random") {
      params.push_back({"samples", ParamType::Int, "1", 1, 1e9, {},
                        "schedules sampled with rule=random (stops earlier at the time limit)"});
    }
  }
  return params;
}

void RunRequestedRules(const std::vector<std::string_view>& rule_names, const std::string& rule, std::int64_t samples,
                       const SolveControl& control, const std::function<void(std::size_t)>& run) {
  bool built = false;
  for (std::size_t k = 0; k < rule_names.size(); ++k) {
    const bool random = rule_names[k] == "random";
    if (rule == rule_names[k]) {
      const std::int64_t count = random ? samples : 1;
      for (std::int64_t i = 0; i < count && (i == 0 || !control.ShouldStop()); ++i) run(k);
      return;
    }
    if (rule == "best" && !random) {
      if (built && control.ShouldStop()) return;
      run(k);
      built = true;
    }
  }
}

}  // namespace ordo
