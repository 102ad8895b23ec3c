// SPDX-License-Identifier: Apache-2.0
// drop_folder.hpp — the folder the plugin watches for case files (settings imports.drop_folder).
//
// Every minute a job imports each *.csv, *.ndjson and *.jsonl in the folder (not hidden, not
// *.part: a file still being copied should be named so until it is complete), in name order,
// streaming, then moves it to done/ beside <name>.result.json (the answer POST /imports would
// give), or to failed/ beside <name>.result.json ({"error": reason}). A file of the same name
// already in done/ or failed/ is replaced.
//
// Threading: run() may be called from any thread; a run that finds another under way returns at
// once (a 300 MB file may take longer than the minute between jobs). Errors: none escape run():
// a file that cannot be imported goes to failed/; a database that is busy leaves the file for
// the next run; a folder that cannot be created or read is logged.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include <courthub/host.hpp>

#include "importer.hpp"

namespace board {

// The folder of a setting: "" = none; a relative path is under the plugin's data directory.
std::filesystem::path drop_folder_path(const courthub::Host& host, const std::string& setting);

struct DropResult {
  std::string file;
  bool imported = false;
  std::string error;  // when not imported
};

class DropFolder {
 public:
  DropFolder(courthub::Host& host, Importer& importer, std::filesystem::path folder)
      : host_(host), importer_(importer), folder_(std::move(folder)) {}

  // Imports what is waiting; returns what happened to each file, in the order handled.
  std::vector<DropResult> run();

  const std::filesystem::path& folder() const { return folder_; }

 private:
  DropResult import_file(const std::filesystem::path& file);

  courthub::Host& host_;
  Importer& importer_;
  std::filesystem::path folder_;
  std::mutex running_;
};

// The files a run would import, in name order (for run() and its tests).
std::vector<std::filesystem::path> waiting_files(const std::filesystem::path& folder);

}  // namespace board
