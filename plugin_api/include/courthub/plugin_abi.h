/* SPDX-License-Identifier: Apache-2.0 */
/* The C contract between the courthub host and a plugin shared library. */
#ifndef COURTHUB_PLUGIN_ABI_H
#define COURTHUB_PLUGIN_ABI_H

/*
 * Vocabulary
 *   ch_*            types shared by both sides; plain C, stdint/stddef only.
 *   ch_plugin_api   the table of plugin functions; the plugin returns it from its entry symbol.
 *   ch_host_api     the table of host functions; the host passes it to `create`.
 *   ch_plugin       an opaque plugin instance, created and destroyed by the plugin.
 *   ch_host         an opaque per-plugin context owned by the host; every host function takes it,
 *                   so everything a plugin does is scoped to that plugin (its database, its routes).
 *
 * Trust: plugins run in the host process and are trusted code. The host still contains their
 * failures: a plugin error fails only the request that reached it.
 *
 * Versions: both tables begin with {struct_size, abi_major, abi_minor}. A host loads a plugin when
 * the majors are equal and plugin minor <= host minor. Tables only grow at the end; an entry is
 * never changed in place (add `foo_v2` at the end and mark `foo` deprecated). A NULL function
 * pointer means "not provided"; callers check before calling. Every struct that crosses the
 * boundary by pointer starts with `struct_size` (set by whoever fills it in), so it can grow at
 * the end too: read a field only when struct_size covers it (the SDK does this for you).
 * The ABI version is not the package version: courthub and courthub-dev of one release speak
 * the ABI below (`courthub --version` shows both); a plugin built against any SDK of ABI 2.y loads in every host of ABI 2.z with z >= y.
 *
 * Memory: whoever allocates frees; never free what the other side passed in. Strings cross as
 * (pointer, length) views with no NUL terminator; a view passed into a function is valid only for
 * the duration of that call, unless the function's comment says otherwise. Data the host returns
 * is delivered through a sink callback, valid only inside that callback: copy what you keep.
 *
 * Errors: functions return a ch_status. On failure the plugin explains itself through
 * `last_error(instance)`; the host through `host_api->last_error(host)`. Neither side throws
 * across this boundary.
 *
 * Every function below is documented as: purpose; Required; Thread; Arguments; Returns; Errors.
 * plugin_api/STYLE.md holds the template.
 */

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI version this header describes. Compatibility: majors equal, plugin minor <= host minor.
 * Minors: 2.1 adds the outbox's card_update message (docs/outbox.md). 2.2 adds outside users:
 * the OUTSIDER caller (with ch_caller.audience and session_issued_at), issue_session,
 * register_portal_route and CH_UNAUTHENTICATED. 2.3 adds PostgreSQL: the CH_PLUGIN_PORTABLE_SQL
 * flag, the portable words of db_migrate and db_dialect. Nothing else changed. */
#define CH_ABI_MAJOR 2
#define CH_ABI_MINOR 3

/* The one symbol a plugin exports. */
#define CH_PLUGIN_ENTRY_SYMBOL "courthub_plugin_entry"

/* ------------------------------------------------------------------------------------------------
 * Shared value types
 * ----------------------------------------------------------------------------------------------*/

/* A string view: `size` bytes of UTF-8 at `data`, no terminator implied. `data` may be NULL when
 * `size` is 0. */
typedef struct ch_str {
  const char* data;
  size_t size;
} ch_str;

/* Status codes. The host maps them to HTTP statuses when a request fails:
 * INVALID_ARGUMENT 400, UNAUTHENTICATED 401, PERMISSION_DENIED 403, NOT_FOUND 404, CONFLICT 409,
 * UNAVAILABLE 503, UNSUPPORTED 501, anything else 500. */
typedef int32_t ch_status;
#define CH_OK 0
#define CH_ERROR 1             /* unexpected failure; last_error has the detail (logged, not shown) */
#define CH_INVALID_ARGUMENT 2  /* the caller's input is wrong; last_error says what and where */
#define CH_NOT_FOUND 3         /* the thing named does not exist */
#define CH_CONFLICT 4          /* the state forbids it: a unique key, an overlapping booking */
#define CH_PERMISSION_DENIED 5 /* the caller may not do this */
#define CH_UNAVAILABLE 6       /* temporarily impossible (database busy, host stopping); retry */
#define CH_UNSUPPORTED 7       /* this side does not provide that function or option */
#define CH_UNAUTHENTICATED 8   /* (2.2) the caller's sign-in no longer holds: sign in again */

