// SPDX-License-Identifier: Apache-2.0
// Text rules shared by forms, conditions and messages: dates, UTF-8 lengths, display strings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model.hpp"

namespace approvals {

// "2024-05-01" (with_time false) or "2024-05-01 09:00", "2024-05-01T09:00", "… 09:00:30"
// (with_time true), naming a real calendar day and time.
bool valid_date_text(std::string_view text, bool with_time);

// The same instant written one way ('T' becomes ' '), so date texts order as strings.
std::string normalized_date_text(std::string_view text);

// Characters, not bytes: a 500-character limit means 500 汉字.
size_t utf8_length(std::string_view text);

std::string trim(std::string_view text);


// A form value as one line for cards, lists and chat: "2024-05-01 ~ 2024-05-03", "事假",
// "2 个附件".
std::string display_value(const FieldSpec& field, const Json& value);

// Chinese words for statuses and results, for people.
std::string status_text(std::string_view status, std::string_view result);
std::string task_status_text(std::string_view status, std::string_view result);

}  // namespace approvals
