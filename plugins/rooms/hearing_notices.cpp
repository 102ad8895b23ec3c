// SPDX-License-Identifier: Apache-2.0
// HearingNotices: party notices through the outbox, with a manual list for parties off DingTalk.
#include "hearing_notices.hpp"

#include <algorithm>

namespace rooms {
namespace {

using courthub::Message;

// DingTalk's work notices take at most 2048 bytes of message; keep a margin.
constexpr size_t kWorkNoticeBudget = 1900;

std::string_view head(HearingNoticeKind kind) {
  switch (kind) {
    case HearingNoticeKind::Scheduled:
      return "开庭通知";
    case HearingNoticeKind::Rescheduled:
      return "改期开庭通知";
    case HearingNoticeKind::Canceled:
      return "取消开庭通知";
  }
  return "开庭通知";
}

std::string_view key_word(HearingNoticeKind kind) {
  switch (kind) {
    case HearingNoticeKind::Scheduled:
      return "notice";
    case HearingNoticeKind::Rescheduled:
      return "rescheduled";
    case HearingNoticeKind::Canceled:
      return "canceled";
  }
  return "notice";
}

}  // namespace

std::string party_notice_text(const Hearing& h, const Booking& b,
                              const std::optional<Booking>& test, const std::string& court_name,
                              HearingNoticeKind kind) {
  std::string text = "### " + std::string(head(kind)) + "\n\n" + court_name + " " + h.case_number;
  if (kind == HearingNoticeKind::Canceled) {
    text += "\n\n原定 " + format_slot(b.start_ms, b.end_ms) + " 的庭审已取消，另行通知。";
    return text;
  }
  text += "\n\n- 开庭时间：" + format_slot(b.start_ms, b.end_ms);
  text += "\n- 方式：" + std::string(mode_label(h.mode));
  const std::string place = b.room_name + (b.room_location.empty() ? "" : "，" + b.room_location);
  if (h.mode == HearingMode::Mixed) text += "（线下地点：" + place + "）";
  if (h.mode == HearingMode::InPerson) {
    // In the courtroom: where to come, nothing to test online.
    text += "\n- 地点：" + place;
    text += "\n\n请携带身份证件及相关证据材料，按时到庭。";
    return text;
  }
  if (test) text += "\n- 庭前测试：" + format_slot(test->start_ms, test->end_ms);
  text += "\n\n请用在法院登记的手机号登录“云上法庭”，提前完成音视频测试和实人认证，按时参加。";
  return text;
}

void HearingNotices::send(const Hearing& h, const Booking& b, const std::optional<Booking>& test,
                          HearingNoticeKind kind, bool late) const {
  std::string court_name = h.court;
  if (auto c = host_.directory().court(h.court)) court_name = c->name;
  std::string text = party_notice_text(h, b, test, court_name, kind);
  std::string key = "rooms-hearing-" + std::to_string(h.id) + "-" + std::string(key_word(kind));
  std::string manual;
  for (const Party& p : h.parties) {
    if (!p.user_id.empty()) {
      host_.outbox().to_users({p.user_id}, Message::markdown(std::string(head(kind)), text),
                              key + "-" + p.user_id);
    } else {
      manual += "\n- " + p.name + "（" + p.role + "）" + p.phone;
    }
  }
  if (manual.empty() && !late) return;
  std::vector<std::string> staff = {b.organizer};
  if (!h.clerk.empty() && h.clerk != b.organizer) staff.push_back(h.clerk);
  std::string title = "请送达" + std::string(head(kind));
  std::string base = "### " + title + "\n\n" + h.case_number;
  if (late) base += "\n\n**注意：距开庭已不足法定通知期，请确认当事人能按时参加或改期。**";
  std::string body = base;
  if (!manual.empty()) {
    body += "\n\n以下当事人不在钉钉通讯录，请以短信或电话送达：" + manual;
    std::string with_text = body + "\n\n通知内容：\n\n" + text.substr(text.find("\n\n") + 2);
    // A work notice carries at most 2048 bytes: drop the copied text, then the list, if need be.
    if (Message::markdown(title, with_text).msg.dump().size() <= kWorkNoticeBudget)
      body = with_text;
    else if (Message::markdown(title, body).msg.dump().size() > kWorkNoticeBudget)
      body = base + "\n\n有 " + std::to_string(std::count(manual.begin(), manual.end(), '\n')) +
             " 位当事人不在钉钉通讯录，请在庭审详情中查看电话并以短信或电话送达。";
  }
  host_.outbox().to_users(staff, Message::markdown(title, body), key + "-staff");
}

}  // namespace rooms
