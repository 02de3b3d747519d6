// Ordo's native JSON instance format (docs/formats.md): every feature of the model, with
// shorthands for the common cases ("machine" for a one-machine mode, "duration" for a
// single mode, "job_chains" for shop routings, "objective": "makespan").
#include <string>

#include <fmt/format.h>

#include "io/format_readers.h"
#include "io/instance_reader.h"
#include "io/json_value.h"

namespace ordo::io {
namespace {

using Type = JsonValue::Type;

class Reader {
 public:
  explicit Reader(const std::string& source) : source_(source) {}

  [[noreturn]] void Fail(const JsonValue& at, const std::string& what) const {
    throw ParseError(fmt::format("{}:{}: {}", source_, at.line, what));
  }

  void ExpectType(const JsonValue& v, Type type, std::string_view what) const {
    if (v.type != type) {
      JsonValue probe;
      probe.type = type;
      Fail(v, fmt::format("expected {} for {}, found {}", probe.TypeName(), what, v.TypeName()));
    }
  }

  // Rejects keys outside allowed, naming the first unknown one.
  void OnlyKeys(const JsonValue& object, std::initializer_list<std::string_view> allowed, std::string_view what) const {
    for (const JsonMember& member : object.members) {
      const std::string& key = member.key;
      const JsonValue& value = member.value;
      bool known = false;
      for (std::string_view a : allowed) known = known || key == a;
      if (!known) {
        std::string list;
        for (std::string_view a : allowed) list += fmt::format("{}{}", list.empty() ? "" : ", ", a);
        Fail(value, fmt::format("unknown key \"{}\" in {} (expected one of: {})", key, what, list));
      }
    }
  }

  std::int64_t Int(const JsonValue& v, std::string_view what, std::int64_t lo = INT64_MIN, std::int64_t hi = INT64_MAX) const {
    if (v.type != Type::Integer) Fail(v, fmt::format("expected an integer for {}, found {}", what, v.TypeName()));
    if (v.integer < lo || v.integer > hi) Fail(v, fmt::format("{} is {}, expected a value in [{}, {}]", what, v.integer, lo, hi));
    return v.integer;
  }

  std::int64_t IntOr(const JsonValue& object, std::string_view key, std::int64_t fallback, std::string_view what,
                     std::int64_t lo = INT64_MIN, std::int64_t hi = INT64_MAX) const {
    const JsonValue* v = object.Find(key);
    return v ? Int(*v, what, lo, hi) : fallback;
  }

  Time DeadlineOr(const JsonValue& object, std::string_view what) const {
    const JsonValue* v = object.Find("deadline");
    if (v == nullptr || v->type == Type::Null) return kNoDeadline;
    return Int(*v, what);
  }

  std::string StringOr(const JsonValue& object, std::string_view key, std::string fallback, std::string_view what) const {
    const JsonValue* v = object.Find(key);
    if (v == nullptr) return fallback;
    ExpectType(*v, Type::String, what);
    return v->text;
  }

  bool BoolOr(const JsonValue& object, std::string_view key, bool fallback) const {
    const JsonValue* v = object.Find(key);
    if (v == nullptr) return fallback;
    ExpectType(*v, Type::Bool, fmt::format("\"{}\"", key));
    return v->boolean;
  }

  const JsonValue* Array(const JsonValue& object, std::string_view key) const {
    const JsonValue* v = object.Find(key);
    if (v != nullptr) ExpectType(*v, Type::Array, fmt::format("\"{}\"", key));
    return v;
  }

  int Index(const JsonValue& v, std::string_view what) const {
    return static_cast<int>(Int(v, what, -1, kMaxEntities));
  }

  std::vector<Demand> Demands(const JsonValue& list, std::string_view what) const {
    ExpectType(list, Type::Array, what);
    std::vector<Demand> demands;
    for (const JsonValue& d : list.items) {
      ExpectType(d, Type::Object, "a demand");
      OnlyKeys(d, {"resource", "amount"}, "a demand");
      const JsonValue* r = d.Find("resource");
      if (r == nullptr) Fail(d, "expected \"resource\" in a demand");
      demands.push_back(Demand{Index(*r, "a resource id"), IntOr(d, "amount", 1, "a demand amount")});
    }
    return demands;
  }

