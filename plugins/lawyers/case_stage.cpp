// SPDX-License-Identifier: Apache-2.0
// Stage codes, labels and the forward-only rule.
#include "case_stage.hpp"

namespace lawyers {
namespace {

struct StageName {
  std::string_view code, label;
};
constexpr StageName kNames[] = {{"filed", "立案"},   {"assigned", "分案"}, {"scheduled", "排期"},
                                {"heard", "开庭"},   {"decided", "宣判"},  {"served", "送达"},
                                {"archived", "归档"}};

}  // namespace

std::string_view stage_code(CaseStage s) { return kNames[static_cast<int>(s)].code; }
std::string_view stage_label(CaseStage s) { return kNames[static_cast<int>(s)].label; }

std::optional<CaseStage> parse_stage(std::string_view code) {
  for (CaseStage s : kAllStages)
    if (stage_code(s) == code) return s;
  return std::nullopt;
}

bool moves_forward(CaseStage from, CaseStage to) {
  return static_cast<int>(to) > static_cast<int>(from);
}

std::optional<CaseStage> stage_of_hearing(std::string_view status) {
  if (status == "已预约" || status == "已通知" || status == "测试通过") return CaseStage::Scheduled;
  if (status == "进行中" || status == "已结束") return CaseStage::Heard;
  return std::nullopt;
}

CaseStage later_stage(CaseStage current, CaseStage evidence) {
  return moves_forward(current, evidence) ? evidence : current;
}

}  // namespace lawyers
