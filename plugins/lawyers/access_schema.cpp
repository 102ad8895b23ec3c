// SPDX-License-Identifier: Apache-2.0
// The access part's tables (versions 40-49): the court's case documents, 阅卷 requests and
// their windows, the view log, and electronic services with their receipts.
#include "schema.hpp"

namespace lawyers {

std::vector<courthub::Migration> access_migrations() {
  return {
      {40, "case documents",
       "CREATE TABLE case_documents ("
       " id {{id}},"
       " case_id BIGINT NOT NULL,"
       " name TEXT NOT NULL,"
       " category TEXT NOT NULL,"  // 正卷 | 庭审笔录 | 证据材料 | 鉴定意见 | 裁判文书 | 副卷
       " sha256 TEXT NOT NULL,"
       " type TEXT NOT NULL,"
       " size BIGINT NOT NULL,"
       " uploaded_by TEXT NOT NULL,"  // staff userid
       " uploaded_ms BIGINT NOT NULL);"
       "CREATE INDEX case_documents_by_case ON case_documents (case_id, id);"},
      {41, "file access requests",
       "CREATE TABLE file_access_requests ("
       " id {{id}},"
       " case_id BIGINT NOT NULL,"
       " lawyer_id BIGINT NOT NULL,"
       " materials TEXT NOT NULL,"     // JSON array of categories
       " period_start TEXT NOT NULL,"  // YYYY-MM-DD, Asia/Shanghai
       " period_end TEXT NOT NULL,"
       " opens_ms BIGINT NOT NULL,"   // period_start 00:00
       " closes_ms BIGINT NOT NULL,"  // period_end 23:59:59.999
       " reason TEXT NOT NULL,"
       " state TEXT NOT NULL,"  // pending | approved | refused (expired is computed)
       " note TEXT NOT NULL DEFAULT '',"
       " requested_ms BIGINT NOT NULL,"
       " decided_ms BIGINT);"
       "CREATE INDEX file_access_by_lawyer ON file_access_requests (lawyer_id, case_id);"},
      {42, "document views",
       "CREATE TABLE document_views ("
       " id {{id}},"
       " case_id BIGINT NOT NULL,"
       " document_id BIGINT NOT NULL,"
       " lawyer_id BIGINT NOT NULL,"
       " file_access_id BIGINT,"  // the request whose window allowed it, or
       " service_id BIGINT,"      // the service that delivered it
       " viewed_ms BIGINT NOT NULL);"
       "CREATE INDEX document_views_by_case ON document_views (case_id, id);"},
      {43, "services",
       "CREATE TABLE services ("
       " id {{id}},"
       " case_id BIGINT NOT NULL,"
       " case_number TEXT NOT NULL,"
       " document_id BIGINT NOT NULL,"
       " lawyer_id BIGINT NOT NULL,"
       " title TEXT NOT NULL,"
       " served_by TEXT NOT NULL,"
       " served_ms BIGINT NOT NULL,"
       " delivered_ms BIGINT NOT NULL,"
       " read_ms BIGINT);"
       "CREATE INDEX services_by_lawyer ON services (lawyer_id, id);"
       "CREATE INDEX services_by_case ON services (case_id, id);"},
  };
}

}  // namespace lawyers
