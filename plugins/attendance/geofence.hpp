// SPDX-License-Identifier: Apache-2.0
// geofence.hpp — where a check-in was made, as the group sees it: inside one of its locations
// (地点打卡, method MAP) or at one of its Wi-Fi access points (Wi-Fi 打卡, method WIFI) is
// `Normal`; anything else is `Outside` (外勤). DingTalk's locationResult / locationMethod.
//
// Pure values and functions: any thread. Errors: none thrown; inputs are taken as given (the
// routes check ranges before they call).
#pragma once

#include <optional>
#include <string>

#include "group.hpp"

namespace attendance {

// Metres between two points on a sphere of radius 6,371,000 m (haversine).
double distance_m(double lat1, double lng1, double lat2, double lng2);

struct Position {
  double latitude = 0, longitude = 0;
  std::optional<double> accuracy;  // metres, as the phone reports it: recorded, not used
};

struct WifiSeen {
  std::string ssid;
  std::string bssid;  // any case, "aa:bb:..."; "" when the phone did not report it
};

struct Placement {
  bool inside = false;          // locationResult: true "Normal", false "Outside"
  std::string method;           // "MAP" | "WIFI"; "" when neither a position nor Wi-Fi was given
  std::string place;            // the matched location's title or Wi-Fi's SSID; "" when Outside
  std::optional<double> distance_m;  // to the matched (else the nearest) location; none without
                                     // a position or without locations
  std::string location_result() const { return inside ? "Normal" : "Outside"; }
};

// Decides a check-in of a member of `group`. Normal when the position lies within a location's
// radius (distance ≤ radius_m; the first such location, else the nearest is reported) — method
// MAP — or else when the Wi-Fi's BSSID equals (case-insensitively) one of the group's, or its
// SSID equals an entry whose bssid is empty — method WIFI. Otherwise Outside, method MAP when a
// position was given, else WIFI.
Placement place(const Group& group, const std::optional<Position>& position,
                const std::optional<WifiSeen>& wifi);

}  // namespace attendance
