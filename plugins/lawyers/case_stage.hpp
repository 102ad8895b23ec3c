// SPDX-License-Identifier: Apache-2.0
// A case's stages (立案 → 分案 → 排期 → 开庭 → 宣判 → 送达 → 归档) and the rules that move it:
// forward only, and what a hearing's status in rooms says about the stage.
//
// Threading: pure functions, any thread. Errors: none thrown; parse_* return nullopt.
#pragma once

#include <optional>
#include <string_view>

#include "case_access.hpp"

namespace lawyers {

inline constexpr CaseStage kAllStages[] = {CaseStage::Filed,    CaseStage::Assigned,
                                           CaseStage::Scheduled, CaseStage::Heard,
                                           CaseStage::Decided,  CaseStage::Served,
                                           CaseStage::Archived};

std::string_view stage_code(CaseStage s);   // "filed" ...
std::string_view stage_label(CaseStage s);  // 立案 ...
std::optional<CaseStage> parse_stage(std::string_view code);

// Whether a case at `from` may be moved to `to` by hand: strictly forward.
bool moves_forward(CaseStage from, CaseStage to);

// The stage a hearing of the case proves, from rooms' status: 已预约/已通知/测试通过 → 排期,
// 进行中/已结束 → 开庭; 已改期/已取消/已释放 prove nothing (nullopt).
std::optional<CaseStage> stage_of_hearing(std::string_view hearing_status);

// The stage after `current` learns of `evidence`: the later of the two (never backwards).
CaseStage later_stage(CaseStage current, CaseStage evidence);

}  // namespace lawyers
