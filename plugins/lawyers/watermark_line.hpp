// SPDX-License-Identifier: Apache-2.0
// The one line stamped on every page and image a lawyer is shown.
//
// Threading: any thread. Errors: none.
#pragma once

#include <cstdint>
#include <string>

namespace lawyers {

// "阅卷人 <name> 执业证号 <licence> <YYYY-MM-DD HH:MM> 仅供本案诉讼使用", the time in
// Asia/Shanghai.
std::string watermark_line(const std::string& name, const std::string& licence_no, int64_t at_ms);

}  // namespace lawyers
