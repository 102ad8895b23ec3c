// SPDX-License-Identifier: Apache-2.0
// The host's own pages and the shared front-end kit, as static files from <share>/web/kit/:
//   /kit/<file>                the kit (kit.js, kit.css, vue.js, vant.js, ...) for every page
//   /apps/, /apps/index.html   the 工作台 (workbench.html); /apps redirects to /apps/
//   /console/                  the admin console (console.html); /console redirects to /console/
// Public: a page logs in by itself. Served as StaticFiles does (ETag, gzip, no way out of the
// folder); a kit that was not built answers 404.
#pragma once

#include <filesystem>

#include "host/http/router.hpp"

namespace courthub::http {

// `kit_dir` is <share>/web/kit (COURTHUB_SHARE: docs/configuration.md); it need not exist.
void add_host_pages(Router& router, const std::filesystem::path& kit_dir);

}  // namespace courthub::http
