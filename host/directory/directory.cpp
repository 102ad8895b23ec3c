// SPDX-License-Identifier: Apache-2.0
// Directory: seed import, persistence in the host database, and snapshot swaps.
#include "host/directory/directory.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <sstream>

#include "host/directory/seed.hpp"
#include "host/log.hpp"
#include "host/storage/host_meta.hpp"

namespace courthub::directory {
namespace {

using storage::int_of;
using storage::int_value;
using storage::text_of;
using storage::text_value;


// SHA-256 over the seed files' names and contents: changes when any of them does.
std::string digest_of(const std::vector<std::string>& files) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  for (auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string data = ss.str();
    EVP_DigestUpdate(ctx, f.data(), f.size());
    EVP_DigestUpdate(ctx, data.data(), data.size());
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx, md, &len);
  EVP_MD_CTX_free(ctx);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += hex[md[i] >> 4];
    out += hex[md[i] & 15];
  }
  return out;
}

std::string roles_json(const std::vector<std::string>& roles) {
  Json arr = Json::array();
  for (auto& r : roles) arr.push_back(r);
  return arr.dump();
}

std::vector<std::string> roles_from(std::string_view text) {
  std::vector<std::string> out;
  try {
    Json arr = Json::parse(text);
    for (auto& r : arr)
      if (r.is_string()) out.push_back(r.get<std::string>());
  } catch (const Json::exception&) {
  }
  return out;
}

Outcome write_person(storage::Transaction& txn, const Person& p, std::string_view source,
                     int64_t now_ms) {
  std::string roles = roles_json(p.roles);
  ch_value params[] = {text_value(p.user_id), text_value(p.name),  text_value(p.court_code),
                       int_value(p.dept_id),  text_value(p.title), text_value(roles),
                       int_value(p.active ? 1 : 0), text_value(source), int_value(now_ms)};
  return txn.query(
      "INSERT INTO people(user_id, name, court_code, dept_id, title, roles, active, source, "
      "updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET "
      "name=excluded.name, court_code=excluded.court_code, dept_id=excluded.dept_id, "
      "title=excluded.title, roles=excluded.roles, active=excluded.active, "
      "source=excluded.source, updated_ms=excluded.updated_ms",
      params);
}

Outcome write_department(storage::Transaction& txn, const Department& d,
                         std::string_view source) {
  ch_value params[] = {int_value(d.id),        text_value(d.court_code), text_value(d.name),
                       int_value(d.parent_id), text_value(d.head),       text_value(d.leader),
                       text_value(source)};
  return txn.query(
      "INSERT INTO departments(id, court_code, name, parent_id, head, leader, source) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET court_code=excluded.court_code, "
      "name=excluded.name, parent_id=excluded.parent_id, head=excluded.head, "
      "leader=excluded.leader, source=excluded.source",
      params);
}

// Changed with every change of the directory: hosts sharing the database compare it.
constexpr std::string_view kVersionKey = "directory.version";

Outcome bump_version(storage::Transaction& txn) {
  return storage::write_host_meta(txn, kVersionKey, storage::new_version());
}

}  // namespace

std::shared_ptr<const Snapshot> Directory::snapshot() const {
  std::lock_guard lock(mu_);
  return snapshot_;
}

Outcome Directory::load(const std::vector<std::string>& seed_files) {
  if (!seed_files.empty()) {
    std::string digest = digest_of(seed_files);
    auto previous = storage::read_host_meta(db_, "directory.seed_digest");
    if (!previous) return previous.outcome();
    if (*previous != digest) {
      auto seed = read_seed(seed_files);
      if (!seed) return seed.outcome();
      Outcome o = import_seed(*seed, digest);
      if (!o.ok()) return o;
      log::info("directory", "imported the seed: " + std::to_string(seed->courts.size()) +
                                 " courts, " + std::to_string(seed->departments.size()) +
                                 " departments, " + std::to_string(seed->people.size()) +
                                 " people");
    }
  }
  return reload();
}

