// SPDX-License-Identifier: Apache-2.0
// The configuration schema: walks the YAML, types and checks each key, and collects every issue.
#include "host/config/config_loader.hpp"

#include "host/config/bundled_paths.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <string_view>
#include <system_error>

#include "host/config/yaml_json.hpp"
#include "host/time/work_calendar.hpp"
#include "host/version.hpp"

namespace courthub::config {

namespace {

namespace fs = std::filesystem;

constexpr int64_t kNoUpperBound = std::numeric_limits<int64_t>::max();

const char* kind_of(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Null:
      return "nothing";
    default:
      return "a scalar";
  }
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// A value the reader may see, quoted and shortened; only ever called for non-secrets.
std::string shown(std::string_view text) {
  constexpr size_t kMax = 60;
  if (text.size() <= kMax) return "'" + std::string(text) + "'";
  return "'" + std::string(text.substr(0, kMax)) + "...'";
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The allowed key a typo most likely meant, or "" when none is close enough to be a good guess.
// A shortened key ("ttl" for "ttl_seconds") is far by edit distance but an obvious intent.
std::string closest_key(std::string_view key, const std::vector<std::string>& allowed) {
  size_t limit = std::max<size_t>(2, key.size() / 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : allowed) {
    size_t d = edit_distance(key, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  if (!best.empty() || key.size() < 3) return best;
  for (const std::string& candidate : allowed)
    if (candidate.rfind(key, 0) == 0) return candidate;
  return best;
}

bool matches_name(std::string_view s, std::string_view extra_chars) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              extra_chars.find(c) != std::string_view::npos;
    if (!ok) return false;
  }
  return true;
}

bool is_url(std::string_view s) {
  auto has_host_after = [&](std::string_view scheme) {
    return s.substr(0, scheme.size()) == scheme && s.size() > scheme.size();
  };
  return has_host_after("http://") || has_host_after("https://");
}

bool all_of_chars(std::string_view s, bool (*allowed)(char)) {
  return std::all_of(s.begin(), s.end(), allowed);
}

bool is_alnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool is_route_char(char c) {
  return is_alnum(c) || c == '_' || c == '-';
}
bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string upper_snake(std::string_view s) {
  std::string out;
  for (char c : s) {
    char u = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (!is_alnum(u)) u = '_';
    if (u == '_' && (out.empty() || out.back() == '_')) continue;
    out += u;
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

// A mapping key with the YAML node it names.
struct Entry {
  std::string key;
  Location key_where;
  YAML::Node value;
};

// One mapping of the schema, with only its allowed keys left in `entries`.
struct Mapping {
  Mapping(std::string path, Location where) : path(std::move(path)), where(std::move(where)) {}

  std::string path;        // "dingtalk.callback"; "" for the top level
  Location where;          // where its key stands; line 1 when the section is missing
  bool present = false;    // written as a (possibly empty) mapping
  bool malformed = false;  // written, but not as a mapping (already reported)
  std::vector<Entry> entries;

  const Entry* get(std::string_view key) const {
    for (const Entry& e : entries)
      if (e.key == key) return &e;
    return nullptr;
  }
  std::string key_path(std::string_view key) const {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
  }
};

// A typed value read from the file: absent (or null), invalid (already reported) or set.
template <class T>
struct Field {
  enum class State { kAbsent, kInvalid, kSet };
  State state = State::kAbsent;
  T value{};
  Location where;
  bool set() const { return state == State::kSet; }
  bool absent() const { return state == State::kAbsent; }
};

// Marks a string key as a secret and names the variable the literal-secret warning suggests.
struct Secret {
  std::string variable;
};

// A scalar after ${VAR} expansion.
struct Scalar {
  std::string text;
  bool quoted = false;
  bool null = false;    // plain null, ~, or empty after expansion
  bool literal = true;  // the raw text has no ${...}
  Location where;
};

class SchemaReader {
 public:
  SchemaReader(std::string file, fs::path dir, const Env& env, LoadResult& out)
      : file_(std::move(file)), dir_(std::move(dir)), env_(env), out_(out) {}

  Config read(const YAML::Node& root) {
    Config config;
    config.file = file_;
    static const std::vector<std::string> kTopLevel = {
        "server",   "storage", "admin",   "directory",         "calendar",
        "sessions", "dingtalk", "sms",     "plugins",           "plugin_search_path"};
    Mapping top = mapping(root, "", Location{file_, 1, 1}, kTopLevel);
    read_server(top, config.server);
    read_storage(top, config.storage);
    read_admin(top, config.admin);
    read_directory(top, config.directory);
    read_calendar(top, config.calendar);
    read_sessions(top, config.sessions);
    read_dingtalk(top, config.dingtalk);
    read_sms(top, config.sms);
    config.plugin_search_path = read_directories(top, "plugin_search_path");
    read_plugins(top, config.plugin_search_path, config.plugins);
    return config;
  }

 private:
  // ---- issues -------------------------------------------------------------------------------

  void error(Location where, std::string key, std::string message) {
    out_.errors.push_back({std::move(where), std::move(key), std::move(message), {}});
  }
  void warn(Location where, std::string key, std::string message) {
    out_.warnings.push_back({std::move(where), std::move(key), std::move(message), {}});
  }

  Location at(const YAML::Node& node, const Location& fallback) const {
    Location where = location_of(node, file_);
    return where.line ? where : fallback;
  }

  // ---- structure ----------------------------------------------------------------------------

  Mapping mapping(const YAML::Node& node, std::string path, Location where,
                  const std::vector<std::string>& allowed) {
    Mapping m{std::move(path), std::move(where)};
    if (!node.IsDefined() || node.IsNull()) return m;
    if (!node.IsMap()) {
      m.malformed = true;
      std::string expected = "expected a mapping with the keys " + join(allowed, ", ");
      if (m.path.empty()) {
        error(at(node, m.where), "",
              "the top level must be a mapping of sections (" + join(allowed, ", ") + "), found " +
                  kind_of(node));
      } else {
        error(at(node, m.where), m.path, expected + ", found " + kind_of(node));
      }
      return m;
    }
    m.present = true;
    std::map<std::string, int> first_line;
    for (auto it = node.begin(); it != node.end(); ++it) {
      // Copies: yaml-cpp's it->first lives only as long as the expression that reads it.
      YAML::Node key_node = it->first;
      YAML::Node value = it->second;
      Location key_where = at(key_node, m.where);
      if (!key_node.IsScalar()) {
        error(key_where, m.path, std::string("a key must be a name, found ") + kind_of(key_node));
        continue;
      }
      std::string key = key_node.Scalar();
      auto [seen, inserted] = first_line.emplace(key, key_where.line);
      if (!inserted) {
        error(key_where, m.key_path(key),
              "duplicate key (first at line " + std::to_string(seen->second) + ")");
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string message = "unknown key; ";
        std::string guess = closest_key(key, allowed);
        if (!guess.empty()) message += "did you mean '" + guess + "'? ";
        error(key_where, m.key_path(key), message + "allowed keys: " + join(allowed, ", "));
        continue;
      }
      m.entries.push_back({std::move(key), key_where, value});
    }
    return m;
  }

  Mapping section(const Mapping& parent, std::string_view key,
                  const std::vector<std::string>& allowed) {
    const Entry* e = parent.get(key);
    if (!e) {
      Mapping missing{parent.key_path(key), parent.where};
      // Under a mapping that was not one, "missing" would only repeat the error already given.
      missing.malformed = parent.malformed;
      return missing;
    }
    return mapping(e->value, parent.key_path(key), e->key_where, allowed);
  }

  // The items of a list-valued key, each with where it stands; an error when it is not a list.
  std::vector<std::pair<YAML::Node, Location>> list(const Mapping& m, std::string_view key,
                                                    const char* expected) {
    std::vector<std::pair<YAML::Node, Location>> items;
    const Entry* e = m.get(key);
    if (!e || e->value.IsNull()) return items;
    if (!e->value.IsSequence()) {
      error(at(e->value, e->key_where), m.key_path(key),
            std::string("expected ") + expected + ", found " + kind_of(e->value));
      return items;
    }
    for (YAML::Node item : e->value) items.emplace_back(item, at(item, e->key_where));
    return items;
  }

  // ---- scalars ------------------------------------------------------------------------------

  std::optional<Scalar> scalar(const YAML::Node& node, const Location& fallback,
                               const std::string& key, const char* expected, bool secret) {
    Scalar s;
    s.where = node.IsNull() ? fallback : at(node, fallback);
    if (node.IsNull()) {
      s.null = true;
      return s;
    }
    if (!node.IsScalar()) {
      error(s.where, key, std::string("expected ") + expected + ", found " + kind_of(node));
      return std::nullopt;
    }
    const std::string& raw = node.Scalar();
    Expected<std::string> text = expand_env(raw, env_, secret);
    if (!text) {
      error(s.where, key, text.outcome().message());
      return std::nullopt;
    }
    s.text = std::move(*text);
    s.quoted = is_quoted(node);
    s.literal = !mentions_env(raw);
    s.null = !s.quoted && type_plain_scalar(s.text).is_null();
    return s;
  }

  Field<std::string> string(const Mapping& m, std::string_view key,
                            std::optional<Secret> secret = std::nullopt) {
    Field<std::string> f;
    const Entry* e = m.get(key);
    if (!e) return f;
    std::string path = m.key_path(key);
    std::optional<Scalar> s = scalar(e->value, e->key_where, path, "a string", secret.has_value());
    if (!s) {
      f.state = Field<std::string>::State::kInvalid;
      return f;
    }
    f.where = s->where;
    if (s->null) return f;
    f.state = Field<std::string>::State::kSet;
    f.value = std::move(s->text);
    if (secret && s->literal && !f.value.empty()) {
      warn(f.where, path,
           "is written in the file; take it from the environment, e.g. " + std::string(key) +
               ": ${" + secret->variable + "}");
    }
    return f;
  }

  // Numbers and booleans accept quoted text too: the host knows the type it wants, so quotes
  // only matter in plugin settings.
  Field<int64_t> integer(const Mapping& m, std::string_view key, int64_t lo, int64_t hi) {
    Field<int64_t> f;
    const Entry* e = m.get(key);
    if (!e) return f;
    std::string path = m.key_path(key);
    std::optional<Scalar> s = scalar(e->value, e->key_where, path, "an integer", false);
    if (!s) {
      f.state = Field<int64_t>::State::kInvalid;
      return f;
    }
    f.where = s->where;
    if (s->null) return f;
    Json typed = type_plain_scalar(s->text);
    bool too_big = typed.is_number() && !typed.is_number_integer() &&
                   s->text.find_first_of(".eE") == std::string::npos;
    if (!typed.is_number_integer() && !too_big) {
      f.state = Field<int64_t>::State::kInvalid;
      error(f.where, path, "expected an integer, found " + shown(s->text));
      return f;
    }
    if (too_big || typed.get<int64_t>() < lo || typed.get<int64_t>() > hi) {
      f.state = Field<int64_t>::State::kInvalid;
      std::string range = hi == kNoUpperBound ? "must be at least " + std::to_string(lo)
                                              : "must be between " + std::to_string(lo) + " and " +
                                                    std::to_string(hi);
      error(f.where, path, range + ", found " + s->text);
      return f;
    }
    f.state = Field<int64_t>::State::kSet;
    f.value = typed.get<int64_t>();
    return f;
  }

  Field<bool> boolean(const Mapping& m, std::string_view key) {
    Field<bool> f;
    const Entry* e = m.get(key);
    if (!e) return f;
    std::string path = m.key_path(key);
    std::optional<Scalar> s = scalar(e->value, e->key_where, path, "true or false", false);
    if (!s) {
      f.state = Field<bool>::State::kInvalid;
      return f;
    }
    f.where = s->where;
    if (s->null) return f;
    Json typed = type_plain_scalar(s->text);
    if (!typed.is_boolean()) {
      f.state = Field<bool>::State::kInvalid;
      error(f.where, path, "expected true or false, found " + shown(s->text));
      return f;
    }
    f.state = Field<bool>::State::kSet;
    f.value = typed.get<bool>();
    return f;
  }

  template <class T>
  static void assign(const Field<int64_t>& f, T& out) {
    if (f.set()) out = static_cast<T>(f.value);
  }

  // Reports a required key that is absent, at its section (line 1 when the section is missing).
  template <class T>
  void require(const Mapping& m, std::string_view key, const Field<T>& f, std::string hint) {
    if (!f.absent() || m.malformed) return;
    error(m.where, m.key_path(key), "is required" + (hint.empty() ? "" : " (" + hint + ")"));
  }

  // ---- paths --------------------------------------------------------------------------------

  std::string resolve(const std::string& path) const {
    fs::path p(path);
    if (p.is_relative()) p = dir_ / p;
    std::string normal = p.lexically_normal().string();
    while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
    return normal;
  }

  // A list of paths, resolved; `directories` lists warn about missing entries, file lists fail.
  std::vector<std::string> read_path_list(const Mapping& m, std::string_view key,
                                          bool directories) {
    std::vector<std::string> paths;
    const char* expected = directories ? "a list of directories" : "a list of files";
    size_t index = 0;
    for (auto& [node, where] : list(m, key, expected)) {
      std::string path = m.key_path(key) + "[" + std::to_string(index++) + "]";
      std::optional<Scalar> s = scalar(node, where, path, "a path", false);
      if (!s) continue;
      if ((s->null || s->text.empty()) && directories && !s->literal) {
        continue;  // "${COURTHUB_PLUGIN_DIR:-}" unset: an optional folder that is not there
      }
      if (s->null) {
        error(s->where, path, "expected a path, found nothing");
        continue;
      }
      std::string resolved = resolve(s->text);
      std::error_code ec;
      if (directories && !fs::is_directory(resolved, ec)) {
        warn(s->where, path, "no such directory: " + resolved);
      } else if (!directories && !fs::is_regular_file(resolved, ec)) {
        error(s->where, path, "no such file: " + resolved);
      }
      paths.push_back(std::move(resolved));
    }
    return paths;
  }

  std::vector<std::string> read_directories(const Mapping& m, std::string_view key) {
    return read_path_list(m, key, true);
  }

  // ---- sections -----------------------------------------------------------------------------

  void read_server(const Mapping& top, ServerConfig& server) {
    Mapping m = section(top, "server",
                        {"listen", "threads", "max_body_bytes", "queue_size", "header_timeout_ms",
                         "body_timeout_ms", "body_min_bytes_per_second", "idle_timeout_ms",
                         "write_timeout_ms", "max_connections", "max_connections_per_address",
                         "max_header_bytes", "trusted_proxies"});
    if (auto listen = string(m, "listen"); listen.set()) parse_listen(listen, m, server);
    assign(integer(m, "threads", 1, 256), server.threads);
    assign(integer(m, "max_body_bytes", 1024, 1073741824), server.max_body_bytes);
    assign(integer(m, "queue_size", 1, 65536), server.queue_size);
    // The edge's limits (docs/configuration.md, "server"): deadlines in ms, sizes in bytes.
    assign(integer(m, "header_timeout_ms", 10, 600000), server.header_timeout_ms);
    assign(integer(m, "body_timeout_ms", 10, 3600000), server.body_timeout_ms);
    assign(integer(m, "body_min_bytes_per_second", 0, 1073741824),
           server.body_min_bytes_per_second);
    assign(integer(m, "idle_timeout_ms", 10, 3600000), server.idle_timeout_ms);
    assign(integer(m, "write_timeout_ms", 10, 3600000), server.write_timeout_ms);
    assign(integer(m, "max_connections", 1, 1000000), server.max_connections);
    assign(integer(m, "max_connections_per_address", 1, 1000000),
           server.max_connections_per_address);
    assign(integer(m, "max_header_bytes", 1024, 1048576), server.max_header_bytes);
    server.trusted_proxies = read_address_ranges(m, "trusted_proxies");
  }

  // A list of IP addresses and CIDR ranges ("10.0.0.0/8", "::1").
  std::vector<AddressRange> read_address_ranges(const Mapping& m, std::string_view key) {
    std::vector<AddressRange> ranges;
    size_t index = 0;
    for (auto& [node, where] : list(m, key, "a list of IP addresses or CIDR ranges")) {
      std::string path = m.key_path(key) + "[" + std::to_string(index++) + "]";
      std::optional<Scalar> s = scalar(node, where, path, "an IP address or CIDR range", false);
      if (!s) continue;
      std::optional<AddressRange> range = AddressRange::parse(s->null ? "" : s->text);
      if (!range) {
        error(s->where, path,
              "expected an IP address or CIDR range (e.g. 10.0.0.0/8, 127.0.0.1, ::1), found " +
                  shown(s->null ? "" : s->text));
        continue;
      }
      ranges.push_back(std::move(*range));
    }
    return ranges;
  }

  void parse_listen(const Field<std::string>& listen, const Mapping& m, ServerConfig& server) {
    const std::string& text = listen.value;
    std::string bad =
        "expected HOST:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:8080, found " + shown(text);
    size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
      error(listen.where, m.key_path("listen"), bad);
      return;
    }
    std::string host = text.substr(0, colon);
    std::string port = text.substr(colon + 1);
    // IPv6 addresses are bracketed ("[::1]:8080") so the port's colon is unambiguous.
    if (host.front() == '[' && host.back() == ']' && host.size() > 2) {
      host = host.substr(1, host.size() - 2);
    } else if (host.find(':') != std::string::npos || host.find('[') != std::string::npos) {
      error(listen.where, m.key_path("listen"), bad + " (write IPv6 addresses as [::1]:8080)");
      return;
    }
    Json number = type_plain_scalar(port);
    bool digits_only = port.find_first_not_of("0123456789") == std::string::npos;
    if (!digits_only || !number.is_number_integer() || number.get<int64_t>() > 65535) {
      error(listen.where, m.key_path("listen"),
            "the port must be between 0 and 65535, found " + shown(port));
      return;
    }
    server.host = host;
    server.port = static_cast<uint16_t>(number.get<int64_t>());
  }

  void read_storage(const Mapping& top, StorageConfig& storage) {
    Mapping m = section(top, "storage",
                        {"backend", "data_dir", "synchronous", "busy_timeout_ms", "postgres"});
    bool postgres = false;
    if (auto backend = string(m, "backend"); backend.set()) {
      if (backend.value == "postgres") {
        postgres = true;
        storage.backend = StorageConfig::Backend::kPostgres;
      } else if (backend.value != "sqlite") {
        error(backend.where, m.key_path("backend"),
              "expected sqlite or postgres, found " + shown(backend.value));
      }
    }
    read_postgres(m, postgres, storage.postgres);
    if (auto dir = string(m, "data_dir"); dir.set() && !dir.value.empty())
      storage.data_dir = dir.value;
    storage.data_dir = resolve(storage.data_dir);
    if (auto sync = string(m, "synchronous"); sync.set()) {
      std::string lower = sync.value;
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (lower == "full" || lower == "normal") {
        storage.synchronous_full = lower == "full";
      } else {
        error(sync.where, m.key_path("synchronous"),
              "expected full or normal, found " + shown(sync.value));
      }
    }
    assign(integer(m, "busy_timeout_ms", 0, 600000), storage.busy_timeout_ms);
  }

  // storage.postgres: read always (a typo is an error either way), required with the backend.
  void read_postgres(const Mapping& storage, bool used, PostgresConfig& pg) {
    Mapping m = section(storage, "postgres", {"url", "schema", "connections", "takeover_ms"});
    if (m.present && !used) {
      warn(m.where, m.path,
           "is used only with backend: postgres; this host keeps its databases in SQLite files");
    }
    Field<std::string> url = string(m, "url", Secret{"COURTHUB_DATABASE_URL"});
    if (url.set()) pg.url = url.value;
    if (used) {
      require(m, "url", url,
              "with backend: postgres, e.g. url: ${COURTHUB_DATABASE_URL} holding "
              "postgresql://user@host/db");
    }
    if (auto schema = string(m, "schema"); schema.set()) {
      // Plugins append _p_<name>; PostgreSQL truncates identifiers past 63 bytes.
      bool ok = !schema.value.empty() && schema.value.size() <= 40 &&
                (std::islower(static_cast<unsigned char>(schema.value[0])) || schema.value[0] == '_');
      for (char c : schema.value) {
        ok = ok && (std::islower(static_cast<unsigned char>(c)) ||
                    std::isdigit(static_cast<unsigned char>(c)) || c == '_');
      }
      if (ok && schema.value.rfind("pg_", 0) == 0) ok = false;
      if (ok) {
        pg.schema = schema.value;
      } else {
        error(schema.where, m.key_path("schema"),
              "expected a lower-case name of at most 40 characters ([a-z_][a-z0-9_]*, not "
              "pg_...), found " + shown(schema.value));
      }
    }
    assign(integer(m, "connections", 1, 64), pg.connections);
    assign(integer(m, "takeover_ms", 1000, 3600000), pg.takeover_ms);
  }

  // A secret that must be long enough to resist guessing.
  void read_long_secret(const Mapping& m, std::string_view key, const std::string& variable,
                        std::string& out) {
    Field<std::string> f = string(m, key, Secret{variable});
    require(m, key, f,
            "at least 16 characters, e.g. " + std::string(key) + ": ${" + variable + "}");
    if (!f.set()) return;
    if (f.value.size() < 16) {
      error(f.where, m.key_path(key),
            "must be at least 16 characters, found " + std::to_string(f.value.size()));
      return;
    }
    out = f.value;
  }

  void read_admin(const Mapping& top, AdminConfig& admin) {
    Mapping m = section(top, "admin", {"token"});
    read_long_secret(m, "token", "COURTHUB_ADMIN_TOKEN", admin.token);
  }

  void read_directory(const Mapping& top, DirectoryConfig& directory) {
    Mapping m = section(top, "directory", {"seed"});
    directory.seed = read_path_list(m, "seed", false);
  }

  // The files named, or the shipped ones; either way each is checked whole here, so
  // check-config finds a bad date before a server does.
  void read_calendar(const Mapping& top, CalendarConfig& calendar) {
    Mapping m = section(top, "calendar", {"files"});
    if (m.present || m.malformed) {
      calendar.files = read_path_list(m, "files", false);
    } else {
      calendar.files = shipped_calendar_files();
    }
    std::vector<std::string> readable;
    for (auto& f : calendar.files) {
      std::error_code ec;
      if (fs::is_regular_file(f, ec)) readable.push_back(f);  // the others are reported above
    }
    for (auto& issue : time::WorkCalendar::load(readable).errors) {
      error(Location{issue.file, issue.line}, "", issue.message);
    }
  }

  void read_sessions(const Mapping& top, SessionConfig& sessions) {
    Mapping m = section(top, "sessions", {"secret", "ttl_seconds"});
    read_long_secret(m, "secret", "COURTHUB_SESSION_SECRET", sessions.secret);
    assign(integer(m, "ttl_seconds", 60, 2592000), sessions.ttl_seconds);
  }

  void read_dingtalk(const Mapping& top, DingTalkConfig& d) {
    Mapping m = section(top, "dingtalk",
                        {"api_base", "api_v1_base", "ca_file", "app_key", "app_secret",
                         "corp_id", "agent_id", "mode",
                         "callback", "stream", "robot", "cards", "group_robots", "outbox",
                         "dev_login"});
    if (!m.present) return;  // DingTalk is off: no section, or an empty one

    for (auto [key, into] : {std::pair{"api_base", &d.api_base},
                             std::pair{"api_v1_base", &d.api_v1_base}}) {
      auto base = string(m, key);
      if (!base.set()) continue;
      if (is_url(base.value)) {
        *into = base.value;
        while (into->size() > 1 && into->back() == '/') into->pop_back();
      } else {
        error(base.where, m.key_path(key),
              "expected a URL starting with http:// or https://, found " + shown(base.value));
      }
    }
    if (auto ca = string(m, "ca_file"); ca.set() && !ca.value.empty()) {
      std::error_code ec;
      d.ca_file = resolve(ca.value);
      if (!fs::is_regular_file(d.ca_file, ec)) {
        error(ca.where, m.key_path("ca_file"),
              "no such file: " + d.ca_file + " (a PEM file of CA certificates)");
      }
    }
    auto app_key = string(m, "app_key");
    require(m, "app_key", app_key, "the app's AppKey / Client ID");
    if (app_key.set()) d.app_key = app_key.value;
    auto app_secret = string(m, "app_secret", Secret{"COURTHUB_DINGTALK_APP_SECRET"});
    require(m, "app_secret", app_secret,
            "the app's AppSecret, e.g. app_secret: ${COURTHUB_DINGTALK_APP_SECRET}");
    if (app_secret.set()) d.app_secret = app_secret.value;
    auto corp_id = string(m, "corp_id");
    require(m, "corp_id", corp_id, "the organisation's CorpId, ding...");
    if (corp_id.set()) d.corp_id = corp_id.value;
    assign(integer(m, "agent_id", 0, kNoUpperBound), d.agent_id);
    if (auto dev = boolean(m, "dev_login"); dev.set()) d.dev_login = dev.value;

    read_callback(m, d);
    read_stream(m, d);
    Mapping robot = section(m, "robot", {"timestamp_window_ms"});
    assign(integer(robot, "timestamp_window_ms", 1000, 86400000), d.robot_window_ms);
    read_cards(m, d);
    read_group_robots(m, d.group_robots);
    Mapping outbox = section(m, "outbox", {"max_attempts", "robot_per_minute"});
    assign(integer(outbox, "max_attempts", 1, 100), d.outbox_max_attempts);
    assign(integer(outbox, "robot_per_minute", 1, 1000), d.robot_per_minute);
  }

  void read_sms(const Mapping& top, SmsConfig& sms) {
    Mapping m = section(top, "sms", {"url", "secret"});
    if (!m.present) return;  // no gateway: SMS messages wait in the outbox
    auto url = string(m, "url");
    require(m, "url", url, "the SMS gateway's address, https://...");
    auto secret = string(m, "secret", Secret{"COURTHUB_SMS_SECRET"});
    require(m, "secret", secret,
            "the key requests are signed with, e.g. secret: ${COURTHUB_SMS_SECRET}");
    if (url.set()) {
      if (is_url(url.value)) {
        sms.url = url.value;
      } else {
        error(url.where, m.key_path("url"),
              "expected a URL starting with http:// or https://, found " + shown(url.value));
      }
    }
    if (secret.set()) sms.secret = secret.value;
    if (sms.secret.empty()) sms.url.clear();  // an unsigned gateway is never used
  }

  void read_callback(const Mapping& dingtalk, DingTalkConfig& d) {
    Mapping m =
        section(dingtalk, "callback", {"token", "aes_key", "owner_key", "timestamp_window_ms"});
    auto token = string(m, "token", Secret{"COURTHUB_DINGTALK_CALLBACK_TOKEN"});
    auto aes_key = string(m, "aes_key", Secret{"COURTHUB_DINGTALK_AES_KEY"});
    if (token.set()) d.callback_token = token.value;
    if (aes_key.set()) {
      if (aes_key.value.size() != 43) {
        error(aes_key.where, m.key_path("aes_key"),
              "must be exactly 43 letters and digits (the EncodingAESKey), found " +
                  std::to_string(aes_key.value.size()) + " characters");
      } else if (!all_of_chars(aes_key.value, is_alnum)) {
        error(aes_key.where, m.key_path("aes_key"),
              "must be exactly 43 letters and digits (the EncodingAESKey), found other "
              "characters");
      } else {
        d.callback_aes_key = aes_key.value;
      }
    }
    // Either alone cannot decrypt or verify a callback, so half a pair is a mistake.
    if (token.set() && aes_key.absent()) {
      error(m.where, m.key_path("aes_key"),
            "is required when callback.token is set (give both or neither)");
    } else if (aes_key.set() && token.absent()) {
      error(m.where, m.key_path("token"),
            "is required when callback.aes_key is set (give both or neither)");
    }
    if (auto owner = string(m, "owner_key"); owner.set()) d.owner_key = owner.value;
    if (d.owner_key.empty()) d.owner_key = d.app_key;
    assign(integer(m, "timestamp_window_ms", 1000, 86400000), d.callback_window_ms);
  }

  // dingtalk.mode and dingtalk.stream: how events arrive (HTTP push, Stream mode, both).
  void read_stream(const Mapping& dingtalk, DingTalkConfig& d) {
    if (auto mode = string(dingtalk, "mode"); mode.set()) {
      if (mode.value == "http") {
        d.mode = DingTalkConfig::Mode::kHttp;
      } else if (mode.value == "stream") {
        d.mode = DingTalkConfig::Mode::kStream;
      } else if (mode.value == "both") {
        d.mode = DingTalkConfig::Mode::kBoth;
      } else {
        error(mode.where, dingtalk.key_path("mode"),
              "expected http, stream or both, found " + shown(mode.value));
      }
    }
    Mapping m = section(dingtalk, "stream",
                        {"ping_interval_ms", "pong_timeout_ms", "reconnect_min_ms",
                         "reconnect_max_ms"});
    assign(integer(m, "ping_interval_ms", 100, 3600000), d.stream_ping_interval_ms);
    assign(integer(m, "pong_timeout_ms", 100, 600000), d.stream_pong_timeout_ms);
    assign(integer(m, "reconnect_min_ms", 10, 600000), d.stream_reconnect_min_ms);
    auto max = integer(m, "reconnect_max_ms", 10, 3600000);
    assign(max, d.stream_reconnect_max_ms);
    if (d.stream_reconnect_max_ms < d.stream_reconnect_min_ms) {
      error(max.set() ? max.where : m.where, m.key_path("reconnect_max_ms"),
            "must not be less than reconnect_min_ms (" +
                std::to_string(d.stream_reconnect_min_ms) + ")");
    }
    if (m.present && !d.stream()) {
      warn(m.where, m.path,
           "is used only with dingtalk.mode: stream or both (the mode is http)");
    }
  }

  void read_cards(const Mapping& dingtalk, DingTalkConfig& d) {
    Mapping m = section(dingtalk, "cards", {"route_key"});
    auto key = string(m, "route_key", Secret{"COURTHUB_DINGTALK_CARD_ROUTE_KEY"});
    if (m.present) require(m, "route_key", key, "at least 16 characters of A-Z a-z 0-9 _ -");
    if (!key.set()) return;
    if (key.value.size() < 16 || !all_of_chars(key.value, is_route_char)) {
      error(key.where, m.key_path("route_key"),
            "must be at least 16 characters of A-Z, a-z, 0-9, '_' and '-', found " +
                std::to_string(key.value.size()) + " characters" +
                (all_of_chars(key.value, is_route_char) ? "" : " including others"));
      return;
    }
    d.card_route_key = key.value;
  }

  void read_group_robots(const Mapping& dingtalk, std::vector<GroupRobot>& robots) {
    std::map<std::string, int> first_line;
    size_t index = 0;
    for (auto& [node, where] :
         list(dingtalk, "group_robots", "a list of robots (- name: ..., webhook: ...)")) {
      std::string path = dingtalk.key_path("group_robots") + "[" + std::to_string(index++) + "]";
      if (!node.IsMap()) {
        error(where, path,
              std::string("expected a mapping with name, webhook and secret, found ") +
                  kind_of(node));
        continue;
      }
      Mapping m = mapping(node, path, where, {"name", "webhook", "secret"});
      GroupRobot robot;
      auto name = string(m, "name");
      require(m, "name", name, "[a-z][a-z0-9_-]*, used by plugins to address the robot");
      std::string variable_stem = "COURTHUB_ROBOT_" + std::to_string(index - 1);
      if (name.set()) {
        if (!matches_name(name.value, "_-")) {
          error(name.where, m.key_path("name"),
                "must match [a-z][a-z0-9_-]* (lowercase letters, digits, '_' and '-'), found " +
                    shown(name.value));
        } else if (auto [seen, inserted] = first_line.emplace(name.value, name.where.line);
                   !inserted) {
          error(name.where, m.key_path("name"),
                "duplicate robot name '" + name.value + "' (first at line " +
                    std::to_string(seen->second) + ")");
        } else {
          robot.name = name.value;
          variable_stem = "COURTHUB_ROBOT_" + upper_snake(name.value);
        }
      }
      auto webhook = string(m, "webhook", Secret{variable_stem + "_WEBHOOK"});
      require(m, "webhook", webhook, "the robot's Webhook address, https://...");
      if (webhook.set()) {
        if (is_url(webhook.value)) {
          robot.webhook = webhook.value;
        } else {
          error(webhook.where, m.key_path("webhook"),
                "must be a URL starting with http:// or https://");
        }
      }
      auto secret = string(m, "secret", Secret{variable_stem + "_SECRET"});
      if (secret.set()) {
        if (secret.value.rfind("SEC", 0) == 0) {
          robot.secret = secret.value;
        } else {
          error(secret.where, m.key_path("secret"),
                "must start with SEC (the signing secret DingTalk shows for the robot)");
        }
      }
      robots.push_back(std::move(robot));
    }
  }

  void read_plugins(const Mapping& top, const std::vector<std::string>& search_path,
                    std::vector<PluginConfig>& plugins) {
    std::map<std::string, int> first_line;
    size_t index = 0;
    for (auto& [node, where] : list(top, "plugins", "a list of plugins (- name: ...)")) {
      std::string path = "plugins[" + std::to_string(index++) + "]";
      if (!node.IsMap()) {
        error(where, path,
              std::string("expected a mapping with name, enabled, file, sha256, limits and "
                          "settings, found ") +
                  kind_of(node) + " (write - name: ...)");
        continue;
      }
      Mapping m = mapping(node, path, where,
                          {"name", "enabled", "file", "sha256", "limits", "settings", "isolation",
                           "runner"});
      PluginConfig plugin;
      plugin.location = where;

      auto name = string(m, "name");
      require(m, "name", name, "the plugin's name, which is also its file name without .so");
      bool named = false;
      if (name.set()) {
        if (!matches_name(name.value, "_")) {
          error(name.where, m.key_path("name"),
                "must match [a-z][a-z0-9_]* (lowercase letters, digits and '_'), found " +
                    shown(name.value));
        } else if (auto [seen, inserted] = first_line.emplace(name.value, name.where.line);
                   !inserted) {
          error(name.where, m.key_path("name"),
                "duplicate plugin '" + name.value + "' (first at line " +
                    std::to_string(seen->second) + ")");
        } else {
          plugin.name = name.value;
          named = true;
        }
      }
      if (auto enabled = boolean(m, "enabled"); enabled.set()) plugin.enabled = enabled.value;
      if (auto sha = string(m, "sha256"); sha.set()) {
        if (sha.value.size() == 64 && all_of_chars(sha.value, is_hex)) {
          plugin.sha256 = sha.value;
          std::transform(plugin.sha256.begin(), plugin.sha256.end(), plugin.sha256.begin(),
                         [](char c) { return static_cast<char>(std::tolower(c)); });
        } else {
          error(sha.where, m.key_path("sha256"),
                "expected 64 hexadecimal characters (sha256sum of the .so), found " +
                    shown(sha.value) + " (" + std::to_string(sha.value.size()) + " characters)");
        }
      }
      read_limits(m, plugin.limits);
      read_settings(m, plugin);
      auto file = string(m, "file");
      if (named) find_plugin_file(m, file, search_path, plugin);
      read_isolation(m, plugin);
      plugins.push_back(std::move(plugin));
    }
  }

  void read_limits(const Mapping& m, PluginLimits& limits) {
    Mapping l = section(m, "limits", {"deadline_ms", "max_concurrent", "max_queued"});
    assign(integer(l, "deadline_ms", 1, 600000), limits.deadline_ms);
    assign(integer(l, "max_concurrent", 1, 64), limits.max_concurrent);
    assign(integer(l, "max_queued", 0, 1024), limits.max_queued);
  }

  // The plugins bundled with this binary run in the host's process unless told otherwise;
  // every other plugin runs in a runner process of its own.
  bool is_bundled(const std::string& file) const {
    auto dir = env_ ? env_("COURTHUB_BUNDLED_PLUGINS") : std::nullopt;
    if (file.empty() || !dir || dir->empty()) return false;
    std::error_code ec;
    fs::path bundled = fs::weakly_canonical(*dir, ec);
    if (ec) return false;
    fs::path parent = fs::weakly_canonical(fs::path(file).parent_path(), ec);
    return !ec && parent == bundled;
  }

  void read_isolation(const Mapping& m, PluginConfig& plugin) {
    plugin.isolation = is_bundled(plugin.file) ? "in_process" : "process";
    if (auto iso = string(m, "isolation"); iso.set()) {
      if (iso.value == "in_process" || iso.value == "process") {
        plugin.isolation = iso.value;
      } else {
        error(iso.where, m.key_path("isolation"),
              "expected in_process or process, found " + shown(iso.value));
      }
    }
    Mapping r = section(m, "runner", {"max_crashes", "window_s", "backoff_initial_ms",
                                      "backoff_max_ms", "channels"});
    RunnerConfig& rc = plugin.runner;
    assign(integer(r, "max_crashes", 1, 1000), rc.max_crashes);
    assign(integer(r, "window_s", 1, 86400 * 7), rc.window_s);
    assign(integer(r, "backoff_initial_ms", 1, 600000), rc.backoff_initial_ms);
    assign(integer(r, "backoff_max_ms", 1, 3600000), rc.backoff_max_ms);
    assign(integer(r, "channels", 1, 64), rc.channels);
    if (rc.backoff_max_ms < rc.backoff_initial_ms) {
      error(r.where, r.path, "backoff_max_ms must not be below backoff_initial_ms");
    }
  }

  void read_settings(const Mapping& m, PluginConfig& plugin) {
    const Entry* e = m.get("settings");
    if (!e || e->value.IsNull()) {
      plugin.settings_locations[""] = e ? e->key_where : plugin.location;
      return;
    }
    if (!e->value.IsMap()) {
      error(at(e->value, e->key_where), m.key_path("settings"),
            std::string("expected a mapping of the plugin's settings, found ") + kind_of(e->value));
      return;
    }
    ConvertedYaml converted = yaml_to_json(e->value, e->key_where, env_);
    for (ConversionIssue& issue : converted.errors)
      error(issue.where, m.key_path("settings") + issue.key_suffix, issue.message);
    plugin.settings = std::move(converted.value);
    plugin.settings_locations = std::move(converted.locations);
  }

  void find_plugin_file(const Mapping& m, const Field<std::string>& file,
                        const std::vector<std::string>& search_path, PluginConfig& plugin) {
    // A disabled plugin that is not installed must not stop the host, so it only warns.
    auto report = [&](Location where, std::string key, std::string message) {
      if (plugin.enabled) {
        out_.errors.push_back({std::move(where), std::move(key), std::move(message), plugin.name});
      } else {
        warn(std::move(where), std::move(key), message + " (the plugin is disabled)");
      }
    };
    std::error_code ec;
    if (file.set()) {
      std::string resolved = resolve(file.value);
      if (fs::is_regular_file(resolved, ec)) {
        plugin.file = resolved;
      } else {
        plugin.file = resolved;  // so the error state can name the file that is missing
        report(file.where, m.key_path("file"), "no such file: " + resolved);
      }
      return;
    }
    if (!file.absent()) return;  // already reported
    std::string so = plugin.name + ".so";
    for (const std::string& dir : search_path) {
      std::string candidate = (fs::path(dir) / so).string();
      if (fs::is_regular_file(candidate, ec)) {
        plugin.file = candidate;
        return;
      }
    }
    std::string where_looked = search_path.empty()
                                   ? "(plugin_search_path is empty; add a directory to it or "
                                     "give the plugin a file:)"
                                   : join(search_path, ", ");
    report(plugin.location, m.path,
           "unknown plugin '" + plugin.name + "': no " + so + " in " + where_looked);
  }

  std::string file_;
  fs::path dir_;
  const Env& env_;
  LoadResult& out_;
};

bool by_line(const ConfigIssue& a, const ConfigIssue& b) {
  return a.where.line < b.where.line;
}

}  // namespace

LoadResult load_config(const std::string& path, const Env& env) {
  LoadResult result;
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  std::string file = ec ? path : absolute.lexically_normal().string();
  auto fail = [&](Location where, std::string message) {
    result.errors.push_back({std::move(where), "", std::move(message), {}});
    return result;
  };
  try {
    if (fs::is_directory(file, ec)) return fail(Location{file}, "is a directory, not a file");
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(Location{file}, std::string("cannot read: ") + std::strerror(errno));
    std::stringstream text;
    text << in.rdbuf();

    YAML::Node root;
    try {
      root = YAML::Load(text.str());
    } catch (const YAML::Exception& e) {
      Location where{file, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                     e.mark.column >= 0 ? e.mark.column + 1 : 0};
      std::string message = "invalid YAML: " + e.msg;
      // In { } and [ ] a '}' ends the collection, so an unquoted ${VAR} there breaks the
      // syntax with a message that does not say why.
      if (e.msg.find("flow") != std::string::npos && mentions_env(text.str()))
        message += " (inside { } or [ ], put ${VAR} in quotes: \"${VAR}\")";
      return fail(where, message);
    }
    if (!root.IsDefined() || root.IsNull()) {
      return fail(Location{file, 1, 1},
                  "the file is empty; it needs at least the admin and sessions sections "
                  "(see docs/configuration.md)");
    }

    SchemaReader reader(file, fs::path(file).parent_path(), env, result);
    Config config = reader.read(root);
    std::stable_sort(result.errors.begin(), result.errors.end(), by_line);
    std::stable_sort(result.warnings.begin(), result.warnings.end(), by_line);
    bool plugin_scoped = true;
    for (auto& e : result.errors) plugin_scoped = plugin_scoped && !e.plugin.empty();
    if (plugin_scoped) result.config = std::move(config);
  } catch (const std::exception& e) {
    // Nothing above should throw; if yaml-cpp or the file system does, say so instead of dying.
    result.config.reset();
    return fail(Location{file}, std::string("cannot load: ") + e.what());
  }
  return result;
}

std::vector<std::string> shipped_calendar_files() {
  // The running binary's own data folder first (a build tree's share/courthub too), then the
  // installation directory the build was configured for.
  std::string dir = kCalendarDir;
  if (auto share = host_env()("COURTHUB_SHARE"); share && fs::is_directory(*share + "/calendar"))
    dir = *share + "/calendar";
  std::vector<std::string> files;
  std::error_code ec;
  for (auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml" && entry.is_regular_file(ec))
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace courthub::config
