// SPDX-License-Identifier: Apache-2.0
#include "service.hpp"

#include <map>

#include "access_field_errors.hpp"
#include "case_documents.hpp"
#include "document_delivery.hpp"
#include "service_notice.hpp"
#include "view_log.hpp"

namespace lawyers {
namespace {

using courthub::Json;

Json nullable(const courthub::Row& r, const char* column) {
  return r.is_null(column) ? Json() : Json(r.integer(column));
}

// The 【sign】 of the notice: the setting, else the court's name in the directory.
std::string notice_sign(const App& app, const CaseRef& c) {
  if (!app.settings.access.sms_sign.empty()) return app.settings.access.sms_sign;
  auto court = app.host.directory().court(c.court_code);
  return court ? court->name : c.court_code;
}

struct Recipient {
  int64_t id = 0;
  std::string name;
  std::string mobile;  // empty: no SMS (never logged either way)
};

}  // namespace

Json serve_document(const App& app, const CaseRef& c, const std::string& userid, const Json& body) {
  if (!body.is_object()) throw courthub::InvalidArgument("the body must be a JSON object");
  AccessFieldErrors errors;
  const Json* title_value = courthub::json::find(body, "title");
  const std::string title =
      title_value && title_value->is_string() ? title_value->get<std::string>() : "";
  if (title.empty() || utf8_chars(title) > 100)
    errors.add("title", "a title of 1 to 100 characters is required");
  const Json* doc_value = courthub::json::find(body, "document_id");
  std::optional<CaseDocument> doc;
  if (!doc_value || !doc_value->is_number_integer()) {
    errors.add("document_id", "the id of one of the case's documents is required");
  } else if (!(doc = find_document(app.host.db(), c.id, doc_value->get<int64_t>()))) {
    errors.add("document_id", "no document " + doc_value->dump() + " in this case");
  } else if (!open_to_lawyers(doc->category)) {
    errors.add("document_id", "a 副卷 document is never served on lawyers");
  }
  errors.throw_if_any();

  std::vector<Recipient> recipients;
  for (int64_t id : confirmed_lawyers(app.host.db(), c.id)) {
    Recipient r{id, "", ""};
    if (auto l = find_lawyer(app.host.db(), id)) r.name = l->name;
    try {
      r.mobile = lawyer_mobile(app, id);
    } catch (const courthub::Error&) {
      app.host.warn("service of case " + std::to_string(c.id) + ": lawyer " + std::to_string(id) +
                    " has no mobile on record; served without SMS");
    }
    recipients.push_back(std::move(r));
  }
  if (recipients.empty()) {
    throw courthub::Conflict("no lawyer holds a confirmed representation of case " + c.case_number +
                             ": there is nobody to serve");
  }
  const std::string sign = notice_sign(app, c);
  const int64_t now = app.host.now_ms();
  Json items = Json::array();
  app.host.db().transaction([&](courthub::Transaction& tx) {
    for (auto& r : recipients) {
      auto row = tx.one(
          "INSERT INTO services (case_id, case_number, document_id, lawyer_id, title, served_by, "
          "served_ms, delivered_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {c.id, c.case_number, doc->id, r.id, title, userid, now, now});
      const int64_t id = row->integer("id");
      if (!r.mobile.empty()) {
        app.host.outbox().in(tx).send(
            Json::object({{"sms", r.mobile}}),
            courthub::Message::text(service_notice(sign, r.name, c.case_number)),
            "service-" + std::to_string(id) + "-sms");
      }
      items.push_back(Json::object({{"id", id},
                                    {"lawyer", Json::object({{"id", r.id}, {"name", r.name}})},
                                    {"title", title},
                                    {"document_id", doc->id},
                                    {"document_name", doc->name},
                                    {"served_ms", now},
                                    {"delivered_ms", now},
                                    {"read_ms", Json()},
                                    {"sms", !r.mobile.empty()}}));
    }
  });
  return Json::object({{"items", items}});
}

Json case_services(const App& app, int64_t case_id) {
  std::map<int64_t, std::string> names;
  Json items = Json::array();
  for (auto& r : app.host.db().query(
           "SELECT s.id, s.lawyer_id, s.title, s.document_id, d.name, s.served_ms, "
           "s.delivered_ms, s.read_ms FROM services s JOIN case_documents d ON d.id = "
           "s.document_id WHERE s.case_id = ? ORDER BY s.id DESC",
           {case_id})) {
    const int64_t lawyer = r.integer("lawyer_id");
    if (!names.contains(lawyer)) {
      auto l = find_lawyer(app.host.db(), lawyer);
      names[lawyer] = l ? l->name : "";
    }
    items.push_back(
        Json::object({{"id", r.integer("id")},
                      {"lawyer", Json::object({{"id", lawyer}, {"name", names[lawyer]}})},
                      {"title", r.text("title")},
                      {"document_id", r.integer("document_id")},
                      {"document_name", r.text("name")},
                      {"served_ms", r.integer("served_ms")},
                      {"delivered_ms", r.integer("delivered_ms")},
                      {"read_ms", nullable(r, "read_ms")}}));
  }
  return Json::object({{"items", items}});
}

Json lawyer_services(const courthub::Sql& db, int64_t lawyer_id) {
  Json items = Json::array();
  for (auto& r :
       db.query("SELECT id, case_id, case_number, title, served_ms, delivered_ms, read_ms "
                "FROM services WHERE lawyer_id = ? ORDER BY id DESC",
                {lawyer_id})) {
    items.push_back(Json::object({{"id", r.integer("id")},
                                  {"case_id", r.integer("case_id")},
                                  {"case_number", r.text("case_number")},
                                  {"title", r.text("title")},
                                  {"served_ms", r.integer("served_ms")},
                                  {"delivered_ms", r.integer("delivered_ms")},
                                  {"read_ms", nullable(r, "read_ms")}}));
  }
  return Json::object({{"items", items}});
}

courthub::Response open_served_document(const App& app, const Lawyer& lawyer, int64_t service_id) {
  auto& db = app.host.db();
  auto s = db.one("SELECT case_id, document_id FROM services WHERE id = ? AND lawyer_id = ?",
                  {service_id, lawyer.id});
  std::optional<CaseDocument> doc;
  if (s) doc = find_document(db, s->integer("case_id"), s->integer("document_id"));
  if (!doc) throw courthub::NotFound("no service " + std::to_string(service_id) + " among yours");
  const int64_t now = app.host.now_ms();
  courthub::Response stamped = stamped_document(app, lawyer, *doc, now);
  db.transaction([&](courthub::Transaction& tx) {
    record_view(tx, DocumentView{doc->case_id, doc->id, lawyer.id, std::nullopt, service_id, now});
    tx.exec("UPDATE services SET read_ms = ? WHERE id = ? AND read_ms IS NULL", {now, service_id});
  });
  return stamped;
}

}  // namespace lawyers
