#include "solve/params.h"

#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace ordo {

namespace {

const std::string& Lookup(const std::map<std::string, std::string>& values, const std::string& name) {
  const auto it = values.find(name);
  if (it == values.end()) throw std::logic_error("undeclared solver parameter '" + name + "'");
  return it->second;
}

bool ParseInt(const std::string& text, std::int64_t* value) {
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
}

bool ParseDouble(const std::string& text, double* value) {
  char* end = nullptr;
  *value = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size();
}

std::string CheckValue(const ParamSpec& spec, const std::string& value) {
  switch (spec.type) {
    case ParamType::Int: {
      std::int64_t v = 0;
      if (!ParseInt(value, &v)) return fmt::format("parameter {} expects an integer, got '{}'", spec.name, value);
      if (v < spec.min || v > spec.max) {
        return fmt::format("parameter {} = {} is outside [{}, {}]", spec.name, v, spec.min, spec.max);
      }
      return "";
    }
    case ParamType::Double: {
      double v = 0;
      if (!ParseDouble(value, &v)) return fmt::format("parameter {} expects a number, got '{}'", spec.name, value);
      if (!(v >= spec.min && v <= spec.max)) {
        return fmt::format("parameter {} = {} is outside [{}, {}]", spec.name, v, spec.min, spec.max);
      }
      return "";
    }
    case ParamType::Choice:
      for (const std::string& c : spec.choices) {
        if (c == value) return "";
      }
      return fmt::format("parameter {} = '{}' is not one of: {}", spec.name, value, fmt::join(spec.choices, ", "));
    case ParamType::Bool:
      if (value == "true" || value == "false") return "";
      return fmt::format("parameter {} expects true or false, got '{}'", spec.name, value);
  }
  return "unknown parameter type";
}

}  // namespace

std::int64_t ParamValues::GetInt(const std::string& name) const { return std::stoll(Lookup(values_, name)); }
double ParamValues::GetDouble(const std::string& name) const { return std::stod(Lookup(values_, name)); }
const std::string& ParamValues::GetChoice(const std::string& name) const { return Lookup(values_, name); }
bool ParamValues::GetBool(const std::string& name) const { return Lookup(values_, name) == "true"; }

std::string ParamValues::ToString() const {
  std::string out;
  for (const auto& [k, v] : values_) out += fmt::format("{}{}={}", out.empty() ? "" : " ", k, v);
  return out;
}

Expected<ParamValues> ParamValues::Parse(const std::vector<ParamSpec>& specs, const std::vector<std::string>& assignments) {
  ParamValues values;
  for (const ParamSpec& spec : specs) values.values_[spec.name] = spec.default_value;
  for (const std::string& assignment : assignments) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos) {
      return Expected<ParamValues>::Error(fmt::format("expected key=value, got '{}'", assignment));
    }
    const std::string key = assignment.substr(0, eq);
    const std::string value = assignment.substr(eq + 1);
    const ParamSpec* spec = nullptr;
    for (const ParamSpec& s : specs) {
      if (s.name == key) spec = &s;
    }
    if (spec == nullptr) {
      std::vector<std::string> names;
      for (const ParamSpec& s : specs) names.push_back(s.name);
      return Expected<ParamValues>::Error(fmt::format("unknown parameter '{}'; this solver has: {}", key,
                                                      names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "))));
    }
    const std::string problem = CheckValue(*spec, value);
    if (!problem.empty()) return Expected<ParamValues>::Error(problem);
    values.values_[key] = value;
  }
  return values;
}

std::string DescribeParam(const ParamSpec& spec) {
  std::string range;
  switch (spec.type) {
    case ParamType::Int: range = fmt::format("int in [{}, {}]", spec.min, spec.max); break;
    case ParamType::Double: range = fmt::format("number in [{}, {}]", spec.min, spec.max); break;
    case ParamType::Choice: range = fmt::format("one of {}", fmt::join(spec.choices, "|")); break;
    case ParamType::Bool: range = "true|false"; break;
  }
  return fmt::format("{:<12} {:<40} default {:<8} {}", spec.name, range, spec.default_value, spec.help);
}

}  // namespace ordo