  Operation ReadOperation(const JsonValue& v, std::size_t index) const {
    const std::string what = fmt::format("operation {}", index);
    ExpectType(v, Type::Object, what);
    OnlyKeys(v, {"job", "name", "release", "deadline", "modes", "duration", "machine", "demands"}, what);
    Operation op;
    const JsonValue* job = v.Find("job");
    if (job == nullptr) Fail(v, fmt::format("expected \"job\" in {}", what));
    op.job = Index(*job, "a job id");
    op.name = StringOr(v, "name", "", "a name");
    op.release = IntOr(v, "release", 0, "a release date");
    op.deadline = DeadlineOr(v, "a deadline");
    const JsonValue* modes = v.Find("modes");
    const JsonValue* duration = v.Find("duration");
    if ((modes == nullptr) == (duration == nullptr)) Fail(v, fmt::format("expected exactly one of \"modes\" or \"duration\" in {}", what));
    if (modes != nullptr) {
      if (v.Find("machine") || v.Find("demands")) Fail(v, "\"machine\" and \"demands\" go inside each mode when \"modes\" is given");
      ExpectType(*modes, Type::Array, "\"modes\"");
      for (const JsonValue& m : modes->items) {
        ExpectType(m, Type::Object, "a mode");
        OnlyKeys(m, {"duration", "demands", "machine"}, "a mode");
        op.modes.push_back(ReadMode(m));
      }
    } else {
      op.modes.push_back(ReadMode(v));
    }
    return op;
  }

  Mode ReadMode(const JsonValue& v) const {
    Mode mode;
    const JsonValue* duration = v.Find("duration");
    if (duration == nullptr) Fail(v, "expected \"duration\" in a mode");
    mode.duration = Int(*duration, "a duration");
    const JsonValue* machine = v.Find("machine");
    const JsonValue* demands = v.Find("demands");
    if (machine && demands) Fail(v, "expected either \"machine\" or \"demands\", not both");
    if (machine) mode.demands.push_back(Demand{Index(*machine, "a machine id"), 1});
    if (demands) mode.demands = Demands(*demands, "\"demands\"");
    return mode;
  }

  Instance Read(const JsonValue& root) const {
    ExpectType(root, Type::Object, "the instance");
    OnlyKeys(root, {"format", "version", "name", "objective", "blocking", "allow_swaps", "resources", "jobs", "operations",
                    "job_chains", "precedences", "disjunctive"},
             "the instance");
    if (const JsonValue* f = root.Find("format"); f && (f->type != Type::String || f->text != "ordo-instance")) {
      Fail(*f, "expected \"format\": \"ordo-instance\"");
    }
    if (const JsonValue* v = root.Find("version"); v && Int(*v, "the version") != 1) Fail(*v, "expected version 1");
    Instance in;
    in.name = StringOr(root, "name", "", "the name");
    in.blocking = BoolOr(root, "blocking", false);
    in.allow_swaps = BoolOr(root, "allow_swaps", true);
    ReadObjective(root, in);
    if (const JsonValue* list = Array(root, "resources")) {
      for (const JsonValue& r : list->items) {
        ExpectType(r, Type::Object, "a resource");
        OnlyKeys(r, {"name", "kind", "capacity", "calendar"}, "a resource");
        Resource res;
        res.name = StringOr(r, "name", fmt::format("R{}", in.resources.size()), "a resource name");
        const std::string kind = StringOr(r, "kind", "machine", "a resource kind");
        if (kind != "machine" && kind != "renewable") Fail(*r.Find("kind"), "expected \"machine\" or \"renewable\"");
        res.kind = kind == "machine" ? ResourceKind::Machine : ResourceKind::Renewable;
        res.capacity = IntOr(r, "capacity", 1, "a capacity");
        if (const JsonValue* cal = Array(r, "calendar")) {
          for (const JsonValue& p : cal->items) {
            ExpectType(p, Type::Object, "a calendar period");
            OnlyKeys(p, {"start", "end", "capacity"}, "a calendar period");
            if (!p.Find("start") || !p.Find("end") || !p.Find("capacity")) Fail(p, "expected \"start\", \"end\" and \"capacity\"");
            res.calendar.push_back({Int(*p.Find("start"), "a start"), Int(*p.Find("end"), "an end"), Int(*p.Find("capacity"), "a capacity")});
          }
        }
        in.resources.push_back(std::move(res));
      }
    }
    const JsonValue* ops = Array(root, "operations");
    if (ops == nullptr) Fail(root, "expected \"operations\"");
    for (std::size_t o = 0; o < ops->items.size(); ++o) in.operations.push_back(ReadOperation(ops->items[o], o));
    ReadJobs(root, in);
    if (BoolOr(root, "job_chains", false)) ChainJobs(in);
    if (const JsonValue* list = Array(root, "precedences")) {
      for (const JsonValue& p : list->items) {
        ExpectType(p, Type::Object, "a precedence");
        OnlyKeys(p, {"from", "to", "lag", "type"}, "a precedence");
        if (!p.Find("from") || !p.Find("to")) Fail(p, "expected \"from\" and \"to\" in a precedence");
        Precedence prec{Index(*p.Find("from"), "an operation id"), Index(*p.Find("to"), "an operation id"),
                        IntOr(p, "lag", 0, "a lag"), PrecedenceType::EndToStart};
        const std::string type = StringOr(p, "type", "end_to_start", "a precedence type");
        if (type == "start_to_start") prec.type = PrecedenceType::StartToStart;
        else if (type != "end_to_start") Fail(*p.Find("type"), "expected \"end_to_start\" or \"start_to_start\"");
        in.precedences.push_back(prec);
      }
    }
    if (const JsonValue* list = Array(root, "disjunctive")) {
      for (const JsonValue& d : list->items) {
        if (d.type != Type::Array || d.items.size() != 2) Fail(d, "expected a pair [a, b] of operation ids");
        in.disjunctive.push_back({Index(d.items[0], "an operation id"), Index(d.items[1], "an operation id")});
      }
    }
    return in;
  }

