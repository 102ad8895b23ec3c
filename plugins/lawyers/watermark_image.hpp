// SPDX-License-Identifier: Apache-2.0
// Stamps a JPEG or PNG through libgd: the watermark line along the foot of the image, in the
// given TrueType font (FreeType through gdImageStringFT), on a light band so it reads on any
// picture. The image keeps its size and type.
//
// Threading: any thread, concurrently (libgd's FreeType cache is guarded by libgd itself).
// Errors: see the function.
#pragma once

#include <string>
#include <string_view>

namespace lawyers {

// The stamped copy of `image`, of `type` "image/jpeg" or "image/png". `font_path` names a
// TrueType font or collection file.
// Errors: courthub::InvalidArgument for bytes libgd cannot decode or another type;
// courthub::Unavailable when the font cannot be used (the message names libgd's reason).
std::string watermark_image(std::string_view image, std::string_view type, const std::string& line,
                            const std::string& font_path);

}  // namespace lawyers
