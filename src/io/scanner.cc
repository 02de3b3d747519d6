#include "io/scanner.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

namespace ordo::io {

Scanner::Scanner(std::string_view text, std::string source) : text_(text), source_(std::move(source)) {}

void Scanner::SkipBlanks() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '\n') {
      ++cur_line_;
      ++pos_;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      ++pos_;
    } else if (c == '#' && hash_comments_) {
      while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
    } else {
      return;
    }
  }
}

std::string_view Scanner::Peek() {
  SkipBlanks();
  std::size_t end = pos_;
  while (end < text_.size() && !std::isspace(static_cast<unsigned char>(text_[end]))) ++end;
  return text_.substr(pos_, end - pos_);
}

std::string_view Scanner::Next() {
  const std::string_view token = Peek();
  line_ = cur_line_;
  pos_ += token.size();
  return token;
}

bool Scanner::AtEnd() {
  SkipBlanks();
  return pos_ >= text_.size();
}

int Scanner::PeekLine() {
  SkipBlanks();
  return cur_line_;
}

namespace {
std::string Shorten(std::string_view token) {
  std::string out;
  for (char c : token.substr(0, 40)) out += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  if (token.size() > 40) out += "...";
  return out;
}
}  // namespace

void Scanner::Fail(const std::string& message, int line) const {
  throw ParseError(fmt::format("{}:{}: {}", source_, line < 0 ? line_ : line, message));
}

void Scanner::FailAtToken(std::string_view what, std::string_view token) const {
  if (token.empty()) {
    throw ParseError(fmt::format("{}:{}: expected {}, found the end of the file", source_, cur_line_, what));
  }
  throw ParseError(fmt::format("{}:{}: expected {}, found '{}'", source_, line_, what, Shorten(token)));
}

std::int64_t Scanner::Int(std::string_view what, std::int64_t lo, std::int64_t hi) {
  const std::string_view token = Next();
  std::int64_t value = 0;
  const char* first = token.data();
  const char* last = token.data() + token.size();
  if (!token.empty() && *first == '+') ++first;
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (token.empty() || ec != std::errc() || ptr != last) FailAtToken(fmt::format("an integer ({})", what), token);
  if (value < lo || value > hi) {
    Fail(fmt::format("{} is {}, expected a value in [{}, {}]", what, value, lo, hi));
  }
  return value;
}

double Scanner::Number(std::string_view what) {
  const std::string_view token = Next();
  std::string copy(token);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (token.empty() || end != copy.c_str() + copy.size()) FailAtToken(fmt::format("a number ({})", what), token);
  return value;
}

void Scanner::Expect(std::string_view word) {
  const std::string_view token = Next();
  if (token != word) FailAtToken(fmt::format("'{}'", word), token);
}

std::string_view Scanner::RestOfLine() {
  std::size_t end = pos_;
  while (end < text_.size() && text_[end] != '\n') ++end;
  return text_.substr(pos_, end - pos_);
}

void Scanner::SkipLine() {
  while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
  if (pos_ < text_.size()) {
    ++pos_;
    ++cur_line_;
  }
}

bool Scanner::SkipToLineContaining(std::string_view needle) {
  while (pos_ < text_.size()) {
    if (RestOfLine().find(needle) != std::string_view::npos) return true;
    SkipLine();
  }
  return false;
}

}  // namespace ordo::io
