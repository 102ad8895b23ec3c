// SPDX-License-Identifier: Apache-2.0
// Reads and checks the board's settings (stub bodies; implemented next).
#include "board_settings.hpp"

namespace board {

std::string_view id_of(Mode m) { return m == Mode::Ranked ? "ranked" : "no_rank"; }
BoardSettings read_settings(const courthub::Json&,
                            std::vector<std::pair<std::string, std::string>>&) {
  return {};
}
Window window_for(const BoardSettings&, Day as_of, std::optional<Day> from) {
  return {from.value_or(as_of), as_of};
}

}  // namespace board
