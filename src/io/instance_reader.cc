#include "io/instance_reader.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "io/format_readers.h"
#include "model/validate.h"

namespace ordo {

namespace {
struct FormatName {
  InstanceFormat format;
  const char* name;
};
constexpr FormatName kFormatNames[] = {
    {InstanceFormat::Auto, "auto"},         {InstanceFormat::JobShop, "jobshop"},
    {InstanceFormat::Taillard, "taillard"}, {InstanceFormat::Fjs, "fjs"},
    {InstanceFormat::PsplibSm, "sm"},       {InstanceFormat::PattersonRcp, "rcp"},
    {InstanceFormat::OrlibWt, "wt"},        {InstanceFormat::Json, "json"},
};

std::string BaseName(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Extension(const std::string& path) {
  const std::string base = BaseName(path);
  const auto dot = base.find_last_of('.');
  return dot == std::string::npos ? "" : base.substr(dot + 1);
}

// Jobs per instance from a name like "wt40.txt" or "wt100".
int WtJobsFromName(const std::string& path) {
  const std::string base = BaseName(path);
  const auto at = base.find("wt");
  if (at == std::string::npos) return 0;
  int n = 0;
  for (std::size_t i = at + 2; i < base.size() && std::isdigit(static_cast<unsigned char>(base[i])) && n < 1000000; ++i) {
    n = n * 10 + (base[i] - '0');
  }
  return n;
}

// Token counts of the first lines that are neither blank nor '#' comments.
std::vector<int> LineShapes(std::string_view text, std::size_t max_lines) {
  std::vector<int> shapes;
  std::size_t pos = 0;
  while (pos < text.size() && shapes.size() < max_lines) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    int tokens = 0;
    bool in_token = false;
    for (char c : line) {
      const bool space = std::isspace(static_cast<unsigned char>(c));
      if (!space && !in_token) ++tokens;
      in_token = !space;
    }
    const auto first = line.find_first_not_of(" \t\r");
    const bool comment = first != std::string_view::npos && line[first] == '#';
    if (tokens > 0 && !comment) shapes.push_back(tokens);
    pos = end + 1;
  }
  return shapes;
}

long FirstInt(std::string_view text, int which) {
  std::istringstream stream{std::string(text.substr(0, 4096))};
  std::string token;
  long value = -1;
  for (int i = 0; i <= which && stream >> token; ++i) {
    if (token[0] == '#') {  // skip a comment line
      std::getline(stream, token);
      --i;
      continue;
    }
    try {
      value = std::stol(token);
    } catch (...) {
      return -1;
    }
  }
  return value;
}

}  // namespace

std::string_view ToString(InstanceFormat format) {
  for (const FormatName& f : kFormatNames) {
    if (f.format == format) return f.name;
  }
  return "unknown";
}

bool ParseInstanceFormat(std::string_view text, InstanceFormat* format) {
  for (const FormatName& f : kFormatNames) {
    if (text == f.name) {
      *format = f.format;
      return true;
    }
  }
  return false;
}

InstanceFormat DetectInstanceFormat(std::string_view text, const std::string& source) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') return InstanceFormat::Json;
  const std::string_view head = text.substr(0, 1 << 16);
  if (head.find("PRECEDENCE RELATIONS") != std::string_view::npos || head.find("jobs (incl.") != std::string_view::npos) {
    return InstanceFormat::PsplibSm;
  }
  const std::string ext = Extension(source);
  const std::vector<int> shapes = LineShapes(text, 200000);
  if (!shapes.empty()) {
    if (shapes[0] == 3 || ext == "fjs") return InstanceFormat::Fjs;
    if (shapes[0] > 3) return InstanceFormat::OrlibWt;
    if (shapes[0] == 2 && shapes.size() >= 2) {
      const long n = FirstInt(text, 0);
      const long m = FirstInt(text, 1);
      if (ext == "rcp") return InstanceFormat::PattersonRcp;
      if (m > 0 && shapes[1] == 2 * m) return InstanceFormat::JobShop;
      bool matrix = n > 0 && static_cast<long>(shapes.size()) == 2 * n + 1;
      for (std::size_t i = 1; matrix && i < shapes.size(); ++i) matrix = shapes[i] == m;
      if (matrix) return InstanceFormat::Taillard;
      if (m >= 0 && shapes[1] == m) return InstanceFormat::PattersonRcp;
      return InstanceFormat::JobShop;  // the most common layout; its reader explains what is off
    }
  }
  if (ext == "json") return InstanceFormat::Json;
  if (ext == "sm") return InstanceFormat::PsplibSm;
  if (ext == "rcp") return InstanceFormat::PattersonRcp;
  return InstanceFormat::Auto;
}

