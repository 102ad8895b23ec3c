// SPDX-License-Identifier: Apache-2.0
// Attachments in SQL (schema.cpp, migration 3): files and the instances that hold them.
#include "attachment_store.hpp"

#include <algorithm>

#include <courthub/error.hpp>

namespace json = courthub::json;

namespace approvals::attachment_store {
namespace {

using courthub::Blob;
using courthub::Row;

// An instance still "uses" its files while it runs or once approved; the other endings free
// them for a resubmission.
constexpr const char* kHolder =
    "SELECT i.id FROM instance_attachment l JOIN instance i ON i.id = l.instance_id "
    "WHERE l.attachment_id = ?1 AND (i.status IN ('NEW', 'RUNNING') OR "
    "(i.status = 'COMPLETED' AND i.result = 'agree')) AND i.id <> ?2 LIMIT 1";

AttachmentRow row_of(const Row& r) {
  return AttachmentRow{r[0].as_int(), r[1].as_string(), r[2].as_string(), r[3].as_string(),
                       r[4].as_int(), r[5].as_string(), r[6].as_int()};
}

// Calls fn(item, where) for each item of each attachment field, table columns included.
template <class F>
void each_item(const std::vector<FieldSpec>& fields, Json& values, const std::string& prefix,
               F&& fn) {
  if (!values.is_object()) return;
  for (auto& f : fields) {
    if (!values.contains(f.name)) continue;
    Json& v = values[f.name];
    std::string where = prefix.empty() ? f.name : prefix + "." + f.name;
    if (f.type == FieldType::kTable && v.is_array())
      for (size_t i = 0; i < v.size(); ++i)
        each_item(f.columns, v[i], where + "[" + std::to_string(i) + "]", fn);
    if (f.type == FieldType::kAttachment && v.is_array())
      for (size_t i = 0; i < v.size(); ++i) fn(f, v[i], where + "[" + std::to_string(i) + "]");
  }
}

}  // namespace

AttachmentRow insert(Sql& tx, AttachmentRow row, const std::string& bytes) {
  auto inserted = tx.one(
      "INSERT INTO attachment (uploader, name, type, size, sha256, content, "
      "created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
      {row.uploader, row.name, row.type, row.size, row.sha256, Blob{bytes}, row.created_ms});
  row.id = inserted->integer("id");
  return row;
}

std::optional<AttachmentRow> find(const Sql& sql, int64_t id) {
  auto r = sql.one(
      "SELECT id, uploader, name, type, size, sha256, created_ms FROM attachment "
      "WHERE id = ?1",
      {id});
  if (!r) return std::nullopt;
  return row_of(*r);
}

std::string content(const Sql& sql, int64_t id) {
  auto r = sql.one("SELECT content FROM attachment WHERE id = ?1", {id});
  return r ? (*r)[0].as_string() : std::string();
}

std::vector<int64_t> instances_of(const Sql& sql, int64_t id) {
  std::vector<int64_t> out;
  for (auto& r : sql.query("SELECT instance_id FROM instance_attachment WHERE attachment_id = ?1 "
                           "ORDER BY instance_id",
                           {id}))
    out.push_back(r[0].as_int());
  return out;
}

std::vector<FieldError> check_form(const Sql& sql, const Template& tpl, Json& form,
                                   const std::string& originator, int64_t own_instance) {
  std::vector<FieldError> errors;
  each_item(tpl.fields, form, "", [&](const FieldSpec& f, Json& item, const std::string& where) {
    int64_t id = json::get<int64_t>(item, "id");
    auto row = find(sql, id);
    if (!row || row->uploader != originator) {
      errors.push_back({where, f.label + ": no file " + std::to_string(id) +
                                   " uploaded by you (upload it with POST /attachments)"});
      return;
    }
    if (auto holder = sql.one(kHolder, {id, own_instance})) {
      errors.push_back({where, f.label + ": " + row->name + " is already attached to approval " +
                                   std::to_string((*holder)[0].as_int())});
      return;
    }
    item = Json::object(
        {{"id", row->id}, {"name", row->name}, {"type", row->type}, {"size", row->size}});
  });
  return errors;
}

std::vector<int64_t> ids_in(const Template& tpl, const Json& form) {
  std::vector<int64_t> out;
  Json copy = form;
  each_item(tpl.fields, copy, "", [&](const FieldSpec&, Json& item, const std::string&) {
    out.push_back(json::get<int64_t>(item, "id"));
  });
  return out;
}

void link(Sql& tx, int64_t instance_id, const std::vector<int64_t>& ids) {
  for (int64_t id : ids) {
    // A 400 like check_form's (not a Conflict, which a requesting plugin's retry would take for
    // "already opened"): the next attempt's check_form names the field.
    if (auto holder = tx.one(kHolder, {id, instance_id}))
      throw courthub::InvalidArgument("file " + std::to_string(id) +
                                      " was just attached to approval " +
                                      std::to_string((*holder)[0].as_int()));
    tx.exec(
        "INSERT INTO instance_attachment (instance_id, attachment_id) "
        "VALUES (?1, ?2) ON CONFLICT DO NOTHING",
        {instance_id, id});
  }
}

void relink(Sql& tx, int64_t instance_id, const std::vector<int64_t>& ids) {
  link(tx, instance_id, ids);
  for (auto& r : tx.query("SELECT attachment_id FROM instance_attachment WHERE instance_id = ?1",
                          {instance_id})) {
    int64_t held = r[0].as_int();
    if (std::find(ids.begin(), ids.end(), held) == ids.end())
      tx.exec("DELETE FROM instance_attachment WHERE instance_id = ?1 AND attachment_id = ?2",
              {instance_id, held});
  }
}

int64_t purge_unused(Sql& tx, int64_t cutoff_ms) {
  return tx
      .exec(
          "DELETE FROM attachment WHERE created_ms < ?1 AND NOT EXISTS "
          "(SELECT 1 FROM instance_attachment l WHERE l.attachment_id = attachment.id)",
          {cutoff_ms})
      .changes;
}

}  // namespace approvals::attachment_store
