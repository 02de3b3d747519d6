// ordo convert FILE OUT.json: any supported format to Ordo's native JSON.
#include <fstream>
#include <iostream>

#include "commands.h"
#include "io/instance_reader.h"

namespace ordo::cli {

Expected<Instance> LoadInstance(const InstanceOptions& options);  // cmd_solve.cc

Action AddConvertCommand(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("convert", "write an instance in Ordo's native JSON format");
  struct Options {
    InstanceOptions instance;
    std::string out;
  };
  auto o = std::make_shared<Options>();
  AddInstanceOptions(*cmd, o->instance);
  cmd->add_option("out", o->out, "output JSON file ('-' for standard output)")->required();
  return [o]() {
    const auto instance = LoadInstance(o->instance);
    if (!instance) {
      std::cerr << "error: " << instance.error() << "\n";
      return kExitBadInput;
    }
    const std::string json = WriteInstanceJson(*instance);
    if (o->out == "-") {
      std::cout << json;
    } else if (!(std::ofstream(o->out) << json)) {
      std::cerr << "error: cannot write " << o->out << "\n";
      return kExitBadInput;
    }
    return kExitOk;
  };
}

}  // namespace ordo::cli
