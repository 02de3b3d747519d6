// A recursive-descent JSON parser (RFC 8259) that records the line of every value and key.
// Recursion is bounded by kMaxJsonDepth containers; duplicate keys are found with a linear
// scan for small objects and a sorted index for large ones, so hostile input costs
// O(n log n) at most.
#include "io/json_value.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <set>

#include <fmt/format.h>

#include "io/scanner.h"

namespace ordo::io {

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (const JsonMember& m : members) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

const char* JsonValue::TypeName() const {
  switch (type) {
    case Type::Null: return "null";
    case Type::Bool: return "a boolean";
    case Type::Integer: return "an integer";
    case Type::BigInteger: return "an integer beyond 64 bits";
    case Type::Float: return "a number with a fraction";
    case Type::String: return "a string";
    case Type::Array: return "an array";
    case Type::Object: return "an object";
  }
  return "a value";
}

namespace {

// Length of the UTF-8 sequence that starts at s[0] (1 to 4), or 0 if it is not a valid,
// shortest-form sequence of a scalar value (no surrogates, at most U+10FFFF).
std::size_t Utf8Length(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const auto cont = [&](std::size_t i) { return i < s.size() && (b(i) & 0xC0) == 0x80; };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;  // overlong
    if (c == 0xF4 && b(1) >= 0x90) return 0;  // beyond U+10FFFF
    return 4;
  }
  return 0;
}

class Parser {
 public:
  Parser(std::string_view text, const std::string& source) : text_(text), source_(source) {}

  JsonValue Document() {
    JsonValue v = Value(0);
    SkipSpace();
    if (pos_ < text_.size()) Fail(fmt::format("expected the end of the JSON document, found {}", Found()));
    return v;
  }

