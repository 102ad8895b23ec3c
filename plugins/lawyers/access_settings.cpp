// SPDX-License-Identifier: Apache-2.0
#include "access_settings.hpp"

#include <fstream>

namespace lawyers {

void read_access_settings(const courthub::Json& json, const std::string& pointer,
                          AccessSettings& out, courthub::SettingsErrors& errors) {
  for (auto& [key, value] : json.items()) {
    const std::string at = pointer + "/" + key;
    if (key != "watermark_font" && key != "sms_sign") {
      errors.add(at, "unknown key; allowed keys: watermark_font, sms_sign");
      continue;
    }
    if (!value.is_string()) {
      errors.add(at, "must be a string");
      continue;
    }
    if (key == "watermark_font")
      out.watermark_font = value.get<std::string>();
    else
      out.sms_sign = value.get<std::string>();
  }
  // Found now rather than at the first file view: a court learns it from check-config.
  if (!std::ifstream(out.watermark_font, std::ios::binary)) {
    errors.add(pointer + "/watermark_font",
               "cannot read '" + out.watermark_font +
                   "': install fonts-wqy-microhei or name another TrueType font with CJK glyphs");
  }
  size_t chars = 0;
  for (char c : out.sms_sign) chars += (c & 0xC0) != 0x80;
  if (chars > 20) errors.add(pointer + "/sms_sign", "must be at most 20 characters");
}

}  // namespace lawyers
