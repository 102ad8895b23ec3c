// SPDX-License-Identifier: Apache-2.0
// The `access:` mapping of the lawyers plugin's settings: the font the watermark line is drawn
// with and the sign (签名) that opens each SMS notice of electronic service.
#pragma once

#include <courthub/plugin.hpp>

#include <string>

namespace lawyers {

struct AccessSettings {
  // A TrueType font with CJK and Latin glyphs (.ttf, or .ttc: its first face), drawn into PDFs
  // (embedded as a subset) and images. Debian's fonts-wqy-microhei by default.
  std::string watermark_font = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
  // The 【sign】 of SMS notices; empty = the name of the case's court (the directory's).
  std::string sms_sign;
};

// Reads `json` (the mapping at `pointer`, which read_settings has checked) into `out`;
// problems go to `errors` by pointer: an unknown key, a value that is not a string, a font
// file that cannot be read, a sign longer than 20 characters.
void read_access_settings(const courthub::Json& json, const std::string& pointer,
                          AccessSettings& out, courthub::SettingsErrors& errors);

}  // namespace lawyers