 private:
  // At the end of the text the error is placed on the last line that holds something, not
  // on trailing blank lines.
  [[noreturn]] void Fail(const std::string& what) const {
    int line = line_;
    if (pos_ >= text_.size()) {
      const std::size_t last = text_.find_last_not_of(" \t\r\n");
      line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(last == std::string_view::npos ? 0 : last), '\n'));
    }
    throw ParseError(fmt::format("{}:{}: {}", source_, line, what));
  }

  void SkipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '\n') ++line_;
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return;
      ++pos_;
    }
  }

  bool Consume(char c) {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::string Found() const {
    if (pos_ >= text_.size()) return "the end of the text";
    const char c = text_[pos_];
    return std::isprint(static_cast<unsigned char>(c)) ? fmt::format("'{}'", c) : fmt::format("byte 0x{:02x}", static_cast<unsigned char>(c));
  }

  // depth = number of containers around this value.
  JsonValue Value(int depth) {
    SkipSpace();
    JsonValue v;
    v.line = line_;
    if (pos_ >= text_.size()) Fail("expected a JSON value, found the end of the text");
    const char c = text_[pos_];
    if ((c == '{' || c == '[') && depth >= kMaxJsonDepth) {
      Fail(fmt::format("nesting deeper than {} levels of arrays and objects", kMaxJsonDepth));
    }
    if (c == '{') {
      ++pos_;
      v.type = JsonValue::Type::Object;
      if (Consume('}')) return v;
      std::set<std::string> index;  // filled once the object is large
      do {
        SkipSpace();
        if (pos_ >= text_.size() || text_[pos_] != '"') Fail(fmt::format("expected a quoted key, found {}", Found()));
        const int key_line = line_;
        std::string key = String();
        CheckNewKey(v.members, index, key);
        if (!Consume(':')) Fail(fmt::format("expected ':' after the key \"{}\", found {}", Printable(key), Found()));
        v.members.push_back(JsonMember{std::move(key), key_line, Value(depth + 1)});
      } while (Consume(','));
      if (!Consume('}')) Fail(fmt::format("expected ',' or '}}', found {}", Found()));
    } else if (c == '[') {
      ++pos_;
      v.type = JsonValue::Type::Array;
      if (Consume(']')) return v;
      do {
        v.items.push_back(Value(depth + 1));
      } while (Consume(','));
      if (!Consume(']')) Fail(fmt::format("expected ',' or ']', found {}", Found()));
    } else if (c == '"') {
      v.type = JsonValue::Type::String;
      v.text = String();
    } else if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
      Number(v);
    } else if (Word("true")) {
      v.type = JsonValue::Type::Bool;
      v.boolean = true;
    } else if (Word("false")) {
      v.type = JsonValue::Type::Bool;
    } else if (Word("null")) {
      v.type = JsonValue::Type::Null;
    } else {
      Fail(fmt::format("expected a JSON value, found {}", Found()));
    }
    return v;
  }

  static std::string Printable(std::string_view key) {
    constexpr std::size_t kLimit = 60;
    return key.size() <= kLimit ? std::string(key) : std::string(key.substr(0, kLimit)) + "...";
  }

  void CheckNewKey(const std::vector<JsonMember>& members, std::set<std::string>& index, const std::string& key) const {
    constexpr std::size_t kLinearScan = 16;
    bool repeated = false;
    if (members.size() < kLinearScan) {
      repeated = std::any_of(members.begin(), members.end(), [&](const JsonMember& m) { return m.key == key; });
    } else {
      if (index.empty()) {
        for (const JsonMember& m : members) index.insert(m.key);
      }
      repeated = !index.insert(key).second;
    }
    if (repeated) Fail(fmt::format("key \"{}\" appears twice in one object", Printable(key)));
  }

  bool Word(std::string_view w) {
    if (text_.substr(pos_, w.size()) != w) return false;
    pos_ += w.size();
    return true;
  }

  void Number(JsonValue& v) {
    const std::size_t begin = pos_;
    if (text_[pos_] == '-') ++pos_;
    const std::size_t digits = pos_;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    if (pos_ == digits) Fail("expected digits in a number");
    if (text_[digits] == '0' && pos_ - digits > 1) Fail("expected no leading zeros in a number");
    bool fraction = false;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      fraction = true;
      ++pos_;
      const std::size_t f = pos_;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      if (pos_ == f) Fail("expected digits after the decimal point");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      fraction = true;
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      const std::size_t e = pos_;
      while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      if (pos_ == e) Fail("expected digits in the exponent");
    }
    const std::string_view token = text_.substr(begin, pos_ - begin);
    if (!fraction) {
      const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), v.integer);
      if (ec == std::errc() && ptr == token.data() + token.size()) {
        v.type = JsonValue::Type::Integer;
        v.number = static_cast<double>(v.integer);
        return;
      }
      v.type = JsonValue::Type::BigInteger;
    } else {
      v.type = JsonValue::Type::Float;
    }
    v.number = std::strtod(std::string(token).c_str(), nullptr);
  }

  static void AppendUtf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  unsigned Hex4() {
    if (pos_ + 4 > text_.size()) Fail("expected four hex digits after \\u");
    unsigned code = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = text_[pos_++];
      code <<= 4;
      if (h >= '0' && h <= '9') code |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') code |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') code |= static_cast<unsigned>(h - 'A' + 10);
      else Fail("expected four hex digits after \\u");
    }
    return code;
  }

  // A \u escape: a scalar value, or a surrogate pair; a lone surrogate is an error (it has no
  // UTF-8 form).
  unsigned Escape() {
    unsigned code = Hex4();
    if (code >= 0xDC00 && code < 0xE000) Fail("expected a high surrogate before a low surrogate in a \\u escape");
    if (code >= 0xD800 && code < 0xDC00) {
      if (text_.substr(pos_, 2) != "\\u") Fail("expected a low surrogate after a high surrogate in a \\u escape");
      pos_ += 2;
      const unsigned low = Hex4();
      if (low < 0xDC00 || low >= 0xE000) Fail("expected a low surrogate after a high surrogate in a \\u escape");
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    return code;
  }

  std::string String() {
    ++pos_;  // opening quote
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) Fail("expected a closing '\"', found the end of the text");
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c == '\n') Fail("expected a closing '\"' before the end of the line");
      if (static_cast<unsigned char>(c) < 0x20) Fail("expected no control characters inside a string");
      if (c != '\\') {
        const std::size_t length = Utf8Length(text_.substr(pos_));
        if (length == 0) Fail(fmt::format("expected UTF-8 text inside a string, found {}", Found()));
        out.append(text_.substr(pos_, length));
        pos_ += length;
        continue;
      }
      ++pos_;
      if (pos_ >= text_.size()) Fail("expected an escape after '\\'");
      const char e = text_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': AppendUtf8(out, Escape()); break;
        default: Fail(fmt::format("expected a valid escape, found '\\{}'", e));
      }
    }
  }

  std::string_view text_;
  const std::string& source_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

JsonValue ParseJson(std::string_view text, const std::string& source) { return Parser(text, source).Document(); }

std::string JsonQuote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
        } else if (const std::size_t length = Utf8Length(s.substr(i)); length == 0) {
          out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        } else {
          out.append(s.substr(i, length));
          i += length;
          continue;
        }
    }
    ++i;
  }
  return out + "\"";
}

}  // namespace ordo::io
