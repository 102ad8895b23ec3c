// SPDX-License-Identifier: Apache-2.0
// A small JSON value for plugins: parse, build, serialise. Header-only, no dependencies.
//
// Thread-safety: a Json is a value; distinct objects may be used from distinct threads, a shared
// one only for reading. Errors: parse() throws JsonError with the byte offset; the typed accessors
// throw JsonError naming the expected and actual type.
#pragma once

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace courthub {

class JsonError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Json {
 public:
  enum class Type { Null, Bool, Int, Double, String, Array, Object };
  using Array = std::vector<Json>;
  using Member = std::pair<std::string, Json>;
  // Keeps insertion order. Like a std::vector, adding a member may move the others, so a
  // reference into an object is only good until the next insertion: `j["b"] = j["a"]` (which
  // adds "b" while holding a reference to "a") is wrong; write `j.set("b", j["a"])`, which
  // copies first. (A vector because objects are built and copied on every request: a deque
  // costs two allocations per object.)
  using Object = std::vector<Member>;

  Json() = default;
  Json(std::nullptr_t) {}
  Json(bool b) : v_(b) {}
  Json(int i) : v_(static_cast<int64_t>(i)) {}
  Json(long i) : v_(static_cast<int64_t>(i)) {}
  Json(long long i) : v_(static_cast<int64_t>(i)) {}
  Json(unsigned i) : v_(static_cast<int64_t>(i)) {}
  Json(unsigned long i) : v_(static_cast<int64_t>(i)) {}
  Json(unsigned long long i) : v_(static_cast<int64_t>(i)) {}
  Json(double d) : v_(d) {}
  Json(const char* s) : v_(std::string(s)) {}
  Json(std::string s) : v_(std::move(s)) {}
  Json(std::string_view s) : v_(std::string(s)) {}
  Json(Array a) : v_(std::move(a)) {}
  Json(Object o) : v_(std::move(o)) {}

  static Json array(std::initializer_list<Json> items = {}) { return Json(Array(items)); }
  static Json object(std::initializer_list<Member> members = {}) {
    return Json(Object(members));
  }

  // Parses one JSON text (RFC 8259). Throws JsonError("... at offset N").
  static Json parse(std::string_view text);

  // Compact serialisation; non-ASCII UTF-8 is written as is.
  std::string dump() const {
    std::string out;
    write(out);
    return out;
  }

  Type type() const { return static_cast<Type>(v_.index()); }
  bool is_null() const { return type() == Type::Null; }
  bool is_bool() const { return type() == Type::Bool; }
  bool is_number() const { return type() == Type::Int || type() == Type::Double; }
  bool is_int() const { return type() == Type::Int; }
  bool is_string() const { return type() == Type::String; }
  bool is_array() const { return type() == Type::Array; }
  bool is_object() const { return type() == Type::Object; }

  bool as_bool() const { return get<bool>("a boolean"); }
  int64_t as_int() const {
    if (auto* d = std::get_if<double>(&v_)) {
      if (std::floor(*d) == *d && std::fabs(*d) < 9.2e18) return static_cast<int64_t>(*d);
    }
    return get<int64_t>("an integer");
  }
  double as_double() const {
    if (auto* i = std::get_if<int64_t>(&v_)) return static_cast<double>(*i);
    return get<double>("a number");
  }
  // On a temporary (`parse(text)["items"].as_array()`) these return by value, so a range-for
  // over the result does not dangle.
  const std::string& as_string() const& { return get<std::string>("a string"); }
  std::string as_string() && { return std::move(get<std::string>("a string")); }
  const Array& as_array() const& { return get<Array>("an array"); }
  Array& as_array() & { return get<Array>("an array"); }
  Array as_array() && { return std::move(get<Array>("an array")); }
  const Object& as_object() const& { return get<Object>("an object"); }
  Object& as_object() & { return get<Object>("an object"); }
  Object as_object() && { return std::move(get<Object>("an object")); }

  // Object access. find() returns nullptr when absent or when this is not an object. The
  // pointer lives as long as this value: on a temporary it would dangle, so that is refused
  // at compile time (keep the value in a variable first).
  const Json* find(std::string_view key) const&& = delete;
  const Json* find(std::string_view key) const& {
    auto* o = std::get_if<Object>(&v_);
    if (!o) return nullptr;
    for (auto& [k, v] : *o)
      if (k == key) return &v;
    return nullptr;
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }
  // Read access: a null value when absent.
  const Json& operator[](std::string_view key) const& {
    static const Json null_value;
    const Json* v = find(key);
    return v ? *v : null_value;
  }
  // On a temporary: the member by value (see as_array).
  Json operator[](std::string_view key) && {
    Json* v = const_cast<Json*>(find(key));
    return v ? std::move(*v) : Json();
  }
  // Write access: inserts a null member when absent; turns a null into an object.
  Json& operator[](std::string_view key) & {
    if (is_null()) v_ = Object{};
    auto& o = get<Object>("an object");
    for (auto& [k, v] : o)
      if (k == key) return v;
    o.emplace_back(std::string(key), Json());
    return o.back().second;
  }
  // Sets a member, inserting it when absent. `value` is taken by value, so it may come from this
  // same object: j.set("b", j["a"]).
  Json& set(std::string_view key, Json value) {
    Json& slot = (*this)[key];
    slot = std::move(value);
    return slot;
  }
  void erase(std::string_view key) {
    auto& o = get<Object>("an object");
    for (auto it = o.begin(); it != o.end(); ++it)
      if (it->first == key) {
        o.erase(it);
        return;
      }
  }

  // Typed lookups with defaults, for settings and request bodies.
  std::string get_string(std::string_view key, std::string fallback = {}) const {
    const Json* v = find(key);
    return v && v->is_string() ? v->as_string() : fallback;
  }
  int64_t get_int(std::string_view key, int64_t fallback = 0) const {
    const Json* v = find(key);
    return v && v->is_number() ? v->as_int() : fallback;
  }
  bool get_bool(std::string_view key, bool fallback = false) const {
    const Json* v = find(key);
    return v && v->is_bool() ? v->as_bool() : fallback;
  }

  // Array access.
  size_t size() const {
    if (auto* a = std::get_if<Array>(&v_)) return a->size();
    if (auto* o = std::get_if<Object>(&v_)) return o->size();
    return 0;
  }
  const Json& at(size_t i) const {
    auto& a = get<Array>("an array");
    if (i >= a.size()) throw JsonError("index " + std::to_string(i) + " is out of range");
    return a[i];
  }
  void push_back(Json item) {
    if (is_null()) v_ = Array{};
    get<Array>("an array").push_back(std::move(item));
  }

  friend bool operator==(const Json& a, const Json& b) { return a.v_ == b.v_; }

  static void write_string(std::string& out, std::string_view s) {
    out.reserve(out.size() + s.size() + 2);
    out += '"';
    size_t run = 0;  // start of the current run of characters that need no escaping
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
      }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
  }

 private:
  template <class T>
  const T& get(const char* expected) const {
    if (auto* p = std::get_if<T>(&v_)) return *p;
    throw JsonError(std::string("expected ") + expected + ", found " + type_name());
  }
  template <class T>
  T& get(const char* expected) {
    if (auto* p = std::get_if<T>(&v_)) return *p;
    throw JsonError(std::string("expected ") + expected + ", found " + type_name());
  }
  const char* type_name() const {
    static const char* names[] = {"null", "a boolean", "an integer", "a number",
                                  "a string", "an array", "an object"};
    return names[v_.index()];
  }

  void write(std::string& out) const {
    switch (type()) {
      case Type::Null: out += "null"; break;
      case Type::Bool: out += std::get<bool>(v_) ? "true" : "false"; break;
      case Type::Int: out += std::to_string(std::get<int64_t>(v_)); break;
      case Type::Double: {
        double d = std::get<double>(v_);
        if (!std::isfinite(d)) {
          out += "null";
          break;
        }
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", d);
        out += buf;
        break;
      }
      case Type::String: write_string(out, std::get<std::string>(v_)); break;
      case Type::Array: {
        out += '[';
        bool first = true;
        for (auto& item : std::get<Array>(v_)) {
          if (!first) out += ',';
          first = false;
          item.write(out);
        }
        out += ']';
        break;
      }
      case Type::Object: {
        out += '{';
        bool first = true;
        for (auto& [k, v] : std::get<Object>(v_)) {
          if (!first) out += ',';
          first = false;
          write_string(out, k);
          out += ':';
          v.write(out);
        }
        out += '}';
        break;
      }
    }
  }

  class Parser;
  std::variant<std::nullptr_t, bool, int64_t, double, std::string, Array, Object> v_;
};

