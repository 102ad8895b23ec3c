// SPDX-License-Identifier: Apache-2.0
// T-scores, tiers, ranks, bands and medians (stub bodies; implemented next).
#include "scoring.hpp"

namespace board {

std::string_view id_of(Tier) { return ""; }
std::string_view id_of(Band) { return ""; }
std::vector<std::optional<double>> t_scores(const std::vector<std::optional<double>>& values,
                                            Direction) {
  return std::vector<std::optional<double>>(values.size());
}
std::vector<std::optional<Tier>> tiers(const std::vector<std::optional<double>>& scores,
                                       const std::vector<std::string>&, int32_t, int32_t) {
  return std::vector<std::optional<Tier>>(scores.size());
}
std::vector<std::optional<int>> ranks(const std::vector<std::optional<double>>& composites) {
  return std::vector<std::optional<int>>(composites.size());
}
std::optional<Band> band_of(int, int) { return std::nullopt; }
std::optional<double> median(std::vector<double>) { return std::nullopt; }

}  // namespace board
