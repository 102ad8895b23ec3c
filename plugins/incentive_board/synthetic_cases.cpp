// SPDX-License-Identifier: Apache-2.0
// The synthetic case generator: disputes that start at a court and pass through pre-litigation
// mediation, first instance, appeal, retrial and enforcement, with rates anchored on the published
// figures (court-domain.md §1.2). Integer arithmetic and its own PRNG only, so a seed gives the
// same records with any compiler, standard library or CPU.
#include "synthetic_cases.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace board {
namespace {

// xoshiro256** (Blackman & Vigna), seeded through splitmix64.
class Random {
 public:
  explicit Random(uint64_t seed) {
    for (auto& s : state_) s = splitmix(seed);
  }
  uint64_t next() {
    const uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }
  // [0, n) for n ≥ 1 (multiply-shift; the bias is below 2^-32 for the ranges used here).
  int64_t below(int64_t n) {
    return static_cast<int64_t>(
        (static_cast<unsigned __int128>(next()) * static_cast<uint64_t>(n)) >> 64);
  }
  // [lo, hi], both included.
  int32_t between(int32_t lo, int32_t hi) { return lo + static_cast<int32_t>(below(hi - lo + 1)); }
  // True with probability ppm / 1,000,000.
  bool chance(int32_t ppm) { return below(1'000'000) < ppm; }

