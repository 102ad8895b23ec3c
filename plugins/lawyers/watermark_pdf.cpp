// SPDX-License-Identifier: Apache-2.0
#include "watermark_pdf.hpp"

#include <courthub/error.hpp>

#include <podofo.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace lawyers {
namespace {

constexpr double kMargin = 18;  // points from the page's left and bottom edges
constexpr double kMaxSize = 9;  // font size when the line fits the page at that size
constexpr double kMinSize = 4;

void quiet_podofo() {
  static std::once_flag once;
  // PoDoFo prints trailers and warnings to stdout/stderr; the host's log is the place for ours.
  std::call_once(once, [] {
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfError::EnableLogging(false);
  });
}

// A font of this document that PoDoFo subsets on write: glyphs used by the line only.
struct SubsetFont {
  explicit SubsetFont(PoDoFo::PdfMemDocument& doc, const std::string& font) {
    FT_Library library = doc.GetFontLibrary();
    // The font takes ownership of the metrics; the bytes stay ours (`font` outlives it).
    auto* metrics = new PoDoFo::PdfFontMetricsFreetype(
        &library, font.data(), static_cast<unsigned int>(font.size()), false, "CHWMRK+");
    pdf.reset(PoDoFo::PdfFontFactory::CreateFontObject(
        metrics, PoDoFo::ePdfFont_Embedded | PoDoFo::ePdfFont_Subsetting,
        PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(), &doc.GetObjects()));
    if (!pdf) throw courthub::Unavailable("the watermark font could not be loaded by PoDoFo");
  }
  // Not in the document's font cache, so PoDoFo neither embeds nor frees it on its own.
  std::unique_ptr<PoDoFo::PdfFont> pdf;
};

}  // namespace

std::string watermark_pdf(std::string_view pdf, const std::string& line, const std::string& font) {
  quiet_podofo();
  try {
    PoDoFo::PdfMemDocument doc;
    doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
    SubsetFont f(doc, font);
    const PoDoFo::PdfString text(reinterpret_cast<const PoDoFo::pdf_utf8*>(line.c_str()));
    f.pdf->SetFontSize(1);
    const double width_at_one = std::max(1.0, f.pdf->GetFontMetrics()->StringWidth(text));
    for (int i = 0; i < doc.GetPageCount(); ++i) {
      PoDoFo::PdfPage* page = doc.GetPage(i);
      const PoDoFo::PdfRect box = page->GetPageSize();
      const double size =
          std::clamp((box.GetWidth() - 2 * kMargin) / width_at_one, kMinSize, kMaxSize);
      PoDoFo::PdfPainter painter;
      painter.SetPage(page);  // appends a content stream: the page's own content is untouched
      f.pdf->SetFontSize(static_cast<float>(size));
      painter.SetFont(f.pdf.get());
      painter.SetColor(0.75, 0.1, 0.1);
      painter.DrawText(box.GetLeft() + kMargin, box.GetBottom() + kMargin, text);
      painter.FinishPage();
    }
    f.pdf->EmbedSubsetFont();
    PoDoFo::PdfRefCountedBuffer buffer;
    PoDoFo::PdfOutputDevice device(&buffer);
    doc.Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
  } catch (const PoDoFo::PdfError& e) {
    throw courthub::InvalidArgument(std::string("the PDF cannot be stamped: ") +
                                    PoDoFo::PdfError::ErrorName(e.GetError()));
  }
}

}  // namespace lawyers