Outcome Directory::import_seed(const Seed& seed, const std::string& digest) {
  return db_.transaction([&](storage::Transaction& txn) -> Outcome {
    // Courts come only from the seed: replace them.
    Outcome o = txn.query("DELETE FROM courts", {});
    if (!o.ok()) return o;
    int64_t position = 0;
    for (auto& c : seed.courts) {
      ch_value params[] = {text_value(c.code),   int_value(position++), text_value(c.name),
                           text_value(c.level),  text_value(c.kind),    text_value(c.parent),
                           text_value(c.city),   int_value(c.synthetic ? 1 : 0)};
      o = txn.query(
          "INSERT INTO courts(code, position, name, level, kind, parent, city, synthetic) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          params);
      if (!o.ok()) return o;
    }
    // Seed rows are replaced; rows that DingTalk events created stay.
    o = txn.query("DELETE FROM departments WHERE source = 'seed'", {});
    if (!o.ok()) return o;
    for (auto& d : seed.departments) {
      o = write_department(txn, d, "seed");
      if (!o.ok()) return o;
    }
    // People who left (deactivated by an event) stay deactivated across a re-import.
    std::vector<std::string> inactive;
    o = txn.query("SELECT user_id FROM people WHERE active = 0", {},
                  [&](const ch_str*, const ch_value* v, size_t) {
                    inactive.emplace_back(text_of(v[0]));
                    return Outcome::success();
                  });
    if (!o.ok()) return o;
    o = txn.query("DELETE FROM people WHERE source = 'seed'", {});
    if (!o.ok()) return o;
    for (auto p : seed.people) {
      for (auto& id : inactive)
        if (id == p.user_id) p.active = false;
      o = write_person(txn, p, "seed", clock_.now_ms());
      if (!o.ok()) return o;
    }
    o = storage::write_host_meta(txn, "directory.seed_digest", digest);
    return o.ok() ? bump_version(txn) : o;
  });
}

Expected<Seed> Directory::read_database() {
  Seed seed;
  Outcome o = db_.query(
      "SELECT code, name, level, kind, parent, city, synthetic FROM courts ORDER BY position", {},
      [&](const ch_str*, const ch_value* v, size_t) {
        Court c;
        c.code = text_of(v[0]);
        c.name = text_of(v[1]);
        c.level = text_of(v[2]);
        c.kind = text_of(v[3]);
        c.parent = text_of(v[4]);
        c.city = text_of(v[5]);
        c.synthetic = int_of(v[6]) != 0;
        seed.courts.push_back(std::move(c));
        return Outcome::success();
      });
  if (!o.ok()) return o;
  o = db_.query(
      "SELECT id, court_code, name, parent_id, head, leader FROM departments ORDER BY id", {},
      [&](const ch_str*, const ch_value* v, size_t) {
        Department d;
        d.id = int_of(v[0]);
        d.court_code = text_of(v[1]);
        d.name = text_of(v[2]);
        d.parent_id = int_of(v[3]);
        d.head = text_of(v[4]);
        d.leader = text_of(v[5]);
        seed.departments.push_back(std::move(d));
        return Outcome::success();
      });
  if (!o.ok()) return o;
  o = db_.query(
      "SELECT user_id, name, court_code, dept_id, title, roles, active FROM people "
      "ORDER BY user_id",
      {}, [&](const ch_str*, const ch_value* v, size_t) {
        Person p;
        p.user_id = text_of(v[0]);
        p.name = text_of(v[1]);
        p.court_code = text_of(v[2]);
        p.dept_id = int_of(v[3]);
        p.title = text_of(v[4]);
        p.roles = roles_from(text_of(v[5]));
        p.active = int_of(v[6]) != 0;
        seed.people.push_back(std::move(p));
        return Outcome::success();
      });
  if (!o.ok()) return o;
  return seed;
}

Outcome Directory::reload() {
  // One at a time, so the snapshot installed last is the one read last (a change's reload and
  // the watch's refresh may overlap).
  std::lock_guard reloading(reload_mu_);
  // The version first: a change landing between the two reads makes the next refresh() reload
  // once more, never miss it.
  auto version = storage::read_host_meta(db_, kVersionKey);
  if (!version) return version.outcome();
  auto seed = read_database();
  if (!seed) return seed.outcome();
  auto snap = Snapshot::build(std::move(*seed));
  std::lock_guard lock(mu_);
  snapshot_ = std::move(snap);
  version_ = std::move(*version);
  return Outcome::success();
}

Outcome Directory::refresh() {
  auto version = storage::read_host_meta(db_, kVersionKey);
  if (!version) return version.outcome();
  {
    std::lock_guard lock(mu_);
    if (*version == version_) return Outcome::success();
  }
  log::info("directory", "changed on another host; reloading");
  return reload();
}

Outcome Directory::change(const std::function<Outcome(storage::Transaction&)>& write) {
  Outcome o = db_.transaction([&](storage::Transaction& txn) {
    Outcome w = write(txn);
    return w.ok() ? bump_version(txn) : w;
  });
  return o.ok() ? reload() : o;
}

Outcome Directory::upsert_person(const Person& person) {
  return change([&](storage::Transaction& txn) {
    return write_person(txn, person, "dingtalk", clock_.now_ms());
  });
}

Outcome Directory::deactivate_person(const std::string& user_id) {
  ch_value params[] = {int_value(clock_.now_ms()), text_value(user_id)};
  return change([&](storage::Transaction& txn) {
    return txn.query("UPDATE people SET active = 0, updated_ms = ? WHERE user_id = ?", params);
  });
}

Outcome Directory::upsert_department(const Department& department) {
  return change(
      [&](storage::Transaction& txn) { return write_department(txn, department, "dingtalk"); });
}

Outcome Directory::remove_department(int64_t id) {
  ch_value params[] = {int_value(id)};
  return change([&](storage::Transaction& txn) {
    return txn.query("DELETE FROM departments WHERE id = ?", params);
  });
}

}  // namespace courthub::directory
