# SPDX-License-Identifier: Apache-2.0
"""The real `courthub serve` for the reference checks: the demo configuration with the plugins a
check names, a temporary data dir, an admin token, a test clock, on a free loopback port.

    host = HostProcess(courthub, source, plugins, data_dir, env={...}, config={...})
    status, answer = host.request("GET", "/admin/plugins", headers={...})
    host.stop()
"""
import json
import os
import re
import socket
import subprocess
import threading
import urllib.error
import urllib.request

import yaml


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class HostProcess:
    def __init__(self, courthub, source, plugins, data_dir, env=None, config=None):
        """`plugins` replaces the demo's plugins list; `config` overrides top-level keys; `env`
        adds to the host's environment (COURTHUB_TEST_CLOCK_MS, COURTHUB_ADMIN_TOKEN …)."""
        settings = yaml.safe_load(open(os.path.join(source, "config", "courthub.yaml")))
        settings["plugins"] = plugins
        settings.update(config or {})
        self.config_path = os.path.join(data_dir, "courthub.yaml")
        with open(self.config_path, "w") as f:
            yaml.safe_dump(settings, f, allow_unicode=True)
        # the config's relative paths (data_dir) are relative to its folder: give absolute ones
        full_env = dict(os.environ)
        full_env.update({"COURTHUB_LISTEN": "127.0.0.1:0",
                         "COURTHUB_DATA_DIR": os.path.join(data_dir, "var"),
                         "COURTHUB_DOUBLE_PORT": str(free_port())})
        full_env.update(env or {})
        full_env.pop("COURTHUB_DINGTALK_API", None)
        self.log_path = os.path.join(data_dir, "host.log")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen([courthub, "serve", "--config", self.config_path],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     env=full_env, text=True, errors="replace")
        # Read the host's output until it says where it listens (or stops); then a thread copies
        # the rest into the log, so the pipe never fills.
        self.port = None
        for line in self.proc.stdout:
            self.log.write(line)
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if m:
                self.port = int(m.group(1))
                break
        if self.port is None:
            self.log.flush()
            raise RuntimeError("the host did not listen:\n" + open(self.log_path).read()[-4000:])
        self.drain = threading.Thread(target=self._copy_output, daemon=True)
        self.drain.start()

    def _copy_output(self):
        for line in self.proc.stdout:
            self.log.write(line)

    def request(self, method, path, body=None, headers=None):
        """(status, the JSON answer or None). `body` is bytes or text, sent as is."""
        data = body.encode() if isinstance(body, str) else body
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data,
                                     method=method)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.drain.join(20)
        self.log.close()
