// SPDX-License-Identifier: Apache-2.0
// Test helpers: PDFs made with PoDoFo, and the text each page shows, decoded through the
// ToUnicode maps of its fonts (how a reader's search or copy would see it).
#pragma once

#include <podofo.h>

#include <string>
#include <vector>

namespace lawyers::access_testing {

struct PageText {
  std::vector<std::string> decoded;  // strings shown in fonts with a ToUnicode map
  int shows = 0;                     // every Tj on the page
};

inline std::string pdf_bytes(PoDoFo::PdfMemDocument& doc) {
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  doc.Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

// A PDF of `pages` A4 pages, each showing "Judgment page" in Helvetica.
inline std::string pdf_of_pages(int pages) {
  PoDoFo::PdfError::EnableDebug(false);
  PoDoFo::PdfMemDocument doc;
  for (int i = 0; i < pages; ++i) {
    PoDoFo::PdfPage* page =
        doc.CreatePage(PoDoFo::PdfPage::CreateStandardPageSize(PoDoFo::ePdfPageSize_A4));
    PoDoFo::PdfPainter painter;
    painter.SetPage(page);
    painter.SetFont(doc.CreateFont("Helvetica"));
    painter.DrawText(72, 700, PoDoFo::PdfString("Judgment page"));
    painter.FinishPage();
  }
  return pdf_bytes(doc);
}

inline std::vector<PageText> page_texts(const std::string& pdf) {
  using namespace PoDoFo;
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

}  // namespace lawyers::access_testing
