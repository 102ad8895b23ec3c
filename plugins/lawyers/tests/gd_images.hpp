// SPDX-License-Identifier: Apache-2.0
// Test helpers: images made and read back with libgd, and how much two of them differ.
#pragma once

#include <gd.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace lawyers::access_testing {

struct ImageDeleter {
  void operator()(gdImage* im) const { gdImageDestroy(im); }
};
using Image = std::unique_ptr<gdImage, ImageDeleter>;

inline std::string encode(gdImage* im, bool png) {
  int size = 0;
  void* bytes = png ? gdImagePngPtr(im, &size) : gdImageJpegPtr(im, &size, 95);
  std::string out(static_cast<char*>(bytes), static_cast<size_t>(size));
  gdFree(bytes);
  return out;
}

// Null when the bytes are no image of that type.
inline Image decode(const std::string& bytes, bool png) {
  void* data = const_cast<char*>(bytes.data());
  int size = static_cast<int>(bytes.size());
  return Image(png ? gdImageCreateFromPngPtr(size, data) : gdImageCreateFromJpegPtr(size, data));
}

// A plain mid-grey picture: anything a stamp draws differs from it clearly.
inline std::string grey_image(int width, int height, bool png) {
  Image im(gdImageCreateTrueColor(width, height));
  gdImageFilledRectangle(im.get(), 0, 0, width - 1, height - 1, gdTrueColor(128, 128, 128));
  return encode(im.get(), png);
}

// Pixels of rows [y0, y1) whose colours differ by more than JPEG noise.
inline int differing(gdImage* a, gdImage* b, int y0, int y1) {
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

}  // namespace lawyers::access_testing
