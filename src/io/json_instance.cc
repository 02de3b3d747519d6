// Ordo's native JSON instance format (schema and defaults: docs/formats.md, "Native JSON").
//
// Reading takes two passes.
//   1. io::ParseJson (json_value.h) checks the syntax and builds a document tree in which
//      every value and key knows its line; nesting is bounded, so hostile input cannot
//      overflow the stack.
//   2. A schema walker turns the tree into an Instance and reports every semantic error
//      (missing or mistyped field, unknown key, non-integer or out-of-range number) on the
//      line of the offending value or key.
// Range checks of ids against counts are left to ValidateInstance(), which the caller runs.
//
// Writing produces the same format with its shorthands ("machine", single-mode "duration",
// "job_chains", objective strings, omitted defaults), one operation / precedence per line.
#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "io/format_readers.h"
#include "io/instance_reader.h"
#include "io/json_value.h"
#include "io/scanner.h"
#include "model/instance.h"

namespace ordo::io {
namespace {

using Type = JsonValue::Type;

// ---------------------------------------------------------------------------------------
// Keys: every key the schema knows, in any object. Objects accept a subset (a KeySet).

enum Key : int {
  kFormat, kVersion, kName, kObjective, kKind, kWeight, kBlocking, kAllowSwaps, kResources,
  kCapacity, kCalendar, kStart, kEnd, kJobs, kRelease, kDue, kDeadline, kOperations, kJob,
  kModes, kDuration, kMachine, kDemands, kResource, kAmount, kJobChains, kPrecedences, kFrom,
  kTo, kLag, kType, kDisjunctive, kResumable, kKeyCount
};

constexpr std::array<std::string_view, kKeyCount> kKeyNames = {
    "format", "version", "name", "objective", "kind", "weight", "blocking", "allow_swaps", "resources",
    "capacity", "calendar", "start", "end", "jobs", "release", "due", "deadline", "operations", "job",
    "modes", "duration", "machine", "demands", "resource", "amount", "job_chains", "precedences", "from",
    "to", "lag", "type", "disjunctive", "resumable"};

using KeySet = std::uint64_t;
static_assert(kKeyCount <= 64);

constexpr KeySet Keys(std::initializer_list<Key> keys) {
  KeySet set = 0;
  for (Key k : keys) set |= KeySet{1} << k;
  return set;
}

constexpr KeySet kRootKeys = Keys({kFormat, kVersion, kName, kObjective, kBlocking, kAllowSwaps, kResources, kJobs,
                                   kOperations, kJobChains, kPrecedences, kDisjunctive});
constexpr KeySet kTermKeys = Keys({kKind, kWeight});
constexpr KeySet kResourceKeys = Keys({kName, kKind, kCapacity, kCalendar});
constexpr KeySet kPeriodKeys = Keys({kStart, kEnd, kCapacity});
constexpr KeySet kJobKeys = Keys({kName, kRelease, kDue, kDeadline, kWeight, kOperations});
constexpr KeySet kModeKeys = Keys({kDuration, kMachine, kDemands});
constexpr KeySet kOperationKeys =
    Keys({kJob, kName, kRelease, kDeadline, kResumable, kModes, kDuration, kMachine, kDemands});
constexpr KeySet kDemandKeys = Keys({kResource, kAmount});
constexpr KeySet kPrecedenceKeys = Keys({kFrom, kTo, kLag, kType});

int LookUpKey(std::string_view key) {
  for (int k = 0; k < kKeyCount; ++k) {
    if (kKeyNames[k] == key) return k;
  }
  return -1;
}

// JSON string literal of s (invalid UTF-8 becomes U+FFFD; everything the reader accepts is
// valid, so names read from JSON round-trip exactly).
std::string Quote(std::string_view s) { return JsonQuote(s); }

// Quote(s), shortened for an error message.
std::string QuoteForMessage(std::string_view s) {
  constexpr std::size_t kLimit = 60;
  if (s.size() <= kLimit) return Quote(s);
  return Quote(s.substr(0, kLimit)) + "...";
}

// ---------------------------------------------------------------------------------------
// Defaults shared by the reader and the writer.

std::string DefaultResourceName(std::size_t r) { return fmt::format("R{}", r); }
std::string DefaultJobName(std::size_t j) { return fmt::format("J{}", j); }

// Default operation names: "J<job>.<position in the job>" (as the shop readers name them),
// or "" for an operation that its job does not list.
std::vector<std::string> DefaultOperationNames(const Instance& in) {
  std::vector<std::string> names(in.operations.size());
  std::vector<char> named(in.operations.size(), 0);
  for (std::size_t j = 0; j < in.jobs.size(); ++j) {
    const std::vector<int>& ops = in.jobs[j].operations;
    for (std::size_t k = 0; k < ops.size(); ++k) {
      const int o = ops[k];
      if (o < 0 || static_cast<std::size_t>(o) >= in.operations.size() || named[o] != 0) continue;
      if (in.operations[o].job != static_cast<int>(j)) continue;
      named[o] = 1;
      names[o] = fmt::format("J{}.{}", j, k);
    }
  }
  return names;
}

// The operation list each job gets when the file gives none: the operations naming it, in
// file order.
std::vector<std::vector<int>> DerivedJobLists(const Instance& in, std::size_t job_count) {
  std::vector<std::vector<int>> lists(job_count);
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    const int j = in.operations[o].job;
    if (j >= 0 && static_cast<std::size_t>(j) < job_count) lists[j].push_back(static_cast<int>(o));
  }
  return lists;
}

// ---------------------------------------------------------------------------------------
// The schema walker.

class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}

  Instance Read(const JsonValue& root) const {
    if (root.type != Type::Object) Fail(root, fmt::format("expected a JSON object for the instance, found {}", root.TypeName()));
    const Fields f = Members(root, kRootKeys, "the instance");
    if (const JsonValue* v = f[kFormat]) {
      const std::string& format = String(*v, kFormat, "the instance");
      if (format != "ordo-instance") {
        Fail(*v, fmt::format("expected \"format\": \"ordo-instance\", found {}", QuoteForMessage(format)));
      }
    }
    if (const JsonValue* v = f[kVersion]) {
      const std::int64_t version = Int(*v, kVersion, "the instance");
      if (version != 1) Fail(*v, fmt::format("expected \"version\": 1 (the only version), found {}", version));
    }
    Instance in;
    if (const JsonValue* v = f[kName]) in.name = String(*v, kName, "the instance");
    if (const JsonValue* v = f[kObjective]) ReadObjective(*v, in.objective);
    if (const JsonValue* v = f[kBlocking]) in.blocking = Bool(*v, kBlocking, "the instance");
    if (const JsonValue* v = f[kAllowSwaps]) in.allow_swaps = Bool(*v, kAllowSwaps, "the instance");
    if (const JsonValue* v = f[kResources]) ReadResources(*v, in);
    if (f[kOperations] == nullptr) Fail(root, "expected \"operations\" in the instance");
    std::vector<const JsonValue*> job_values;
    std::vector<char> named;
    ReadOperations(*f[kOperations], in, job_values, named);
    ReadJobs(f[kJobs], in, job_values);
    const std::vector<std::string> default_names = DefaultOperationNames(in);
    for (std::size_t o = 0; o < in.operations.size(); ++o) {
      if (named[o] == 0) in.operations[o].name = default_names[o];
    }
    if (const JsonValue* v = f[kJobChains]; v != nullptr && Bool(*v, kJobChains, "the instance")) ChainJobs(in);
    if (const JsonValue* v = f[kPrecedences]) ReadPrecedences(*v, in);
    if (const JsonValue* v = f[kDisjunctive]) ReadDisjunctive(*v, in);
    return in;
  }

 private:
  // The members of one object, by key, with the lines of their keys.
  struct Fields {
    std::array<const JsonValue*, kKeyCount> at{};
    std::array<int, kKeyCount> key_line{};
    const JsonValue* operator[](Key k) const { return at[k]; }
  };

  [[noreturn]] void Fail(int line, const std::string& what) const {
    throw ParseError(fmt::format("{}:{}: {}", source_, line, what));
  }
  [[noreturn]] void Fail(const JsonValue& at, const std::string& what) const { Fail(at.line, what); }

  static std::string KeyList(KeySet set) {
    std::string out;
    for (int k = 0; k < kKeyCount; ++k) {
      if ((set >> k & 1) == 0) continue;
      if (!out.empty()) out += ", ";
      out += kKeyNames[k];
    }
    return out;
  }

  // Rejects unknown keys (the parser has already refused repeated ones); returns the members
  // by key.
  Fields Members(const JsonValue& object, KeySet allowed, const std::string& what) const {
    Fields fields;
    for (const JsonMember& m : object.members) {
      const int key = LookUpKey(m.key);
      if (key < 0 || (allowed >> key & 1) == 0) {
        Fail(m.key_line, fmt::format("unknown key {} in {} (expected one of: {})", QuoteForMessage(m.key), what, KeyList(allowed)));
      }
      fields.at[key] = &m.value;
      fields.key_line[key] = m.key_line;
    }
    return fields;
  }

  [[noreturn]] void WrongType(const JsonValue& v, const char* expected, Key key, const std::string& what) const {
    Fail(v, fmt::format("expected {} for \"{}\" in {}, found {}", expected, kKeyNames[key], what, v.TypeName()));
  }

  void ExpectType(const JsonValue& v, Type type, Key key, const std::string& what) const {
    if (v.type != type) {
      JsonValue probe;
      probe.type = type;
      WrongType(v, probe.TypeName(), key, what);
    }
  }

  std::int64_t Int(const JsonValue& v, Key key, const std::string& what) const {
    if (v.type == Type::Integer) return v.integer;
    if (v.type == Type::BigInteger) {
      Fail(v, fmt::format("\"{}\" in {} is outside the 64-bit integer range [{}, {}]", kKeyNames[key], what,
                          std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()));
    }
    WrongType(v, "an integer", key, what);
  }

  std::int64_t IntOr(const Fields& f, Key key, std::int64_t fallback, const std::string& what) const {
    return f[key] != nullptr ? Int(*f[key], key, what) : fallback;
  }

  // Ids are kept as given (ValidateInstance checks them against the counts) but must fit int.
  int Id(const JsonValue& v, Key key, const std::string& what) const {
    const std::int64_t id = Int(v, key, what);
    if (id < INT_MIN || id > INT_MAX) Fail(v, fmt::format("\"{}\" in {} is {}, outside the range of ids", kKeyNames[key], what, id));
    return static_cast<int>(id);
  }

  // An id that is an array item (job operation lists, disjunctive pairs).
  int ItemId(const JsonValue& v, const std::string& what) const {
    if (v.type == Type::BigInteger || (v.type == Type::Integer && (v.integer < INT_MIN || v.integer > INT_MAX))) {
      Fail(v, fmt::format("expected an operation id in {}, found a number outside the range of ids", what));
    }
    if (v.type != Type::Integer) Fail(v, fmt::format("expected an operation id (an integer) in {}, found {}", what, v.TypeName()));
    return static_cast<int>(v.integer);
  }

  Time DeadlineOr(const Fields& f, const std::string& what) const {
    const JsonValue* v = f[kDeadline];
    if (v == nullptr || v->type == Type::Null) return kNoDeadline;
    if (v->type != Type::Integer && v->type != Type::BigInteger) WrongType(*v, "an integer or null", kDeadline, what);
    return Int(*v, kDeadline, what);
  }

  const std::string& String(const JsonValue& v, Key key, const std::string& what) const {
    ExpectType(v, Type::String, key, what);
    return v.text;
  }

  bool Bool(const JsonValue& v, Key key, const std::string& what) const {
    ExpectType(v, Type::Bool, key, what);
    return v.boolean;
  }

  const JsonValue& Object(const JsonValue& v, const std::string& what) const {
    if (v.type != Type::Object) Fail(v, fmt::format("expected an object for {}, found {}", what, v.TypeName()));
    return v;
  }

  const std::vector<JsonValue>& Array(const JsonValue& v, Key key, const std::string& what) const {
    ExpectType(v, Type::Array, key, what);
    return v.items;
  }

  Fields Required(const JsonValue& object, const Fields& f, std::initializer_list<Key> keys, const std::string& what) const {
    for (Key k : keys) {
      if (f[k] == nullptr) Fail(object, fmt::format("expected \"{}\" in {}", kKeyNames[k], what));
    }
    return f;
  }

  ObjectiveKind ObjectiveKindOf(const JsonValue& v, Key key, const std::string& what) const {
    const std::string& text = String(v, key, what);
    ObjectiveKind kind;
    if (!ParseObjectiveKind(text, &kind)) {
      Fail(v, fmt::format("unknown objective {} (expected makespan, total_weighted_tardiness, "
                          "total_weighted_completion or max_lateness)",
                          QuoteForMessage(text)));
    }
    return kind;
  }

  void ReadObjective(const JsonValue& v, Objective& objective) const {
    if (v.type == Type::String) {
      objective.terms = {ObjectiveTerm{ObjectiveKindOf(v, kObjective, "the instance"), 1}};
      return;
    }
    if (v.type != Type::Array) WrongType(v, "a string or an array of terms", kObjective, "the instance");
    objective.terms.clear();
    for (std::size_t t = 0; t < v.items.size(); ++t) {
      const JsonValue& item = v.items[t];
      const std::string what = fmt::format("objective term {}", t);
      const Fields f = Required(Object(item, what), Members(item, kTermKeys, what), {kKind}, what);
      objective.terms.push_back(ObjectiveTerm{ObjectiveKindOf(*f[kKind], kKind, what), IntOr(f, kWeight, 1, what)});
    }
  }

  void ReadResources(const JsonValue& list, Instance& in) const {
    for (const JsonValue& item : Array(list, kResources, "the instance")) {
      const std::size_t r = in.resources.size();
      const std::string what = fmt::format("resource {}", r);
      const Fields f = Members(Object(item, what), kResourceKeys, what);
      Resource res;
      res.name = f[kName] != nullptr ? String(*f[kName], kName, what) : DefaultResourceName(r);
      if (const JsonValue* v = f[kKind]) {
        const std::string& kind = String(*v, kKind, what);
        if (kind == "machine") {
          res.kind = ResourceKind::Machine;
        } else if (kind == "renewable") {
          res.kind = ResourceKind::Renewable;
        } else {
          Fail(*v, fmt::format("expected \"machine\" or \"renewable\" for \"kind\" in {}, found {}", what, QuoteForMessage(kind)));
        }
      }
      res.capacity = IntOr(f, kCapacity, 1, what);
      if (const JsonValue* calendar = f[kCalendar]) {
        const std::vector<JsonValue>& periods = Array(*calendar, kCalendar, what);
        for (std::size_t k = 0; k < periods.size(); ++k) {
          const JsonValue& p = periods[k];
          const std::string period = fmt::format("calendar period {} of resource {}", k, r);
          const Fields pf = Required(Object(p, period), Members(p, kPeriodKeys, period), {kStart, kEnd, kCapacity}, period);
          res.calendar.push_back(CapacityPeriod{Int(*pf[kStart], kStart, period), Int(*pf[kEnd], kEnd, period),
                                                Int(*pf[kCapacity], kCapacity, period)});
        }
      }
      in.resources.push_back(std::move(res));
    }
  }

  std::vector<Demand> ReadDemands(const JsonValue& list, const std::string& what) const {
    const std::vector<JsonValue>& items = Array(list, kDemands, what);
    std::vector<Demand> demands;
    for (std::size_t d = 0; d < items.size(); ++d) {
      const std::string demand = fmt::format("demand {} of {}", d, what);
      const Fields f = Required(Object(items[d], demand), Members(items[d], kDemandKeys, demand), {kResource}, demand);
      demands.push_back(Demand{Id(*f[kResource], kResource, demand), IntOr(f, kAmount, 1, demand)});
    }
    return demands;
  }

  // A mode from "duration" plus "machine" or "demands" (or neither: no resource).
  Mode ReadMode(const JsonValue& object, const Fields& f, const std::string& what) const {
    if (f[kDuration] == nullptr) Fail(object, fmt::format("expected \"duration\" in {}", what));
    if (f[kMachine] != nullptr && f[kDemands] != nullptr) {
      Fail(*f[kDemands], fmt::format("expected either \"machine\" or \"demands\" in {}, not both", what));
    }
    Mode mode;
    mode.duration = Int(*f[kDuration], kDuration, what);
    if (const JsonValue* v = f[kMachine]) mode.demands.push_back(Demand{Id(*v, kMachine, what), 1});
    if (const JsonValue* v = f[kDemands]) mode.demands = ReadDemands(*v, what);
    return mode;
  }

  void ReadOperations(const JsonValue& list, Instance& in, std::vector<const JsonValue*>& job_values,
                      std::vector<char>& named) const {
    for (const JsonValue& item : Array(list, kOperations, "the instance")) {
      const std::size_t o = in.operations.size();
      const std::string what = fmt::format("operation {}", o);
      const Fields f = Required(Object(item, what), Members(item, kOperationKeys, what), {kJob}, what);
      Operation op;
      op.job = Id(*f[kJob], kJob, what);
      job_values.push_back(f[kJob]);
      named.push_back(f[kName] != nullptr ? 1 : 0);
      if (const JsonValue* v = f[kName]) op.name = String(*v, kName, what);
      op.release = IntOr(f, kRelease, 0, what);
      op.deadline = DeadlineOr(f, what);
      if (const JsonValue* v = f[kResumable]) op.resumable = Bool(*v, kResumable, what);
      const JsonValue* modes = f[kModes];
      if ((modes == nullptr) == (f[kDuration] == nullptr)) {
        Fail(modes != nullptr ? *modes : item, fmt::format("expected exactly one of \"modes\" or \"duration\" in {}", what));
      }
      if (modes != nullptr) {
        for (Key k : {kMachine, kDemands}) {
          if (f[k] != nullptr) {
            Fail(f.key_line[k], fmt::format("\"{}\" belongs inside each mode when {} has \"modes\"", kKeyNames[k], what));
          }
        }
        const std::vector<JsonValue>& mode_items = Array(*modes, kModes, what);
        for (std::size_t m = 0; m < mode_items.size(); ++m) {
          const std::string mode_what = fmt::format("mode {} of operation {}", m, o);
          const JsonValue& mode = mode_items[m];
          op.modes.push_back(ReadMode(mode, Members(Object(mode, mode_what), kModeKeys, mode_what), mode_what));
        }
      } else {
        op.modes.push_back(ReadMode(item, f, what));
      }
      in.operations.push_back(std::move(op));
    }
  }

  void ReadJobs(const JsonValue* list, Instance& in, const std::vector<const JsonValue*>& job_values) const {
    std::vector<char> listed;  // job gave its own "operations"
    if (list != nullptr) {
      for (const JsonValue& item : Array(*list, kJobs, "the instance")) {
        const std::size_t j = in.jobs.size();
        const std::string what = fmt::format("job {}", j);
        const Fields f = Members(Object(item, what), kJobKeys, what);
        Job job;
        job.name = f[kName] != nullptr ? String(*f[kName], kName, what) : DefaultJobName(j);
        job.release = IntOr(f, kRelease, 0, what);
        job.due = IntOr(f, kDue, 0, what);
        job.deadline = DeadlineOr(f, what);
        job.weight = IntOr(f, kWeight, 1, what);
        listed.push_back(f[kOperations] != nullptr ? 1 : 0);
        if (const JsonValue* ops = f[kOperations]) {
          for (const JsonValue& id : Array(*ops, kOperations, what)) {
            job.operations.push_back(ItemId(id, fmt::format("\"operations\" of {}", what)));
          }
        }
        in.jobs.push_back(std::move(job));
      }
    } else {
      // One job per id from 0 to the largest "job"; ids must stay below the number of
      // operations, which bounds the allocation on hostile input.
      int largest = -1;
      for (std::size_t o = 0; o < in.operations.size(); ++o) {
        const int j = in.operations[o].job;
        if (j >= 0 && static_cast<std::size_t>(j) >= in.operations.size()) {
          Fail(*job_values[o], fmt::format("operation {} belongs to job {}; without a \"jobs\" list, job ids must be "
                                           "below the number of operations ({})",
                                           o, j, in.operations.size()));
        }
        largest = std::max(largest, j);
      }
      const auto count = static_cast<std::size_t>(largest + 1);
      in.jobs.resize(count);
      listed.assign(count, 0);
      for (std::size_t j = 0; j < count; ++j) in.jobs[j].name = DefaultJobName(j);
    }
    std::vector<std::vector<int>> derived = DerivedJobLists(in, in.jobs.size());
    for (std::size_t j = 0; j < in.jobs.size(); ++j) {
      if (listed[j] == 0) in.jobs[j].operations = std::move(derived[j]);
    }
  }

  void ReadPrecedences(const JsonValue& list, Instance& in) const {
    const std::vector<JsonValue>& items = Array(list, kPrecedences, "the instance");
    for (std::size_t k = 0; k < items.size(); ++k) {
      const std::string what = fmt::format("precedence {}", k);
      const Fields f = Required(Object(items[k], what), Members(items[k], kPrecedenceKeys, what), {kFrom, kTo}, what);
      Precedence p;
      p.from = Id(*f[kFrom], kFrom, what);
      p.to = Id(*f[kTo], kTo, what);
      p.lag = IntOr(f, kLag, 0, what);
      if (const JsonValue* v = f[kType]) {
        const std::string& type = String(*v, kType, what);
        if (type == "end_to_start") {
          p.type = PrecedenceType::EndToStart;
        } else if (type == "start_to_start") {
          p.type = PrecedenceType::StartToStart;
        } else {
          Fail(*v, fmt::format("expected \"end_to_start\" or \"start_to_start\" for \"type\" in {}, found {}", what,
                               QuoteForMessage(type)));
        }
      }
      in.precedences.push_back(p);
    }
  }

  void ReadDisjunctive(const JsonValue& list, Instance& in) const {
    const std::vector<JsonValue>& items = Array(list, kDisjunctive, "the instance");
    for (std::size_t k = 0; k < items.size(); ++k) {
      const std::string what = fmt::format("disjunctive pair {}", k);
      const JsonValue& item = items[k];
      if (item.type != Type::Array || item.items.size() != 2) {
        Fail(item, fmt::format("expected a pair [a, b] of operation ids for {}", what));
      }
      in.disjunctive.push_back(DisjunctivePair{ItemId(item.items[0], what), ItemId(item.items[1], what)});
    }
  }

  const std::string& source_;
};

