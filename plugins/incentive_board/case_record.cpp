// SPDX-License-Identifier: Apache-2.0
// Case records: the schema check (spec §1 + DECISIONS), the wire words, ISO days.
#include "case_record.hpp"

#include <charconv>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace board {

bool CaseRecord::is_trial() const {
  return procedure == Procedure::FirstInstance || procedure == Procedure::SecondInstance ||
         procedure == Procedure::Retrial;
}

namespace {

constexpr std::array<std::string_view, 5> kCategoryNames = {
    "civil", "criminal", "administrative", "enforcement", "state_compensation"};
constexpr std::array<std::string_view, 5> kProcedureNames = {
    "first_instance", "second_instance", "retrial", "enforcement", "pre_litigation"};
constexpr std::array<std::string_view, 12> kClosingNames = {
    "",       "judgment",  "mediation",  "withdrawal", "dismissal_ruling", "rejection_ruling",
    "transfer", "other",   "completed",  "terminated", "mediated",         "failed"};
constexpr std::array<std::string_view, 5> kAppealNames = {"", "affirmed", "revised", "remanded",
                                                          "withdrawn"};
constexpr std::array<std::string_view, 4> kRetrialNames = {"", "revised", "remanded", "dismissed"};

// The closing methods each procedure allows (DECISIONS), with the reason naming them.
struct ClosingRule {
  uint32_t allowed;  // bit i = ClosingMethod(i)
  std::string_view reason;
};
constexpr uint32_t bit(ClosingMethod m) { return 1u << static_cast<unsigned>(m); }
constexpr uint32_t kTrialClosing = bit(ClosingMethod::Judgment) | bit(ClosingMethod::Mediation) |
                                   bit(ClosingMethod::Withdrawal) |
                                   bit(ClosingMethod::DismissalRuling) |
                                   bit(ClosingMethod::RejectionRuling) |
                                   bit(ClosingMethod::Transfer) | bit(ClosingMethod::Other);
ClosingRule closing_rule(Procedure p) {
  switch (p) {
    case Procedure::Enforcement:
      return {bit(ClosingMethod::Completed) | bit(ClosingMethod::Terminated) |
                  bit(ClosingMethod::Other),
              "must be one of completed, terminated, other for procedure enforcement"};
    case Procedure::PreLitigation:
      return {bit(ClosingMethod::Mediated) | bit(ClosingMethod::Failed),
              "must be one of mediated, failed for procedure pre_litigation"};
    default:
      return {kTrialClosing,
              "must be one of judgment, mediation, withdrawal, dismissal_ruling, "
              "rejection_ruling, transfer, other for a trial procedure"};
  }
}

std::string_view trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  auto first = s.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(kSpace) - first + 1);
}

// The index of `word` in `names` (exact match), or -1.
template <size_t N>
int word_index(const std::array<std::string_view, N>& names, std::string_view word) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == word) return static_cast<int>(i);
  return -1;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

// Decimal digits only, within int32.
enum class IntRead { Ok, Bad, TooLarge };
IntRead read_int(std::string_view s, int32_t& out) {
  if (s.empty()) return IntRead::Bad;
  int64_t v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return IntRead::Bad;
    v = v * 10 + (ch - '0');
    if (v > INT32_MAX) return IntRead::TooLarge;
  }
  out = static_cast<int32_t>(v);
  return IntRead::Ok;
}

// A decimal ≥ 0: digits with at most one '.', optionally an exponent (what JSON writers print for
// very large or small numbers: 1e+20, 1e-05); no sign, no inf/nan/hex. Locale-independent
// (std::from_chars), correctly rounded like strtod in the C locale.
bool read_decimal(std::string_view s, double& out) {
  size_t i = 0, digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.')
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++digits;
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exponent_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  if (i != s.size()) return false;
  auto [end, ec] =
      std::from_chars(s.data(), s.data() + s.size(), out, std::chars_format::general);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(out);
}

// Reads the fields one by one; the first problem stops the reading.
class RecordReader {
 public:
  explicit RecordReader(const FieldLookup& field) : field_(field) {}

  std::optional<FieldProblem> problem;

