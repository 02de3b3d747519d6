// A small JSON document model that remembers the line of every value, so that readers of
// Ordo's native formats can report "file:line: what was expected" for semantic errors too
// (a missing field, a wrong type), which general JSON libraries do not support. Numbers
// keep their integer value when they are integers in int64 range; integers beyond it are
// BigInteger (so that readers can say "out of range" rather than "not an integer"). Strings
// must be valid UTF-8. Containers nested deeper than kMaxJsonDepth are refused (no stack
// overflow on hostile input); a key repeated in one object is refused.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ordo::io {

inline constexpr int kMaxJsonDepth = 64;

struct JsonMember;

struct JsonValue {
  enum class Type { Null, Bool, Integer, BigInteger, Float, String, Array, Object };
  Type type = Type::Null;
  int line = 1;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
  std::string text;
  std::vector<JsonValue> items;                            // Array
  std::vector<JsonMember> members;  // Object, in file order

  const JsonValue* Find(std::string_view key) const;
  const char* TypeName() const;
};

struct JsonMember {
  std::string key;
  int key_line = 1;
  JsonValue value;
};

// Parses text; throws ParseError("source:line: ...") on malformed JSON.
JsonValue ParseJson(std::string_view text, const std::string& source);

// Writes s as a JSON string literal (quotes and escapes included). Bytes that are not valid
// UTF-8 become U+FFFD, so the result is always valid JSON.
std::string JsonQuote(std::string_view s);

}  // namespace ordo::io