// ---------------------------------------------------------------------------------------
// Writer helpers.

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string Inline(const std::vector<std::string>& fields) { return "{" + Join(fields, ", ") + "}"; }

// "key": [ one item per line ]
std::string Block(std::string_view key, const std::vector<std::string>& items) {
  if (items.empty()) return fmt::format("\"{}\": []", key);
  return fmt::format("\"{}\": [\n    {}\n  ]", key, Join(items, ",\n    "));
}

std::string DemandsText(const std::vector<Demand>& demands) {
  std::vector<std::string> items;
  for (const Demand& d : demands) {
    items.push_back(d.amount == 1 ? fmt::format("{{\"resource\": {}}}", d.resource)
                                  : fmt::format("{{\"resource\": {}, \"amount\": {}}}", d.resource, d.amount));
  }
  return "[" + Join(items, ", ") + "]";
}

// The fields of one mode: duration, then "machine" for a single demand of 1, else "demands".
void AppendModeFields(const Mode& mode, std::vector<std::string>& fields) {
  fields.push_back(fmt::format("\"duration\": {}", mode.duration));
  if (mode.demands.size() == 1 && mode.demands[0].amount == 1) {
    fields.push_back(fmt::format("\"machine\": {}", mode.demands[0].resource));
  } else if (!mode.demands.empty()) {
    fields.push_back("\"demands\": " + DemandsText(mode.demands));
  }
}

