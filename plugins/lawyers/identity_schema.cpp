// SPDX-License-Identifier: Apache-2.0
// The identity part's tables (versions 10-19): lawyers, their sign-in failures, their audit.
// Personal data is stored only sealed (nonce || ciphertext) beside its masked form; the ID
// number's keyed blind index makes a second registration of one number a unique violation.
#include "schema.hpp"

namespace lawyers {

std::vector<courthub::Migration> identity_migrations() {
  return {
      {10, "lawyers",
       "CREATE TABLE lawyers ("
       " id {{id}},"
       " name TEXT NOT NULL,"
       " licence_no TEXT NOT NULL UNIQUE,"
       " firm TEXT NOT NULL,"
       " id_card_sealed {{blob}} NOT NULL,"
       " id_card_index {{blob}} NOT NULL UNIQUE,"
       " id_card_masked TEXT NOT NULL,"
       " mobile_sealed {{blob}} NOT NULL,"
       " mobile_masked TEXT NOT NULL,"
       " password_hash TEXT NOT NULL,"
       " state TEXT NOT NULL,"                  // pending | verified | suspended
       " registry_result TEXT NOT NULL,"        // as last checked: match | mismatch | ...
       " registry_detail TEXT NOT NULL,"
       " sessions_valid_after BIGINT NOT NULL,"  // Unix s: sessions issued before are over
       " created_ms BIGINT NOT NULL,"
       " updated_ms BIGINT NOT NULL);"
       "CREATE INDEX lawyers_state ON lawyers (state, id);"
       "CREATE TABLE lawyer_sign_in_failures ("
       " licence_no TEXT PRIMARY KEY,"
       " failures INTEGER NOT NULL,"
       " locked_until_ms BIGINT NOT NULL);"
       "CREATE TABLE lawyer_audit ("
       " id {{id}},"
       " lawyer_id BIGINT NOT NULL REFERENCES lawyers (id),"
       " action TEXT NOT NULL,"
       " actor TEXT NOT NULL,"       // staff userid, 'admin' (operator) or 'lawyer:<id>'
       " actor_name TEXT NOT NULL,"
       " reason TEXT NOT NULL,"
       " at_ms BIGINT NOT NULL);"
       "CREATE INDEX lawyer_audit_lawyer ON lawyer_audit (lawyer_id, id);"},
  };
}

}  // namespace lawyers
