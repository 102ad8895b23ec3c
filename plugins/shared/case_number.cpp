// SPDX-License-Identifier: Apache-2.0
// Case numbers: parsed character by character (UTF-8), normalised to full-width brackets.
#include "case_number.hpp"

#include <vector>

namespace court {
namespace {

// Province abbreviations used in case numbers (and 兵 for the 兵团 courts).
constexpr std::string_view kProvinces =
    "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新兵";

// The code points of a UTF-8 string, each as its bytes.
std::vector<std::string> characters(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

bool is_ascii_digit(const std::string& ch) {
  return ch.size() == 1 && ch[0] >= '0' && ch[0] <= '9';
}
bool is_cjk(const std::string& ch) {
  return ch.size() == 3;
}

}  // namespace

bool is_province_abbreviation(std::string_view abbreviation) {
  // UTF-8 is self-synchronising: a three-byte character found in the list is one of its own.
  return abbreviation.size() == 3 && kProvinces.find(abbreviation) != std::string_view::npos;
}

std::optional<CaseNumber> parse_case_number(std::string_view text, std::string* why) {
  auto fail = [&](std::string message) -> std::optional<CaseNumber> {
    if (why) *why = std::move(message) + "；案号形如 （2026）辽0102民初123号";
    return std::nullopt;
  };
  std::vector<std::string> ch = characters(text);
  size_t i = 0;
  auto at = [&](size_t k) -> const std::string& {
    static const std::string kEnd;
    return k < ch.size() ? ch[k] : kEnd;
  };
  CaseNumber out;
  if (at(i) != "（" && at(i) != "(") return fail("案号应以括号中的年份开头");
  ++i;
  std::string year;
  while (is_ascii_digit(at(i))) year += ch[i++];
  if (year.size() != 4) return fail("年份应为四位数字");
  out.year = std::stoi(year);
  if (out.year < 1990 || out.year > 2100) return fail("年份 " + year + " 不合理");
  if (at(i) != "）" && at(i) != ")") return fail("年份后应有右括号");
  ++i;
  if (at(i) == "最" && at(i + 1) == "高" && at(i + 2) == "法") {
    out.province = "最高法";
    i += 3;
  } else if (is_cjk(at(i)) && is_province_abbreviation(at(i))) {
    out.province = ch[i++];
  } else {
    return fail("括号后应为省份简称（如 辽）");
  }
  while (is_ascii_digit(at(i))) out.court += ch[i++];
  if (out.court.size() > 6) return fail("法院代字过长");
  while (is_cjk(at(i)) && at(i) != "号") out.type += ch[i++];
  if (out.type.empty()) return fail("缺少案件类型代字（如 民初、刑终、执）");
  if (out.type.size() > 6 * 3) return fail("案件类型代字过长");
  std::string seq;
  while (is_ascii_digit(at(i))) seq += ch[i++];
  if (seq.empty() || seq.size() > 6) return fail("缺少案件序号或序号超过六位");
  out.sequence = std::stoi(seq);
  if (out.sequence == 0) return fail("案件序号不能为 0");
  if (at(i) != "号") return fail("案号应以“号”结尾");
  ++i;
  std::string suffix;
  if (at(i) == "之" && is_cjk(at(i + 1))) {
    suffix = "之" + ch[i + 1];
    i += 2;
  }
  if (i != ch.size()) return fail("“号”之后有多余的文字");
  out.text = "（" + year + "）" + out.province + out.court + out.type + seq + "号" + suffix;
  return out;
}

}  // namespace court
