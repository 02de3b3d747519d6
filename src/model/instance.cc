#include "model/instance.h"

namespace ordo {

namespace {
struct KindName {
  ObjectiveKind kind;
  const char* name;
};
constexpr KindName kKindNames[] = {
    {ObjectiveKind::Makespan, "makespan"},
    {ObjectiveKind::TotalWeightedTardiness, "total_weighted_tardiness"},
    {ObjectiveKind::TotalWeightedCompletion, "total_weighted_completion"},
    {ObjectiveKind::MaxLateness, "max_lateness"},
};
}  // namespace

const char* ToString(ObjectiveKind kind) {
  for (const KindName& k : kKindNames) {
    if (k.kind == kind) return k.name;
  }
  return "unknown";
}

bool ParseObjectiveKind(const std::string& text, ObjectiveKind* kind) {
  for (const KindName& k : kKindNames) {
    if (text == k.name) {
      *kind = k.kind;
      return true;
    }
  }
  return false;
}

}  // namespace ordo