  static uint64_t splitmix(uint64_t& x) {
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<uint64_t, 4> state_{};
};

// Quality runs from -1000 (the worst court or judge) to 1000 (the best); a rate "by quality" goes
// linearly from its value at the worst to its value at the best.
int32_t by_quality(int32_t quality, int32_t worst, int32_t best) {
  return static_cast<int32_t>(worst + (static_cast<int64_t>(best) - worst) * (quality + 1000) / 2000);
}

constexpr int32_t kPercent = 10'000;  // ppm per percent
constexpr int64_t kSpanDays = 400;     // disputes start over the 400 days up to today

struct Decider {
  const std::string* user_id;
  int32_t quality;
};

struct CourtPlan {
  const OrgCourt* court = nullptr;
  int parent = -1;                 // index into the plans: where appeals and retrials go
  int32_t quality = 0;
  std::vector<Decider> deciders;   // judges of the court, or its people if it has no judge
  std::string number;              // the court's part of a 案号: "0103", "01", ""
};

std::vector<std::string_view> split_code(std::string_view code) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= code.size(); ++i) {
    if (i == code.size() || code[i] == '-') {
      parts.push_back(code.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// The intermediate court above a basic court: the one whose code ends in a part of the basic
// court's code (LN-BC-SY-HP → LN-IC-SY); else one picked by the court's position, so every basic
// court has one when the org has any intermediate court.
int parent_of_basic(const std::vector<CourtPlan>& plans, int basic) {
  std::vector<int> intermediate;
  for (int i = 0; i < static_cast<int>(plans.size()); ++i)
    if (plans[i].court->group == PeerGroup::Intermediate && !plans[i].deciders.empty())
      intermediate.push_back(i);
  if (intermediate.empty()) return -1;
  auto parts = split_code(plans[basic].court->code);
  for (int i : intermediate) {
    std::string_view city = split_code(plans[i].court->code).back();
    for (size_t p = 2; p < parts.size(); ++p)
      if (parts[p] == city) return i;
  }
  return intermediate[static_cast<size_t>(basic) % intermediate.size()];
}

std::vector<CourtPlan> plan_courts(const Org& org, Random& rng) {
  std::vector<CourtPlan> plans(org.courts.size());
  std::unordered_map<std::string_view, int> index;
  for (size_t i = 0; i < org.courts.size(); ++i) {
    plans[i].court = &org.courts[i];
    plans[i].quality = rng.between(-1000, 1000);
    index.emplace(org.courts[i].code, static_cast<int>(i));
  }
  for (const auto& judge : org.judges) {
    auto it = index.find(judge.court_code);
    if (it != index.end())
      plans[it->second].deciders.push_back({&judge.user_id, rng.between(-1000, 1000)});
  }
  for (auto& plan : plans) {
    if (!plan.deciders.empty()) continue;
    const std::string prefix = plan.court->code + "-";
    for (const auto& person : org.people)
      if (person.size() > prefix.size() && person.compare(0, prefix.size(), prefix) == 0)
        plan.deciders.push_back({&person, 0});
  }
  int high = -1;
  for (int i = 0; i < static_cast<int>(plans.size()); ++i)
    if (plans[i].court->group == PeerGroup::High && !plans[i].deciders.empty()) high = i;
  int numbered = 0;
  for (int i = 0; i < static_cast<int>(plans.size()); ++i) {
    switch (plans[i].court->group) {
      case PeerGroup::High: break;
      case PeerGroup::Intermediate:
      case PeerGroup::Special:
        plans[i].parent = high;
        break;
      case PeerGroup::Basic: plans[i].parent = parent_of_basic(plans, i); break;
    }
    if (plans[i].court->group == PeerGroup::Intermediate ||
        plans[i].court->group == PeerGroup::Special) {
      char number[8];
      std::snprintf(number, sizeof number, "%02d", ++numbered % 100);
      plans[i].number = number;
    }
  }
  std::vector<int> below_parent(plans.size(), 0);
  for (auto& plan : plans) {
    if (plan.court->group != PeerGroup::Basic) continue;
    int& n = below_parent[plan.parent < 0 ? 0 : static_cast<size_t>(plan.parent)];
    char number[8];
    std::snprintf(number, sizeof number, "%02d", ++n % 100);
    plan.number = (plan.parent < 0 ? std::string("99") : plans[plan.parent].number) + number;
  }
  return plans;
}

// How many disputes start at a court, relative to the others: basic courts carry most of the
// load and differ in size, intermediate courts see fewer first instances (and the appeals), the
// high court very few.
int64_t origin_weight(const CourtPlan& plan, Random& rng) {
  if (plan.deciders.empty()) return 0;
  switch (plan.court->group) {
    case PeerGroup::Basic: return rng.between(40, 200);
    case PeerGroup::Intermediate: return rng.between(20, 30);
    case PeerGroup::Special: return rng.between(12, 20);
    case PeerGroup::High: return 4;
  }
  return 0;
}

std::string_view case_type(Category category, Procedure procedure) {
  if (procedure == Procedure::Enforcement) return "执";
  if (procedure == Procedure::PreLitigation) return "民诉前调";
  std::string_view stage = procedure == Procedure::FirstInstance    ? "初"
                           : procedure == Procedure::SecondInstance ? "终"
                                                                    : "再";
  static const std::array<std::string, 9> names = {"民初", "民终", "民再", "刑初", "刑终",
                                                   "刑再", "行初", "行终", "行再"};
  int row = category == Category::Criminal ? 1 : category == Category::Administrative ? 2 : 0;
  int column = stage == "初" ? 0 : stage == "终" ? 1 : 2;
  return names[static_cast<size_t>(row * 3 + column)];
}

// Generates one dispute at a time and hands its cases to the sink.
class Generator {
 public:
  Generator(const Org& org, const SyntheticSpec& spec,
            const std::function<void(const CaseRecord&)>& sink)
      : spec_(spec), sink_(sink), rng_(spec.seed) {
    plans_ = plan_courts(org, rng_);
    int64_t total = 0;
    for (const auto& plan : plans_) {
      total += origin_weight(plan, rng_);
      cumulative_.push_back(total);
    }
    char tag[24];
    std::snprintf(tag, sizeof tag, "%llx", static_cast<unsigned long long>(spec.seed));
    tag_ = tag;
  }

  void run() {
    if (cumulative_.empty() || cumulative_.back() == 0) return;
    while (emitted_ < spec_.count) dispute();
  }

 private:
  // "S1343ab5-000000042": ids in the order they are made, also as text (a case system's ids
  // usually are, and an import in id order appends to the stored index).
  std::string serial(const char* kind, int64_t n) const {
    char digits[24];
    std::snprintf(digits, sizeof digits, "-%09lld", static_cast<long long>(n));
    return kind + tag_ + digits;
  }

  int pick_origin() {
    int64_t x = rng_.below(cumulative_.back());
    return static_cast<int>(std::upper_bound(cumulative_.begin(), cumulative_.end(), x) -
                            cumulative_.begin());
  }

  CaseRecord open_case(int court, Category category, Procedure procedure, Day filed,
                       int32_t& quality) {
    const CourtPlan& plan = plans_[static_cast<size_t>(court)];
    const Decider& judge = plan.deciders[static_cast<size_t>(rng_.below(
        static_cast<int64_t>(plan.deciders.size())))];
    quality = (7 * plan.quality + 3 * judge.quality) / 10;
    CaseRecord c;
    c.case_id = serial("S", serial_++);
    c.court_code = plan.court->code;
    c.judge_id = *judge.user_id;
    c.dispute_id = dispute_id_;
    c.category = category;
    c.procedure = procedure;
    c.filed_on = filed;
    std::string prefix = "(" + iso_of(filed).substr(0, 4) + ")辽" + plan.number +
                         std::string(case_type(category, procedure));
    c.case_no = prefix + std::to_string(++case_numbers_[prefix]) + "号";
    return c;
  }

  // Closes the case after `days` trial days (plus any deducted days) unless that is after today.
  void close_after(CaseRecord& c, int32_t days) {
    if (rng_.chance(4 * kPercent)) c.deducted_days = rng_.between(5, 60);
    Day closed = c.filed_on + days - 1 + c.deducted_days;
    if (closed <= spec_.today) c.closed_on = closed;
  }

  int32_t trial_limit(Category category, Procedure procedure, bool simple) {
    if (procedure == Procedure::Retrial) return 180;
    if (category == Category::Criminal) return procedure == Procedure::FirstInstance && simple ? 20 : 60;
    if (procedure == Procedure::SecondInstance) return 90;
    if (category == Category::Administrative) return 180;
    return simple ? 90 : 180;
  }

  // Trial days of a case with this limit: within it (or within an approved extension) for 95.5%
  // (worst) to 99.5% (best) of cases, mostly well under it.
  void schedule_trial(CaseRecord& c, int32_t mean, int32_t quality) {
    mean = mean * by_quality(quality, 125, 80) / 100;
    int32_t days;
    if (rng_.chance(by_quality(quality, 955'000, 995'000))) {
      if (rng_.chance(2 * kPercent)) {
        c.extended_days = c.limit_days >= 180 ? 180 : c.limit_days;  // ordinary: +6 months
        days = rng_.between(c.limit_days + 1, c.limit_days + c.extended_days);
      } else if (rng_.chance(4 * kPercent)) {
        days = rng_.between(std::min(mean, c.limit_days), c.limit_days);
      } else {
        days = std::min<int32_t>(1 + static_cast<int32_t>(rng_.below(mean) + rng_.below(mean)),
                                 c.limit_days);
      }
    } else {
      days = c.limit_days + rng_.between(1, 90);
    }
    close_after(c, days);
  }

  CaseRecord trial_case(int court, Category category, Procedure procedure, Day filed,
                        int32_t& quality) {
    CaseRecord c = open_case(court, category, procedure, filed, quality);
    bool simple = procedure == Procedure::FirstInstance &&
                  plans_[static_cast<size_t>(court)].court->group == PeerGroup::Basic &&
                  category != Category::Administrative && rng_.chance(80 * kPercent);
    c.limit_days = trial_limit(category, procedure, simple);
    int32_t mean = procedure == Procedure::Retrial          ? 60
                   : procedure == Procedure::SecondInstance ? 30
                   : simple                                 ? 12
                                                            : 45;
    schedule_trial(c, mean, quality);
    if (c.is_closed()) {
      if (rng_.chance(6 * kPercent)) {
        c.doc_reviewed = true;
        c.doc_error = rng_.chance(by_quality(quality, 8 * kPercent, 1 * kPercent));
      }
      if (rng_.chance(by_quality(quality, 12'000, 1'000))) c.petitions = rng_.between(1, 3);
    }
    return c;
  }

  void close_first_instance(CaseRecord& c, int32_t quality) {
    int64_t x = rng_.below(1'000'000);
    auto take = [&x](int32_t ppm) { return (x -= ppm) < 0; };
    ClosingMethod m = ClosingMethod::Judgment;
    switch (c.category) {
      case Category::Civil:
        if (take(by_quality(quality, 11 * kPercent, 16 * kPercent))) m = ClosingMethod::Mediation;
        else if (take(by_quality(quality, 8 * kPercent, 11 * kPercent))) m = ClosingMethod::Withdrawal;
        else if (take(4 * kPercent)) m = ClosingMethod::DismissalRuling;
        else if (take(1 * kPercent)) m = ClosingMethod::RejectionRuling;
        else if (take(1 * kPercent)) m = ClosingMethod::Transfer;
        else if (take(1 * kPercent)) m = ClosingMethod::Other;
        break;
      case Category::Criminal:
        if (take(2 * kPercent)) m = ClosingMethod::Withdrawal;
        else if (take(3 * kPercent)) m = ClosingMethod::Other;
        break;
      default:
        if (take(25 * kPercent)) m = ClosingMethod::Withdrawal;
        else if (take(10 * kPercent)) m = ClosingMethod::DismissalRuling;
        else if (take(2 * kPercent)) m = ClosingMethod::RejectionRuling;
        else if (take(6 * kPercent)) m = ClosingMethod::Other;
        break;
    }
    c.closing_method = m;
  }

  CaseRecord enforcement_case(int court, Day filed) {
    int32_t quality = 0;
    CaseRecord c = open_case(court, Category::Enforcement, Procedure::Enforcement, filed, quality);
    c.limit_days = 180;
    static constexpr std::array<int32_t, 4> kMagnitudeWeights = {30, 40, 25, 5};  // 10^3 … 10^6
    int64_t roll = rng_.below(100);
    int64_t scale = 10;  // mantissa 100..999 × 10 = 10^3 yuan
    for (int32_t w : kMagnitudeWeights) {
      if ((roll -= w) < 0) break;
      scale *= 10;
    }
    const int64_t applied = rng_.between(100, 999) * scale;
    c.amount_applied = static_cast<double>(applied);
    int32_t days;
    if (rng_.chance(by_quality(quality, 75 * kPercent, 92 * kPercent))) {
      if (rng_.chance(2 * kPercent)) {
        c.extended_days = 90;
        days = rng_.between(181, 270);
      } else {
        days = std::min<int32_t>(1 + static_cast<int32_t>(rng_.below(70) + rng_.below(70)), 180);
      }
    } else {
      days = rng_.between(181, 400);
    }
    close_after(c, days);
    int32_t collected_percent;
    if (!c.is_closed()) {
      collected_percent = rng_.between(0, 50);
    } else if (rng_.chance(by_quality(quality, 33 * kPercent, 48 * kPercent))) {
      c.closing_method = ClosingMethod::Completed;
      collected_percent = 100;
    } else if (rng_.chance(80 * kPercent)) {
      c.closing_method = ClosingMethod::Terminated;
      collected_percent = rng_.between(0, 30);
    } else {
      c.closing_method = ClosingMethod::Other;
      collected_percent = rng_.between(0, 100);
    }
    c.amount_collected = static_cast<double>(applied * collected_percent / 100);
    return c;
  }

  void emit(const CaseRecord& c) {
    if (emitted_ >= spec_.count) return;
    sink_(c);
    ++emitted_;
  }

  // One dispute: where it starts, what it passes through, then every case it produced.
  void dispute() {
    dispute_id_ = serial("D", disputes_++);
    const int origin = pick_origin();
    // Disputes start in date order over the 400 days (with a few days' jitter), so ids follow
    // filing dates as a case system's do: recent and pending cases have the latest ids.
    const int32_t elapsed = static_cast<int32_t>(kSpanDays * emitted_ / spec_.count);
    Day start = std::min<Day>(spec_.today, static_cast<Day>(spec_.today - (kSpanDays - 1) + elapsed +
                                                            rng_.between(-3, 3)));
    int64_t kind = rng_.below(100);
    if (kind < 25) {  // enforcement of a judgment from earlier years, or of an arbitration award
      emit(enforcement_case(origin, start));
      return;
    }
    if (kind < 34) {  // pre-litigation mediation first; a failed one goes to court
      int32_t quality = 0;
      CaseRecord p = open_case(origin, Category::Civil, Procedure::PreLitigation, start, quality);
      close_after(p, rng_.between(3, 30));
      if (p.is_closed())
        p.closing_method = rng_.chance(by_quality(quality, 55 * kPercent, 80 * kPercent))
                               ? ClosingMethod::Mediated
                               : ClosingMethod::Failed;
      emit(p);
      if (p.closing_method != ClosingMethod::Failed) return;
      start = p.closed_on + rng_.between(1, 10);
      if (start > spec_.today) return;
    }
    litigation(origin, start);
  }

  void litigation(int origin, Day start) {
    int64_t roll = rng_.below(100);
    Category category = roll < 78 ? Category::Civil
                        : roll < 93 ? Category::Criminal
                                    : Category::Administrative;
    const CourtPlan& plan = plans_[static_cast<size_t>(origin)];
    if (rng_.chance(by_quality(plan.quality, 7'000, 1'000))) {  // stuck for more than a year
      int32_t quality = 0;
      CaseRecord stuck = open_case(origin, category, Procedure::FirstInstance,
                                   spec_.today - rng_.between(366, 560), quality);
      stuck.limit_days = trial_limit(category, Procedure::FirstInstance, false);
      stuck.extended_days = rng_.chance(50 * kPercent) ? 180 : 0;
      emit(stuck);
      return;
    }
    int32_t quality = 0;
    CaseRecord first = trial_case(origin, category, Procedure::FirstInstance, start, quality);
    if (!first.is_closed()) {
      emit(first);
      return;
    }
    close_first_instance(first, quality);
    std::vector<CaseRecord> later;
    Day final_on = first.closed_on;
    bool enforceable = first.closing_method == ClosingMethod::Judgment ||
                       first.closing_method == ClosingMethod::Mediation;
    bool ruling = first.closing_method == ClosingMethod::DismissalRuling ||
                  first.closing_method == ClosingMethod::RejectionRuling;
    bool appealable = first.closing_method == ClosingMethod::Judgment || ruling;
    int32_t appeal_ppm = ruling ? 25 * kPercent : by_quality(quality, 15 * kPercent, 10 * kPercent);
    Day appeal_on = first.closed_on + rng_.between(10, 30);
    if (appealable && rng_.chance(appeal_ppm) && appeal_on <= spec_.today) {
      first.appealed = true;
      appeal(origin, first, quality, appeal_on, later, final_on, enforceable);
    } else if (rng_.chance(by_quality(quality, 3 * kPercent, 1 * kPercent))) {
      retrial_application(origin, first, quality, later);
    }
    emit(first);
    Day enforce_on = final_on + rng_.between(20, 120);
    int32_t enforce_ppm = category == Category::Civil ? 42 * kPercent
                          : category == Category::Criminal ? 8 * kPercent
                                                           : 20 * kPercent;
    if (enforceable && enforce_on <= spec_.today && later.size() < 3 &&
        rng_.chance(enforce_ppm))
      later.push_back(enforcement_case(origin, enforce_on));
    for (const auto& c : later) emit(c);
  }

  // The appeal at the parent court (when the org has one); its outcome is written back on the
  // first instance, a remand brings a new first instance at the origin.
  void appeal(int origin, CaseRecord& first, int32_t first_quality, Day appeal_on,
              std::vector<CaseRecord>& later, Day& final_on, bool& enforceable) {
    const int parent = plans_[static_cast<size_t>(origin)].parent;
    CaseRecord second;
    int32_t quality = 0;
    if (parent >= 0) {
      second = trial_case(parent, first.category, Procedure::SecondInstance, appeal_on, quality);
    } else {  // appealed to a court outside the directory: only the outcome is known
      second.filed_on = appeal_on;
      second.limit_days = 90;
      schedule_trial(second, 40, 0);
    }
    if (!second.is_closed()) {
      if (parent >= 0) later.push_back(second);
      enforceable = false;
      return;
    }
    bool ruling = first.closing_method != ClosingMethod::Judgment;
    int64_t x = rng_.below(1'000'000);
    auto take = [&x](int32_t ppm) { return (x -= ppm) < 0; };
    if (ruling) {
      if (take(by_quality(first_quality, 35 * kPercent, 10 * kPercent))) {
        first.appeal_outcome = AppealOutcome::Revised;  // the ruling is revoked: 立案变更
        first.filing_changed = true;
        second.closing_method = ClosingMethod::Other;
      } else {
        first.appeal_outcome = AppealOutcome::Affirmed;
        second.closing_method = ClosingMethod::Other;
      }
    } else if (take(12 * kPercent)) {
      first.appeal_outcome = AppealOutcome::Withdrawn;
      second.closing_method = ClosingMethod::Withdrawal;
    } else if (take(by_quality(first_quality, 15 * kPercent, 8 * kPercent))) {
      first.appeal_outcome = AppealOutcome::Revised;
      second.closing_method = ClosingMethod::Judgment;
    } else if (take(by_quality(first_quality, 8 * kPercent, 4 * kPercent))) {
      first.appeal_outcome = AppealOutcome::Remanded;
      second.closing_method = ClosingMethod::Other;
    } else {
      first.appeal_outcome = AppealOutcome::Affirmed;
      second.closing_method = ClosingMethod::Judgment;
    }
    final_on = second.closed_on;
    if (parent >= 0) {
      if (first.appeal_outcome == AppealOutcome::Affirmed &&
          rng_.chance(by_quality(quality, 3 * kPercent, 1 * kPercent)))
        retrial_application(parent, second, quality, later);
      later.push_back(second);
    }
    if (first.appeal_outcome == AppealOutcome::Remanded) {
      enforceable = false;
      Day again = second.closed_on + rng_.between(5, 20);
      if (again > spec_.today) return;
      int32_t retry_quality = 0;
      CaseRecord retried =
          trial_case(origin, first.category, Procedure::FirstInstance, again, retry_quality);
      if (retried.is_closed()) close_first_instance(retried, retry_quality);
      later.push_back(retried);
    }
  }

  // 申请再审 against a final case; a revised or remanded outcome comes from a retrial at the
  // court above (or the same court when there is none).
  void retrial_application(int court, CaseRecord& decided, int32_t quality,
                           std::vector<CaseRecord>& later) {
    decided.retrial_applied = true;
    int64_t x = rng_.below(100);
    if (x < 75) {
      decided.retrial_outcome = RetrialOutcome::Dismissed;
      return;
    }
    if (x >= 88) return;  // not decided yet
    const int above = plans_[static_cast<size_t>(court)].parent;
    Day filed = decided.closed_on + rng_.between(60, 200);
    if (filed > spec_.today) return;
    int32_t retrial_quality = 0;
    CaseRecord retrial = trial_case(above >= 0 ? above : court, decided.category,
                                    Procedure::Retrial, filed, retrial_quality);
    if (!retrial.is_closed()) {
      later.push_back(retrial);
      return;
    }
    bool remanded = rng_.chance(by_quality(quality, 50 * kPercent, 30 * kPercent));
    decided.retrial_outcome = remanded ? RetrialOutcome::Remanded : RetrialOutcome::Revised;
    retrial.closing_method = remanded ? ClosingMethod::Other : ClosingMethod::Judgment;
    later.push_back(retrial);
  }

  const SyntheticSpec& spec_;
  const std::function<void(const CaseRecord&)>& sink_;
  Random rng_;
  std::vector<CourtPlan> plans_;
  std::vector<int64_t> cumulative_;
  std::unordered_map<std::string, int32_t> case_numbers_;
  std::string tag_, dispute_id_;
  int64_t emitted_ = 0, disputes_ = 0, serial_ = 0;
};

}  // namespace

void generate_cases(const Org& org, const SyntheticSpec& spec,
                    const std::function<void(const CaseRecord&)>& sink) {
  if (spec.count <= 0 || org.courts.empty()) return;
  Generator(org, spec, sink).run();
}

namespace {

void put_text(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

void put_number(std::string& out, int64_t n) {
  char buffer[24];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  out.append(buffer, end);
}

void put_amount(std::string& out, double amount) {
  char buffer[32];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, amount, std::chars_format::fixed).ptr;
  out.append(buffer, end);
}

void put_flag(std::string& out, bool flag) { out += flag ? "true" : "false"; }

// The schema's fields by name, resolved once to the order of kCaseFields.
constexpr std::array<std::string_view, 23> kWritten = {
    "case_id", "case_no", "court_code", "judge_id", "dispute_id", "category", "procedure",
    "filed_on", "closed_on", "limit_days", "extended_days", "deducted_days", "closing_method",
    "appealed", "appeal_outcome", "retrial_applied", "retrial_outcome", "filing_changed",
    "petitions", "doc_reviewed", "doc_error", "amount_applied", "amount_collected"};

const std::array<int, kCaseFields.size()>& column_order() {
  static const auto order = [] {
    std::array<int, kCaseFields.size()> o{};
    for (size_t i = 0; i < kCaseFields.size(); ++i)
      o[i] = static_cast<int>(std::find(kWritten.begin(), kWritten.end(), kCaseFields[i]) -
                              kWritten.begin());
    return o;
  }();
  return order;
}

// One field of the import schema (its index in kWritten), as text; empty = absent / the default.
void put_field(std::string& out, const CaseRecord& c, int field) {
  const bool money = c.procedure == Procedure::Enforcement;
  switch (field) {
    case 0: put_text(out, c.case_id); break;
    case 1: put_text(out, c.case_no); break;
    case 2: put_text(out, c.court_code); break;
    case 3: put_text(out, c.judge_id); break;
    case 4: put_text(out, c.dispute_id); break;
    case 5: out += name_of(c.category); break;
    case 6: out += name_of(c.procedure); break;
    case 7: out += iso_of(c.filed_on); break;
    case 8: if (c.is_closed()) out += iso_of(c.closed_on); break;
    case 9: if (c.limit_days >= 0) put_number(out, c.limit_days); break;
    case 10: put_number(out, c.extended_days); break;
    case 11: put_number(out, c.deducted_days); break;
    case 12: out += name_of(c.closing_method); break;
    case 13: put_flag(out, c.appealed); break;
    case 14: out += name_of(c.appeal_outcome); break;
    case 15: put_flag(out, c.retrial_applied); break;
    case 16: out += name_of(c.retrial_outcome); break;
    case 17: put_flag(out, c.filing_changed); break;
    case 18: put_number(out, c.petitions); break;
    case 19: put_flag(out, c.doc_reviewed); break;
    case 20: put_flag(out, c.doc_error); break;
    case 21: if (money || c.amount_applied != 0) put_amount(out, c.amount_applied); break;
    case 22: if (money || c.amount_collected != 0) put_amount(out, c.amount_collected); break;
    default: break;
  }
}

}  // namespace

void write_csv_header(std::ostream& out) {
  std::string line;
  for (size_t i = 0; i < kCaseFields.size(); ++i) {
    if (i > 0) line += ',';
    line += kCaseFields[i];
  }
  line += '\n';
  out << line;
}

void write_csv(std::ostream& out, const CaseRecord& c) {
  thread_local std::string line;
  line.clear();
  for (size_t i = 0; i < kCaseFields.size(); ++i) {
    if (i > 0) line += ',';
    put_field(line, c, column_order()[i]);
  }
  line += '\n';
  out << line;
}

}  // namespace board
