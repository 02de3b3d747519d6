// Whitespace-token scanner over a text buffer that knows the line of every token, so that
// readers can say "file:line: expected <what>, found '<token>'". Readers throw ParseError
// from deep inside; the public read functions catch it and return Expected<>.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ordo::io {

class ParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Upper bounds that keep a malformed or hostile file from allocating without limit.
inline constexpr std::int64_t kMaxEntities = 10'000'000;  // jobs, operations, machines, ...

class Scanner {
 public:
  Scanner(std::string_view text, std::string source);

  // Skips blanks (and, if enabled, lines starting with '#') and returns the next token, or
  // an empty view at the end of the text.
  std::string_view Peek();
  std::string_view Next();
  bool AtEnd();

  // Reads an integer token within [lo, hi]; what names the field for the error message.
  std::int64_t Int(std::string_view what, std::int64_t lo = INT64_MIN, std::int64_t hi = INT64_MAX);
  // Reads a number that may have a fraction (the ignored FJSP flexibility header).
  double Number(std::string_view what);
  // Reads a token and fails unless it equals word.
  void Expect(std::string_view word);

  // Line helpers for line-structured formats.
  int line() const { return line_; }         // line of the last token read (1-based)
  int PeekLine();                            // line of the next token
  std::string_view RestOfLine();             // from the cursor to the end of the current line
  void SkipLine();                           // moves past the end of the current line
  bool SkipToLineContaining(std::string_view needle);  // positions at the start of that line

  void set_hash_comments(bool on) { hash_comments_ = on; }
  [[noreturn]] void Fail(const std::string& message, int line = -1) const;
  [[noreturn]] void FailAtToken(std::string_view what, std::string_view token) const;
  const std::string& source() const { return source_; }

 private:
  void SkipBlanks();

  std::string_view text_;
  std::string source_;
  std::size_t pos_ = 0;
  int line_ = 1;       // line of the last token returned
  int cur_line_ = 1;   // line at pos_
  bool hash_comments_ = false;
};

// Counts the tokens on each non-empty line (used by format detection).
struct LineShape {
  int line;
  int tokens;
};

}  // namespace ordo::io