std::string ObjectiveText(const Objective& objective) {
  if (objective.terms.size() == 1 && objective.terms[0].weight == 1) {
    return fmt::format("\"{}\"", ToString(objective.terms[0].kind));
  }
  std::vector<std::string> terms;
  for (const ObjectiveTerm& t : objective.terms) {
    terms.push_back(fmt::format("{{\"kind\": \"{}\", \"weight\": {}}}", ToString(t.kind), t.weight));
  }
  return "[" + Join(terms, ", ") + "]";
}

// Number of leading precedences that are exactly the job chains in ChainJobs() order, or 0
// when the list does not start with them (or there are none).
std::size_t ChainPrefix(const Instance& in) {
  std::size_t k = 0;
  for (const Job& job : in.jobs) {
    for (std::size_t i = 1; i < job.operations.size(); ++i, ++k) {
      if (k >= in.precedences.size()) return 0;
      const Precedence& p = in.precedences[k];
      if (p.from != job.operations[i - 1] || p.to != job.operations[i] || p.lag != 0 || p.type != PrecedenceType::EndToStart) {
        return 0;
      }
    }
  }
  return k;
}

}  // namespace

Instance ReadJsonInstance(std::string_view text, const std::string& source) {
  const JsonValue root = ParseJson(text, source);
  return Reader(source).Read(root);
}

}  // namespace ordo::io

