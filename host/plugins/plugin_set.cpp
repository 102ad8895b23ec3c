// SPDX-License-Identifier: Apache-2.0
// PluginSet: applying configuration to the live plugins, and their status.
#include "host/plugins/plugin_set.hpp"

#include "host/log.hpp"

namespace courthub::plugins {
namespace {

bool same_config(const config::PluginConfig& a, const config::PluginConfig& b) {
  return a.file == b.file && a.sha256 == b.sha256 && a.settings == b.settings &&
         a.limits == b.limits && a.isolation == b.isolation && a.runner == b.runner;
}

}  // namespace

Outcome PluginSet::claim(std::string_view owner, std::string_view kind,
                         std::string_view name) const {
  std::shared_lock lock(mu_);
  for (auto& [plugin, slot] : slots_) {
    if (plugin == owner || !slot.live) continue;
    if (kind == "command") {
      for (auto& c : slot.live->commands())
        if (c.name == name) {
          return Outcome::conflict("command '" + std::string(name) +
                                   "' is already registered by plugin '" + plugin + "'");
        }
    } else {
      for (auto& a : slot.live->card_actions())
        if (a.action == name) {
          return Outcome::conflict("card action '" + std::string(name) +
                                   "' is already registered by plugin '" + plugin + "'");
        }
    }
  }
  return Outcome::success();
}

std::shared_ptr<CallStats> PluginSet::stats_for(const std::string& plugin) {
  std::unique_lock lock(mu_);
  auto& stats = stats_[plugin];
  if (!stats) {
    stats = std::make_shared<CallStats>(plugin,
                                        services_ ? services_->clock() : time::system_clock());
  }
  return stats;
}

std::shared_ptr<PluginInstance> PluginSet::start(const config::PluginConfig& pc,
                                                 std::string& error,
                                                 std::shared_ptr<const PluginLibrary>& library) {
  if (pc.file.empty()) {
    error = "plugin '" + pc.name + "': no " + pc.name + ".so found on plugin_search_path";
    return nullptr;
  }
  auto lib = open_library(pc, [this](const RunnerEvent& e) {
    std::lock_guard lock(events_mu_);
    if (runner_events_) runner_events_(e);
  });
  if (!lib) {
    error = lib.outcome().message();
    return nullptr;
  }
  library = *lib;
  if (services_) {
    if (Outcome o = check_dialect(**lib, services_->database_dialect()); !o.ok()) {
      error = o.message();
      return nullptr;
    }
  }
  auto inst = std::make_shared<PluginInstance>(*lib, pc, services_, stats_for(pc.name));
  Outcome o = inst->configure();
  if (!o.ok()) {
    error = "plugin '" + pc.name + "' rejected its settings:\n" + o.message();
    return nullptr;
  }
  inst->set_claim_check([this, name = pc.name](std::string_view kind, std::string_view what) {
    return claim(name, kind, what);
  });
  o = inst->activate();
  if (!o.ok()) {
    error = o.message();
    inst->retire();
    return nullptr;
  }
  return inst;
}

std::vector<PluginChange> PluginSet::apply(const config::Config& cfg) {
  std::lock_guard apply_lock(apply_mu_);
  std::vector<PluginChange> changes;
  bool changed = false;

  auto retire_slot = [&](const std::string& name, const std::string& action) {
    std::shared_ptr<PluginInstance> old;
    {
      std::unique_lock lock(mu_);
      auto it = slots_.find(name);
      if (it == slots_.end()) return;
      old = std::move(it->second.live);
      it->second.state = "disabled";
      it->second.error.clear();
      if (action == "removed") slots_.erase(it);
    }
    if (old) {
      old->retire();
      changed = true;
      log::info("plugins", "plugin '" + name + "' " + action);
      changes.push_back({name, action, ""});
    }
  };

  // Disable and remove first, so names they free can be taken by the plugins enabled next.
  std::vector<std::string> gone;
  {
    std::shared_lock lock(mu_);
    for (auto& [name, slot] : slots_)
      if (!cfg.plugin(name)) gone.push_back(name);
  }
  for (auto& name : gone) retire_slot(name, "removed");
  for (auto& pc : cfg.plugins) {
    if (pc.enabled) continue;
    {
      std::unique_lock lock(mu_);
      slots_[pc.name].config = pc;
    }
    retire_slot(pc.name, "disabled");
  }

  for (auto& pc : cfg.plugins) {
    if (!pc.enabled) continue;
    bool running = false, unchanged = false;
    {
      std::shared_lock lock(mu_);
      auto it = slots_.find(pc.name);
      if (it != slots_.end() && it->second.live) {
        running = true;
        // A plugin its runner's crashes disabled starts afresh when the configuration is applied.
        unchanged = same_config(it->second.config, pc) &&
                    isolation_status(it->second.live->library()).state != "disabled";
      }
    }
    if (unchanged) {
      changes.push_back({pc.name, "unchanged", ""});
      continue;
    }
    std::string error;
    std::shared_ptr<const PluginLibrary> library;
    auto fresh = start(pc, error, library);
    std::shared_ptr<PluginInstance> old;
    {
      std::unique_lock lock(mu_);
      Slot& slot = slots_[pc.name];
      if (library) slot.library = library;
      if (!fresh) {
        if (running) {
          // Keep serving with the previous configuration rather than going dark.
          slot.error = "reconfiguration failed, still running the previous configuration: " +
                       error;
        } else {
          slot.config = pc;
          slot.state = "error";
          slot.error = error;
        }
      } else {
        old = std::move(slot.live);
        slot.live = fresh;
        slot.config = pc;
        slot.state = "active";
        slot.error.clear();
      }
    }
    if (!fresh) {
      log::error("plugins", error);
      changes.push_back({pc.name, "failed", error});
      continue;
    }
    changed = true;
    if (old) old->retire();
    const auto& lib = fresh->library();
    log::info("plugins", "plugin '" + pc.name + "' " + lib.version + " (ABI " + lib.abi() +
                             ") " + (running ? "reconfigured" : "enabled") + " from " + lib.path);
    changes.push_back({pc.name, running ? "reconfigured" : "enabled", ""});
  }
  if (changed)
    for (auto& l : listeners_) l();
  if (services_) services_->plugins_started();
  return changes;
}

std::shared_ptr<PluginInstance> PluginSet::live(std::string_view name) const {
  std::shared_lock lock(mu_);
  auto it = slots_.find(std::string(name));
  return it == slots_.end() ? nullptr : it->second.live;
}

std::vector<std::shared_ptr<PluginInstance>> PluginSet::live_all() const {
  std::shared_lock lock(mu_);
  std::vector<std::shared_ptr<PluginInstance>> out;
  for (auto& [name, slot] : slots_)
    if (slot.live) out.push_back(slot.live);
  return out;
}

std::vector<PluginStatus> PluginSet::status() const {
  std::shared_lock lock(mu_);
  std::vector<PluginStatus> out;
  for (auto& [name, slot] : slots_) {
    PluginStatus s;
    s.name = name;
    s.file = slot.config.file;
    s.state = slot.state;
    s.error = slot.error;
    if (slot.library) {
      s.version = slot.library->version;
      s.abi = slot.library->abi();
      s.description = slot.library->description;
      s.sha256 = slot.library->sha256;
      s.thread_safe = slot.library->thread_safe();
    }
    if (slot.library) s.isolation = isolation_status(*slot.library);
    if (s.isolation.state == "disabled" && slot.state == "active") {
      s.state = "error";
      s.error = "plugin '" + name + "' is disabled: " + s.isolation.disabled_reason;
    }
    if (slot.live) {
      s.routes = slot.live->routes().size();
      s.commands = slot.live->commands().size();
      s.card_actions = slot.live->card_actions().size();
      s.subscriptions = slot.live->subscriptions().size();
      s.jobs = slot.live->jobs().size();
      s.in_flight = slot.live->in_flight();
      s.calls = slot.live->call_report();
    } else {
      s.calls.limits = slot.config.limits;
      if (slot.library && !slot.library->thread_safe()) s.calls.limits.max_concurrent = 1;
      if (auto it = stats_.find(name); it != stats_.end()) {
        s.calls.counts = it->second->counts();
        s.calls.slow = it->second->slow();
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

void PluginSet::retire_all() {
  std::vector<std::shared_ptr<PluginInstance>> all;
  {
    std::unique_lock lock(mu_);
    for (auto& [name, slot] : slots_) {
      if (slot.live) all.push_back(std::move(slot.live));
      slot.state = "disabled";
    }
  }
  for (auto& inst : all) inst->retire();
}

void PluginSet::set_runner_events(RunnerEvents events) {
  std::lock_guard lock(events_mu_);
  runner_events_ = std::move(events);
}

Expected<std::shared_ptr<const PluginLibrary>> PluginSet::open_library(
    const config::PluginConfig& pc, RunnerEvents events) {
  if (pc.isolation == "process") return open_remote_plugin(pc, std::move(events));
  return load_plugin_library(pc.file, pc.name, pc.sha256);
}

std::vector<std::string> PluginSet::check_settings(const config::Config& cfg) {
  std::vector<std::string> problems;
  for (auto& pc : cfg.plugins) {
    if (!pc.enabled || pc.file.empty()) continue;
    auto lib = open_library(pc);
    if (!lib) {
      problems.push_back(pc.location.to_string() + ": plugins." + pc.name + ": " +
                         lib.outcome().message());
      continue;
    }
    const auto dialect = cfg.storage.backend == config::StorageConfig::Backend::kPostgres
                             ? storage::Dialect::kPostgres
                             : storage::Dialect::kSqlite;
    if (Outcome o = check_dialect(**lib, dialect); !o.ok()) {
      problems.push_back(pc.location.to_string() + ": plugins." + pc.name + ": " + o.message());
      continue;
    }
    PluginInstance probe(*lib, pc, nullptr);
    Outcome o = probe.configure();
    if (!o.ok()) {
      if (probe.settings_errors().empty()) {
        problems.push_back(pc.location.to_string() + ": plugins." + pc.name + ": " + o.message());
      }
      for (auto& e : probe.settings_errors()) problems.push_back(e.to_string(pc.name));
    }
  }
  return problems;
}

}  // namespace courthub::plugins