Expected<std::string> ReadTextFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Expected<std::string>::Error(fmt::format("{}: cannot open the file", path));
  file.seekg(0, std::ios::end);
  const auto size = file.tellg();
  if (size < 0) return Expected<std::string>::Error(fmt::format("{}: cannot read the file", path));
  if (static_cast<std::size_t>(size) > kMaxInputBytes) {
    return Expected<std::string>::Error(
        fmt::format("{}: the file has {} bytes, more than the limit of {}", path, static_cast<long long>(size), kMaxInputBytes));
  }
  file.seekg(0, std::ios::beg);
  std::string text(static_cast<std::size_t>(size), '\0');
  file.read(text.data(), size);
  if (!file) return Expected<std::string>::Error(fmt::format("{}: cannot read the file", path));
  return text;
}

Expected<Instance> ReadInstanceText(std::string_view text, const std::string& source, const ReadOptions& options) {
  InstanceFormat format = options.format;
  if (format == InstanceFormat::Auto) format = DetectInstanceFormat(text, source);
  if (text.find('\0') != std::string_view::npos && format != InstanceFormat::Json) {
    return Expected<Instance>::Error(fmt::format("{}:1: expected a text file, found a NUL byte", source));
  }
  Instance instance;
  try {
    io::Scanner scanner(text, source);
    switch (format) {
      case InstanceFormat::Auto:
        return Expected<Instance>::Error(fmt::format(
            "{}:1: cannot tell the format from the content; pass --format (jobshop, taillard, fjs, sm, rcp, wt, json)",
            source));
      case InstanceFormat::JobShop: instance = io::ReadJobShop(scanner); break;
      case InstanceFormat::Taillard: instance = io::ReadTaillard(scanner); break;
      case InstanceFormat::Fjs: instance = io::ReadFjs(scanner); break;
      case InstanceFormat::PsplibSm: instance = io::ReadPsplibSm(scanner); break;
      case InstanceFormat::PattersonRcp: instance = io::ReadPattersonRcp(scanner); break;
      case InstanceFormat::OrlibWt: {
        const int jobs = options.wt_jobs > 0 ? options.wt_jobs : WtJobsFromName(source);
        instance = io::ReadOrlibWt(scanner, options.index, jobs);
        break;
      }
      case InstanceFormat::Json: instance = io::ReadJsonInstance(text, source); break;
    }
  } catch (const io::ParseError& e) {
    return Expected<Instance>::Error(e.what());
  } catch (const std::bad_alloc&) {
    return Expected<Instance>::Error(fmt::format("{}: the instance is too large for the available memory", source));
  }
  if (instance.name.empty()) {
    std::string base = BaseName(source);
    const auto dot = base.find_last_of('.');
    if (dot != std::string::npos && dot > 0) base = base.substr(0, dot);
    instance.name = format == InstanceFormat::OrlibWt ? fmt::format("{}-{}", base, options.index) : base;
  }
  if (options.blocking) {
    instance.blocking = true;
    instance.allow_swaps = !options.no_swaps;
  }
  const ValidationResult validation = ValidateInstance(instance);
  if (!validation.ok()) {
    std::string message = fmt::format("{}: invalid instance ({} format):", source, ToString(format));
    for (const std::string& e : validation.errors) message += "\n  " + e;
    return Expected<Instance>::Error(message);
  }
  return instance;
}

Expected<Instance> ReadInstanceFile(const std::string& path, const ReadOptions& options) {
  Expected<std::string> text = ReadTextFile(path);
  if (!text) return Expected<Instance>::Error(text.error());
  return ReadInstanceText(*text, path, options);
}

}  // namespace ordo
