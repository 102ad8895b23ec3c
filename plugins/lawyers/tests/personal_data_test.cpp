// SPDX-License-Identifier: Apache-2.0
// Masked forms, sealing under the data key, and the blind index of ID numbers.
#include <gtest/gtest.h>

#include <courthub/error.hpp>

#include "personal_data.hpp"

namespace lawyers {
namespace {

const std::string kKey(64, 'a');
const std::string kOtherKey = std::string(63, 'a') + "b";

TEST(PersonalData, MaskedFormsKeepOnlyTheEnds) {
  EXPECT_EQ(mask_id_card("210102198001011232"), "2101**********1232");
  EXPECT_EQ(mask_mobile("13812345678"), "138****5678");
  EXPECT_EQ(mask_mobile("123"), "***");  // too short to show anything
}

TEST(PersonalData, SealedTextOpensOnlyWithItsKey) {
  auto key = PersonalDataKey::from_hex(kKey);
  const std::string sealed = key.seal("210102198001011232");
  EXPECT_EQ(sealed.find("210102198001011232"), std::string::npos);
  EXPECT_NE(key.seal("210102198001011232"), sealed);  // a fresh nonce each time
  EXPECT_EQ(key.open(sealed), "210102198001011232");
  EXPECT_THROW(PersonalDataKey::from_hex(kOtherKey).open(sealed), courthub::Error);
  std::string altered = sealed;
  altered.back() ^= 1;
  EXPECT_THROW(key.open(altered), courthub::Error);
}

TEST(PersonalData, TheBlindIndexIsStablePerKey) {
  auto key = PersonalDataKey::from_hex(kKey);
  EXPECT_EQ(key.blind_index("210102198001011232"), key.blind_index("210102198001011232"));
  EXPECT_NE(key.blind_index("210102198001011232"), key.blind_index("11010519491231002X"));
  EXPECT_NE(key.blind_index("210102198001011232"),
            PersonalDataKey::from_hex(kOtherKey).blind_index("210102198001011232"));
}

TEST(PersonalData, AMalformedKeyIsRefusedWithoutRepeatingIt) {
  EXPECT_TRUE(PersonalDataKey::problem("abc"));
  EXPECT_TRUE(PersonalDataKey::problem(std::string(64, 'g')));
  EXPECT_FALSE(PersonalDataKey::problem(kKey));
  try {
    PersonalDataKey::from_hex(std::string(64, 'g'));
    FAIL();
  } catch (const courthub::Error& e) {
    EXPECT_EQ(std::string(e.what()).find("gggg"), std::string::npos);
  }
}

}  // namespace
}  // namespace lawyers
