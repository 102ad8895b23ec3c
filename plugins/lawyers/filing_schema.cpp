// SPDX-License-Identifier: Apache-2.0
// The filings part's tables (versions 30-39): the file store's uploads, filings with their
// history and the case-number serials, appointments with their messages.
#include "schema.hpp"

namespace lawyers {

std::vector<courthub::Migration> filing_migrations() {
  return {
      {30, "files and filings", R"SQL(
CREATE TABLE files (
  id {{id}},
  sha256 TEXT NOT NULL,
  owner TEXT NOT NULL,            -- lawyer:<id> | staff:<userid>
  name TEXT NOT NULL,
  size BIGINT NOT NULL,
  type TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  UNIQUE (sha256, owner, name)
);
CREATE INDEX files_by_owner ON files (owner, sha256);

CREATE TABLE filings (
  id {{id}},
  lawyer_id BIGINT NOT NULL,
  court_code TEXT NOT NULL,
  case_type TEXT NOT NULL,
  cause TEXT NOT NULL,
  form TEXT NOT NULL,             -- JSON: parties, claims, facts, resolved documents, evidence
  state TEXT NOT NULL,
  submission INTEGER NOT NULL,    -- 1 for the first submission, +1 per resubmission
  submitted_ms BIGINT NOT NULL,
  due_ms BIGINT NOT NULL,
  overdue_noticed INTEGER NOT NULL DEFAULT 0,  -- the submission whose overdue notice went out
  correction TEXT,                -- JSON {missing, note} while returned
  refusal_reason TEXT NOT NULL DEFAULT '',
  case_id BIGINT,
  case_number TEXT NOT NULL DEFAULT '',
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL
);
CREATE INDEX filings_by_lawyer ON filings (lawyer_id, id);
CREATE INDEX filings_by_court ON filings (court_code, state, id);
CREATE INDEX filings_waiting ON filings (state, due_ms);

CREATE TABLE filing_history (
  id {{id}},
  filing_id BIGINT NOT NULL REFERENCES filings (id),
  action TEXT NOT NULL,
  by_side TEXT NOT NULL,          -- lawyer | court
  by_name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  at_ms BIGINT NOT NULL
);
CREATE INDEX filing_history_by_filing ON filing_history (filing_id, id);

CREATE TABLE case_number_serials (
  court_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  type_code TEXT NOT NULL,
  last_n BIGINT NOT NULL,
  PRIMARY KEY (court_code, year, type_code)
);
)SQL"},
      {31, "appointments", R"SQL(
CREATE TABLE appointments (
  id {{id}},
  lawyer_id BIGINT NOT NULL,
  case_id BIGINT NOT NULL,
  case_number TEXT NOT NULL,
  court_code TEXT NOT NULL,
  reason TEXT NOT NULL,
  mode TEXT NOT NULL,             -- in_person | video | phone
  start_ms BIGINT NOT NULL,
  end_ms BIGINT NOT NULL,
  state TEXT NOT NULL,
  proposed_start_ms BIGINT,
  proposed_end_ms BIGINT,
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL
);
CREATE INDEX appointments_by_lawyer ON appointments (lawyer_id, id);
CREATE INDEX appointments_by_case ON appointments (case_id, state);

CREATE TABLE appointment_messages (
  id {{id}},
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  from_side TEXT NOT NULL,        -- lawyer | court
  name TEXT NOT NULL,
  text TEXT NOT NULL,
  at_ms BIGINT NOT NULL
);
CREATE INDEX appointment_messages_by_appointment ON appointment_messages (appointment_id, id);
)SQL"},
  };
}

}  // namespace lawyers
