// SPDX-License-Identifier: Apache-2.0
// T-scores, tiers, ranks, bands and medians: the numbers of spec §4, nothing about boards.
#include "scoring.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace board {

std::string_view id_of(Tier t) {
  switch (t) {
    case Tier::Red: return "red";
    case Tier::Yellow: return "yellow";
    case Tier::Green: return "green";
  }
  return "";
}

std::string_view id_of(Band b) {
  switch (b) {
    case Band::Top25: return "top_25";
    case Band::Upper: return "25_50";
    case Band::Lower: return "50_75";
    case Band::Bottom25: return "bottom_25";
  }
  return "";
}

std::vector<std::optional<double>> t_scores(const std::vector<std::optional<double>>& values,
                                            Direction d) {
  std::vector<std::optional<double>> out(values.size());
  double sum = 0;
  size_t n = 0;
  for (const auto& v : values)
    if (v) sum += *v, ++n;
  if (n == 0) return out;
  double mean = sum / static_cast<double>(n);
  double squares = 0;
  for (const auto& v : values)
    if (v) squares += (*v - mean) * (*v - mean);
  double sigma = std::sqrt(squares / static_cast<double>(n));
  bool flat = sigma <= 1e-12 * std::max(1.0, std::abs(mean));
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    if (flat) {
      out[i] = 50.0;
      continue;
    }
    double z = (*values[i] - mean) / sigma;
    if (d == Direction::Down) z = -z;
    z = std::clamp(z, -3.0, 3.0);
    out[i] = 50.0 + 10.0 * z;
  }
  return out;
}

std::vector<std::optional<Tier>> tiers(const std::vector<std::optional<double>>& scores,
                                       const std::vector<std::string>& codes,
                                       int32_t red_percent, int32_t yellow_percent) {
  assert(scores.size() == codes.size());
  std::vector<std::optional<Tier>> out(scores.size());
  std::vector<size_t> order;
  order.reserve(scores.size());
  for (size_t i = 0; i < scores.size(); ++i)
    if (scores[i]) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (*scores[a] != *scores[b]) return *scores[a] < *scores[b];
    return codes[a] < codes[b];
  });
  // ⌈n·p/100⌉ in integers: in doubles 0.14 * 50 is 7.000000000000001 and would ceil to 8.
  int64_t n = static_cast<int64_t>(order.size());
  int64_t red = (n * red_percent + 99) / 100;
  int64_t yellow = (n * yellow_percent + 99) / 100;
  for (int64_t k = 0; k < n; ++k)
    out[order[k]] = k < red ? Tier::Red : k < red + yellow ? Tier::Yellow : Tier::Green;
  return out;
}

std::vector<std::optional<int>> ranks(const std::vector<std::optional<double>>& composites) {
  std::vector<std::optional<int>> out(composites.size());
  std::vector<size_t> order;
  order.reserve(composites.size());
  for (size_t i = 0; i < composites.size(); ++i)
    if (composites[i]) order.push_back(i);
  // Stable: equal composites keep the input's order (the board passes members by code).
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return *composites[a] > *composites[b]; });
  for (size_t k = 0; k < order.size(); ++k) {
    bool tied = k > 0 && std::abs(*composites[order[k]] - *composites[order[k - 1]]) <=
                             kRankTolerance;
    out[order[k]] = tied ? *out[order[k - 1]] : static_cast<int>(k + 1);
  }
  return out;
}

std::optional<Band> band_of(int rank, int ranked_count) {
  if (rank < 1 || ranked_count < rank) return std::nullopt;
  // p = rank / n against 1/4, 1/2, 3/4, exactly.
  int64_t r = rank, n = ranked_count;
  if (4 * r <= n) return Band::Top25;
  if (2 * r <= n) return Band::Upper;
  if (4 * r <= 3 * n) return Band::Lower;
  return Band::Bottom25;
}

std::optional<double> median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + mid, values.end());
  double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  double lower = *std::max_element(values.begin(), values.begin() + mid);
  return (lower + upper) / 2;
}

}  // namespace board
