// SPDX-License-Identifier: Apache-2.0
// Packed id columns (stub; the implementation follows).
#include "packed_strings.hpp"

namespace board {

void PackedStrings::clear() {}
uint32_t PackedStrings::push_back(std::string_view) { return 0; }
void PackedStrings::set(uint32_t, std::string_view) {}
std::string PackedStrings::at(uint32_t) const { return {}; }
size_t PackedStrings::bytes() const { return 0; }
void InternedIds::reserve(size_t) {}
void InternedIds::clear() {}
int64_t InternedIds::find(std::string_view) const { return -1; }
std::pair<uint32_t, bool> InternedIds::intern(std::string_view) { return {0, false}; }
size_t InternedIds::bytes() const { return 0; }

}  // namespace board
