// SPDX-License-Identifier: Apache-2.0
// The SMS that tells a lawyer a document was served on them. It names the court (the sign),
// the lawyer and the case number only: no document content, no parties.
//
// Threading: any thread. Errors: none.
#pragma once

#include <string>

namespace lawyers {

// 【<sign>】<name>律师：您代理的案件<case_number>有新的送达文书，请登录律师服务平台查看。
std::string service_notice(const std::string& sign, const std::string& lawyer_name,
                           const std::string& case_number);

}  // namespace lawyers
