// The per-format parsers behind ReadInstanceText(). Each fills an Instance from a Scanner
// (or text) and throws io::ParseError("file:line: ...") on malformed input. Validation of
// the resulting model happens once, in ReadInstanceText().
#pragma once

#include <string>
#include <string_view>

#include "io/scanner.h"
#include "model/instance.h"

namespace ordo::io {

Instance ReadJobShop(Scanner& in);       // jobshop_reader.cc
Instance ReadTaillard(Scanner& in);      // jobshop_reader.cc
Instance ReadFjs(Scanner& in);           // fjs_reader.cc
Instance ReadPsplibSm(Scanner& in);      // psplib_reader.cc
Instance ReadPattersonRcp(Scanner& in);  // patterson_reader.cc
Instance ReadOrlibWt(Scanner& in, int index, int jobs);  // orlib_wt_reader.cc
Instance ReadJsonInstance(std::string_view text, const std::string& source);  // json_instance.cc

// Helpers shared by the shop readers: one unit machine per index, jobs chained in order.
void AddMachines(Instance& instance, int count);
void ChainJobs(Instance& instance);

}  // namespace ordo::io
