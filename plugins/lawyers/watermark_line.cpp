// SPDX-License-Identifier: Apache-2.0
#include "watermark_line.hpp"

#include <courthub/time.hpp>

namespace lawyers {

std::string watermark_line(const std::string& name, const std::string& licence_no, int64_t at_ms) {
  return "阅卷人 " + name + " 执业证号 " + licence_no + " " + courthub::time::format_local(at_ms) +
         " 仅供本案诉讼使用";
}

}  // namespace lawyers
