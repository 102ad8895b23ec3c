// SPDX-License-Identifier: Apache-2.0
// AppCatalog: reading and checking the plugins' app.json files.
#include "host/http/app_catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "host/log.hpp"

namespace courthub::http {
namespace fs = std::filesystem;
namespace {

Outcome wrong(const std::string& field, const std::string& why) {
  return Outcome::invalid("\"" + field + "\" " + why);
}

// Optional string member; false (and `error` set) when present but not a string.
bool optional_string(const Json& doc, const char* key, std::string& out, Outcome& error) {
  const Json* v = json::find(doc, key);
  if (!v || v->is_null()) return true;
  if (!v->is_string()) {
    error = wrong(key, "must be a string");
    return false;
  }
  out = v->get<std::string>();
  return true;
}

// A file name inside the pages' folder: relative, no "." or ".." segments, no scheme.
bool inside_folder(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.find("://") != std::string::npos ||
      path.find('\\') != std::string::npos) {
    return false;
  }
  std::stringstream segments(path);
  std::string seg;
  while (std::getline(segments, seg, '/')) {
    if (seg.empty() || seg == "." || seg == "..") return false;
  }
  return path.back() != '/';
}

// A path below /apps/<plugin>: starts with "/", never climbs out or names another host.
bool below_plugin(const std::string& path) {
  return !path.empty() && path.front() == '/' && path.find("..") == std::string::npos &&
         path.find("://") == std::string::npos;
}

Expected<std::optional<AppImport>> parse_imports(const std::string& plugin, const Json& doc) {
  const Json* v = json::find(doc, "imports");
  if (!v || v->is_null()) return std::optional<AppImport>();
  const std::string example = "such as {\"path\": \"/imports\", \"accept\": \".csv\"}";
  if (!v->is_object()) return wrong("imports", "must be an object " + example);
  AppImport imp;
  Outcome error;
  if (!optional_string(*v, "path", imp.path, error) || !below_plugin(imp.path)) {
    return wrong("imports", "needs a \"path\" below /apps/" + plugin + ", " + example);
  }
  if (!optional_string(*v, "accept", imp.accept, error)) return wrong("imports", "\"accept\" must be a string");
  if (!optional_string(*v, "label", imp.label, error)) return wrong("imports", "\"label\" must be a string");
  return std::optional<AppImport>(std::move(imp));
}

}  // namespace

Json AppTile::to_json() const {
  Json import_json;  // null
  if (imports) {
    import_json = Json::object({{"path", imports->path},
                                {"accept", imports->accept},
                                {"label", imports->label},
                                {"url", "/apps/" + plugin + imports->path}});
  }
  return Json::object({{"plugin", plugin},
                       {"title", title},
                       {"description", description},
                       {"icon", icon},
                       {"url", url},
                       {"badge", badge ? Json(*badge) : Json()},
                       {"order", order},
                       {"imports", import_json}});
}

Expected<AppTile> parse_app_json(const std::string& plugin, const std::string& text) {
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::exception& e) {
    return Outcome::invalid(std::string("not JSON: ") + e.what());
  }
  if (!doc.is_object()) return Outcome::invalid("expected a JSON object {\"title\": ...}");
  AppTile tile;
  tile.plugin = plugin;
  tile.url = "/apps/" + plugin + "/ui/";
  Outcome error;
  std::string page;
  if (!optional_string(doc, "page", page, error)) return error;
  if (!page.empty()) {
    if (!inside_folder(page)) {
      return wrong("page", "must name a file in the pages' folder, e.g. court.html, not " + page);
    }
  }
  if (!optional_string(doc, "title", tile.title, error)) return error;
  if (tile.title.empty()) return wrong("title", "is required: the name on the tile, e.g. 会议室");
  if (!optional_string(doc, "description", tile.description, error)) return error;
  std::string icon;
  if (!optional_string(doc, "icon", icon, error)) return error;
  if (!icon.empty()) {
    if (!inside_folder(icon)) {
      return wrong("icon", "must name a file in the pages' folder, e.g. icon.svg, not " + icon);
    }
    tile.icon = tile.url + icon;
  }
  // The tile opens `page` (the staff's page of a plugin whose index.html is for someone else,
  // e.g. lawyers' portal); the icon stays a file of the folder.
  tile.url += page;
  std::string badge;
  if (!optional_string(doc, "badge", badge, error)) return error;
  if (!badge.empty()) {
    if (!below_plugin(badge)) {
      return wrong("badge", "must be a path below /apps/" + plugin + " such as /tasks/count");
    }
    tile.badge = badge;
  }
  if (const Json* order = json::find(doc, "order"); order && !order->is_null()) {
    if (!order->is_number_integer()) return wrong("order", "must be an integer");
    tile.order = order->get<int64_t>();
  }
  auto imports = parse_imports(plugin, doc);
  if (!imports) return imports.outcome();
  tile.imports = std::move(*imports);
  return tile;
}

void AppCatalog::refresh(const plugins::PluginSet& plugins) {
  auto tiles = std::make_shared<std::vector<AppTile>>();
  for (auto& inst : plugins.live_all()) {
    fs::path folder = fs::path(inst->library().path).parent_path() / (inst->name() + ".ui");
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) continue;  // no pages, no tile
    fs::path file = folder / "app.json";
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      // Pages without a tile are allowed (e.g. pages opened only from a card or a link): said
      // once per load, not warned about.
      log::info("apps", "plugin '" + inst->name() + "' has pages at /apps/" + inst->name() +
                            "/ui/ but no app.json, so no tile on the 工作台");
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    auto tile = parse_app_json(inst->name(), text.str());
    if (!tile) {
      log::warn("apps", file.string() + ": " + tile.outcome().message() + "; plugin '" +
                            inst->name() + "' has no tile on the 工作台");
      continue;
    }
    tiles->push_back(std::move(*tile));
  }
  std::sort(tiles->begin(), tiles->end(), [](const AppTile& a, const AppTile& b) {
    return a.order != b.order ? a.order < b.order : a.plugin < b.plugin;
  });
  std::lock_guard lock(mu_);
  tiles_ = std::move(tiles);
}

std::shared_ptr<const std::vector<AppTile>> AppCatalog::tiles() const {
  std::lock_guard lock(mu_);
  return tiles_;
}

}  // namespace courthub::http
