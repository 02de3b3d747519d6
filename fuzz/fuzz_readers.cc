// One libFuzzer entry point, compiled once per reader (ORDO_FUZZ_TARGET_<name>). A reader
// must either return an instance that passed validation or a "file:line: ..." error; it
// must never crash, hang, or allocate without bound. Accepted instances are also written
// to native JSON and read back, and the solution target feeds a solution file to the
// solution reader and the checker.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "check/checker.h"
#include "io/instance_reader.h"
#include "io/solution_io.h"

namespace {

#if !defined(ORDO_FUZZ_TARGET_solution)
ordo::InstanceFormat Format() {
#if defined(ORDO_FUZZ_TARGET_jobshop)
  return ordo::InstanceFormat::JobShop;
#elif defined(ORDO_FUZZ_TARGET_taillard)
  return ordo::InstanceFormat::Taillard;
#elif defined(ORDO_FUZZ_TARGET_fjs)
  return ordo::InstanceFormat::Fjs;
#elif defined(ORDO_FUZZ_TARGET_sm)
  return ordo::InstanceFormat::PsplibSm;
#elif defined(ORDO_FUZZ_TARGET_rcp)
  return ordo::InstanceFormat::PattersonRcp;
#elif defined(ORDO_FUZZ_TARGET_wt)
  return ordo::InstanceFormat::OrlibWt;
#elif defined(ORDO_FUZZ_TARGET_json)
  return ordo::InstanceFormat::Json;
#else
  return ordo::InstanceFormat::Auto;
#endif
}
#endif

void Fail(const char* what) {
  fprintf(stderr, "fuzz invariant broken: %s\n", what);
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > (1u << 16)) return 0;  // the limit keeps single inputs fast; large files are covered by tests
  const std::string_view text(reinterpret_cast<const char*>(data), size);
#if defined(ORDO_FUZZ_TARGET_solution)
  static const auto instance = ordo::ReadInstanceText("3 3\n0 3 1 2 2 2\n1 2 0 4 2 1\n2 3 1 3 0 2\n", "fixed.txt");
  const auto solution = ordo::ReadSolutionText(*instance, text, "fuzz.sol");
  if (solution.ok()) (void)ordo::CheckSolution(*instance, solution->solution);
  else if (solution.error().rfind("fuzz.sol:", 0) != 0) Fail("solution error without file:line");
#else
  ordo::ReadOptions options;
  options.format = Format();
  options.wt_jobs = 3;
  options.index = 2;
  const auto instance = ordo::ReadInstanceText(text, "fuzz.txt", options);
  if (!instance.ok()) {
    if (instance.error().rfind("fuzz.txt:", 0) != 0) Fail("error does not start with the file name");
    return 0;
  }
  const std::string json = ordo::WriteInstanceJson(*instance);
  ordo::ReadOptions as_json;
  as_json.format = ordo::InstanceFormat::Json;
  const auto again = ordo::ReadInstanceText(json, "roundtrip.json", as_json);
  if (!again.ok()) Fail("native JSON of an accepted instance does not read back");
  if (ordo::WriteInstanceJson(*again) != json) Fail("native JSON round trip changed the instance");
#endif
  return 0;
}
