// SPDX-License-Identifier: Apache-2.0
// Counters, gauges and latency histograms, rendered in the Prometheus text format.
//
// Threading: every method may be called from any thread; recording is lock-free once a series
// exists (a shared lock finds it, atomics count).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <shared_mutex>
#include <string>
#include <vector>

namespace courthub::http {

using Labels = std::vector<std::pair<std::string, std::string>>;

class Metrics {
 public:
  // Latency buckets in seconds, from 0.5 ms to 5 s.
  static constexpr std::array<double, 13> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    2.5, 5};

  void count(const std::string& name, const Labels& labels, uint64_t by = 1);
  void observe(const std::string& name, const Labels& labels, double seconds);
  // A gauge read at scrape time; one per name and label set.
  void gauge(const std::string& name, const std::string& help, std::function<double()> read,
             const Labels& labels = {});
  void describe(const std::string& name, const std::string& type, const std::string& help);
  // A family of series read at scrape time, one per label set (for things that come and go,
  // such as plugins). `type` is "gauge" or "counter" (a count kept elsewhere).
  using Samples = std::vector<std::pair<Labels, double>>;
  void family(const std::string& name, const std::string& type, const std::string& help,
              std::function<Samples()> read);

  std::string render() const;

 private:
  struct Counter {
    std::atomic<uint64_t> value{0};
  };
  struct Histogram {
    std::array<std::atomic<uint64_t>, kBuckets.size()> buckets{};
    std::atomic<uint64_t> count{0};
    std::atomic<uint64_t> sum_micros{0};
  };
  static std::string key_of(const Labels& labels);

  mutable std::shared_mutex mu_;
  std::map<std::string, std::map<std::string, std::unique_ptr<Counter>>> counters_;
  std::map<std::string, std::map<std::string, std::unique_ptr<Histogram>>> histograms_;
  struct Gauge {
    std::string help;
    std::string labels;
    std::function<double()> read;
  };
  std::map<std::string, std::map<std::string, Gauge>> gauges_;  // name -> labels -> gauge
  struct Family {
    std::string type;
    std::string help;
    std::function<Samples()> read;
  };
  std::map<std::string, Family> families_;
  std::map<std::string, std::pair<std::string, std::string>> help_;  // name -> (type, help)
};

}  // namespace courthub::http
