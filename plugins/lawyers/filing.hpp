// SPDX-License-Identifier: Apache-2.0
// A filing (网上立案): its states, the moves between them, the 7-day clock, and the form a
// lawyer submits. Pure functions; any thread; errors as stated beside each.
#pragma once

#include <courthub/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lawyers {

// submitted 待审查, returned 待补正, accepted 已立案, refused 不予立案, withdrawn 已撤回.
enum class FilingState { Submitted, Returned, Accepted, Refused, Withdrawn };

std::string_view filing_state_code(FilingState s);
std::string_view filing_state_label(FilingState s);
// The state of a code; nullopt for text that is none.
std::optional<FilingState> parse_filing_state(std::string_view code);

// What can happen to a filing: the lawyer resubmits or withdraws; the 立案庭 accepts, returns
// for correction (补正) or refuses.
enum class FilingMove { Resubmit, Withdraw, Accept, Return, Refuse };

// The state after `move`, or Conflict "filing <id> is <state> (<label>): it cannot be <...>".
FilingState next_filing_state(int64_t id, FilingState from, FilingMove move);

// When a decision is due: `decision_days` calendar days after the (re)submission, to the
// millisecond. No errors.
int64_t filing_due_ms(int64_t submitted_ms, int decision_days);
// A filing waiting for the 立案庭 (submitted) past its due time. No errors.
bool filing_overdue(FilingState state, int64_t due_ms, int64_t now_ms);

// The case types a lawyer may file, with the 案号 type code of a first-instance (or execution)
// case: 民事 民初, 行政 行初, 执行 执, 刑事自诉 刑初. "" for another text.
std::string case_type_code(std::string_view case_type);

// The document kinds of a filing: complaint 起诉状, identity 身份证明, authority 授权委托书.
inline constexpr std::string_view kDocumentKinds[] = {"complaint", "identity", "authority"};

// The form of POST /portal/filings (and of a resubmission), checked.
struct FilingForm {
  std::string court, case_type, cause;
  courthub::Json plaintiffs, defendants;  // [{name, kind}]
  std::string claims, facts;
  // documents: {kind: [sha256]}, evidence: [{name, purpose, files: [sha256]}] as sent.
  courthub::Json documents, evidence;
};

// Reads and checks a form: the complaint needs a file; identity and authority documents and
// evidence may be empty (the 立案庭 returns the filing for what is missing). Errors: InvalidArgument with every problem in details.fields
// ("case_type", "plaintiffs/0/kind", "documents/complaint" ...).
FilingForm read_filing_form(const courthub::Json& body);

// Every file hash the form references, each with the field it stands in.
struct FileReference {
  std::string field;  // "documents/complaint/0", "evidence/1/files/0"
  std::string sha256;
};
std::vector<FileReference> file_references(const FilingForm& form);

}  // namespace lawyers
