// SPDX-License-Identifier: Apache-2.0
// The drop folder's job: import each waiting file, file it under done/ or failed/ with its result.
#include "drop_folder.hpp"

#include <algorithm>
#include <fstream>

namespace board {
namespace fs = std::filesystem;

namespace {

void write_result(const fs::path& path, const courthub::Json& result) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << result.dump(2) << '\n';
}

bool waiting(const fs::directory_entry& e) {
  std::string name = e.path().filename().string();
  if (name.empty() || name.front() == '.') return false;
  if (name.size() >= 5 && name.compare(name.size() - 5, 5, ".part") == 0) return false;
  std::error_code ec;
  return e.is_regular_file(ec) && format_of_file_name(name).has_value();
}

}  // namespace

fs::path drop_folder_path(const courthub::Host& host, const std::string& setting) {
  if (setting.empty()) return {};
  fs::path p(setting);
  return p.is_absolute() ? p : fs::path(host.data_dir()) / p;
}

std::vector<fs::path> waiting_files(const fs::path& folder) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    if (waiting(*it)) out.push_back(it->path());
  std::sort(out.begin(), out.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return out;
}

std::vector<DropResult> DropFolder::run() {
  std::vector<DropResult> results;
  if (folder_.empty()) return results;
  std::unique_lock running(running_, std::try_to_lock);
  if (!running.owns_lock()) return results;
  std::error_code ec;
  for (auto sub : {"done", "failed"}) fs::create_directories(folder_ / sub, ec);
  if (ec) {
    host_.warn("drop folder " + folder_.string() + ": cannot create done/ and failed/: " +
               ec.message());
    return results;
  }
  for (auto& file : waiting_files(folder_)) {
    DropResult r = import_file(file);
    bool busy = !r.imported && r.error.empty();
    if (busy) break;  // the database stayed busy: the file waits for the next run
    results.push_back(std::move(r));
  }
  return results;
}

DropResult DropFolder::import_file(const fs::path& file) {
  const std::string name = file.filename().string();
  DropResult result{name, false, {}};
  courthub::Json answer;
  try {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw courthub::InvalidArgument("cannot open the file");
    ImportAnswer a = importer_.import_stream(in, *format_of_file_name(name),
                                             ImportSource{"drop_folder", name, ""});
    answer = a.to_json();
    result.imported = true;
    host_.info("drop folder: " + name + ": " + std::to_string(a.counts.inserted) + " inserted, " +
               std::to_string(a.counts.updated) + " updated, " +
               std::to_string(a.rejected.size()) + " rejected");
  } catch (const courthub::Error& e) {
    if (e.status() == courthub::Status::Unavailable) {
      host_.warn("drop folder: " + name + ": the database is busy; trying again next minute");
      return result;
    }
    result.error = e.what();
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  if (!result.imported) {
    answer = courthub::Json::object({{"error", result.error}});
    host_.warn("drop folder: " + name + " failed: " + result.error);
  }
  const fs::path to = folder_ / (result.imported ? "done" : "failed");
  write_result(to / (name + ".result.json"), answer);
  std::error_code ec;
  fs::rename(file, to / name, ec);
  if (ec) host_.error("drop folder: cannot move " + name + " to " + to.string() + ": " + ec.message());
  return result;
}

}  // namespace board
