// SPDX-License-Identifier: Apache-2.0
#include "watermark_image.hpp"

#include <courthub/error.hpp>

#include <gd.h>

#include <algorithm>
#include <memory>

namespace lawyers {
namespace {

struct ImageDeleter {
  void operator()(gdImage* im) const { gdImageDestroy(im); }
};
using Image = std::unique_ptr<gdImage, ImageDeleter>;

struct GdBytes {
  void operator()(void* p) const { gdFree(p); }
};

// The extent of `line` at `points`: {width, height} in pixels.
std::pair<int, int> extent(const std::string& font, double points, const std::string& line) {
  int box[8];
  char* error = gdImageStringFT(nullptr, box, 0, const_cast<char*>(font.c_str()), points, 0, 0, 0,
                                const_cast<char*>(line.c_str()));
  if (error)
    throw courthub::Unavailable("the watermark font cannot be used: " + std::string(error));
  return {box[2] - box[0], box[1] - box[7]};
}

}  // namespace

std::string watermark_image(std::string_view image, std::string_view type, const std::string& line,
                            const std::string& font_path) {
  const bool png = type == "image/png";
  if (!png && type != "image/jpeg")
    throw courthub::InvalidArgument("only JPEG and PNG images are stamped, not " +
                                    std::string(type));
  void* bytes = const_cast<char*>(image.data());
  const int size = static_cast<int>(image.size());
  Image im(png ? gdImageCreateFromPngPtr(size, bytes) : gdImageCreateFromJpegPtr(size, bytes));
  if (!im) throw courthub::InvalidArgument("the image cannot be decoded");
  if (!gdImageTrueColor(im.get())) gdImagePaletteToTrueColor(im.get());
  const int width = gdImageSX(im.get()), height = gdImageSY(im.get());

  // As large as fits the width with a margin, between 6 and 16 points.
  const int margin = std::max(4, width / 50);
  const int width_at_12 = extent(font_path, 12, line).first;
  const double points =
      std::clamp(12.0 * (width - 2 * margin) / std::max(1, width_at_12), 6.0, 16.0);
  const int h = extent(font_path, points, line).second;
  const int baseline = height - margin;
  gdImageAlphaBlending(im.get(), 1);
  gdImageFilledRectangle(im.get(), 0, std::max(0, baseline - h - margin / 2), width - 1, height - 1,
                         gdTrueColorAlpha(255, 255, 255, 40));
  int box[8];
  char* error = gdImageStringFT(im.get(), box, gdTrueColorAlpha(190, 20, 20, 0),
                                const_cast<char*>(font_path.c_str()), points, 0, margin, baseline,
                                const_cast<char*>(line.c_str()));
  if (error)
    throw courthub::Unavailable("the watermark font cannot be used: " + std::string(error));

  int out_size = 0;
  std::unique_ptr<void, GdBytes> out(png ? gdImagePngPtr(im.get(), &out_size)
                                         : gdImageJpegPtr(im.get(), &out_size, 90));
  if (!out) throw courthub::Unavailable("the stamped image could not be encoded");
  return std::string(static_cast<const char*>(out.get()), static_cast<size_t>(out_size));
}

}  // namespace lawyers
