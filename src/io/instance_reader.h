// Reading instances in the standard formats and in Ordo's native JSON.
//
// Every reader answers malformed input with "file:line: what was expected" (never a crash
// or a hang) and every instance it returns has passed ValidateInstance().
#pragma once

#include <string>
#include <string_view>

#include "io/expected.h"
#include "model/instance.h"

namespace ordo {

enum class InstanceFormat {
  Auto,          // detect from the content (extension only breaks ties)
  JobShop,       // "n m" then one line per job of (machine time) pairs, machines from 0
  Taillard,      // "n m", an n x m matrix of times, an n x m matrix of machines from 1
  Fjs,           // FJSPLIB .fjs (third header number ignored)
  PsplibSm,      // PSPLIB single-mode .sm
  PattersonRcp,  // Patterson .rcp
  OrlibWt,       // OR-Library wt40/50/100: several instances per file, chosen by index
  Json,          // Ordo native JSON (docs/formats.md)
};

std::string_view ToString(InstanceFormat format);
bool ParseInstanceFormat(std::string_view text, InstanceFormat* format);

struct ReadOptions {
  InstanceFormat format = InstanceFormat::Auto;
  int index = 1;    // 1-based instance number in multi-instance files (OR-Library wt)
  int wt_jobs = 0;  // jobs per instance in a wt file; 0 = from the file name (wt40 -> 40)
  bool blocking = false;  // read a shop as a blocking shop (no buffers)
  bool no_swaps = false;  // with blocking: forbid swaps
};

// Largest file accepted (bytes); larger input is refused with a clear message.
inline constexpr std::size_t kMaxInputBytes = std::size_t{1} << 30;

Expected<Instance> ReadInstanceFile(const std::string& path, const ReadOptions& options = {});
Expected<Instance> ReadInstanceText(std::string_view text, const std::string& source,
                                    const ReadOptions& options = {});

// Best guess of the format of text; Auto when nothing fits.
InstanceFormat DetectInstanceFormat(std::string_view text, const std::string& source);

// Native JSON writer (every feature of the model round-trips through it).
std::string WriteInstanceJson(const Instance& instance);

// Reads a whole file into a string, with the size limit above.
Expected<std::string> ReadTextFile(const std::string& path);

}  // namespace ordo
