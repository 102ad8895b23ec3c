// SPDX-License-Identifier: Apache-2.0
// The watermark's font as TrueType bytes: a .ttf as it is, a .ttc collection cut down to its
// first face (PoDoFo subsets only single TrueType fonts; Debian's CJK fonts ship as .ttc).
//
// Threading: any thread; the bytes of each path are read once and kept for the process (a font
// file does not change under a running server; a changed path is read anew).
// Errors: see the function.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace lawyers {

// The TrueType font at `path` (first face of a collection). Errors: courthub::Unavailable
// naming the path when the file cannot be read or is not a TrueType font or collection.
std::shared_ptr<const std::string> truetype_font(const std::string& path);

// The first face of a TrueType collection as a standalone font; a single font comes back
// unchanged. Exposed for tests. Errors: InvalidArgument for a truncated or foreign file.
std::string first_face(std::string_view font);

}  // namespace lawyers