/* A typed value: a database parameter or column. Text and blobs are views (see Memory). */
#define CH_VALUE_NULL 0
#define CH_VALUE_INT 1
#define CH_VALUE_REAL 2
#define CH_VALUE_TEXT 3
#define CH_VALUE_BLOB 4
typedef struct ch_value {
  uint32_t type; /* CH_VALUE_* */
  union {
    int64_t i;   /* CH_VALUE_INT */
    double r;    /* CH_VALUE_REAL */
    ch_str s;    /* CH_VALUE_TEXT, CH_VALUE_BLOB */
  } as;
} ch_value;

/* Receives one string from the host. The view is valid only during the call. */
typedef void (*ch_str_sink)(void* ctx, ch_str value);

/* Receives one result row: `count` column names and values, valid only during the call.
 * Return CH_OK to continue, anything else to stop the query early (the query then returns that
 * status). */
typedef ch_status (*ch_row_sink)(void* ctx, const ch_str* names, const ch_value* values,
                                 size_t count);

/* Log levels for host_api->log. */
#define CH_LOG_DEBUG 0
#define CH_LOG_INFO 1
#define CH_LOG_WARN 2
#define CH_LOG_ERROR 3

/* ------------------------------------------------------------------------------------------------
 * What reaches a plugin
 * ----------------------------------------------------------------------------------------------*/

/* Who is calling. Every view lives as long as the call it came with.
 *   STAFF      a court employee from the host's directory, signed in through DingTalk (mini-app
 *              session, robot message or card press): all fields are set.
 *   SYSTEM     the host itself (jobs, inbox events): only kind is set.
 *   ADMIN      an operator holding the admin token: name is "admin"; user_id, court_code,
 *              dept_id, title and roles are empty (the operator belongs to no court). The
 *              bundled plugins let ADMIN do what a court_admin of any court may do.
 *   ANONYMOUS  no credentials (public routes only): only kind is set.
 *   OUTSIDER   (2.2) someone outside the court (a lawyer) signed in through the plugin's own
 *              login: a session the plugin asked issue_session for. Reaches portal routes only
 *              (register_portal_route), never the plugin's other routes. user_id is the subject
 *              the plugin issued the session for; audience names the portal ("lawyer");
 *              session_issued_at is when (Unix seconds), so a plugin can end sessions issued
 *              before a password change. name, court_code, dept_id, title and roles are empty:
 *              the plugin knows its outside users, the host does not. */
#define CH_CALLER_ANONYMOUS 0
#define CH_CALLER_STAFF 1
#define CH_CALLER_SYSTEM 2
#define CH_CALLER_ADMIN 3
#define CH_CALLER_OUTSIDER 4
typedef struct ch_caller {
  uint32_t struct_size;
  uint32_t kind;     /* CH_CALLER_* */
  ch_str user_id;    /* DingTalk userid; empty unless STAFF */
  ch_str name;
  ch_str court_code; /* e.g. "LN-IC-SY" */
  ch_str dept_id;    /* the person's department, decimal text */
  ch_str title;      /* e.g. "审判员" */
  const ch_str* roles; /* e.g. "judge", "division_head", "court_admin" */
  size_t role_count;
  /* 2.2; read them only when struct_size covers them. */
  ch_str audience;           /* OUTSIDER: the session's audience ("lawyer"); else empty */
  int64_t session_issued_at; /* OUTSIDER: the session's iat, Unix seconds; else 0 */
} ch_caller;

/* An HTTP request under /apps/<plugin>/. Every view lives as long as the on_http call. */
typedef struct ch_http_request {
  uint32_t struct_size;
  ch_str method;       /* "GET", "POST", ... */
  ch_str path;         /* the part after /apps/<plugin>, starting with "/" */
  const ch_str* param_names;  /* path parameters captured by the route pattern, e.g. {id} */
  const ch_str* param_values;
  size_t param_count;
  const ch_str* query_names;  /* decoded query parameters, in order, repeats kept */
  const ch_str* query_values;
  size_t query_count;
  ch_str content_type; /* the Content-Type header, "" when absent */
  ch_str body;         /* at most server.max_body_bytes */
  const ch_caller* caller;
  ch_str request_id;   /* also in every log line of this request */
  /* The request's headers in arrival order, names lower-cased, repeats kept. The edge refuses a
   * request whose header block exceeds 16 KiB (431), so together they never exceed that. The
   * Authorization and Cookie headers are withheld (the host has consumed them: see caller). */
  const ch_str* header_names;
  const ch_str* header_values;
  size_t header_count;
} ch_http_request;