class Json::Parser {
 public:
  explicit Parser(std::string_view t) : t_(t) {}

  Json document() {
    Json v = value(0);
    skip_ws();
    if (p_ != t_.size()) fail("unexpected text after the JSON value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw JsonError("invalid JSON: " + what + " at offset " + std::to_string(p_));
  }
  void skip_ws() {
    while (p_ < t_.size() && (t_[p_] == ' ' || t_[p_] == '\n' || t_[p_] == '\r' || t_[p_] == '\t'))
      ++p_;
  }
  bool eat(char c) {
    skip_ws();
    if (p_ < t_.size() && t_[p_] == c) {
      ++p_;
      return true;
    }
    return false;
  }
  void expect_word(std::string_view w) {
    if (t_.substr(p_, w.size()) != w) fail("unknown literal");
    p_ += w.size();
  }

  Json value(int depth) {
    if (depth > 256) fail("nesting deeper than 256");
    skip_ws();
    if (p_ >= t_.size()) fail("unexpected end of input");
    char c = t_[p_];
    if (c == '{') return object(depth);
    if (c == '[') return array(depth);
    if (c == '"') return Json(string());
    if (c == 't') return expect_word("true"), Json(true);
    if (c == 'f') return expect_word("false"), Json(false);
    if (c == 'n') return expect_word("null"), Json();
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    fail(std::string("unexpected character '") + c + "'");
  }

  Json object(int depth) {
    ++p_;
    Object o;
    if (eat('}')) return Json(std::move(o));
    do {
      skip_ws();
      if (p_ >= t_.size() || t_[p_] != '"') fail("expected a member name");
      std::string key = string();
      if (!eat(':')) fail("expected ':'");
      o.emplace_back(std::move(key), value(depth + 1));
    } while (eat(','));
    if (!eat('}')) fail("expected ',' or '}'");
    return Json(std::move(o));
  }

  Json array(int depth) {
    ++p_;
    Array a;
    if (eat(']')) return Json(std::move(a));
    do {
      a.push_back(value(depth + 1));
    } while (eat(','));
    if (!eat(']')) fail("expected ',' or ']'");
    return Json(std::move(a));
  }

  Json number() {
    size_t start = p_;
    bool integral = true;
    if (t_[p_] == '-') ++p_;
    if (p_ >= t_.size() || !isdigit(t_[p_])) fail("bad number");
    if (t_[p_] == '0') {
      ++p_;
    } else {
      while (p_ < t_.size() && isdigit(t_[p_])) ++p_;
    }
    if (p_ < t_.size() && t_[p_] == '.') {
      integral = false;
      ++p_;
      if (p_ >= t_.size() || !isdigit(t_[p_])) fail("bad number");
      while (p_ < t_.size() && isdigit(t_[p_])) ++p_;
    }
    if (p_ < t_.size() && (t_[p_] == 'e' || t_[p_] == 'E')) {
      integral = false;
      ++p_;
      if (p_ < t_.size() && (t_[p_] == '+' || t_[p_] == '-')) ++p_;
      if (p_ >= t_.size() || !isdigit(t_[p_])) fail("bad number");
      while (p_ < t_.size() && isdigit(t_[p_])) ++p_;
    }
    std::string text(t_.substr(start, p_ - start));
    if (integral) {
      errno = 0;
      char* end = nullptr;
      long long v = std::strtoll(text.c_str(), &end, 10);
      if (errno == 0) return Json(static_cast<int64_t>(v));
    }
    return Json(std::strtod(text.c_str(), nullptr));
  }

  static bool isdigit(char c) { return c >= '0' && c <= '9'; }

  unsigned hex4() {
    if (p_ + 4 > t_.size()) fail("short \\u escape");
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = t_[p_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else fail("bad \\u escape");
    }
    return v;
  }

  static void put_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  std::string string() {
    ++p_;  // opening quote
    std::string out;
    while (true) {
      // Copy the run up to the next quote, backslash or control character in one go.
      size_t run = p_;
      while (p_ < t_.size()) {
        unsigned char r = static_cast<unsigned char>(t_[p_]);
        if (r == '"' || r == '\\' || r < 0x20) break;
        ++p_;
      }
      out.append(t_.data() + run, p_ - run);
      if (p_ >= t_.size()) fail("unterminated string");
      unsigned char c = static_cast<unsigned char>(t_[p_++]);
      if (c == '"') return out;
      if (c < 0x20) fail("control character in string");
      if (p_ >= t_.size()) fail("unterminated escape");
      char e = t_[p_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (t_.substr(p_, 2) != "\\u") fail("lone high surrogate");
            p_ += 2;
            unsigned lo = hex4();
            if (lo < 0xDC00 || lo > 0xDFFF) fail("bad low surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            fail("lone low surrogate");
          }
          put_utf8(out, cp);
          break;
        }
        default: fail("unknown escape");
      }
    }
  }

  std::string_view t_;
  size_t p_ = 0;
};

inline Json Json::parse(std::string_view text) { return Parser(text).document(); }

}  // namespace courthub
