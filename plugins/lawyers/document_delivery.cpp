// SPDX-License-Identifier: Apache-2.0
#include "document_delivery.hpp"

#include "file_store.hpp"
#include "watermark_font.hpp"
#include "watermark_image.hpp"
#include "watermark_line.hpp"
#include "watermark_pdf.hpp"

namespace lawyers {

std::string percent_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

courthub::Response stamped_document(const App& app, const Lawyer& lawyer, const CaseDocument& d,
                                    int64_t at_ms) {
  const std::string bytes = read_file(app, d.sha256);
  const std::string line = watermark_line(lawyer.name, lawyer.licence_no, at_ms);
  const std::string& font_path = app.settings.access.watermark_font;
  std::string stamped;
  if (d.type == "application/pdf") {
    stamped = watermark_pdf(bytes, line, *truetype_font(font_path));
  } else {
    stamped = watermark_image(bytes, d.type, line, font_path);
  }
  courthub::Response r{200, d.type, std::move(stamped), {}};
  r.headers.emplace_back("Content-Disposition",
                         "inline; filename*=UTF-8''" + percent_encoded(d.name));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

}  // namespace lawyers
