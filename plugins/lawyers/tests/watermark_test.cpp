// SPDX-License-Identifier: Apache-2.0
// The watermark is really there: PDFs re-opened with PoDoFo show the line on every page (decoded
// through the embedded font's ToUnicode map), images decoded with libgd changed along the foot
// and nowhere else, keeping their size and type.
#include <gtest/gtest.h>

#include <gd.h>
#include <podofo.h>

#include <memory>
#include <string>
#include <vector>

#include "access_settings.hpp"
#include "tests/gd_images.hpp"
#include "tests/pdf_text.hpp"
#include "watermark_font.hpp"
#include "watermark_image.hpp"
#include "watermark_line.hpp"
#include "watermark_pdf.hpp"

namespace lawyers {
namespace {

using namespace PoDoFo;
using access_testing::page_texts;
using access_testing::pdf_of_pages;
using namespace access_testing;

const std::string kLine =
    "阅卷人 张三 执业证号 12101201810123456 2026-12-07 09:30 仅供本案诉讼使用";

std::string font_path() {
  return AccessSettings{}.watermark_font;
}
std::string font() {
  return *truetype_font(font_path());
}

TEST(WatermarkLine, NamesTheLawyerLicenceAndShanghaiTime) {
  // 2026-12-07 01:30 UTC is 09:30 in Beijing.
  EXPECT_EQ(watermark_line("张三", "12101201810123456", 1796607000000),
            "阅卷人 张三 执业证号 12101201810123456 2026-12-07 09:30 仅供本案诉讼使用");
}

TEST(WatermarkFont, TheFirstFaceOfACollectionIsAPlainTrueTypeFont) {
  const std::string ttf = font();
  ASSERT_GT(ttf.size(), 1000u);
  EXPECT_EQ(ttf.substr(0, 4), std::string("\0\1\0\0", 4));
  EXPECT_EQ(first_face(ttf), ttf);  // a single font passes unchanged
  EXPECT_THROW(first_face("not a font at all"), courthub::Error);
}

TEST(WatermarkPdf, EveryPageCarriesTheLineAndKeepsItsOwnText) {
  const std::string stamped = watermark_pdf(pdf_of_pages(3), kLine, font());
  auto pages = page_texts(stamped);
  ASSERT_EQ(pages.size(), 3u);
  for (auto& page : pages) {
    ASSERT_EQ(page.decoded.size(), 1u);
    EXPECT_EQ(page.decoded[0], kLine);
    EXPECT_EQ(page.shows, 2);  // "Judgment page" and the line
  }
  // The font travels with the file, cut down to the line's glyphs.
  EXPECT_NE(stamped.find("CHWMRK+"), std::string::npos);
  EXPECT_LT(stamped.size(), 200000u);
}

TEST(WatermarkPdf, WithoutStampingNoPageShowsTheLine) {
  for (auto& page : page_texts(pdf_of_pages(2))) EXPECT_TRUE(page.decoded.empty());
}

TEST(WatermarkPdf, ADamagedFileIsRefusedByName) {
  try {
    watermark_pdf("%PDF-1.7 this is not really a pdf", kLine, font());
    FAIL() << "a damaged PDF was stamped";
  } catch (const courthub::Error& e) {
    EXPECT_EQ(e.status(), courthub::Status::InvalidArgument);
    EXPECT_NE(std::string(e.what()).find("the PDF cannot be stamped"), std::string::npos);
  }
}

void expect_stamped(bool png) {
  const std::string before = grey_image(900, 600, png);
  const std::string after =
      watermark_image(before, png ? "image/png" : "image/jpeg", kLine, font_path());
  Image a = decode(before, png), b = decode(after, png);
  ASSERT_TRUE(b) << "the stamped image does not decode";
  EXPECT_EQ(gdImageSX(b.get()), 900);
  EXPECT_EQ(gdImageSY(b.get()), 600);
  EXPECT_EQ(after.substr(0, 4),
            png ? std::string("\x89PNG") : std::string("\xFF\xD8\xFF", 3) + after[3]);
  // The foot changed over most of the line's length; the top of the picture did not.
  const int foot = differing(a.get(), b.get(), 600 - 60, 600);
  EXPECT_GT(foot, 900 * 5);
  int columns = 0;
  for (int x = 0; x < 900; ++x) {
    bool hit = false;
    for (int y = 600 - 60; y < 600 && !hit; ++y) {
      int p = gdImageGetTrueColorPixel(b.get(), x, y);
      hit = gdTrueColorGetRed(p) > 150 && gdTrueColorGetGreen(p) < 110;  // the line's red
    }
    columns += hit;
  }
  EXPECT_GT(columns, 900 / 2) << "the red line should run along most of the width";
  EXPECT_EQ(differing(a.get(), b.get(), 0, 400), 0);
}

TEST(WatermarkImage, APngIsStampedAlongItsFootAndKeepsItsSize) {
  expect_stamped(true);
}
TEST(WatermarkImage, AJpegIsStampedAlongItsFootAndKeepsItsSize) {
  expect_stamped(false);
}

TEST(WatermarkImage, BytesThatAreNoImageAreRefused) {
  EXPECT_THROW(watermark_image("nonsense", "image/png", kLine, font_path()), courthub::Error);
  EXPECT_THROW(watermark_image("nonsense", "application/zip", kLine, font_path()), courthub::Error);
}

}  // namespace
}  // namespace lawyers
