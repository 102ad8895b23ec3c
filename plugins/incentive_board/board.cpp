// SPDX-License-Identifier: Apache-2.0
// Boards from measures (stub bodies; implemented next).
#include "board.hpp"

namespace board {

Board court_board(const MeasureSet&, const Org&, const BoardSettings&, Window w) { return {w, {}}; }
Board judge_board(const MeasureSet&, const Org&, const BoardSettings&, Window w) { return {w, {}}; }
const MemberResult* find_member(const Board&, std::string_view, const PeerBoard**) {
  return nullptr;
}

}  // namespace board
