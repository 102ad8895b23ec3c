// SPDX-License-Identifier: Apache-2.0
// One import: validate, store in one transaction, apply after the commit, restore the latest day.
#include "importer.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <variant>

#include "history.hpp"

namespace board {
namespace {

using Clock = std::chrono::steady_clock;

int64_t ms_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
}

// Batches of valid cases from the reading thread to the writing one.
class CaseQueue {
 public:
  static constexpr size_t kBatch = 400, kBatches = 8;

  // The reader's side: false once the writer gave up (stop reading).
  bool push(std::vector<CaseRecord>&& batch) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return cancelled_ || batches_.size() < kBatches; });
    if (cancelled_) return false;
    batches_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  void close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    ready_.notify_one();
  }
  void fail(std::exception_ptr e) {
    std::lock_guard lock(mu_);
    failure_ = std::move(e);
  }
  // The writer's side: false when everything was taken.
  bool pop(std::vector<CaseRecord>& batch) {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return closed_ || !batches_.empty(); });
    if (batches_.empty()) return false;
    batch = std::move(batches_.front());
    batches_.pop_front();
    space_.notify_one();
    return true;
  }
  void cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    space_.notify_one();
  }
  void rethrow_failure() {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  std::mutex mu_;
  std::condition_variable ready_, space_;
  std::deque<std::vector<CaseRecord>> batches_;
  bool closed_ = false, cancelled_ = false;
  std::exception_ptr failure_;
};

// Every record of `reader`: the valid ones into `queue` in batches, the others into `rejected`.
void read_valid_cases(CaseReader& reader, const Org& org, CaseQueue& queue,
                      std::vector<Reject>& rejected) {
  std::vector<CaseRecord> batch;
  batch.reserve(CaseQueue::kBatch);
  ReadRecord record;
  while (reader.next(record)) {
    if (record.problem) {
      rejected.push_back(std::move(*record.problem));
      continue;
    }
    auto parsed = parse_case(record.field);
    if (auto* problem = std::get_if<FieldProblem>(&parsed)) {
      rejected.push_back(Reject{record.line, problem->field, problem->reason});
      continue;
    }
    auto& c = std::get<CaseRecord>(parsed);
    if (auto reject = Importer::check_org(c, org, record.line)) {
      rejected.push_back(std::move(*reject));
      continue;
    }
    batch.push_back(std::move(c));
    if (batch.size() == CaseQueue::kBatch) {
      if (!queue.push(std::move(batch))) return;
      batch.clear();
      batch.reserve(CaseQueue::kBatch);
    }
  }
  if (!batch.empty()) queue.push(std::move(batch));
}

}  // namespace

courthub::Json ImportAnswer::to_json() const {
  courthub::Json rejects = courthub::Json::array();
  for (auto& r : rejected)
    rejects.push_back(
        courthub::Json::object({{"line", r.line}, {"field", r.field}, {"reason", r.reason}}));
  return courthub::Json::object({{"inserted", counts.inserted},
                                 {"updated", counts.updated},
                                 {"rejected", std::move(rejects)},
                                 {"import_id", import_id}});
}

std::optional<Reject> Importer::check_org(const CaseRecord& c, const Org& org, int64_t line) {
  if (org.court_index(c.court_code) < 0) return Reject{line, "court_code", "unknown court"};
  if (!org.is_person(c.judge_id))
    return Reject{line, "judge_id", "not a person of the directory"};
  return std::nullopt;
}

ImportAnswer Importer::import_stream(std::istream& in, CaseFormat format,
                                     const ImportSource& source) {
  CaseReader reader(in, format);  // a bad header throws here, before anything is written
  return run(source, [&reader](const Org& org, const CaseSink& keep, std::vector<Reject>& rejected) {
    // Reading and validating run on a thread of their own while this one writes: on two cores
    // the parsing and SQLite's inserts overlap. The queue between them is a few batches long,
    // so memory does not grow with the input.
    CaseQueue queue;
    std::thread reading([&] {
      try {
        read_valid_cases(reader, org, queue, rejected);
      } catch (...) {
        queue.fail(std::current_exception());
      }
      queue.close();
    });
    try {
      std::vector<CaseRecord> batch;
      while (queue.pop(batch))
        for (const auto& c : batch) keep(c);
    } catch (...) {
      queue.cancel();
      reading.join();
      throw;
    }
    reading.join();
    queue.rethrow_failure();
  });
}

ImportAnswer Importer::import_generated(
    const std::function<void(const Org& org, const CaseSink& keep)>& make,
    const ImportSource& source) {
  return run(source, [&make](const Org& org, const CaseSink& keep, std::vector<Reject>&) {
    make(org, keep);
  });
}

ImportAnswer Importer::run(
    const ImportSource& source,
    const std::function<void(const Org&, const CaseSink&, std::vector<Reject>&)>& make) {
  std::lock_guard serial(serial_);
  const auto started = Clock::now();
  // The directory as of now: people and courts added since activation are known to this import
  // and to the boards computed after it.
  Org org = org_from_directory(host_.directory());
  const int64_t at_ms = host_.now_ms();
  ImportAnswer answer;
  try {
    host_.db().transaction([&](courthub::Transaction& tx) {
      answer = ImportAnswer{};
      answer.import_id = begin_import(tx, source, at_ms);
      CaseWriter writer(tx, answer.import_id);
      make(org, [&writer](const CaseRecord& c) { writer.add(c); }, answer.rejected);
      answer.counts = writer.finish();
      finish_import(tx, answer.import_id, answer.counts, answer.rejected);
    });
  } catch (const courthub::Error& e) {
    // Inside the transaction only the database throws: its SQL errors are the server's fault,
    // not the caller's (a busy database stays Unavailable, 503: try again).
    if (e.status() == courthub::Status::Unavailable) throw;
    throw courthub::Error(courthub::Status::Error,
                          std::string("the import could not be stored, nothing was changed: ") +
                              e.what());
  }
  const auto stored = Clock::now();
  {
    std::unique_lock lock(state_.mutex);
    state_.org = std::move(org);
  }
  apply_import(host_.db(), state_, answer.import_id);
  const auto applied = Clock::now();
  if (answer.counts.inserted + answer.counts.updated > 0) store_latest_day(host_, state_);
  const int64_t cases = answer.counts.inserted + answer.counts.updated;
  const int64_t store_ms = ms_between(started, stored);
  host_.info("import " + std::to_string(answer.import_id) + " (" + source.source + "): " +
             std::to_string(answer.counts.inserted) + " inserted, " +
             std::to_string(answer.counts.updated) + " updated, " +
             std::to_string(answer.rejected.size()) + " rejected; read and stored in " +
             std::to_string(store_ms) + " ms (" +
             std::to_string(store_ms > 0 ? cases * 1000 / store_ms : cases) +
             " cases/s), applied in " + std::to_string(ms_between(stored, applied)) +
             " ms, the latest day in " + std::to_string(ms_between(applied, Clock::now())) + " ms");
  return answer;
}

void store_latest_day(courthub::Host& host, const BoardState& state) {
  BoardSettings settings;
  {
    std::shared_lock lock(state.mutex);
    settings = state.settings;
  }
  store_day(host, state, latest_day(host, settings));
}

}  // namespace board
