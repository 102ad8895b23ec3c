// SPDX-License-Identifier: Apache-2.0
// The 18 indicators: the catalogue, and measure(), which follows the formulas of
// docs/incentive-indicators.md §2–§3 literally:
//   closed(S)       = cases of S with from ≤ closed_on ≤ to;
//   filed(S)        = cases of S with from ≤ filed_on ≤ to;
//   pending_at(S,d) = cases of S with filed_on ≤ d and (closed_on empty or closed_on > d);
//   trial days      = (closed_on − filed_on) + 1 − deducted_days;
//   T = procedures first_instance, second_instance, retrial; F = first_instance;
//   E = procedure enforcement; P = procedure pre_litigation.
#include "indicators.hpp"

namespace board {

const std::array<IndicatorDef, 18> kIndicators = {{
    {"A1", 0, "结案率", "审判效率", Direction::Up, "rate"},
    {"A2", 0, "法定审限内结案率", "审判效率", Direction::Up, "rate"},
    {"A3", 0, "平均审理天数", "审判效率", Direction::Down, "days"},
    {"A4", 0, "超12个月未结案件比", "审判效率", Direction::Down, "rate"},
    {"B1", 1, "一审判决被改判发回重审率", "审判质量", Direction::Down, "rate"},
    {"B2", 1, "生效案件被改判发回重审率", "审判质量", Direction::Down, "rate"},
    {"B3", 1, "立案变更率", "审判质量", Direction::Down, "rate"},
    {"B4", 1, "裁判文书差错率", "审判质量", Direction::Down, "rate"},
    {"C1", 2, "一审服判息诉率", "审判效果", Direction::Up, "rate"},
    {"C2", 2, "调解撤诉率", "审判效果", Direction::Up, "rate"},
    {"C3", 2, "申请再审率", "审判效果", Direction::Down, "rate"},
    {"C4", 2, "信访投诉率", "审判效果", Direction::Down, "ratio"},
    {"D1", 3, "执行到位率", "执行工作", Direction::Up, "rate"},
    {"D2", 3, "执行完毕率", "执行工作", Direction::Up, "rate"},
    {"D3", 3, "执行法定期限内结案率", "执行工作", Direction::Up, "rate"},
    {"E1", 4, "法官人均结案数", "办案负荷", Direction::Up, "cases"},
    {"E2", 4, "案-件比", "诉源治理", Direction::Down, "ratio"},
    {"E3", 4, "诉前调解成功率", "诉源治理", Direction::Up, "rate"},
}};

int indicator_index(std::string_view id) {
  for (int i = 0; i < kIndicatorCount; ++i)
    if (kIndicators[i].id == id) return i;
  return -1;
}

namespace {

// The counts of one member (court or judge) over the window.
struct Counts {
  // T (trial procedures)
  int64_t closed_t = 0;          // |closed(T)|
  int64_t pending_before = 0;    // |pending_at(T, from − 1)|
  int64_t filed_t = 0;           // |filed(T)|
  int64_t within_limit = 0;      // closed(T): trial days ≤ limit_days + extended_days
  int64_t trial_days = 0;        // Σ trial days over closed(T)
  int64_t pending_end = 0;       // |pending_at(T, to)|
  int64_t pending_year = 0;      // pending_at(T, to): to − filed_on ≥ 365
  int64_t retrial_revised = 0;   // closed(T): retrial_outcome ∈ {revised, remanded}
  int64_t filing_changed = 0;    // closed(T): filing_changed (any closing method)
  int64_t rulings = 0;           // closed(T): closing_method ∈ {dismissal_ruling, rejection_ruling}
  int64_t reviewed = 0;          // closed(T): doc_reviewed
  int64_t reviewed_error = 0;    // closed(T): doc_reviewed ∧ doc_error
  int64_t retrial_applied = 0;   // closed(T): retrial_applied
  int64_t petitions = 0;         // Σ petitions over closed(T)
  // F (first instance)
  int64_t closed_f = 0;          // |closed(F)|
  int64_t appeal_revised = 0;    // closed(F): appeal_outcome ∈ {revised, remanded}
  int64_t not_accepted = 0;      // closed(F): appealed ∨ retrial_applied
  int64_t civil_f = 0;           // closed(F): category = civil
  int64_t civil_settled = 0;     // closed(F), civil: closing_method ∈ {mediation, withdrawal}
  // E (enforcement)
  int64_t closed_e = 0;          // |closed(E)|
  double collected = 0;          // Σ amount_collected over closed(E)
  double applied = 0;            // Σ amount_applied over closed(E)
  int64_t completed = 0;         // closed(E): closing_method = completed
  int64_t within_180 = 0;        // closed(E): trial days ≤ 180 + extended_days
  // P (pre-litigation)
  int64_t closed_p = 0;          // |closed(P)|
  int64_t mediated = 0;          // closed(P): closing_method = mediated
};

Measure ratio(double numerator, double denominator, int64_t sample) {
  return Measure{numerator, denominator, sample};
}
Measure ratio(int64_t numerator, int64_t denominator) {
  return Measure{static_cast<double>(numerator), static_cast<double>(denominator), denominator};
}

// Everything but E1 and E2, which need the org and the disputes.
void fill(Measures& m, const Counts& k) {
  m[0] = ratio(k.closed_t, k.pending_before + k.filed_t);                       // A1
  m[1] = ratio(k.within_limit, k.closed_t);                                     // A2
  m[2] = ratio(static_cast<double>(k.trial_days), static_cast<double>(k.closed_t),
               k.closed_t);                                                     // A3
  m[3] = ratio(k.pending_year, k.pending_end);                                  // A4
  m[4] = ratio(k.appeal_revised, k.closed_f);                                   // B1
  m[5] = ratio(k.retrial_revised, k.closed_t);                                  // B2
  m[6] = ratio(k.filing_changed, k.rulings);                                    // B3
  m[7] = ratio(k.reviewed_error, k.reviewed);                                   // B4
  m[8] = ratio(k.not_accepted, k.closed_f);                                     // C1 (1 − n/d)
  m[9] = ratio(k.civil_settled, k.civil_f);                                     // C2
  m[10] = ratio(k.retrial_applied, k.closed_t);                                 // C3
  m[11] = ratio(static_cast<double>(k.petitions), static_cast<double>(k.closed_t),
                k.closed_t);                                                    // C4
  m[12] = ratio(k.collected, k.applied, k.closed_e);                            // D1
  m[13] = ratio(k.completed, k.closed_e);                                       // D2
  m[14] = ratio(k.within_180, k.closed_e);                                      // D3
  m[17] = ratio(k.mediated, k.closed_p);                                        // E3
}

constexpr int kC1 = 8;

bool is_trial(Procedure p) {
  return p == Procedure::FirstInstance || p == Procedure::SecondInstance ||
         p == Procedure::Retrial;
}

}  // namespace

MeasureSet measure(const CaseTable& t, const Org& org, Window w) {
  const Day from = w.from, to = w.to;
  const Day before = from - 1;  // pending_at(T, from − 1 day)

  std::vector<int> court_of(t.court_codes().size());
  for (size_t i = 0; i < court_of.size(); ++i) court_of[i] = org.court_index(t.court_codes()[i]);
  std::vector<int> judge_of(t.judge_ids().size());
  for (size_t i = 0; i < judge_of.size(); ++i) judge_of[i] = org.judge_index(t.judge_ids()[i]);

  std::vector<Counts> courts(org.courts.size()), judges(org.judges.size());
  // E2: the cases of each dispute (every court, procedure, date; not pre_litigation), and per
  // court the disputes of its cases in filed() (not pre_litigation), with repeats.
  std::vector<int32_t> dispute_cases(t.dispute_count(), 0);
  std::vector<std::vector<int32_t>> court_disputes(org.courts.size());

  const size_t n = t.size();
  for (size_t row = 0; row < n; ++row) {
    const Procedure procedure = t.procedure(row);
    const Day filed = t.filed_on(row), closed = t.closed_on(row);
    const bool pending = closed == kNoDay;
    const bool in_filed = from <= filed && filed <= to;
    const bool in_closed = !pending && from <= closed && closed <= to;
    const int ci = court_of[t.court_of(row)];

    if (procedure != Procedure::PreLitigation) {
      ++dispute_cases[t.dispute_of(row)];
      if (in_filed && ci >= 0) court_disputes[ci].push_back(t.dispute_of(row));
    }

    const int ji = judge_of[t.judge_of(row)];
    Counts* court = ci >= 0 ? &courts[ci] : nullptr;
    Counts* judge = ji >= 0 ? &judges[ji] : nullptr;
    if (!court && !judge) continue;
    auto each = [&](auto&& add) {
      if (court) add(*court);
      if (judge) add(*judge);
    };

    if (is_trial(procedure)) {
      const bool pending_before = filed <= before && (pending || closed > before);
      const bool pending_end = filed <= to && (pending || closed > to);
      const bool pending_year = pending_end && static_cast<int64_t>(to) - filed >= 365;
      each([&](Counts& k) {
        k.pending_before += pending_before;
        k.filed_t += in_filed;
        k.pending_end += pending_end;
        k.pending_year += pending_year;
      });
      if (!in_closed) continue;
      const int64_t days = static_cast<int64_t>(closed) - filed + 1 - t.deducted_days(row);
      const bool within = days <= static_cast<int64_t>(t.limit_days(row)) + t.extended_days(row);
      const RetrialOutcome retrial = t.retrial_outcome(row);
      const bool retrial_revised =
          retrial == RetrialOutcome::Revised || retrial == RetrialOutcome::Remanded;
      const ClosingMethod method = t.closing_method(row);
      const bool ruling =
          method == ClosingMethod::DismissalRuling || method == ClosingMethod::RejectionRuling;
      const bool reviewed = t.doc_reviewed(row), error = reviewed && t.doc_error(row);
      const bool filing_changed = t.filing_changed(row), retrial_applied = t.retrial_applied(row);
      const int64_t petitions = t.petitions(row);
      const bool first = procedure == Procedure::FirstInstance;
      const AppealOutcome appeal = t.appeal_outcome(row);
      const bool appeal_revised =
          first && (appeal == AppealOutcome::Revised || appeal == AppealOutcome::Remanded);
      const bool not_accepted = first && (t.appealed(row) || retrial_applied);
      const bool civil = first && t.category(row) == Category::Civil;
      const bool settled =
          civil && (method == ClosingMethod::Mediation || method == ClosingMethod::Withdrawal);
      each([&](Counts& k) {
        ++k.closed_t;
        k.trial_days += days;
        k.within_limit += within;
        k.retrial_revised += retrial_revised;
        k.filing_changed += filing_changed;
        k.rulings += ruling;
        k.reviewed += reviewed;
        k.reviewed_error += error;
        k.retrial_applied += retrial_applied;
        k.petitions += petitions;
        k.closed_f += first;
        k.appeal_revised += appeal_revised;
        k.not_accepted += not_accepted;
        k.civil_f += civil;
        k.civil_settled += settled;
      });
    } else if (procedure == Procedure::Enforcement) {
      if (!in_closed) continue;
      const int64_t days = static_cast<int64_t>(closed) - filed + 1 - t.deducted_days(row);
      const bool within = days <= 180 + static_cast<int64_t>(t.extended_days(row));
      const bool completed = t.closing_method(row) == ClosingMethod::Completed;
      const double collected = t.amount_collected(row), applied = t.amount_applied(row);
      each([&](Counts& k) {
        ++k.closed_e;
        k.collected += collected;
        k.applied += applied;
        k.completed += completed;
        k.within_180 += within;
      });
    } else {  // pre_litigation
      if (!in_closed) continue;
      const bool mediated = t.closing_method(row) == ClosingMethod::Mediated;
      each([&](Counts& k) {
        ++k.closed_p;
        k.mediated += mediated;
      });
    }
  }

  MeasureSet out;
  out.courts.resize(org.courts.size());
  std::vector<int32_t> counted_for(t.dispute_count(), -1);  // the last court d was counted for
  for (size_t c = 0; c < org.courts.size(); ++c) {
    Measures& m = out.courts[c];
    const Counts& k = courts[c];
    fill(m, k);
    // E1: |closed(T ∪ E)| ÷ the court's judges (no minimum sample).
    m[kE1] = ratio(static_cast<double>(k.closed_t + k.closed_e),
                   static_cast<double>(org.courts[c].judges), org.courts[c].judges);
    // E2: Σ over the distinct disputes D of the court's filed() cases of their case counts ÷ |D|.
    int64_t cases = 0, disputes = 0;
    for (int32_t d : court_disputes[c]) {
      if (counted_for[d] == static_cast<int32_t>(c)) continue;
      counted_for[d] = static_cast<int32_t>(c);
      cases += dispute_cases[d];
      ++disputes;
    }
    m[16] = ratio(cases, disputes);
  }

  out.judges.resize(org.judges.size());
  for (size_t j = 0; j < org.judges.size(); ++j) {
    Measures all{};
    fill(all, judges[j]);
    // E1 of a judge: |closed(T ∪ E)| of the judge, denominator 1.
    all[kE1] = ratio(static_cast<double>(judges[j].closed_t + judges[j].closed_e), 1.0, 1);
    for (int i : kJudgeIndicators) out.judges[j][i] = all[i];
  }
  return out;
}

std::optional<double> indicator_value(int index, const Measure& m, int64_t min_sample) {
  if (m.denominator == 0) return std::nullopt;
  if (index != kE1 && m.sample < min_sample) return std::nullopt;
  double v = m.numerator / m.denominator;
  return index == kC1 ? 1.0 - v : v;
}

}  // namespace board
