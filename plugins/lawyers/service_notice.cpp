// SPDX-License-Identifier: Apache-2.0
#include "service_notice.hpp"

namespace lawyers {

std::string service_notice(const std::string& sign, const std::string& lawyer_name,
                           const std::string& case_number) {
  return "【" + sign + "】" + lawyer_name + "律师：您代理的案件" + case_number +
         "有新的送达文书，请登录律师服务平台查看。";
}

}  // namespace lawyers
