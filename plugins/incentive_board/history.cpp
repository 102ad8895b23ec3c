// SPDX-License-Identifier: Apache-2.0
// The kept days: schema, store_day, and reading a kept day back.
//
// Days are `Day` numbers (days since 1970-01-01). A kept court day is one court_days row, one
// court_day_groups row per peer group and one court_day_members row per court, the member's JSON
// as member_json(detail=true) gave it that day (rank or band as the mode then was: the routes
// put the current mode's on from the rank and band columns). Judge days are the same without
// the catalogue; their member JSON is kept for the latest kept day only (detail NULL before it),
// their standings for judge_history_days.
#include "history.hpp"

#include <chrono>
#include <mutex>

#include <courthub/time.hpp>

#include "board_json.hpp"

namespace board {

using courthub::Json;
using courthub::Row;
using courthub::Transaction;
using courthub::Value;

std::vector<courthub::Migration> history_migrations() {
  return {
      {10, "history", R"sql(
CREATE TABLE court_days (
  as_of INTEGER PRIMARY KEY,            -- the day (days since 1970-01-01); the window ends there
  window_from INTEGER NOT NULL,
  indicators TEXT NOT NULL,             -- the catalogue (min samples) as of that day, JSON
  weights TEXT NOT NULL,                -- JSON {"A":25,...}
  stored_ms {{int64}} NOT NULL
);
CREATE TABLE court_day_groups (
  as_of INTEGER NOT NULL,
  peer_group TEXT NOT NULL CHECK (peer_group IN ('basic', 'intermediate', 'special', 'high')),
  position INTEGER NOT NULL,
  ranked INTEGER NOT NULL,
  member_count INTEGER NOT NULL,
  ranked_count INTEGER NOT NULL,
  medians TEXT NOT NULL,                -- JSON indicator id -> value|null
  best TEXT NOT NULL,
  group_score_medians TEXT NOT NULL,    -- JSON A..E -> score|null
  PRIMARY KEY (as_of, peer_group)
);
CREATE TABLE court_day_members (
  as_of INTEGER NOT NULL,
  court_code TEXT NOT NULL,
  peer_group TEXT NOT NULL,
  position INTEGER NOT NULL,            -- the board's order that day
  composite {{double}},
  rank INTEGER,
  band TEXT,
  had_previous INTEGER NOT NULL,        -- the previous day's board had this court
  previous_composite {{double}},
  previous_rank INTEGER,
  detail TEXT NOT NULL,                 -- member_json(detail=true), JSON
  PRIMARY KEY (as_of, court_code)
);
CREATE INDEX court_day_members_trend ON court_day_members(court_code, as_of);

CREATE TABLE judge_days (
  as_of INTEGER PRIMARY KEY,
  window_from INTEGER NOT NULL,
  indicators TEXT NOT NULL,
  detailed INTEGER NOT NULL,            -- the members' JSON is kept (the latest kept day only)
  stored_ms {{int64}} NOT NULL
);
CREATE TABLE judge_day_groups (
  as_of INTEGER NOT NULL,
  peer_group TEXT NOT NULL CHECK (peer_group IN ('basic', 'intermediate', 'special', 'high')),
  position INTEGER NOT NULL,
  member_count INTEGER NOT NULL,
  ranked_count INTEGER NOT NULL,
  medians TEXT NOT NULL,
  best TEXT NOT NULL,
  group_score_medians TEXT NOT NULL,
  PRIMARY KEY (as_of, peer_group)
);
CREATE TABLE judge_day_members (
  as_of INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  court_code TEXT NOT NULL,
  peer_group TEXT NOT NULL,
  position INTEGER NOT NULL,
  composite {{double}},
  rank INTEGER,
  band TEXT,
  had_previous INTEGER NOT NULL,
  previous_composite {{double}},
  previous_rank INTEGER,
  detail TEXT,                          -- member_json, JSON; NULL once a later day is kept
  PRIMARY KEY (as_of, user_id)
);
CREATE INDEX judge_day_members_court ON judge_day_members(as_of, court_code);
)sql"},
      // Each store of a court day gets a revision above every stored one, so a reader can tell a
      // day kept again from the one it read, even within one millisecond (stored_ms cannot).
      {11, "history kept-day revision",
       "ALTER TABLE court_days ADD COLUMN revision {{int64}} NOT NULL DEFAULT 0;"},
  };
}

Day today(courthub::Host& host) {
  return static_cast<Day>(
      std::chrono::sys_days(courthub::time::local_date(host.now_ms())).time_since_epoch().count());
}

Day latest_day(courthub::Host& host, const BoardSettings&) {
  return today(host) - 1;
}

namespace {

constexpr PeerGroup kGroups[] = {PeerGroup::Basic, PeerGroup::Intermediate, PeerGroup::Special,
                                 PeerGroup::High};
constexpr Band kBands[] = {Band::Top25, Band::Upper, Band::Lower, Band::Bottom25};

PeerGroup group_named(const std::string& id) {
  for (PeerGroup g : kGroups)
    if (id_of(g) == id) return g;
  return PeerGroup::Basic;
}

std::optional<Band> band_named(const Row& r) {
  if (r.is_null("band")) return std::nullopt;
  std::string id = r.text("band");
  for (Band b : kBands)
    if (id_of(b) == id) return b;
  return std::nullopt;
}

std::optional<double> optional_real(const Row& r, std::string_view column) {
  if (r.is_null(column)) return std::nullopt;
  return r.real(column);
}

std::optional<int> optional_int(const Row& r, std::string_view column) {
  if (r.is_null(column)) return std::nullopt;
  return static_cast<int>(r.integer(column));
}

Value band_value(const std::optional<Band>& b) {
  return b ? Value(std::string(id_of(*b))) : Value();
}

// One day's board as statements: the same shape for courts and judges.
void write_groups(const Transaction& tx, const char* table, const DayBoard& d, bool courts) {
  int position = 0;
  for (auto& g : d.groups) {
    std::vector<Value> v = {Value(d.as_of), Value(std::string(id_of(g.group))), Value(position++)};
    if (courts) v.push_back(Value(g.ranked));
    for (Value x : {Value(g.count), Value(g.ranked_count), Value(g.medians.dump()),
                    Value(g.best.dump()), Value(g.group_score_medians.dump())})
      v.push_back(std::move(x));
    tx.exec(std::string("INSERT INTO ") + table +
                (courts ? " (as_of, peer_group, position, ranked, member_count, ranked_count, "
                          "medians, best, group_score_medians) VALUES (?,?,?,?,?,?,?,?,?)"
                        : " (as_of, peer_group, position, member_count, ranked_count, medians, "
                          "best, group_score_medians) VALUES (?,?,?,?,?,?,?,?)"),
            v);
  }
}

void write_members(const Transaction& tx, const char* table, const char* code_column,
                   const DayBoard& d, bool courts, bool with_detail) {
  const std::string sql = std::string("INSERT INTO ") + table + " (as_of, " + code_column +
                          (courts ? "" : ", court_code") +
                          ", peer_group, position, composite, rank, band, had_previous, "
                          "previous_composite, previous_rank, detail) VALUES (?,?," +
                          (courts ? "" : "?,") + "?,?,?,?,?,?,?,?,?)";
  int position = 0;
  for (auto& m : d.members) {
    std::vector<Value> v = {Value(d.as_of), Value(m.code)};
    if (!courts) v.push_back(Value(m.court_code));
    v.push_back(Value(std::string(id_of(m.group))));
    v.push_back(Value(position++));
    v.push_back(Value(m.standing.composite));
    v.push_back(Value(m.standing.rank));
    v.push_back(band_value(m.band));
    v.push_back(Value(m.previous.has_value()));
    v.push_back(m.previous ? Value(m.previous->composite) : Value());
    v.push_back(m.previous ? Value(m.previous->rank) : Value());
    v.push_back(with_detail ? Value(m.detail.dump()) : Value());
    tx.exec(sql, v);
  }
}

void delete_day(const Transaction& tx, Day as_of) {
  for (const char* table : {"court_day_members", "court_day_groups", "court_days",
                            "judge_day_members", "judge_day_groups", "judge_days"})
    tx.exec(std::string("DELETE FROM ") + table + " WHERE as_of = ?", {Value(as_of)});
}

// Judge days at or before latest − keep_days go; the members' JSON stays on the latest only.
void prune_judges(const Transaction& tx, int32_t keep_days) {
  auto latest = tx.one("SELECT max(as_of) AS latest FROM judge_days");
  if (!latest || latest->is_null("latest")) return;
  const int64_t last = latest->integer("latest");
  for (const char* table : {"judge_day_members", "judge_day_groups", "judge_days"})
    tx.exec(std::string("DELETE FROM ") + table + " WHERE as_of <= ?", {Value(last - keep_days)});
  for (auto& r : tx.query("SELECT as_of FROM judge_days WHERE detailed = 1 AND as_of < ?",
                          {Value(last)})) {
    tx.exec("UPDATE judge_day_members SET detail = NULL WHERE as_of = ?", {r["as_of"]});
    tx.exec("UPDATE judge_days SET detailed = 0 WHERE as_of = ?", {r["as_of"]});
  }
}

DayGroup group_of(const Row& r, bool courts) {
  DayGroup g;
  g.group = group_named(r.text("peer_group"));
  g.ranked = courts ? r.integer("ranked") != 0 : true;
  g.count = static_cast<int>(r.integer("member_count"));
  g.ranked_count = static_cast<int>(r.integer("ranked_count"));
  g.medians = Json::parse(r.text("medians"));
  g.best = Json::parse(r.text("best"));
  g.group_score_medians = Json::parse(r.text("group_score_medians"));
  return g;
}

DayMember member_of(const Row& r, const char* code_column, bool courts) {
  DayMember m;
  m.code = r.text(code_column);
  m.court_code = courts ? m.code : r.text("court_code");
  m.group = group_named(r.text("peer_group"));
  m.standing = Standing{optional_real(r, "composite"), optional_int(r, "rank")};
  m.band = band_named(r);
  if (r.integer("had_previous") != 0)
    m.previous = Standing{optional_real(r, "previous_composite"), optional_int(r, "previous_rank")};
  if (!r.is_null("detail")) m.detail = Json::parse(r.text("detail"));
  return m;
}

}  // namespace

void store_day(courthub::Host& host, const BoardState& state, Day as_of) {
  // Reads first (no lock held), then the computation under the shared lock (compute_day), then
  // the writes after it is released.
  auto kept_courts = kept_standings(host, as_of - 1, false);
  auto kept_judges = kept_standings(host, as_of - 1, true);
  ComputedDay day = compute_day(state, as_of, std::nullopt, kept_courts ? &*kept_courts : nullptr,
                                kept_judges ? &*kept_judges : nullptr, JudgeScope::all());
  int32_t keep_days = 0;
  {
    std::shared_lock lock(state.mutex);
    keep_days = state.settings.judge_history_days;
  }
  const int64_t now = host.now_ms();
  const std::string indicators = day.courts.indicators.dump();
  const std::string weights = day.courts.weights.dump();
  const std::string judge_indicators = day.judges->indicators.dump();
  host.db().transaction([&](Transaction& tx) {
    // Read before the delete: above this day's old revision too. An aggregate: always one row.
    auto last = tx.one("SELECT coalesce(max(revision), 0) AS revision FROM court_days");
    const int64_t revision = last->integer("revision") + 1;
    delete_day(tx, as_of);
    tx.exec(
        "INSERT INTO court_days (as_of, window_from, indicators, weights, stored_ms, revision) "
        "VALUES (?,?,?,?,?,?)",
        {Value(as_of), Value(day.courts.window.from), Value(indicators), Value(weights),
         Value(now), Value(revision)});
    write_groups(tx, "court_day_groups", day.courts, true);
    write_members(tx, "court_day_members", "court_code", day.courts, true, true);

    auto latest = tx.one("SELECT max(as_of) AS latest FROM judge_days");
    const bool detailed = !latest || latest->is_null("latest") || latest->integer("latest") < as_of;
    tx.exec(
        "INSERT INTO judge_days (as_of, window_from, indicators, detailed, stored_ms) "
        "VALUES (?,?,?,?,?)",
        {Value(as_of), Value(day.judges->window.from), Value(judge_indicators), Value(detailed),
         Value(now)});
    write_groups(tx, "judge_day_groups", *day.judges, false);
    write_members(tx, "judge_day_members", "user_id", *day.judges, false, detailed);
    prune_judges(tx, keep_days);
  });
}

namespace {

std::optional<DayBoard> kept_day(courthub::Host& host, Day as_of, std::string_view court,
                                 bool courts) {
  auto& db = host.db();
  auto head = courts ? db.one("SELECT window_from, indicators, weights FROM court_days "
                              "WHERE as_of = ?",
                              {Value(as_of)})
                     : db.one("SELECT window_from, indicators, detailed FROM judge_days "
                              "WHERE as_of = ?",
                              {Value(as_of)});
  if (!head || (!courts && head->integer("detailed") == 0)) return std::nullopt;
  DayBoard d;
  d.as_of = as_of;
  d.window = Window{static_cast<Day>(head->integer("window_from")), as_of};
  d.kept = true;
  d.indicators = Json::parse(head->text("indicators"));
  d.weights = courts ? Json::parse(head->text("weights")) : Json::object();
  const char* prefix = courts ? "court_day" : "judge_day";
  for (auto& r : db.query(std::string("SELECT * FROM ") + prefix +
                              "_groups WHERE as_of = ? ORDER BY position",
                          {Value(as_of)}))
    d.groups.push_back(group_of(r, courts));
  const char* code_column = courts ? "court_code" : "user_id";
  std::string sql = std::string("SELECT * FROM ") + prefix + "_members WHERE as_of = ?";
  std::vector<Value> params = {Value(as_of)};
  if (!court.empty()) {
    sql += " AND court_code = ?";
    params.push_back(Value(std::string(court)));
  }
  sql += " ORDER BY position";
  db.each(sql, params, [&](const Row& r) { d.members.push_back(member_of(r, code_column, courts)); });
  return d;
}

}  // namespace

std::shared_ptr<const DayBoard> kept_court_board(courthub::Host& host, const BoardState& state,
                                                 Day as_of) {
  auto head = host.db().one("SELECT revision FROM court_days WHERE as_of = ?", {Value(as_of)});
  if (!head) return nullptr;
  const int64_t revision = head->integer("revision");
  KeptCourtBoard& cache = state.kept_courts;
  {
    std::lock_guard lock(cache.mutex);
    if (cache.board && cache.as_of == as_of && cache.revision == revision) return cache.board;
  }
  // Read without the lock. Kept again meanwhile: what is read is newer than `revision`, and the
  // next reader sees the newer revision and reads it again.
  auto read = kept_day(host, as_of, {}, true);
  if (!read) return nullptr;
  auto board = std::make_shared<const DayBoard>(std::move(*read));
  std::lock_guard lock(cache.mutex);
  cache.as_of = as_of;
  cache.revision = revision;
  cache.board = board;
  return board;
}

std::optional<DayBoard> kept_court_day(courthub::Host& host, Day as_of, std::string_view court) {
  return kept_day(host, as_of, court, true);
}

std::optional<DayBoard> kept_judge_day(courthub::Host& host, Day as_of, std::string_view court) {
  return kept_day(host, as_of, court, false);
}

std::optional<DayStandings> kept_standings(courthub::Host& host, Day as_of, bool judges) {
  auto& db = host.db();
  auto head = db.one(judges ? "SELECT window_from FROM judge_days WHERE as_of = ?"
                            : "SELECT window_from FROM court_days WHERE as_of = ?",
                     {Value(as_of)});
  if (!head) return std::nullopt;
  DayStandings out;
  out.window = Window{static_cast<Day>(head->integer("window_from")), as_of};
  db.each(judges ? "SELECT user_id AS code, composite, rank FROM judge_day_members WHERE as_of = ?"
                 : "SELECT court_code AS code, composite, rank FROM court_day_members "
                   "WHERE as_of = ?",
          {Value(as_of)}, [&](const Row& r) {
            out.members.emplace(r.text("code"),
                                Standing{optional_real(r, "composite"), optional_int(r, "rank")});
          });
  return out;
}

std::vector<TrendPoint> kept_trend(courthub::Host& host, std::string_view court, Day first,
                                   Day last) {
  std::vector<TrendPoint> out;
  host.db().each(
      "SELECT as_of, composite, rank, detail FROM court_day_members "
      "WHERE court_code = ? AND as_of BETWEEN ? AND ? ORDER BY as_of",
      {Value(std::string(court)), Value(first), Value(last)}, [&](const Row& r) {
        TrendPoint p;
        p.as_of = static_cast<Day>(r.integer("as_of"));
        p.standing = Standing{optional_real(r, "composite"), optional_int(r, "rank")};
        Json detail = Json::parse(r.text("detail"));
        if (auto* v = courthub::json::find(detail, "values")) p.values = *v;
        out.push_back(std::move(p));
      });
  return out;
}

}  // namespace board
