// SPDX-License-Identifier: Apache-2.0
// SQL for attachments: the uploaded files (in the plugin's own database) and which instances'
// forms hold them.
//
// Ownership: rows are plain values. Threading: any, with the Sql given (writers take a
// transaction's). Errors: courthub::Error from the host; link() throws InvalidArgument as stated.
#pragma once

#include <courthub/database.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "form_validation.hpp"
#include "model.hpp"

namespace approvals {

struct AttachmentRow {
  int64_t id = 0;
  std::string uploader;  // userid
  std::string name;      // as the uploader named it (UTF-8)
  std::string type;      // media type
  int64_t size = 0;      // bytes
  std::string sha256;    // lower-case hex
  int64_t created_ms = 0;
};

namespace attachment_store {

using courthub::Sql;

// Stores the file; returns the row with its new id.
AttachmentRow insert(Sql& tx, AttachmentRow row, const std::string& bytes);
// The row without its bytes, or nullopt.
std::optional<AttachmentRow> find(const Sql& sql, int64_t id);
// The file's bytes ("" when there is no such id).
std::string content(const Sql& sql, int64_t id);
// The instances whose forms hold the attachment, oldest first.
std::vector<int64_t> instances_of(const Sql& sql, int64_t id);

// The attachment fields' problems that need the store, for a form validate_form accepted: every
// id must exist, have been uploaded by `originator`, and not be held by an instance that is
// RUNNING or approved (an instance refused, returned, withdrawn or canceled lets its files go to
// a resubmission; the instance `own_instance` itself, resubmitted in place, is no obstacle either).
// On success rewrites each item of `form` to the stored {id, name, type, size}.
std::vector<FieldError> check_form(const Sql& sql, const Template& tpl, Json& form,
                                   const std::string& originator, int64_t own_instance = 0);
// The attachment ids a (checked) form holds.
std::vector<int64_t> ids_in(const Template& tpl, const Json& form);
// Records that `instance_id`'s form holds `ids`. Throws InvalidArgument when one of them was
// taken by another instance since check_form (two submits racing with the same file).
void link(Sql& tx, int64_t instance_id, const std::vector<int64_t>& ids);
// The instance's form now holds exactly `ids` (a resubmission): links the new ones as link()
// does and releases the files it no longer holds.
void relink(Sql& tx, int64_t instance_id, const std::vector<int64_t>& ids);

// Deletes uploads no instance holds that were made before `cutoff_ms`; returns how many.
int64_t purge_unused(Sql& tx, int64_t cutoff_ms);

}  // namespace attachment_store
}  // namespace approvals
