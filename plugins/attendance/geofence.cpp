// SPDX-License-Identifier: Apache-2.0
// Haversine distance and the Normal/Outside decision of a check-in.
#include "geofence.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>

namespace attendance {

namespace {

constexpr double kEarthRadiusM = 6371000.0;

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

bool same_bssid(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

const WifiSpot* matching_wifi(const Group& group, const WifiSeen& seen) {
  if (!seen.bssid.empty())
    for (auto& w : group.wifis)
      if (!w.bssid.empty() && same_bssid(w.bssid, seen.bssid)) return &w;
  if (!seen.ssid.empty())
    for (auto& w : group.wifis)
      if (w.bssid.empty() && w.ssid == seen.ssid) return &w;
  return nullptr;
}

}  // namespace

double distance_m(double lat1, double lng1, double lat2, double lng2) {
  const double dlat = radians(lat2 - lat1);
  const double dlng = radians(lng2 - lng1);
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(radians(lat1)) * std::cos(radians(lat2)) * std::sin(dlng / 2) *
                       std::sin(dlng / 2);
  return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(a)));
}

Placement place(const Group& group, const std::optional<Position>& position,
                const std::optional<WifiSeen>& wifi) {
  Placement out;
  if (position) {
    out.method = "MAP";
    const GeoFence* nearest = nullptr;
    for (auto& loc : group.locations) {
      const double d = distance_m(position->latitude, position->longitude, loc.latitude,
                                  loc.longitude);
      if (d <= loc.radius_m) {
        out.inside = true;
        out.place = loc.title;
        out.distance_m = d;
        return out;
      }
      if (!nearest || d < *out.distance_m) {
        nearest = &loc;
        out.distance_m = d;
      }
    }
  }
  if (wifi) {
    if (const WifiSpot* w = matching_wifi(group, *wifi)) {
      out.inside = true;
      out.method = "WIFI";
      out.place = w->ssid;
      return out;
    }
    if (!position) out.method = "WIFI";
  }
  return out;
}

}  // namespace attendance
