// SPDX-License-Identifier: Apache-2.0
// Metrics: recording and the Prometheus text exposition.
#include "host/http/metrics.hpp"

#include <cstdio>
#include <mutex>

namespace courthub::http {
namespace {

std::string escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

std::string Metrics::key_of(const Labels& labels) {
  std::string key;
  for (auto& [k, v] : labels) {
    if (!key.empty()) key += ',';
    key += k + "=\"" + escape(v) + "\"";
  }
  return key;
}

void Metrics::describe(const std::string& name, const std::string& type, const std::string& help) {
  std::unique_lock lock(mu_);
  help_[name] = {type, help};
}

void Metrics::count(const std::string& name, const Labels& labels, uint64_t by) {
  std::string key = key_of(labels);
  {
    std::shared_lock lock(mu_);
    auto f = counters_.find(name);
    if (f != counters_.end()) {
      auto s = f->second.find(key);
      if (s != f->second.end()) {
        s->second->value += by;
        return;
      }
    }
  }
  std::unique_lock lock(mu_);
  auto& series = counters_[name][key];
  if (!series) series = std::make_unique<Counter>();
  series->value += by;
}

void Metrics::observe(const std::string& name, const Labels& labels, double seconds) {
  std::string key = key_of(labels);
  Histogram* h = nullptr;
  {
    std::shared_lock lock(mu_);
    auto f = histograms_.find(name);
    if (f != histograms_.end()) {
      auto s = f->second.find(key);
      if (s != f->second.end()) h = s->second.get();
    }
  }
  if (!h) {
    std::unique_lock lock(mu_);
    auto& series = histograms_[name][key];
    if (!series) series = std::make_unique<Histogram>();
    h = series.get();
  }
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) h->buckets[i]++;
  h->count++;
  h->sum_micros += static_cast<uint64_t>(seconds * 1e6);
}

void Metrics::gauge(const std::string& name, const std::string& help,
                    std::function<double()> read, const Labels& labels) {
  std::unique_lock lock(mu_);
  std::string key = key_of(labels);
  gauges_[name][key] = Gauge{help, key, std::move(read)};
}

void Metrics::family(const std::string& name, const std::string& type, const std::string& help,
                     std::function<Samples()> read) {
  std::unique_lock lock(mu_);
  families_[name] = Family{type, help, std::move(read)};
}

std::string Metrics::render() const {
  std::shared_lock lock(mu_);
  std::string out;
  auto header = [&](const std::string& name, const char* type) {
    auto h = help_.find(name);
    if (h != help_.end()) out += "# HELP " + name + " " + h->second.second + "\n";
    out += "# TYPE " + name + " " + type + "\n";
  };
  for (auto& [name, series] : counters_) {
    header(name, "counter");
    for (auto& [key, c] : series) {
      out += name + (key.empty() ? "" : "{" + key + "}") + " " +
             std::to_string(c->value.load()) + "\n";
    }
  }
  for (auto& [name, series] : histograms_) {
    header(name, "histogram");
    for (auto& [key, h] : series) {
      std::string sep = key.empty() ? "" : ",";
      for (size_t i = 0; i < kBuckets.size(); ++i) {
        out += name + "_bucket{" + key + sep + "le=\"" + number(kBuckets[i]) + "\"} " +
               std::to_string(h->buckets[i].load()) + "\n";
      }
      out += name + "_bucket{" + key + sep + "le=\"+Inf\"} " + std::to_string(h->count.load()) +
             "\n";
      std::string labels = key.empty() ? "" : "{" + key + "}";
      out += name + "_sum" + labels + " " + number(h->sum_micros.load() / 1e6) + "\n";
      out += name + "_count" + labels + " " + std::to_string(h->count.load()) + "\n";
    }
  }
  for (auto& [name, series] : gauges_) {
    out += "# HELP " + name + " " + series.begin()->second.help + "\n# TYPE " + name + " gauge\n";
    for (auto& [key, g] : series)
      out += name + (key.empty() ? "" : "{" + key + "}") + " " + number(g.read()) + "\n";
  }
  for (auto& [name, f] : families_) {
    out += "# HELP " + name + " " + f.help + "\n# TYPE " + name + " " + f.type + "\n";
    for (auto& [labels, value] : f.read()) {
      std::string key = key_of(labels);
      bool whole = value == static_cast<double>(static_cast<int64_t>(value));
      out += name + (key.empty() ? "" : "{" + key + "}") + " " +
             (whole ? std::to_string(static_cast<int64_t>(value)) : number(value)) + "\n";
    }
  }
  return out;
}

}  // namespace courthub::http
