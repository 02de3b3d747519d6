// Solver parameters, declared once per solver as a table of ParamSpec (name, type, default,
// range or choices, help). The CLI's `ordo solvers`, `--param key=value`, the docs and later
// the Python and HTTP front ends all read the same table (as CaDiCaL's options.hpp and
// CP-SAT's sat_parameters.proto do).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "io/expected.h"

namespace ordo {

enum class ParamType { Int, Double, Choice, Bool };

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::Int;
  std::string default_value;
  double min = 0;                    // Int and Double
  double max = 0;                    // Int and Double
  std::vector<std::string> choices;  // Choice
  std::string help;
};

// Values of one solver's parameters: every declared parameter has a value (its default
// unless set), every value has been checked against its spec.
class ParamValues {
 public:
  std::int64_t GetInt(const std::string& name) const;
  double GetDouble(const std::string& name) const;
  const std::string& GetChoice(const std::string& name) const;
  bool GetBool(const std::string& name) const;
  const std::map<std::string, std::string>& all() const { return values_; }
  std::string ToString() const;  // "k1=v1 k2=v2" in name order

  // Builds the values from the defaults of specs, overridden by "key=value" strings.
  static Expected<ParamValues> Parse(const std::vector<ParamSpec>& specs, const std::vector<std::string>& assignments);

 private:
  std::map<std::string, std::string> values_;
};

std::string DescribeParam(const ParamSpec& spec);  // one line: name, type, default, range, help

}  // namespace ordo
