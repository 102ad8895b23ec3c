// SPDX-License-Identifier: Apache-2.0
// Sign-in lockout: after 5 wrong passwords for one licence number, sign-in is closed for 60 s;
// each further wrong password doubles the wait, up to one hour; a right password resets it.
// Counted per licence number as typed (known or not, so the answer reveals nothing), in the
// table lawyer_sign_in_failures, so it holds across restarts and across hosts.
//
// Threading: any handler thread; each call is one statement or runs in the caller's
// transaction. Errors: courthub::Error from the database.
#pragma once

#include <courthub/database.hpp>

#include <cstdint>
#include <string>

namespace lawyers {

inline constexpr int kFailuresBeforeLock = 5;

// How long sign-in stays closed after `failures` consecutive wrong passwords, in ms: 0 below
// 5, then 60 s, 120 s, 240 s, ... capped at 3600 s.
int64_t lock_duration_ms(int64_t failures);

// Until when sign-in with `licence_no` is closed (Unix ms); 0 or a past instant when open.
int64_t locked_until_ms(const courthub::Sql& db, const std::string& licence_no);

// Counts one more wrong password at `now_ms`; returns until when sign-in is now closed (0 when
// it is still open).
int64_t record_failure(const courthub::Sql& tx, const std::string& licence_no, int64_t now_ms);

// Forgets the failures (a right password).
void clear_failures(const courthub::Sql& tx, const std::string& licence_no);

}  // namespace lawyers