  // The trimmed value ("" when absent or empty).
  std::string_view value(std::string_view name) {
    auto v = field_(name);
    return v ? trim(*v) : std::string_view{};
  }
  void fail(std::string_view name, std::string_view reason) {
    if (!problem) problem = FieldProblem{std::string(name), std::string(reason)};
  }
  void text(std::string_view name, std::string& out) {
    if (problem) return;
    auto v = value(name);
    if (v.empty()) return fail(name, "is required");
    out.assign(v);
  }
  template <class Enum, size_t N>
  void word(std::string_view name, const std::array<std::string_view, N>& names,
            std::string_view reason, Enum& out) {
    if (problem) return;
    auto v = value(name);
    if (v.empty()) return fail(name, "is required");
    int i = word_index(names, v);
    if (i < 0) return fail(name, reason);
    out = static_cast<Enum>(i);
  }
  // An outcome word, or empty for None (index 0 of `names`).
  template <class Enum, size_t N>
  void outcome(std::string_view name, const std::array<std::string_view, N>& names,
               std::string_view reason, Enum& out) {
    if (problem) return;
    int i = word_index(names, value(name));
    if (i < 0) return fail(name, reason);
    out = static_cast<Enum>(i);
  }
  // Required: empty is a problem; else empty leaves kNoDay.
  void day(std::string_view name, bool required, Day& out) {
    if (problem) return;
    auto v = value(name);
    if (v.empty()) {
      if (required) fail(name, "is required");
      return;
    }
    auto d = parse_day(v);
    if (!d) return fail(name, "must be a date YYYY-MM-DD");
    out = *d;
  }
  // Empty leaves `out` as it is (its default); `required_reason` non-empty makes empty a problem.
  void integer(std::string_view name, std::string_view required_reason, int32_t& out) {
    if (problem) return;
    auto v = value(name);
    if (v.empty()) {
      if (!required_reason.empty()) fail(name, required_reason);
      return;
    }
    switch (read_int(v, out)) {
      case IntRead::Ok:
        return;
      case IntRead::Bad:
        return fail(name, "must be a whole number ≥ 0 (digits only)");
      case IntRead::TooLarge:
        return fail(name, "is too large (at most 2147483647)");
    }
  }
  void boolean(std::string_view name, bool& out) {
    if (problem) return;
    auto v = value(name);
    if (v.empty()) return;
    if (v == "1" || equals_ignoring_case(v, "true"))
      out = true;
    else if (v == "0" || equals_ignoring_case(v, "false"))
      out = false;
    else
      fail(name, "must be true, false, 1 or 0");
  }
  void decimal(std::string_view name, std::string_view required_reason, double& out) {
    if (problem) return;
    auto v = value(name);
    if (v.empty()) {
      if (!required_reason.empty()) fail(name, required_reason);
      return;
    }
    if (!read_decimal(v, out)) fail(name, "must be a decimal number ≥ 0");
  }

 private:
  const FieldLookup& field_;
};

}  // namespace

std::variant<CaseRecord, FieldProblem> parse_case(const FieldLookup& field) {
  CaseRecord c;
  RecordReader r(field);
  r.text("case_id", c.case_id);
  r.text("case_no", c.case_no);
  r.text("court_code", c.court_code);
  r.text("judge_id", c.judge_id);
  r.text("dispute_id", c.dispute_id);
  r.word("category", kCategoryNames,
         "must be one of civil, criminal, administrative, enforcement, state_compensation",
         c.category);
  r.word("procedure", kProcedureNames,
         "must be one of first_instance, second_instance, retrial, enforcement, pre_litigation",
         c.procedure);
  r.day("filed_on", true, c.filed_on);
  r.day("closed_on", false, c.closed_on);
  if (!r.problem && c.is_closed() && c.closed_on < c.filed_on)
    r.fail("closed_on", "must not be before filed_on");
  r.integer("limit_days", c.is_trial() ? "is required for trial procedures" : "", c.limit_days);
  r.integer("extended_days", "", c.extended_days);
  r.integer("deducted_days", "", c.deducted_days);
  if (!r.problem) {
    auto v = r.value("closing_method");
    if (!c.is_closed()) {
      if (!v.empty()) r.fail("closing_method", "must be empty while the case is pending");
    } else if (v.empty()) {
      r.fail("closing_method", "is required when closed_on is set");
    } else {
      int i = word_index(kClosingNames, v);
      auto rule = closing_rule(c.procedure);
      if (i <= 0 || !(rule.allowed & (1u << i)))
        r.fail("closing_method", rule.reason);
      else
        c.closing_method = static_cast<ClosingMethod>(i);
    }
  }
  r.boolean("appealed", c.appealed);
  r.outcome("appeal_outcome", kAppealNames,
            "must be affirmed, revised, remanded, withdrawn or empty", c.appeal_outcome);
  r.boolean("retrial_applied", c.retrial_applied);
  r.outcome("retrial_outcome", kRetrialNames, "must be revised, remanded, dismissed or empty",
            c.retrial_outcome);
  r.boolean("filing_changed", c.filing_changed);
  r.integer("petitions", "", c.petitions);
  r.boolean("doc_reviewed", c.doc_reviewed);
  r.boolean("doc_error", c.doc_error);
  bool enforcement = c.procedure == Procedure::Enforcement;
  r.decimal("amount_applied", enforcement ? "is required for procedure enforcement" : "",
            c.amount_applied);
  r.decimal("amount_collected", enforcement ? "is required for procedure enforcement" : "",
            c.amount_collected);
  if (r.problem) return std::move(*r.problem);
  return c;
}

std::string_view name_of(Category c) { return kCategoryNames.at(static_cast<size_t>(c)); }
std::string_view name_of(Procedure p) { return kProcedureNames.at(static_cast<size_t>(p)); }
std::string_view name_of(ClosingMethod m) { return kClosingNames.at(static_cast<size_t>(m)); }
std::string_view name_of(AppealOutcome o) { return kAppealNames.at(static_cast<size_t>(o)); }
std::string_view name_of(RetrialOutcome o) { return kRetrialNames.at(static_cast<size_t>(o)); }

std::optional<Day> parse_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto number = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (y < 1 || m < 1 || d < 1) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<Day>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

Day day_of(std::string_view iso) {
  auto d = parse_day(iso);
  if (!d) throw std::invalid_argument("not a date YYYY-MM-DD: " + std::string(iso));
  return *d;
}

std::string iso_of(Day d) {
  if (d == kNoDay) return {};
  std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{d}}};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

}  // namespace board