  void ReadObjective(const JsonValue& root, Instance& in) const {
    const JsonValue* obj = root.Find("objective");
    if (obj == nullptr) return;
    auto kind = [&](const JsonValue& v) {
      ExpectType(v, Type::String, "an objective kind");
      ObjectiveKind k;
      if (!ParseObjectiveKind(v.text, &k)) {
        Fail(v, fmt::format("unknown objective \"{}\" (expected makespan, total_weighted_tardiness, "
                            "total_weighted_completion or max_lateness)", v.text));
      }
      return k;
    };
    if (obj->type == Type::String) {
      in.objective.terms = {ObjectiveTerm{kind(*obj), 1}};
      return;
    }
    ExpectType(*obj, Type::Array, "\"objective\"");
    in.objective.terms.clear();
    for (const JsonValue& t : obj->items) {
      ExpectType(t, Type::Object, "an objective term");
      OnlyKeys(t, {"kind", "weight"}, "an objective term");
      if (!t.Find("kind")) Fail(t, "expected \"kind\" in an objective term");
      in.objective.terms.push_back(ObjectiveTerm{kind(*t.Find("kind")), IntOr(t, "weight", 1, "a weight")});
    }
  }

  void ReadJobs(const JsonValue& root, Instance& in) const {
    const JsonValue* list = Array(root, "jobs");
    int max_job = -1;
    for (const Operation& op : in.operations) max_job = std::max(max_job, op.job);
    const std::size_t count = list ? list->items.size() : static_cast<std::size_t>(max_job + 1);
    in.jobs.resize(count);
    std::vector<bool> explicit_list(count, false);
    for (std::size_t j = 0; j < count; ++j) {
      Job& job = in.jobs[j];
      job.name = fmt::format("J{}", j);
      if (!list) continue;
      const JsonValue& v = list->items[j];
      ExpectType(v, Type::Object, "a job");
      OnlyKeys(v, {"name", "release", "due", "deadline", "weight", "operations"}, "a job");
      job.name = StringOr(v, "name", job.name, "a job name");
      job.release = IntOr(v, "release", 0, "a release date");
      job.due = IntOr(v, "due", 0, "a due date");
      job.deadline = DeadlineOr(v, "a deadline");
      job.weight = IntOr(v, "weight", 1, "a weight");
      if (const JsonValue* ops = Array(v, "operations")) {
        explicit_list[j] = true;
        for (const JsonValue& o : ops->items) job.operations.push_back(Index(o, "an operation id"));
      }
    }
    for (std::size_t o = 0; o < in.operations.size(); ++o) {
      const int j = in.operations[o].job;
      if (j >= 0 && static_cast<std::size_t>(j) < count && !explicit_list[j]) in.jobs[j].operations.push_back(static_cast<int>(o));
    }
  }

 private:
  const std::string& source_;
};

// True when the first precedences are exactly the job chains in ChainJobs order.
std::size_t ChainPrefix(const Instance& in) {
  std::size_t k = 0;
  for (const Job& job : in.jobs) {
    for (std::size_t i = 1; i < job.operations.size(); ++i, ++k) {
      if (k >= in.precedences.size()) return 0;
      const Precedence& p = in.precedences[k];
      if (p.from != job.operations[i - 1] || p.to != job.operations[i] || p.lag != 0 || p.type != PrecedenceType::EndToStart) return 0;
    }
  }
  return k;
}

std::string DeadlineText(Time t) { return t == kNoDeadline ? "null" : std::to_string(t); }

std::string ModeText(const Mode& m) {
  if (m.demands.size() == 1 && m.demands[0].amount == 1) return fmt::format("\"duration\": {}, \"machine\": {}", m.duration, m.demands[0].resource);
  std::string d;
  for (const Demand& x : m.demands) d += fmt::format("{}{{\"resource\": {}, \"amount\": {}}}", d.empty() ? "" : ", ", x.resource, x.amount);
  return fmt::format("\"duration\": {}, \"demands\": [{}]", m.duration, d);
}

}  // namespace

Instance ReadJsonInstance(std::string_view text, const std::string& source) {
  const JsonValue root = ParseJson(text, source);
  return Reader(source).Read(root);
}

}  // namespace ordo::io