/* A robot chat command: the text after @robot is "<command> <args>". */
typedef struct ch_command {
  uint32_t struct_size;
  ch_str command;         /* the registered name that matched */
  ch_str args;            /* the rest of the line, trimmed */
  ch_str conversation_id; /* the chat it came from */
  uint32_t is_group;      /* 1 in a group chat (everyone in it reads the reply), 0 in a direct
                             chat; in a group, reply without personal details */
  const ch_caller* caller;
  ch_str request_id;
} ch_command;

/* An interactive-card button press. The host has checked that it sent this card and that the
 * caller is one of the people it was sent to. */
typedef struct ch_card_action {
  uint32_t struct_size;
  ch_str action;       /* the registered action id */
  ch_str params_json;  /* cardPrivateData.params as a JSON object */
  ch_str out_track_id; /* the card instance */
  const ch_caller* caller;
  ch_str request_id;
} ch_card_action;

/* An event from the durable inbox: a DingTalk callback or another plugin's publication.
 * Delivery is at least once per subscriber; `event_id` is stable across redeliveries. */
typedef struct ch_event {
  uint32_t struct_size;
  ch_str topic;     /* DingTalk EventType ("user_add_org") or "<plugin>.<name>" */
  ch_str source;    /* "dingtalk" or the publishing plugin's name */
  ch_str payload;   /* JSON */
  int64_t event_id;
  uint32_t attempt; /* 1 on first delivery */
} ch_event;

/* A scheduled job firing. */
typedef struct ch_job {
  uint32_t struct_size;
  ch_str name;
  int64_t scheduled_ms; /* the cron instant it fires for, Unix ms (of the host clock) */
} ch_job;

/* A schema migration, passed as an array. `version`s are ascending and unique; each runs once,
 * in its own transaction with the bookkeeping that records it. Because it travels in arrays its
 * layout never changes (no struct_size); a richer migration would be a new struct. */
typedef struct ch_migration {
  int64_t version;
  ch_str name;
  ch_str sql; /* one or more statements */
} ch_migration;

/* What a statement did. The plugin sets struct_size before passing it to db_query. */
typedef struct ch_db_result {
  uint32_t struct_size;
  int64_t changes;        /* rows inserted, updated or deleted */
  int64_t last_insert_id; /* rowid of the last insert on this connection */
} ch_db_result;

/* A civil date: days since 1970-01-01 in the proleptic Gregorian calendar (what
 * std::chrono::sys_days counts). No time zone: the work calendar speaks of dates. */
typedef int64_t ch_day;

typedef struct ch_host ch_host;     /* host-owned, one per plugin instance */
typedef struct ch_plugin ch_plugin; /* plugin-owned instance */
typedef struct ch_reply ch_reply;   /* host-owned reply being built for one call */
typedef struct ch_txn ch_txn;       /* host-owned open transaction */

/* ------------------------------------------------------------------------------------------------
 * Host functions (ch_host_api). The host passes this table to `create`; it stays valid until
 * `destroy` returns. Unless stated, every function may be called from any thread, concurrently.
 * ----------------------------------------------------------------------------------------------*/

