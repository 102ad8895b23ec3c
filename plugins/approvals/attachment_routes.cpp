// SPDX-License-Identifier: Apache-2.0
// Upload and download of attachments. The body of an upload is the file itself, its type in
// Content-Type and its name in X-File-Name (percent-encoded UTF-8).
#include "attachment_routes.hpp"

#include "attachment_store.hpp"
#include "effects.hpp"
#include "file_kinds.hpp"
#include "instance_store.hpp"
#include "routes.hpp"
#include "sha256.hpp"
#include "visibility.hpp"

namespace approvals {
namespace {

using courthub::InvalidArgument;
using courthub::NotFound;
using courthub::PermissionDenied;
using courthub::Request;
using courthub::Response;

Json attachment_json(const AttachmentRow& a) {
  return Json::object({{"id", a.id}, {"name", a.name}, {"type", a.type}, {"size", a.size}});
}

// The uploader, and whoever may see an instance whose form holds it (GET /instances/{id}'s rule).
bool may_download(Context& ctx, const Viewer& v, const AttachmentRow& a) {
  if (v.sees_everything() || (v.is_staff() && v.user_id == a.uploader)) return true;
  auto& db = ctx.host.db();
  for (int64_t instance_id : attachment_store::instances_of(db, a.id)) {
    auto row = instance_store::find(db, instance_id);
    if (row && may_view(v, row->court_code, instance_store::involvement(db, *row, v.user_id)))
      return true;
  }
  return false;
}

}  // namespace

void register_attachment_routes(courthub::Registrar& r, Context& ctx) {
  r.route("POST", "/attachments", [&ctx](const Request& req) {
    Viewer v = Viewer::of(req.caller);
    if (!v.is_staff()) throw PermissionDenied("sign in as a member of staff to upload files");
    if (req.body.empty())
      throw InvalidArgument("the body is empty: send the file itself as the body");
    std::string problem = file_kind_problem(req.media_type(), req.body);
    if (!problem.empty()) {
      Json body = Json::object(
          {{"error",
            Json::object({{"code", "unsupported_media_type"},
                          {"message", problem},
                          {"plugin", "approvals"},
                          {"details", Json::object({{"allowed", allowed_media_types()}})}})}});
      return Response::json(body, 415);
    }
    auto name = decode_file_name(req.header("x-file-name").value_or(""));
    if (!name)
      throw InvalidArgument(
          "X-File-Name is required: the file's name, percent-encoded UTF-8 "
          "(encodeURIComponent), at most 200 characters");
    AttachmentRow row;
    row.uploader = v.user_id;
    row.name = *name;
    row.type = req.media_type();
    row.size = static_cast<int64_t>(req.body.size());
    row.sha256 = sha256_hex(req.body);
    row.created_ms = ctx.now_ms();
    row = ctx.host.db().transaction(
        [&](courthub::Transaction& tx) { return attachment_store::insert(tx, row, req.body); });
    return Response::json(attachment_json(row), 201);
  });

  r.route("GET", "/attachments/{id}", [&ctx](const Request& req) {
    Viewer v = Viewer::of(req.caller);
    Json text(req.param("id"));
    int64_t id = id_from(&text);
    auto row = id > 0 ? attachment_store::find(ctx.host.db(), id) : std::nullopt;
    if (!row) throw NotFound("no file " + req.param("id"));
    // The name is not said: it may be what the caller is not allowed to learn.
    if (!may_download(ctx, v, *row))
      throw PermissionDenied("file " + req.param("id") +
                             " is not yours: its uploader and those who may see the approval "
                             "holding it open it");
    Response out{200, row->type, attachment_store::content(ctx.host.db(), id), {}};
    out.headers.emplace_back("Content-Disposition", content_disposition("inline", row->name));
    out.headers.emplace_back("X-Content-Type-Options", "nosniff");
    out.headers.emplace_back("Cache-Control", "private, no-store");
    return out;
  });
}

int64_t purge_unused_attachments(Context& ctx, int64_t now_ms) {
  int64_t n = ctx.host.db().transaction([&](courthub::Transaction& tx) {
    return attachment_store::purge_unused(tx, now_ms - kUnusedAttachmentMs);
  });
  if (n > 0) ctx.host.info("deleted " + std::to_string(n) + " unused attachment(s)");
  return n;
}

}  // namespace approvals
