// SPDX-License-Identifier: Apache-2.0
// The HTTP shapes of a board (stub bodies; implemented next).
#include "board_json.hpp"

namespace board {

using courthub::Json;

Json catalogue_json(const BoardSettings&, bool) { return Json::array(); }
Json weights_json(const BoardSettings&) { return Json::object(); }
Json member_json(const MemberResult&, const PeerBoard&, const BoardSettings&, bool, bool) {
  return Json::object();
}
Json change_json(const MemberResult&, const Json*, const BoardSettings&) { return Json(); }

}  // namespace board
