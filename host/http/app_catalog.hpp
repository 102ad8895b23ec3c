// SPDX-License-Identifier: Apache-2.0
// The 工作台's tiles: one per live plugin that ships pages with an app.json.
//
// A plugin declares its tile in <name>.ui/app.json beside its .so (docs/plugin-pages.md):
//   {"title": "会议室", "description": "…", "icon": "icon.svg", "order": 20, "badge": "/tasks/count",
//    "imports": {"path": "/imports", "accept": ".csv,.ndjson", "label": "案件数据"},
//    "page": "court.html"}
// title is required; icon is a file in the pages' folder; page, the file of that folder the tile
// opens (default: the folder, i.e. its index.html); badge, a path below /apps/<name> that
// answers {"count": n}; imports, a path below /apps/<name> that takes a data file as the raw
// body (the admin console offers an upload panel for it). The files are read when plugins are loaded or reloaded (refresh), never
// per request.
//
// Threading: refresh from the control thread (start, reload); tiles() from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "courthub/json.hpp"
#include "host/outcome.hpp"
#include "host/plugins/plugin_set.hpp"

namespace courthub::http {

// A data file the plugin takes at POST /apps/<plugin><path> (the console's 导入 panel).
struct AppImport {
  std::string path;    // below /apps/<plugin>, e.g. "/imports"
  std::string accept;  // the file input's accept list, e.g. ".csv,.ndjson,.jsonl"; "" = any
  std::string label;   // what is imported, e.g. 案件数据; "" = 数据
};

struct AppTile {
  std::string plugin;
  std::string title;
  std::string description;
  std::string icon;                  // absolute: /apps/<plugin>/ui/<icon>; "" when none
  std::string url;                   // /apps/<plugin>/ui/ or /apps/<plugin>/ui/<page>
  std::optional<std::string> badge;  // a path below /apps/<plugin>, e.g. "/tasks/count"
  int64_t order = 1000;
  std::optional<AppImport> imports;

  // {"plugin","title","description","icon","url","badge","order","imports"}; badge null when
  // absent; imports {"path","accept","label","url"} (url: /apps/<plugin><path>) or null.
  Json to_json() const;
};

// The tile an app.json's text declares for `plugin`. Errors: InvalidArgument naming the field
// that is wrong (not JSON, no title, an icon path that leaves the folder, a badge not starting
// with "/", an order that is not an integer, imports that is not an object with such a path, a
// page that is not a file of the pages' folder).
Expected<AppTile> parse_app_json(const std::string& plugin, const std::string& text);

class AppCatalog {
 public:
  // Re-reads the app.json of every live plugin, in place of what was read before. A plugin with
  // no <name>.ui/ folder has no pages and no tile; one whose app.json is missing or invalid gets
  // no tile, and a warning names the file and the problem.
  void refresh(const plugins::PluginSet& plugins);
  // The tiles, sorted by order, then plugin name.
  std::shared_ptr<const std::vector<AppTile>> tiles() const;

 private:
  mutable std::mutex mu_;
  std::shared_ptr<const std::vector<AppTile>> tiles_ = std::make_shared<std::vector<AppTile>>();
};

}  // namespace courthub::http