typedef struct ch_host_api {
  uint32_t struct_size;
  uint32_t abi_major;
  uint32_t abi_minor;

  /* The reason the last failing host function called on this thread failed.
   * Required: yes. Thread: any; the text is per thread.
   * Arguments: host is the plugin's context.
   * Returns: a view valid until the next host call on this thread; empty if none failed. */
  ch_str (*last_error)(ch_host* host);

  /* Writes one log line tagged with the plugin name and the current request id.
   * Required: yes. Thread: any.
   * Arguments: level is CH_LOG_* (a larger value is ERROR); message is copied. Never include
   * secrets or personal data: log lines are kept and shipped. */
  void (*log)(ch_host* host, uint32_t level, ch_str message);

  /* The plugin's settings from the configuration, as a JSON object ("{}" when none).
   * Required: yes. Thread: any.
   * Arguments: sink is called exactly once on CH_OK, with a view valid during that call.
   * Returns: CH_OK. Errors: CH_ERROR only when out of memory. */
  ch_status (*settings)(ch_host* host, ch_str_sink sink, void* ctx);

  /* A directory the plugin may write files to (<data dir>/plugins/<name>/), created on demand.
   * Required: yes. Thread: any, but not inside `configure`.
   * Arguments: sink is called exactly once on CH_OK.
   * Errors: CH_UNAVAILABLE while the host is only validating (check-config, plugin check);
   * CH_ERROR when the directory cannot be created (last_error says why). */
  ch_status (*data_dir)(ch_host* host, ch_str_sink sink, void* ctx);

  /* Reports one settings error from `configure`. `path` is a JSON pointer into the settings
   * ("/rooms/2/capacity"); the host turns it into file:line of the configuration.
   * Required: yes. Thread: only inside `configure`. Arguments: both views are copied. */
  void (*settings_error)(ch_host* host, ch_str path, ch_str message);

  /* --- Registration. Only inside `activate`; the host records every registration against the
   * plugin and removes them all when the plugin is disabled, whether or not `destroy` does.
   * `handler` is the plugin's own number, passed back on each call. ------------------------*/

  /* Routes METHOD /apps/<plugin><pattern> to on_http. Pattern segments in braces capture path
   * parameters: "/bookings/{id}". "/ui/..." is reserved for the plugin's static pages.
   * Required: yes. Thread: only inside `activate`.
   * Arguments: method is GET POST PUT PATCH or DELETE; both views are copied.
   * Errors: CH_INVALID_ARGUMENT for a bad method or pattern, or outside activate;
   * CH_CONFLICT if that method and pattern are already routed. */
  ch_status (*register_route)(ch_host* host, ch_str method, ch_str pattern, uint64_t handler);

  /* A robot command `name` ([a-z][a-z0-9-]*, or one CJK word), routed to on_command.
   * Required: yes. Thread: only inside `activate`.
   * Arguments: `usage` is one line with an example ("rooms free 明天 9:00-10:00 10人");
   * `summary` says what it does; both appear in `help`. Every view is copied.
   * Errors: CH_INVALID_ARGUMENT for a bad name or outside activate; CH_CONFLICT when another
   * enabled plugin owns the name. */
  ch_status (*register_command)(ch_host* host, ch_str name, ch_str usage, ch_str summary,
                                uint64_t handler);

  /* An interactive-card action id, routed from POST /dingtalk/cards/<route-key> to
   * on_card_action. Required: yes. Thread: only inside `activate`.
   * Arguments: action is copied.
   * Errors: CH_INVALID_ARGUMENT outside activate; CH_CONFLICT when another enabled plugin owns
   * the action id. */
  ch_status (*register_card_action)(ch_host* host, ch_str action, uint64_t handler);

  /* Subscribes to a DingTalk EventType ("bpms_instance_change") or another plugin's topic
   * ("approvals.instance_finished"). Events arrive through `on_event` on a host worker thread,
   * in the order they were stored: at least once each, and not again once the handler has
   * committed a write transaction (see on_event).
   * Required: yes. Thread: only inside `activate`. Arguments: topic is copied.
   * Errors: CH_INVALID_ARGUMENT for an empty topic or outside activate. */
  ch_status (*subscribe)(ch_host* host, ch_str topic, uint64_t handler);

  /* A cron job: five fields "min hour day-of-month month day-of-week" (*, lists, ranges, steps),
   * evaluated in `time_zone` (empty = "Asia/Shanghai"). Runs on_job on a host worker thread once
   * per slot; a run that is still going when the next one is due skips that one.
   * Required: yes. Thread: only inside `activate`. Arguments: every view is copied.
   * Errors: CH_INVALID_ARGUMENT for a bad expression, an unknown time zone, or outside activate;
   * CH_CONFLICT when the plugin already has a job of that name. */
  ch_status (*schedule)(ch_host* host, ch_str name, ch_str cron, ch_str time_zone,
                        uint64_t handler);

  /* --- Effects: internal events and DingTalk messages. Both can be part of a transaction. --- */

  /* Publishes an internal event on topic "<this plugin>.<name>" (the host adds the prefix).
   * With txn NULL it is stored durably before this returns. With the txn of a db_transaction
   * body it is stored with that transaction: it exists only if the transaction commits, and is
   * handed to the inbox after the commit, exactly once (also after a crash between the two).
   * Subscribers get it after it is stored, at least once.
   * Required: yes. Thread: any, but not inside `configure`.
   * Arguments: name is [a-z][a-z0-9_.]*; payload_json a JSON object; `key` (may be empty) makes
   * the call idempotent: a second event with the same key from this plugin is not stored again.
   * Every view is copied.
   * Errors: CH_INVALID_ARGUMENT for a bad name or payload; CH_UNAVAILABLE while the host is only
   * validating; with a txn, whatever stops the transaction. */
  ch_status (*publish)(ch_host* host, ch_txn* txn, ch_str name, ch_str payload_json, ch_str key);

  /* Queues an outbound DingTalk message in the host's durable outbox; a worker delivers it with
   * retries. With txn NULL the message is durable when this returns. With the txn of a
   * db_transaction body it is queued only if that transaction commits, after the commit, exactly
   * once (also after a crash between the two).
   * Required: yes. Thread: any, but not inside `configure`.
   * Arguments: message_json is {"to": {...}, "msg": {...}, "key": "..."}; docs/outbox.md lists
   * the recipients (people, a robot session, a group robot) and message kinds. An optional "key"
   * makes the call idempotent: a second message with the same key is not queued again.
   * out_id (may be NULL) receives the outbox id with txn NULL, and 0 inside a transaction (the id
   * does not exist before the commit).
   * Errors: CH_INVALID_ARGUMENT naming the bad field; CH_UNAVAILABLE while validating. */
  ch_status (*outbox_send)(ch_host* host, ch_txn* txn, ch_str message_json, int64_t* out_id);

  /* --- The plugin's own database --------------------------------------------------------- */

  /* Applies the pending migrations, each in a transaction, and records them; applied ones are
   * never re-run. Required: yes. Thread: only inside `activate`.
   * Arguments: the array and its views are read during the call only. For a plugin whose flags
   * carry CH_PLUGIN_PORTABLE_SQL (2.3) the host first expands these words in `sql` for the
   * engine that holds the database (SQLite | PostgreSQL); other text is passed on as written:
   *   {{id}}      INTEGER PRIMARY KEY | BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY
   *   {{serial}}  INTEGER PRIMARY KEY AUTOINCREMENT | as {{id}} (a key never reused)
   *   {{int64}}   INTEGER | BIGINT
   *   {{blob}}    BLOB | BYTEA;   {{double}}  REAL | DOUBLE PRECISION (8 bytes on both)
   *   {{sqlite}}...{{end}}    text kept on SQLite only (a trigger, WITHOUT ROWID)
   *   {{postgres}}...{{end}}  text kept on PostgreSQL only
   * An applied migration is compared by the text that ran, so writing an applied SQLite
   * migration with these words (expanding to the same text) does not count as editing it.
   * Errors: CH_ERROR with the failing version and the database's message; the database is left
   * as it was before that migration. CH_INVALID_ARGUMENT outside activate, or for an unknown
   * {{word}} or an unclosed section (naming the version). */
  ch_status (*db_migrate)(ch_host* host, const ch_migration* migrations, size_t count);

  /* Runs one SQL statement with `?` parameters bound from `params` and streams the rows to
   * `sink` (may be NULL). `txn` is NULL for a statement of its own, or the handle passed to a
   * db_transaction body. Statements are prepared once and cached.
   * Required: yes. Thread: any, concurrently; writes are serialised by the host.
   * Arguments: params and their views are read during the call; the row views are valid only
   * inside sink. `out` (may be NULL; set its struct_size) receives changes and last insert id.
   * Returns: CH_OK, or the status a sink returned to stop early.
   * Errors: CH_CONFLICT for a constraint violation, CH_UNAVAILABLE when busy past the timeout,
   * CH_INVALID_ARGUMENT for SQL errors; last_error has the database's message. */
  ch_status (*db_query)(ch_host* host, ch_txn* txn, ch_str sql, const ch_value* params,
                        size_t param_count, ch_row_sink sink, void* ctx, ch_db_result* out);

  /* Runs `body` exactly once inside a write transaction: its changes (and the effects published
   * or sent with its txn) are committed when body returns CH_OK, rolled back otherwise, and that
   * status returned. Returns once the changes are durable.
   * Group commit: concurrent transactions of one plugin share one database transaction and one
   * fsync, each body under a savepoint of its own (a body that fails is rolled back alone), run
   * one at a time in arrival order, each seeing the ones before it.
   * Required: yes. Thread: any. `body` may run on the thread of another caller while this one
   * waits, so it must not rely on thread-local state or on locks its own caller holds.
   * Arguments: pass `txn` to db_query, publish and outbox_send inside body; never use it after
   * body returns.
   * Errors: body's own status; CH_INVALID_ARGUMENT for a nested call; CH_UNAVAILABLE when the
   * database is busy past its timeout or the host is only validating. */
  ch_status (*db_transaction)(ch_host* host, ch_status (*body)(void* ctx, ch_txn* txn),
                              void* ctx);

  /* --- Directory: courts, departments, people ---------------------------------------------- */

  /* Answers a directory query given as JSON; the answer is JSON, sent once to sink.
   *   {"person": "<userid>"}                          -> person object, CH_NOT_FOUND if unknown
   *   {"people": {"court": "LN-HC", "dept_id": "1003", "role": "judge"}}   (any subset)
   *                                                   -> array of persons
   *   {"supervisors": "<userid>"}                     -> array, nearest first: department head,
   *                                                      then up to the court president
   *   {"court": "<code>"} / {"courts": {}}            -> court object / array
   *   {"departments": "<court code>"}                 -> array of departments
   * docs/directory.md gives every field.
   * Required: yes. Thread: any, but not inside `configure`.
   * Arguments: query_json is read during the call; sink is called once on CH_OK.
   * Errors: CH_INVALID_ARGUMENT for a malformed query; CH_NOT_FOUND for an unknown person or
   * court; CH_UNAVAILABLE while the host is only validating. */
  ch_status (*directory)(ch_host* host, ch_str query_json, ch_str_sink sink, void* ctx);

  /* --- Other plugins --------------------------------------------------------------------- */

  /* Whether the plugin `name` is enabled and active right now, so a plugin can offer what
   * depends on another one (rooms asks "approvals") or say plainly that it is unavailable.
   * Required: yes. Thread: any. Arguments: name is read during the call.
   * Returns: CH_OK when active, CH_NOT_FOUND when not (also while validating). */
  ch_status (*plugin_active)(ch_host* host, ch_str name);

  /* --- Replies. Inside on_http / on_command / on_card_action only, on the calling thread. --- */

  /* Sets the HTTP status of the reply (default 200). Required: yes. Thread: the calling one.
   * Arguments: status outside 100-599 is ignored. */
  void (*reply_status)(ch_reply* reply, int32_t status);

  /* Adds a response header. Required: yes. Thread: the calling one.
   * Arguments: both views are copied; a name or value with CR or LF is dropped. */
  void (*reply_header)(ch_reply* reply, ch_str name, ch_str value);

  /* Sets the body; a second call replaces the first. For commands content_type is "text/plain"
   * or "text/markdown"; for card actions it is "application/json" with
   * {"cardData": {...}, "userPrivateData": {...}}.
   * Required: yes. Thread: the calling one. Arguments: both views are copied. */
  void (*reply_body)(ch_reply* reply, ch_str content_type, ch_str body);

  /* Sets the title of a command reply (DingTalk shows it for markdown, in the chat list).
   * Required: yes. Thread: the calling one, inside on_command. Arguments: copied. */
  void (*reply_title)(ch_reply* reply, ch_str title);

  /* --- Time: one clock and one work calendar for the whole host --------------------------- */

  /* The host's current time, Unix milliseconds. Use it instead of the system clock: tests set
   * and advance it, and every plugin and host part then agrees on "now".
   * Required: yes. Thread: any. Returns: milliseconds since 1970-01-01T00:00:00Z. */
  int64_t (*now_ms)(ch_host* host);

  /* Whether `day` is a workday: Monday to Friday unless a public holiday, and the make-up
   * workdays (调休) of the official calendar. A year the host's calendar files do not cover is
   * counted Monday to Friday (the host logs that once; docs/work-calendar.md adds a year).
   * Required: yes. Thread: any. Arguments: out receives 1 or 0 on CH_OK.
   * Errors: CH_UNAVAILABLE while the host is only validating. */
  ch_status (*is_workday)(ch_host* host, ch_day day, uint32_t* out);

  /* The first workday after `day` (not `day` itself). Required: yes. Thread: any.
   * Arguments: out receives the day on CH_OK. Errors: CH_UNAVAILABLE as is_workday. */
  ch_status (*next_workday)(ch_host* host, ch_day day, ch_day* out);

  /* How many workdays lie in [first, last], both included (0 when last < first).
   * Required: yes. Thread: any. Arguments: out receives the count on CH_OK.
   * Errors: CH_UNAVAILABLE as is_workday; CH_INVALID_ARGUMENT for a span over 3660 days. */
  ch_status (*workdays_between)(ch_host* host, ch_day first, ch_day last, int64_t* out);

  /* --- 2.2: outside users, signed in by the plugin itself (a lawyers' portal) ------------ */

  /* A session token for an outside user the plugin has authenticated itself (a licence number
   * and password, say): an HS256 JWT signed by the host, for `audience`, naming `subject` and
   * this plugin, valid for the host's session TTL. The client sends it as
   * `Authorization: Bearer <token>`; it opens this plugin's portal routes of that audience and
   * nothing else (no staff route, no other plugin's portal).
   * Required: yes (2.2). Thread: any, but not inside `configure`.
   * Arguments: audience is an outside audience the host knows ("lawyer"; "staff" is refused:
   * staff sign in through DingTalk); subject is [A-Za-z0-9_.:-], 1-64 bytes. `sink` receives
   * {"token": "...", "expires_at": <Unix seconds>} as JSON, during the call.
   * Errors: CH_INVALID_ARGUMENT for another audience or a bad subject; CH_UNAVAILABLE while the
   * host is only validating or has no session secret. The token is never logged. */
  ch_status (*issue_session)(ch_host* host, ch_str audience, ch_str subject, ch_str_sink sink,
                             void* ctx);

  /* Routes METHOD /apps/<plugin><pattern> to on_http, like register_route, for outside users
   * only: the host lets through only a valid session of `audience` that this plugin issued
   * (issue_session); the handler gets an OUTSIDER caller. A staff session, the admin token, no
   * token or another plugin's session is answered 401 by the host and never reaches the
   * plugin. Plain register_route routes refuse outside sessions the same way.
   * Required: yes (2.2). Thread: only inside `activate`. Arguments: as register_route; by
   * convention the patterns start with /portal/. Errors: as register_route, and
   * CH_INVALID_ARGUMENT for an audience issue_session would refuse. */
  ch_status (*register_portal_route)(ch_host* host, ch_str audience, ch_str method,
                                     ch_str pattern, uint64_t handler);

  /* --- 2.3: the database engine ------------------------------------------------------------ */

  /* Which engine holds this plugin's database: CH_DB_SQLITE (a file of its own) or
   * CH_DB_POSTGRES (a schema of its own). It never changes while the host runs. For the rare
   * statement that must differ (docs/plugins.md, "Portable SQL"); migrations use the words of
   * db_migrate instead.
   * Required: yes (2.3). An older host's table ends before this entry: read it only when
   * struct_size covers it, and take CH_DB_SQLITE otherwise (the SDK's Database::dialect does).
   * Thread: any. Returns: CH_DB_*. Errors: none. */
  uint32_t (*db_dialect)(ch_host* host);
} ch_host_api;

