// SPDX-License-Identifier: Apache-2.0
// The `identity:` mapping of the lawyers plugin's settings:
//   registry_file: the verification registry CSV (absolute, or relative to the plugin's data
//                  directory); default none: every registration is "not found" until set
//   data_key:      64 hex characters that seal ID numbers and mobiles; without it registration
//                  and the staff views answer 503 naming this setting
//   password_cost: interactive (default) | moderate — the argon2id work per hash
#pragma once

#include <courthub/plugin.hpp>

#include <memory>
#include <optional>
#include <string>

#include "password.hpp"
#include "personal_data.hpp"
#include "registry.hpp"

namespace lawyers {

struct IdentitySettings {
  // Never null; shared by every handler (it re-reads the file when it changes).
  std::shared_ptr<RegistryFile> registry = std::make_shared<RegistryFile>("");
  std::optional<PersonalDataKey> data_key;
  PasswordCost password_cost = PasswordCost::Interactive;
};

// Reads `json` (the mapping at `pointer`, which read_settings has checked) into `out`;
// problems go to `errors` by pointer. Opens no file (configure also runs in check-config):
// the registry file is read at first use.
void read_identity_settings(const courthub::Json& json, const std::string& pointer,
                            IdentitySettings& out, courthub::SettingsErrors& errors);

// The data key, or Error(Unavailable) naming the setting when none is configured.
const PersonalDataKey& require_data_key(const IdentitySettings& s);

}  // namespace lawyers
