// SPDX-License-Identifier: Apache-2.0
#include "identity_settings.hpp"

namespace lawyers {

void read_identity_settings(const courthub::Json& json, const std::string& pointer,
                            IdentitySettings& out, courthub::SettingsErrors& errors) {
  for (auto& [key, value] : json.items()) {
    const std::string at = pointer + "/" + key;
    if (key == "registry_file") {
      if (!value.is_string()) errors.add(at, "must be a file path (text)");
      else out.registry = std::make_shared<RegistryFile>(value.get<std::string>());
    } else if (key == "data_key") {
      if (!value.is_string()) {
        errors.add(at, "must be 64 hex characters (text)");
      } else if (auto problem = PersonalDataKey::problem(value.get<std::string>())) {
        errors.add(at, *problem);  // never echo the value: it is a secret
      } else {
        out.data_key = PersonalDataKey::from_hex(value.get<std::string>());
      }
    } else if (key == "password_cost") {
      const std::string v = value.is_string() ? value.get<std::string>() : "";
      if (v == "interactive") out.password_cost = PasswordCost::Interactive;
      else if (v == "moderate") out.password_cost = PasswordCost::Moderate;
      else errors.add(at, "must be interactive or moderate");
    } else {
      errors.add(at, "unknown key; allowed keys: registry_file, data_key, password_cost");
    }
  }
}

const PersonalDataKey& require_data_key(const IdentitySettings& s) {
  if (!s.data_key)
    throw courthub::Unavailable(
        "lawyers: identity.data_key is not set (64 hex characters; docs/lawyers.md, Identity)");
  return *s.data_key;
}

}  // namespace lawyers
