// SPDX-License-Identifier: Apache-2.0
// The cases part's tables (versions 20-29): the case registry and its stages, representations
// (代理关系) with their history, the hearings mirrored from rooms and the lawyers' unavailability.
// A conflict notice needs no table: its outbox key (hearing and time) sends it once.
#include "schema.hpp"

namespace lawyers {

std::vector<courthub::Migration> case_migrations() {
  return {
      {20, "cases, stages, representations", R"sql(
CREATE TABLE cases (
  id {{id}},
  court_code TEXT NOT NULL,
  case_number TEXT NOT NULL,
  cause TEXT NOT NULL,
  case_type TEXT NOT NULL,
  judge TEXT NOT NULL DEFAULT '',
  clerk TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL,
  UNIQUE (court_code, case_number)
);
CREATE INDEX cases_judge ON cases(judge);
CREATE INDEX cases_clerk ON cases(clerk);

-- When each stage was reached, and by whom ("hearing:<id>" when rooms' events moved it).
CREATE TABLE case_stages (
  case_id BIGINT NOT NULL REFERENCES cases(id),
  stage TEXT NOT NULL,
  at_ms BIGINT NOT NULL,
  by_whom TEXT NOT NULL,
  PRIMARY KEY (case_id, stage)
);

CREATE TABLE representations (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  lawyer_id BIGINT NOT NULL,
  party TEXT NOT NULL,
  party_role TEXT NOT NULL,
  poa_file TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL CHECK (state IN ('requested', 'confirmed', 'refused', 'revoked')),
  reason TEXT NOT NULL DEFAULT '',
  requested_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL
);
CREATE INDEX representations_case ON representations(case_id, state);
CREATE INDEX representations_lawyer ON representations(lawyer_id, state);

-- Every step of a representation: who (a userid, "lawyer:<id>", "admin" or "filing:<id>") and when.
CREATE TABLE representation_history (
  id {{id}},
  representation_id BIGINT NOT NULL REFERENCES representations(id),
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  at_ms BIGINT NOT NULL
);
CREATE INDEX representation_history_of ON representation_history(representation_id);
)sql"},
      {21, "hearings mirrored from rooms, unavailability, conflict notices", R"sql(
-- rooms' hearings as its events last described them (latest state wins: rank, then changed_ms).
CREATE TABLE hearings (
  hearing_id BIGINT PRIMARY KEY,
  court_code TEXT NOT NULL,
  case_number TEXT NOT NULL,
  start_ms BIGINT NOT NULL,
  end_ms BIGINT NOT NULL,
  room TEXT NOT NULL DEFAULT '',
  mode TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  status_rank INTEGER NOT NULL,
  judge TEXT NOT NULL DEFAULT '',
  clerk TEXT NOT NULL DEFAULT '',
  changed_ms BIGINT NOT NULL,
  received_ms BIGINT NOT NULL
);
CREATE INDEX hearings_case ON hearings(court_code, case_number);
CREATE INDEX hearings_start ON hearings(start_ms);

CREATE TABLE unavailability (
  id {{id}},
  lawyer_id BIGINT NOT NULL,
  start_ms BIGINT NOT NULL,
  end_ms BIGINT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_ms BIGINT NOT NULL
);
CREATE INDEX unavailability_lawyer ON unavailability(lawyer_id, start_ms);
)sql"},
  };
}

}  // namespace lawyers
