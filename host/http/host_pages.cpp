// SPDX-License-Identifier: Apache-2.0
// The kit, the 工作台 and the console, from the built kit's folder.
#include "host/http/host_pages.hpp"

#include <memory>
#include <string>

#include "host/http/static_files.hpp"

namespace courthub::http {

void add_host_pages(Router& router, const std::filesystem::path& kit_dir) {
  auto files = std::make_shared<StaticFiles>();
  router.prefix("/kit/", "/kit", [files, kit_dir](Exchange& ex) {
    std::string raw = ex.raw_path();
    if (raw.rfind("/kit/", 0) != 0) {
      ex.respond_error(400, "invalid_path", "write the kit's path as /kit/<file>");
      return;
    }
    files->serve(ex, kit_dir, std::string_view(raw).substr(5));
  });
  auto page = [&router, files, kit_dir](const std::string& folder_url, const char* file) {
    Handler serve = [files, kit_dir, file](Exchange& ex) { files->serve(ex, kit_dir, file); };
    router.exact(folder_url, folder_url, serve);
    router.exact(folder_url + "index.html", folder_url, serve);
    std::string bare = folder_url.substr(0, folder_url.size() - 1);
    router.exact(bare, folder_url, [folder_url](Exchange& ex) {
      ex.respond(308, "", "", {{"Location", folder_url}});
    });
  };
  page("/apps/", "workbench.html");
  page("/console/", "console.html");
}

}  // namespace courthub::http
