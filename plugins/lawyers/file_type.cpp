// SPDX-License-Identifier: Apache-2.0
// Magic bytes of the three kinds of file a filing may hold.
#include "file_type.hpp"

#include <algorithm>

namespace lawyers {

std::string sniff_file_type(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) return "application/pdf";
  if (bytes.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return "image/png";
  return {};
}

std::string type_of_extension(std::string_view name) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  std::string ext(name.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  if (ext == "pdf") return "application/pdf";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "png") return "image/png";
  return "?";
}

std::string file_type_problem(std::string_view bytes, std::string_view name,
                              std::string_view declared) {
  const std::string actual = sniff_file_type(bytes);
  if (actual.empty())
    return "only PDF, JPEG and PNG files are accepted, and this file is none of them";
  if (!declared.empty() && declared != "application/octet-stream" && declared != actual)
    return "the Content-Type says " + std::string(declared) + " but the file is " + actual;
  const std::string claimed = type_of_extension(name);
  if (claimed == "?")
    return "the file name's extension is not .pdf, .jpg, .jpeg or .png";
  if (!claimed.empty() && claimed != actual)
    return "the file name says " + claimed + " but the file is " + actual;
  return {};
}

}  // namespace lawyers
