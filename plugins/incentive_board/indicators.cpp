// SPDX-License-Identifier: Apache-2.0
// The 18 indicators (stub; the implementation follows).
#include "indicators.hpp"

namespace board {

const std::array<IndicatorDef, 18> kIndicators = {};
int indicator_index(std::string_view) { return -1; }
MeasureSet measure(const CaseTable&, const Org& org, Window) {
  MeasureSet m;
  m.courts.resize(org.courts.size());
  m.judges.resize(org.judges.size());
  return m;
}
std::optional<double> indicator_value(int, const Measure&, int64_t) { return std::nullopt; }

}  // namespace board
