// SPDX-License-Identifier: Apache-2.0
// `?` placeholders numbered for PostgreSQL, the way SQLite numbers them, outside literals.
#include "host/storage/sql_placeholders.hpp"

#include <gtest/gtest.h>

namespace courthub::storage {
namespace {

std::string numbered(std::string_view sql, int* count = nullptr) {
  auto r = number_placeholders(sql);
  EXPECT_TRUE(r.ok()) << r.outcome().message();
  if (!r) return "";
  if (count) *count = r->parameters;
  return r->sql;
}

TEST(SqlPlaceholders, BareMarksCountUpAndNumberedOnesKeepTheirIndex) {
  int n = 0;
  EXPECT_EQ(numbered("SELECT a FROM t WHERE b = ? AND c = ?", &n),
            "SELECT a FROM t WHERE b = $1 AND c = $2");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(numbered("SELECT ?2, ?1, ?2", &n), "SELECT $2, $1, $2");
  EXPECT_EQ(n, 2);
  // SQLite: a bare ? after ?NNN takes the largest index so far plus one.
  EXPECT_EQ(numbered("VALUES (?3, ?, ?1)", &n), "VALUES ($3, $4, $1)");
  EXPECT_EQ(n, 4);
  EXPECT_EQ(numbered("SELECT 1", &n), "SELECT 1");
  EXPECT_EQ(n, 0);
}

TEST(SqlPlaceholders, QuestionMarksInLiteralsAndCommentsAreText) {
  int n = 0;
  EXPECT_EQ(numbered("SELECT 'who?', \"odd?name\", ? -- why?\n, ? /* ? */", &n),
            "SELECT 'who?', \"odd?name\", $1 -- why?\n, $2 /* ? */");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(numbered("SELECT 'it''s ?', ?", &n), "SELECT 'it''s ?', $1");
  EXPECT_EQ(n, 1);
  EXPECT_EQ(numbered("SELECT E'a\\'?', ?", &n), "SELECT E'a\\'?', $1");
  EXPECT_EQ(n, 1);
  // A PL/pgSQL body in dollar quotes, tagged or not.
  EXPECT_EQ(numbered("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 WHERE '?' = '?' $$", &n),
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 WHERE '?' = '?' $$");
  EXPECT_EQ(n, 0);
  EXPECT_EQ(numbered("DO $body$ BEGIN PERFORM ?; END $body$; SELECT ?", &n),
            "DO $body$ BEGIN PERFORM ?; END $body$; SELECT $1");
  EXPECT_EQ(n, 1);
  // An unterminated literal runs to the end (the server will refuse it).
  EXPECT_EQ(numbered("SELECT ?, 'open ?", &n), "SELECT $1, 'open ?");
  EXPECT_EQ(n, 1);
}

TEST(SqlPlaceholders, MultibyteTextAndIdentifiersPassThrough) {
  EXPECT_EQ(numbered("SELECT 名称 FROM 法院 WHERE 代码 = ? AND x$y = ?"),
            "SELECT 名称 FROM 法院 WHERE 代码 = $1 AND x$y = $2");
}

TEST(SqlPlaceholders, IndexesOutOfSQLitesRangeAreRefused) {
  EXPECT_EQ(number_placeholders("SELECT ?0").outcome().code(), Status::InvalidArgument);
  EXPECT_EQ(number_placeholders("SELECT ?32767").outcome().code(), Status::InvalidArgument);
  EXPECT_EQ(number_placeholders("SELECT ?99999999999999999999").outcome().code(),
            Status::InvalidArgument);
  EXPECT_TRUE(number_placeholders("SELECT ?32766").ok());
}

}  // namespace
}  // namespace courthub::storage
