// SPDX-License-Identifier: Apache-2.0
#include "registration.hpp"

#include <courthub/time.hpp>

#include "id_card.hpp"
#include "lawyer_audit.hpp"
#include "licence_number.hpp"
#include "password.hpp"
#include "personal_data.hpp"
#include "registry.hpp"

namespace lawyers {

namespace {

using courthub::Json;

struct Form {
  std::string name, id_card, licence_no, firm, mobile, password;
};

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool is_mobile(std::string_view m) {
  if (m.size() != 11 || m[0] != '1') return false;
  for (char c : m)
    if (c < '0' || c > '9') return false;
  return true;
}

int today_yyyymmdd(int64_t now_ms) {
  const auto d = courthub::time::local_date(now_ms);
  return static_cast<int>(d.year()) * 10000 + static_cast<int>(static_cast<unsigned>(d.month())) * 100 +
         static_cast<int>(static_cast<unsigned>(d.day()));
}

// Every problem at once, each under its field. Messages never quote what was typed.
Form read_form(const Json& body, int64_t now_ms) {
  if (!body.is_object()) throw courthub::InvalidArgument("the body must be a JSON object");
  Json fields = Json::array();
  auto problem = [&](const char* field, const std::string& message) {
    fields.push_back(Json::object({{"field", std::string("/") + field}, {"message", message}}));
  };
  auto text = [&](const char* field) -> std::string {
    const Json* v = courthub::json::find(body, field);
    if (!v) {
      problem(field, "is required");
      return {};
    }
    if (!v->is_string()) {
      problem(field, "must be text");
      return {};
    }
    return v->get<std::string>();
  };
  Form f{text("name"), normalize_id_card(text("id_card")), normalize_licence_no(text("licence_no")),
         text("firm"), text("mobile"), text("password")};
  auto present = [&](const char* field) {
    for (auto& p : fields)
      if (p["field"] == std::string("/") + field) return false;
    return true;
  };
  auto trim = [](std::string& s) {
    while (!s.empty() && s.front() == ' ') s.erase(0, 1);
    while (!s.empty() && s.back() == ' ') s.pop_back();
  };
  trim(f.name);
  trim(f.firm);
  trim(f.mobile);
  if (present("name") && (f.name.empty() || code_points(f.name) > 50))
    problem("name", "must be 1 to 50 characters, as on the licence");
  if (present("id_card"))
    if (auto p = id_card_problem(f.id_card, today_yyyymmdd(now_ms))) problem("id_card", *p);
  if (present("licence_no"))
    if (auto p = licence_no_problem(f.licence_no)) problem("licence_no", *p);
  if (present("firm") && (f.firm.empty() || code_points(f.firm) > 100))
    problem("firm", "must be 1 to 100 characters: the firm (执业机构) as on the licence");
  if (present("mobile") && !is_mobile(f.mobile))
    problem("mobile", "must be a mainland mobile number: 11 digits starting with 1");
  if (present("password"))
    if (auto p = password_problem(f.password)) problem("password", *p);
  if (!fields.empty()) {
    std::string message = "the registration has " + std::to_string(fields.size()) +
                          (fields.size() == 1 ? " problem: " : " problems: ");
    for (size_t i = 0; i < fields.size(); ++i)
      message += (i ? "; " : "") + fields[i]["field"].get<std::string>().substr(1) + " " +
                 fields[i]["message"].get<std::string>();
    throw courthub::InvalidArgument(message, Json::object({{"fields", fields}}));
  }
  return f;
}

}  // namespace

RegistryCheck check_registry(const App& app, const Lawyer& lawyer) {
  if (!app.settings.identity.registry->configured())
    return {RegistryResult::NotFound, "", "未配置律师身份核验登记 (identity.registry_file)"};
  auto loaded = app.settings.identity.registry->load(app.host.data_dir());
  for (auto& p : loaded.problems)
    app.host.warn("verification registry refused, the last good copy stays in use: " + p);
  return loaded.table->check(lawyer.licence_no, lawyer.name, lawyer.firm);
}

LawyerRecord register_lawyer(const App& app, const Json& body) {
  const int64_t now = app.host.now_ms();
  Form f = read_form(body, now);
  const PersonalDataKey& key = require_data_key(app.settings.identity);

  LawyerRecord r;
  r.lawyer = Lawyer{0, f.name, f.licence_no, f.firm, LawyerState::Pending};
  const RegistryCheck registry = check_registry(app, r.lawyer);
  r.registry_result = registry.code();
  r.registry_detail = registry.detail;
  r.id_card_masked = mask_id_card(f.id_card);
  r.mobile_masked = mask_mobile(f.mobile);
  // The slow part (argon2id) before the transaction, so the write lock is held briefly.
  r.password_hash = hash_password(f.password, app.settings.identity.password_cost);
  r.created_ms = r.updated_ms = now;
  const courthub::Blob id_index{key.blind_index(f.id_card)};

  auto already = [&](const courthub::Sql& tx) {
    if (tx.one("SELECT 1 FROM lawyers WHERE licence_no = ?", {f.licence_no}))
      throw courthub::Conflict("licence number " + f.licence_no + " is already registered",
                               Json::object({{"fields", Json::array({Json::object(
                                   {{"field", "/licence_no"}, {"message", "is already registered"}})})}}));
    if (tx.one("SELECT 1 FROM lawyers WHERE id_card_index = ?", {id_index}))
      throw courthub::Conflict("this ID number is already registered",
                               Json::object({{"fields", Json::array({Json::object(
                                   {{"field", "/id_card"}, {"message", "is already registered"}})})}}));
  };
  try {
    app.host.db().transaction([&](courthub::Transaction& tx) {
      already(tx);
      auto row = tx.one(
          "INSERT INTO lawyers (name, licence_no, firm, id_card_sealed, id_card_index, "
          "id_card_masked, mobile_sealed, mobile_masked, password_hash, state, registry_result, "
          "registry_detail, sessions_valid_after, created_ms, updated_ms) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, 0, ?, ?) RETURNING id",
          {f.name, f.licence_no, f.firm, courthub::Blob{key.seal(f.id_card)}, id_index,
           r.id_card_masked, courthub::Blob{key.seal(f.mobile)}, r.mobile_masked, r.password_hash,
           r.registry_result, r.registry_detail, now, now});
      r.lawyer.id = row->integer("id");
      audit(tx, r.lawyer.id, {"lawyer:" + std::to_string(r.lawyer.id), f.name}, "registered",
            "registry: " + r.registry_result, now);
    });
  } catch (const courthub::Error& e) {
    // Two registrations of one licence or ID number at once: the unique index decides; answer
    // as the check above would have.
    if (e.status() != courthub::Status::Conflict || !e.details().is_null()) throw;
    already(app.host.db());
    throw courthub::Conflict("the licence number or the ID number is already registered");
  }
  return r;
}

}  // namespace lawyers