namespace ordo {

std::string WriteInstanceJson(const Instance& in) {
  using io::JsonQuote;
  std::string out = "{\n  \"format\": \"ordo-instance\",\n  \"version\": 1,\n";
  out += fmt::format("  \"name\": {},\n", JsonQuote(in.name));
  const auto& terms = in.objective.terms;
  if (terms.size() == 1 && terms[0].weight == 1) {
    out += fmt::format("  \"objective\": \"{}\",\n", ToString(terms[0].kind));
  } else {
    std::string t;
    for (const ObjectiveTerm& term : terms) t += fmt::format("{}{{\"kind\": \"{}\", \"weight\": {}}}", t.empty() ? "" : ", ", ToString(term.kind), term.weight);
    out += fmt::format("  \"objective\": [{}],\n", t);
  }
  if (in.blocking) out += "  \"blocking\": true,\n";
  if (!in.allow_swaps) out += "  \"allow_swaps\": false,\n";
  out += "  \"resources\": [";
  for (std::size_t r = 0; r < in.resources.size(); ++r) {
    const Resource& res = in.resources[r];
    std::string cal;
    for (const CapacityPeriod& p : res.calendar) cal += fmt::format("{}{{\"start\": {}, \"end\": {}, \"capacity\": {}}}", cal.empty() ? "" : ", ", p.start, p.end, p.capacity);
    out += fmt::format("{}\n    {{\"name\": {}, \"kind\": \"{}\", \"capacity\": {}{}}}", r ? "," : "", JsonQuote(res.name),
                       res.kind == ResourceKind::Machine ? "machine" : "renewable", res.capacity,
                       cal.empty() ? "" : fmt::format(", \"calendar\": [{}]", cal));
  }
  out += "\n  ],\n  \"jobs\": [";
  for (std::size_t j = 0; j < in.jobs.size(); ++j) {
    const Job& job = in.jobs[j];
    std::string ops;
    for (int o : job.operations) ops += fmt::format("{}{}", ops.empty() ? "" : ", ", o);
    out += fmt::format("{}\n    {{\"name\": {}, \"release\": {}, \"due\": {}, \"deadline\": {}, \"weight\": {}, \"operations\": [{}]}}",
                       j ? "," : "", JsonQuote(job.name), job.release, job.due, io::DeadlineText(job.deadline), job.weight, ops);
  }
  out += "\n  ],\n  \"operations\": [";
  for (std::size_t o = 0; o < in.operations.size(); ++o) {
    const Operation& op = in.operations[o];
    std::string extra;
    if (!op.name.empty()) extra += fmt::format(", \"name\": {}", JsonQuote(op.name));
    if (op.release != 0) extra += fmt::format(", \"release\": {}", op.release);
    if (op.deadline != kNoDeadline) extra += fmt::format(", \"deadline\": {}", op.deadline);
    std::string modes;
    if (op.modes.size() == 1) {
      modes = ", " + io::ModeText(op.modes[0]);
    } else {
      for (const Mode& m : op.modes) modes += fmt::format("{}{{{}}}", modes.empty() ? "" : ", ", io::ModeText(m));
      modes = fmt::format(", \"modes\": [{}]", modes);
    }
    out += fmt::format("{}\n    {{\"job\": {}{}{}}}", o ? "," : "", op.job, extra, modes);
  }
  out += "\n  ],\n";
  const std::size_t chained = io::ChainPrefix(in);
  if (chained > 0) out += "  \"job_chains\": true,\n";
  out += "  \"precedences\": [";
  for (std::size_t k = chained; k < in.precedences.size(); ++k) {
    const Precedence& p = in.precedences[k];
    out += fmt::format("{}\n    {{\"from\": {}, \"to\": {}, \"lag\": {}, \"type\": \"{}\"}}", k > chained ? "," : "", p.from, p.to,
                       p.lag, p.type == PrecedenceType::EndToStart ? "end_to_start" : "start_to_start");
  }
  out += "\n  ],\n  \"disjunctive\": [";
  for (std::size_t k = 0; k < in.disjunctive.size(); ++k) out += fmt::format("{}[{}, {}]", k ? ", " : "", in.disjunctive[k].a, in.disjunctive[k].b);
  out += "]\n}\n";
  return out;
}

}  // namespace ordo
