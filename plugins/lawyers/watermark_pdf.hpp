// SPDX-License-Identifier: Apache-2.0
// Stamps a PDF through PoDoFo: the watermark line along the foot of every page, in the given
// TrueType font (embedded as a subset, with a ToUnicode map so the line can be searched and
// copied), drawn over the page's own content.
//
// Threading: any thread, concurrently (each call has its own document; PoDoFo is built
// multi-threaded). Errors: see the function.
#pragma once

#include <string>
#include <string_view>

namespace lawyers {

// The stamped copy of `pdf`. `font` is TrueType bytes (watermark_font.hpp).
// Errors: courthub::InvalidArgument "the PDF cannot be stamped: ..." for a file PoDoFo cannot
// read or write (damaged, or encrypted with a password).
std::string watermark_pdf(std::string_view pdf, const std::string& line, const std::string& font);

}  // namespace lawyers