namespace ordo {

std::string WriteInstanceJson(const Instance& in) {
  using io::Block;
  using io::Inline;
  std::vector<std::string> top;
  top.push_back("\"format\": \"ordo-instance\"");
  top.push_back("\"version\": 1");
  if (!in.name.empty()) top.push_back("\"name\": " + io::Quote(in.name));
  top.push_back("\"objective\": " + io::ObjectiveText(in.objective));
  if (in.blocking) top.push_back("\"blocking\": true");
  if (!in.allow_swaps) top.push_back("\"allow_swaps\": false");

  if (!in.resources.empty()) {
    std::vector<std::string> items;
    for (std::size_t r = 0; r < in.resources.size(); ++r) {
      const Resource& res = in.resources[r];
      std::vector<std::string> fields;
      if (res.name != io::DefaultResourceName(r)) fields.push_back("\"name\": " + io::Quote(res.name));
      if (res.kind == ResourceKind::Renewable) fields.push_back("\"kind\": \"renewable\"");
      if (res.capacity != 1) fields.push_back(fmt::format("\"capacity\": {}", res.capacity));
      if (!res.calendar.empty()) {
        std::vector<std::string> periods;
        for (const CapacityPeriod& p : res.calendar) {
          periods.push_back(fmt::format("{{\"start\": {}, \"end\": {}, \"capacity\": {}}}", p.start, p.end, p.capacity));
        }
        fields.push_back("\"calendar\": [" + io::Join(periods, ", ") + "]");
      }
      items.push_back(Inline(fields));
    }
    top.push_back(Block("resources", items));
  }

  // Jobs: only fields that differ from the defaults; the whole list is omitted when every job
  // is default and the list can be derived from the operations' "job" ids.
  {
    int largest = -1;
    for (const Operation& op : in.operations) largest = std::max(largest, op.job);
    const std::vector<std::vector<int>> derived = io::DerivedJobLists(in, in.jobs.size());
    std::vector<std::string> items;
    bool all_default = true;
    for (std::size_t j = 0; j < in.jobs.size(); ++j) {
      const Job& job = in.jobs[j];
      std::vector<std::string> fields;
      if (job.name != io::DefaultJobName(j)) fields.push_back("\"name\": " + io::Quote(job.name));
      if (job.release != 0) fields.push_back(fmt::format("\"release\": {}", job.release));
      if (job.due != 0) fields.push_back(fmt::format("\"due\": {}", job.due));
      if (job.deadline != kNoDeadline) fields.push_back(fmt::format("\"deadline\": {}", job.deadline));
      if (job.weight != 1) fields.push_back(fmt::format("\"weight\": {}", job.weight));
      if (job.operations != derived[j]) {
        std::vector<std::string> ids;
        for (int o : job.operations) ids.push_back(std::to_string(o));
        fields.push_back("\"operations\": [" + io::Join(ids, ", ") + "]");
      }
      all_default = all_default && fields.empty();
      items.push_back(Inline(fields));
    }
    const bool derivable = in.jobs.size() == static_cast<std::size_t>(largest + 1) &&
                           (largest < 0 || static_cast<std::size_t>(largest) < in.operations.size());
    if (!(all_default && derivable)) top.push_back(Block("jobs", items));
  }

  {
    const std::vector<std::string> default_names = io::DefaultOperationNames(in);
    std::vector<std::string> items;
    for (std::size_t o = 0; o < in.operations.size(); ++o) {
      const Operation& op = in.operations[o];
      std::vector<std::string> fields;
      fields.push_back(fmt::format("\"job\": {}", op.job));
      if (op.name != default_names[o]) fields.push_back("\"name\": " + io::Quote(op.name));
      if (op.release != 0) fields.push_back(fmt::format("\"release\": {}", op.release));
      if (op.deadline != kNoDeadline) fields.push_back(fmt::format("\"deadline\": {}", op.deadline));
      if (op.resumable) fields.push_back("\"resumable\": true");
      if (op.modes.size() == 1) {
        io::AppendModeFields(op.modes[0], fields);
      } else {
        std::vector<std::string> modes;
        for (const Mode& mode : op.modes) {
          std::vector<std::string> mode_fields;
          io::AppendModeFields(mode, mode_fields);
          modes.push_back(Inline(mode_fields));
        }
        fields.push_back("\"modes\": [" + io::Join(modes, ", ") + "]");
      }
      items.push_back(Inline(fields));
    }
    top.push_back(Block("operations", items));
  }

  const std::size_t chained = io::ChainPrefix(in);
  if (chained > 0) top.push_back("\"job_chains\": true");
  if (in.precedences.size() > chained) {
    std::vector<std::string> items;
    for (std::size_t k = chained; k < in.precedences.size(); ++k) {
      const Precedence& p = in.precedences[k];
      std::vector<std::string> fields{fmt::format("\"from\": {}", p.from), fmt::format("\"to\": {}", p.to)};
      if (p.lag != 0) fields.push_back(fmt::format("\"lag\": {}", p.lag));
      if (p.type == PrecedenceType::StartToStart) fields.push_back("\"type\": \"start_to_start\"");
      items.push_back(Inline(fields));
    }
    top.push_back(Block("precedences", items));
  }
  if (!in.disjunctive.empty()) {
    std::vector<std::string> items;
    for (const DisjunctivePair& d : in.disjunctive) items.push_back(fmt::format("[{}, {}]", d.a, d.b));
    top.push_back(Block("disjunctive", items));
  }
  return "{\n  " + io::Join(top, ",\n  ") + "\n}\n";
}

}  // namespace ordo
