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
#include "watermark_font.hpp"
#include "watermark_image.hpp"
#include "watermark_line.hpp"
#include "watermark_pdf.hpp"

namespace lawyers {
namespace {

using namespace PoDoFo;

const std::string kLine = "阅卷人 张三 执业证号 12101201810123456 2026-12-07 09:30 仅供本案诉讼使用";

std::string font_path() { return AccessSettings{}.watermark_font; }
std::string font() { return *truetype_font(font_path()); }

std::string write(PdfMemDocument& doc) {
  PdfRefCountedBuffer buffer;
  PdfOutputDevice device(&buffer);
  doc.Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

std::string pdf_of_pages(int pages) {
  PdfMemDocument doc;
  for (int i = 0; i < pages; ++i) {
    PdfPage* page = doc.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
    PdfPainter painter;
    painter.SetPage(page);
    painter.SetFont(doc.CreateFont("Helvetica"));
    painter.DrawText(72, 700, PdfString("Judgment page"));
    painter.FinishPage();
  }
  return write(doc);
}

// The text each page shows through fonts that carry a ToUnicode map, in drawing order, and the
// number of text-showing operators on the page (to see the page's own text survived).
struct PageText {
  std::vector<std::string> decoded;
  int shows = 0;
};

std::vector<PageText> page_texts(const std::string& pdf) {
  PdfMemDocument doc;
  doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
  std::vector<PageText> out;
  for (int i = 0; i < doc.GetPageCount(); ++i) {
    PdfPage* page = doc.GetPage(i);
    PageText text;
    PdfContentsTokenizer tokens(page);
    EPdfContentsType type;
    const char* keyword = nullptr;
    PdfVariant operand;
    std::vector<PdfVariant> operands;
    PdfName font;
    while (tokens.ReadNext(type, keyword, operand)) {
      if (type != ePdfContentsType_Keyword) {
        operands.push_back(operand);
        continue;
      }
      const std::string op = keyword;
      if (op == "Tf" && operands.size() >= 2) font = operands[operands.size() - 2].GetName();
      if (op == "Tj" && !operands.empty()) {
        ++text.shows;
        PdfObject* dict = page->GetResources()->GetIndirectKey("Font")->GetIndirectKey(font);
        if (PdfObject* map = dict ? dict->GetIndirectKey("ToUnicode") : nullptr) {
          PdfIdentityEncoding encoding(0, 0xffff, false, map);
          text.decoded.push_back(
              encoding.ConvertToUnicode(operands.back().GetString(), nullptr).GetStringUtf8());
        }
      }
      operands.clear();
    }
    out.push_back(std::move(text));
  }
  return out;
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

struct ImageDeleter {
  void operator()(gdImage* im) const { gdImageDestroy(im); }
};
using Image = std::unique_ptr<gdImage, ImageDeleter>;

std::string encode(gdImage* im, bool png) {
  int size = 0;
  void* bytes = png ? gdImagePngPtr(im, &size) : gdImageJpegPtr(im, &size, 95);
  std::string out(static_cast<char*>(bytes), static_cast<size_t>(size));
  gdFree(bytes);
  return out;
}

Image decode(const std::string& bytes, bool png) {
  void* data = const_cast<char*>(bytes.data());
  int size = static_cast<int>(bytes.size());
  return Image(png ? gdImageCreateFromPngPtr(size, data) : gdImageCreateFromJpegPtr(size, data));
}

// A plain mid-grey picture: anything the stamp draws differs from it clearly.
std::string grey_image(int width, int height, bool png) {
  Image im(gdImageCreateTrueColor(width, height));
  gdImageFilledRectangle(im.get(), 0, 0, width - 1, height - 1, gdTrueColor(128, 128, 128));
  return encode(im.get(), png);
}

int differing(gdImage* a, gdImage* b, int y0, int y1) {
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = 0; x < gdImageSX(a); ++x) {
      int p = gdImageGetTrueColorPixel(a, x, y), q = gdImageGetTrueColorPixel(b, x, y);
      int d = std::abs(gdTrueColorGetRed(p) - gdTrueColorGetRed(q)) +
              std::abs(gdTrueColorGetGreen(p) - gdTrueColorGetGreen(q)) +
              std::abs(gdTrueColorGetBlue(p) - gdTrueColorGetBlue(q));
      n += d > 30;
    }
  return n;
}

void expect_stamped(bool png) {
  const std::string before = grey_image(900, 600, png);
  const std::string after = watermark_image(before, png ? "image/png" : "image/jpeg", kLine, font_path());
  Image a = decode(before, png), b = decode(after, png);
  ASSERT_TRUE(b) << "the stamped image does not decode";
  EXPECT_EQ(gdImageSX(b.get()), 900);
  EXPECT_EQ(gdImageSY(b.get()), 600);
  EXPECT_EQ(after.substr(0, 4), png ? std::string("\x89PNG") : std::string("\xFF\xD8\xFF", 3) + after[3]);
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

TEST(WatermarkImage, APngIsStampedAlongItsFootAndKeepsItsSize) { expect_stamped(true); }
TEST(WatermarkImage, AJpegIsStampedAlongItsFootAndKeepsItsSize) { expect_stamped(false); }

TEST(WatermarkImage, BytesThatAreNoImageAreRefused) {
  EXPECT_THROW(watermark_image("nonsense", "image/png", kLine, font_path()), courthub::Error);
  EXPECT_THROW(watermark_image("nonsense", "application/zip", kLine, font_path()),
               courthub::Error);
}

}  // namespace
}  // namespace lawyers