/* ------------------------------------------------------------------------------------------------
 * Plugin functions (ch_plugin_api). The table the entry symbol returns must stay valid and
 * unchanged while the library is loaded (a static const table).
 * ----------------------------------------------------------------------------------------------*/

/* flags() bits. */
#define CH_PLUGIN_THREAD_SAFE 1u /* handlers may run concurrently; else the host serialises them */
/* (2.3) Every SQL text the plugin sends runs on SQLite and on PostgreSQL (docs/plugins.md,
 * "Portable SQL"), and its migrations are written with db_migrate's words. A host whose
 * database is PostgreSQL activates only plugins with this bit; on SQLite it changes nothing
 * but the expansion of those words. */
#define CH_PLUGIN_PORTABLE_SQL 2u

/* db_dialect() values (2.3). */
#define CH_DB_SQLITE 1u
#define CH_DB_POSTGRES 2u

typedef struct ch_plugin_api {
  uint32_t struct_size;
  uint32_t abi_major;
  uint32_t abi_minor;

  /* The plugin id: [a-z][a-z0-9_]*, also its file name, config name, route prefix and database.
   * Required: yes. Thread: any. Returns: a view of static storage. */
  ch_str (*name)(void);

  /* Semantic version of the plugin ("1.2.0"). Required: yes. Returns: static storage. */
  ch_str (*version)(void);

  /* One line for humans. Required: no. Returns: static storage. */
  ch_str (*description)(void);

  /* CH_PLUGIN_* bits. Required: yes. Thread: any. */
  uint64_t (*flags)(void);

  /* Creates an instance. Must not touch the outside world: no files, no threads, no host calls
   * except log; `courthub check-config` creates instances only to validate settings.
   * Required: yes. Thread: the host's control thread.
   * Arguments: host_api and host outlive the instance (until destroy returns).
   * Returns: a new instance, or NULL when out of memory. */
  ch_plugin* (*create)(const ch_host_api* host_api, ch_host* host);

  /* Destroys an instance. The host has drained every call into it first and calls nothing after.
   * Required: yes. Thread: the host's control thread. */
  void (*destroy)(ch_plugin* plugin);

  /* Why the last failing call on this instance failed, for the person reading the error.
   * Required: yes. Thread: any; the text is per thread.
   * Returns: a view valid until the next call into this instance on this thread. */
  ch_str (*last_error)(ch_plugin* plugin);

  /* Validates and adopts settings (a JSON object). Called once before activate, on a fresh
   * instance. Report each problem with host_api->settings_error, then return
   * CH_INVALID_ARGUMENT. Required: yes. Thread: the host's control thread. */
  ch_status (*configure)(ch_plugin* plugin, ch_str settings_json);

  /* Brings the instance to service: migrations (db_migrate) and registrations.
   * On failure the host undoes the registrations and shows the plugin in an error state.
   * Required: yes. Thread: the host's control thread. */
  ch_status (*activate)(ch_plugin* plugin);

  /* Handles a routed HTTP request; builds the reply with reply_*. On a failure status the host
   * answers with the mapped HTTP status and a JSON error {"error": {code, message, plugin,
   * details}}: message is last_error for 4xx and a generic text for CH_ERROR (whose detail goes
   * to the log only); details is the reply body, when the plugin set a JSON one.
   * Required: if routes are registered. Thread: an HTTP worker; concurrently if THREAD_SAFE. */
  ch_status (*on_http)(ch_plugin* plugin, uint64_t handler, const ch_http_request* request,
                       ch_reply* reply);

  /* Handles a robot command; the reply body (text or markdown) goes back to the chat.
   * Required: if commands are registered. Thread: an HTTP worker. */
  ch_status (*on_command)(ch_plugin* plugin, uint64_t handler, const ch_command* command,
                          ch_reply* reply);

  /* Handles a card button; the reply body updates the card.
   * Required: if card actions are registered. Thread: an HTTP worker. */
  ch_status (*on_card_action)(ch_plugin* plugin, uint64_t handler, const ch_card_action* action,
                              ch_reply* reply);

  /* Handles an inbox event. CH_OK marks it done for this plugin; CH_UNAVAILABLE or CH_ERROR
   * retries with backoff and ends in the dead-letter list; CH_INVALID_ARGUMENT dead-letters at
   * once. Required: if subscriptions are made. Thread: the inbox worker.
   * Delivery receipt: every write transaction the handler commits in its database from this
   * thread (db_transaction, or a write db_query outside one) also records the event's id in the
   * host-owned table courthub_deliveries, atomically with it. An event whose receipt is there is
   * not handed to the plugin again (after a host crash that lost the record of the delivery, or a
   * retry after the handler failed past its commit): it is marked done. So a handler that makes
   * its changes in ONE transaction, and publishes or queues messages through that transaction,
   * has exactly-once effects; one that commits several transactions loses the steps after the
   * first if the host dies between them. A handler that writes nothing stays at least once. */
  ch_status (*on_event)(ch_plugin* plugin, uint64_t handler, const ch_event* event);

  /* Runs a scheduled job. Required: if jobs are scheduled. Thread: the scheduler worker. */
  ch_status (*on_job)(ch_plugin* plugin, uint64_t handler, const ch_job* job);
} ch_plugin_api;

/* The entry symbol. The host calls it once after loading, with its own ABI version.
 * Returns: the plugin's table (static storage), or NULL if the plugin cannot work with that
 * host at all. The host then compares versions (see the top of this file). */
typedef const ch_plugin_api* (*ch_plugin_entry_fn)(uint32_t host_abi_major,
                                                   uint32_t host_abi_minor);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* COURTHUB_PLUGIN_ABI_H */
