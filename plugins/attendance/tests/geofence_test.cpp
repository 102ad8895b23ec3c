// SPDX-License-Identifier: Apache-2.0
// geofence: the haversine distance on a 6,371,000 m sphere and the Normal/Outside decision of a
// check-in by position and Wi-Fi (COMMON.md "Punches").
#include "geofence.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace attendance {
namespace {

constexpr double kDegreeM = 6371000.0 * std::numbers::pi / 180.0;  // 111,194.93 m

// 沈阳市中级人民法院-like building (synthetic coordinates) with a 500 m fence and two Wi-Fis.
Group court_group() {
  Group g;
  g.id = "ln-bc-sy-01-default";
  g.court = "LN-BC-SY-01";
  g.locations = {GeoFence{"审判楼", "沈阳市和平区", 41.8000, 123.4000, 500},
                 GeoFence{"诉讼服务中心", "沈阳市和平区", 41.8100, 123.4000, 200}};
  g.wifis = {WifiSpot{"COURT-OFFICE", "aa:bb:cc:dd:ee:01"}, WifiSpot{"COURT-GUEST", ""}};
  return g;
}

TEST(Geofence, DistanceOfOneDegreeOfLatitudeIsTheSphereArc) {
  EXPECT_NEAR(distance_m(0, 0, 1, 0), kDegreeM, 1e-6);
  EXPECT_NEAR(distance_m(41.8, 123.4, 42.8, 123.4), kDegreeM, 1e-6);
  // Along the equator too; at 60° north a degree of longitude is about half as long.
  EXPECT_NEAR(distance_m(0, 10, 0, 11), kDegreeM, 1e-6);
  EXPECT_NEAR(distance_m(60, 10, 60, 11), kDegreeM / 2, 5.0);
}

TEST(Geofence, DistanceIsSymmetricAndZeroAtTheSamePoint) {
  EXPECT_DOUBLE_EQ(distance_m(41.8, 123.4, 41.8, 123.4), 0.0);
  EXPECT_NEAR(distance_m(39.9087, 116.3975, 31.2304, 121.4737),
              distance_m(31.2304, 121.4737, 39.9087, 116.3975), 1e-6);
  // Beijing (天安门) to Shanghai (人民广场): about 1,067 km on this sphere.
  EXPECT_NEAR(distance_m(39.9087, 116.3975, 31.2304, 121.4737), 1067000, 3000);
  // Antipodes: half the circumference, no NaN from rounding.
  EXPECT_NEAR(distance_m(0, 0, 0, 180), 6371000.0 * std::numbers::pi, 1e-3);
}

TEST(Geofence, InsideTheRadiusIsNormalByMap) {
  auto p = place(court_group(), Position{41.8010, 123.4000, 30.0}, std::nullopt);
  EXPECT_TRUE(p.inside);
  EXPECT_EQ(p.location_result(), "Normal");
  EXPECT_EQ(p.method, "MAP");
  EXPECT_EQ(p.place, "审判楼");
  ASSERT_TRUE(p.distance_m);
  EXPECT_NEAR(*p.distance_m, 0.001 * kDegreeM, 0.01);
}

TEST(Geofence, TheRadiusItselfIsInsideAndOneMetreMoreIsNot) {
  Group g = court_group();
  g.locations.resize(1);
  // A point due north: its distance in whole metres becomes the radius.
  const double lat = 41.8000 + 0.0045;
  const double d = distance_m(lat, 123.4, 41.8, 123.4);  // ≈ 500.38 m
  g.locations[0].radius_m = static_cast<int>(std::ceil(d));
  EXPECT_TRUE(place(g, Position{lat, 123.4, {}}, std::nullopt).inside);
  g.locations[0].radius_m = static_cast<int>(std::floor(d));
  auto out = place(g, Position{lat, 123.4, {}}, std::nullopt);
  EXPECT_FALSE(out.inside);
  EXPECT_EQ(out.location_result(), "Outside");
  EXPECT_EQ(out.method, "MAP");
  EXPECT_EQ(out.place, "");
  EXPECT_NEAR(*out.distance_m, d, 1e-9);
}

TEST(Geofence, AnyOfTheLocationsCounts) {
  // 诉讼服务中心 is 0.01° (1.1 km) north of 审判楼: a point 100 m from it is inside its 200 m.
  auto p = place(court_group(), Position{41.8109, 123.4000, {}}, std::nullopt);
  EXPECT_TRUE(p.inside);
  EXPECT_EQ(p.place, "诉讼服务中心");
}

TEST(Geofence, OutsideReportsTheNearestLocation) {
  // 2 km south of 审判楼 and 3.1 km from 诉讼服务中心.
  auto p = place(court_group(), Position{41.8000 - 2000 / kDegreeM, 123.4000, {}}, std::nullopt);
  EXPECT_FALSE(p.inside);
  ASSERT_TRUE(p.distance_m);
  EXPECT_NEAR(*p.distance_m, 2000, 0.01);
}

TEST(Geofence, WifiByBssidIgnoresCase) {
  auto p = place(court_group(), std::nullopt, WifiSeen{"whatever", "AA:BB:CC:DD:EE:01"});
  EXPECT_TRUE(p.inside);
  EXPECT_EQ(p.method, "WIFI");
  EXPECT_EQ(p.place, "COURT-OFFICE");
  EXPECT_FALSE(p.distance_m);
}

TEST(Geofence, WifiBySsidOnlyForEntriesWithoutBssid) {
  // COURT-GUEST lists no BSSID: any access point of that SSID is inside.
  EXPECT_TRUE(place(court_group(), std::nullopt, WifiSeen{"COURT-GUEST", "11:22:33:44:55:66"}).inside);
  // COURT-OFFICE names its BSSID: the SSID alone (another access point) is not enough.
  auto p = place(court_group(), std::nullopt, WifiSeen{"COURT-OFFICE", "11:22:33:44:55:66"});
  EXPECT_FALSE(p.inside);
  EXPECT_EQ(p.method, "WIFI");
  // SSIDs are compared exactly.
  EXPECT_FALSE(place(court_group(), std::nullopt, WifiSeen{"court-guest", ""}).inside);
}

TEST(Geofence, WifiRescuesAPositionOutsideTheFence) {
  auto p = place(court_group(), Position{30.0, 120.0, 2000.0}, WifiSeen{"COURT-GUEST", ""});
  EXPECT_TRUE(p.inside);
  EXPECT_EQ(p.method, "WIFI");
  // The position's distance is still reported.
  ASSERT_TRUE(p.distance_m);
  EXPECT_GT(*p.distance_m, 1000000);
}

TEST(Geofence, AccuracyIsRecordedNotUsed) {
  // 600 m away with a 1 km accuracy circle: still outside the 500 m fence.
  auto p = place(court_group(), Position{41.8000 - 600 / kDegreeM, 123.4000, 1000.0}, std::nullopt);
  EXPECT_FALSE(p.inside);
}

TEST(Geofence, AGroupWithoutLocationsOrWifisIsAlwaysOutside) {
  Group g;
  auto p = place(g, Position{41.8, 123.4, {}}, WifiSeen{"COURT-GUEST", "aa:bb:cc:dd:ee:01"});
  EXPECT_FALSE(p.inside);
  EXPECT_EQ(p.method, "MAP");
  EXPECT_FALSE(p.distance_m);
  EXPECT_EQ(place(g, std::nullopt, std::nullopt).method, "");
}

}  // namespace
}  // namespace attendance
