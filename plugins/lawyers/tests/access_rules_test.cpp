// SPDX-License-Identifier: Apache-2.0
// The rules of the access part, without a host: the days a window covers (Beijing time), what
// a 阅卷 request may ask for, the request ids approvals answers with, the categories lawyers
// may see, and the SMS notice's words.
#include <gtest/gtest.h>

#include "access_window.hpp"
#include "case_documents.hpp"
#include "file_access_request.hpp"
#include "service_notice.hpp"

namespace lawyers {
namespace {

using courthub::Json;
namespace time = courthub::time;

// 2026-12-07 09:00 Beijing.
constexpr int64_t kMonday9 = 1796605200000;

TEST(AccessWindow, CoversWholeBeijingDays) {
  AccessWindow w = window_of(time::make_date(2026, 12, 7), time::make_date(2026, 12, 9));
  EXPECT_EQ(w.opens_ms, 1796572800000);       // 2026-12-07 00:00 +08:00 = 12-06 16:00 UTC
  EXPECT_EQ(w.closes_ms, 1796832000000 - 1);  // 2026-12-10 00:00 +08:00, minus 1 ms
  EXPECT_FALSE(w.contains(w.opens_ms - 1));
  EXPECT_TRUE(w.contains(w.opens_ms));
  EXPECT_TRUE(w.contains(w.closes_ms));
  EXPECT_FALSE(w.contains(w.closes_ms + 1));
}

TEST(DocumentCategories, LawyersSeeEveryCategoryButThe副卷) {
  for (const char* open : {"正卷", "庭审笔录", "证据材料", "鉴定意见", "裁判文书"})
    EXPECT_TRUE(open_to_lawyers(open)) << open;
  EXPECT_FALSE(open_to_lawyers("副卷"));
  EXPECT_FALSE(open_to_lawyers("机密"));
  EXPECT_FALSE(open_to_lawyers(""));
}

Json form(Json materials, Json period, Json reason = "准备庭审") {
  return Json::object({{"materials", materials}, {"access_period", period}, {"reason", reason}});
}

Json fields_of(const Json& body) {
  try {
    read_file_access_form(body, kMonday9);
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.status(), courthub::Status::InvalidArgument);
    return e.details()["fields"];
  }
  return Json::object();
}

TEST(FileAccessForm, AGoodRequestIsRead) {
  FileAccessForm f = read_file_access_form(
      form(Json::array({"正卷", "证据材料"}), Json::array({"2026-12-07", "2026-12-11"})), kMonday9);
  EXPECT_EQ(f.materials, (std::vector<std::string>{"正卷", "证据材料"}));
  EXPECT_EQ(f.first, time::make_date(2026, 12, 7));
  EXPECT_EQ(f.last, time::make_date(2026, 12, 11));
  EXPECT_EQ(f.reason, "准备庭审");
}

TEST(FileAccessForm, The副卷AndUnknownOrRepeatedMaterialsAreRefused) {
  const Json days = Json::array({"2026-12-07", "2026-12-07"});
  EXPECT_EQ(fields_of(form(Json::array({"副卷"}), days))["materials"],
            "副卷 is never open to lawyers");
  EXPECT_TRUE(fields_of(form(Json::array({"机密"}), days)).contains("materials"));
  EXPECT_EQ(fields_of(form(Json::array({"正卷", "正卷"}), days))["materials"],
            "'正卷' is named twice");
  EXPECT_TRUE(fields_of(form(Json::array(), days)).contains("materials"));
  EXPECT_TRUE(fields_of(form("正卷", days)).contains("materials"));
}

TEST(FileAccessForm, ThePeriodIsTwoDatesInOrderNotOverAndAtMostThirtyDays) {
  const Json m = Json::array({"正卷"});
  EXPECT_TRUE(fields_of(form(m, Json::array({"2026-12-07"}))).contains("access_period"));
  EXPECT_TRUE(fields_of(form(m, Json::array({"2026-12-07", "12/09"}))).contains("access_period"));
  EXPECT_EQ(fields_of(form(m, Json::array({"2026-12-09", "2026-12-08"})))["access_period"],
            "the last day comes before the first");
  EXPECT_EQ(fields_of(form(m, Json::array({"2026-12-01", "2026-12-06"})))["access_period"],
            "the period has already ended");
  // Today counts: a request made on the last day of its period is fine.
  EXPECT_TRUE(fields_of(form(m, Json::array({"2026-12-01", "2026-12-07"}))).empty());
  EXPECT_TRUE(fields_of(form(m, Json::array({"2026-12-07", "2027-01-05"}))).empty());  // 30 days
  EXPECT_EQ(fields_of(form(m, Json::array({"2026-12-07", "2027-01-06"})))["access_period"],
            "at most 30 days");
}

TEST(FileAccessForm, EveryWrongFieldIsNamedAtOnce) {
  Json fields = fields_of(Json::object());
  EXPECT_TRUE(fields.contains("materials"));
  EXPECT_TRUE(fields.contains("access_period"));
  EXPECT_TRUE(fields.contains("reason"));
  std::string long_reason;
  for (int i = 0; i < 501; ++i) long_reason += "字";
  EXPECT_TRUE(
      fields_of(form(Json::array({"正卷"}), Json::array({"2026-12-07", "2026-12-07"}), long_reason))
          .contains("reason"));
}

TEST(FileAccessRequestId, OnlyFileAccessIdsAreOurs) {
  EXPECT_EQ(file_access_id_of("file_access:42"), 42);
  EXPECT_FALSE(file_access_id_of("booking:42"));
  EXPECT_FALSE(file_access_id_of("file_access:"));
  EXPECT_FALSE(file_access_id_of("file_access:-3"));
  EXPECT_FALSE(file_access_id_of("file_access:0"));
  EXPECT_FALSE(file_access_id_of("file_access:4x"));
  EXPECT_FALSE(file_access_id_of("file_access:99999999999999999999"));
}

TEST(ServiceNotice, NamesTheCourtTheLawyerAndTheCaseOnly) {
  EXPECT_EQ(service_notice("沈阳市和平区人民法院", "张三", "（2026）辽0102民初123号"),
            "【沈阳市和平区人民法院】张三律师：您代理的案件（2026）辽0102民初123号有新的送达文书，"
            "请登录律师服务平台查看。");
}

}  // namespace
}  // namespace lawyers
