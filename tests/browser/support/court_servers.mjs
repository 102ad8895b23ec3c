// SPDX-License-Identifier: Apache-2.0
// The real host (`courthub serve` on the demo configuration) and the DingTalk double as child
// processes on free loopback ports, with a fresh data directory and the host on a test clock.
// startCourtServers() resolves once both answer; stop() ends both (SIGTERM, then SIGKILL after
// 10 s) and removes the data directory. Children still alive when node exits are killed.
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildDir, courthubBinary, doubleBinary, sourceDir } from './paths.mjs'

// Each process's output also goes to <build>/browser-logs/<suite>.<process>.log, for a failure.
const LOG_DIR = join(buildDir, 'browser-logs')

// Monday 7 December 2026, 09:00 in Asia/Shanghai: a workday morning, so "today" has free rooms
// and the calendar counts it. The host's clock stands still there (docs/operations.md).
export const TEST_CLOCK_MS = Date.UTC(2026, 11, 7, 1, 0, 0)
export const ADMIN_TOKEN = 'browser-admin-token-0123456789abcdef'

const START_TIMEOUT_MS = 60_000
const alive = new Set()
process.on('exit', () => { for (const child of alive) child.kill('SIGKILL') })

function watch (child, name, logName) {
  const proc = { child, name, log: '', exited: null }
  alive.add(child)
  mkdirSync(LOG_DIR, { recursive: true })
  const file = createWriteStream(join(LOG_DIR, `${logName}.${name}.log`))
  const keep = (d) => { proc.log += d; file.write(d) }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  child.on('close', () => file.end())
  proc.done = new Promise((resolve) => child.on('exit', (code, signal) => {
    alive.delete(child)
    proc.exited = { code, signal }
    resolve(proc.exited)
  }))
  return proc
}

async function stopProcess (proc) {
  if (!proc || proc.exited) return
  proc.child.kill('SIGTERM')
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 10_000)
  await proc.done
  clearTimeout(timer)
}

// Polls `probe` (async, truthy when ready) every 50 ms until START_TIMEOUT_MS; throws with the
// process's output when it exits or the time runs out.
async function until (proc, what, probe) {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (proc.exited) {
      throw new Error(`${proc.name} exited (${JSON.stringify(proc.exited)}) before ${what}:\n${proc.log}`)
    }
    const value = await probe().catch(() => null)
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${proc.name}: no ${what} within ${START_TIMEOUT_MS / 1000} s:\n${proc.log}`)
}

async function startDouble (logName) {
  for (const binary of [doubleBinary, courthubBinary]) {
    if (!existsSync(binary)) throw new Error(`${binary} is missing: build first (./dev build)`)
  }
  const child = spawn(doubleBinary, ['--listen', '127.0.0.1:0',
    '--users', join(sourceDir, 'config/directory/dingtalk-users.json'),
    '--robot', 'demo-board-robot:SECdemoboardrobotsecret'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const proc = watch(child, 'dingtalk-double', logName)
  const port = await until(proc, 'listening line', async () => {
    const m = proc.log.match(/listening on http:\/\/127\.0\.0\.1:(\d+)/)
    return m && Number(m[1])
  })
  return { proc, port }
}

// The demo configuration, or a copy of it changed by `config(text)` (written beside the data
// directory; it finds the demo directory and calendar through COURTHUB_SHARE like the original).
function configFile (dataDir, config) {
  const demo = join(sourceDir, 'config/courthub.yaml')
  if (!config) return demo
  const file = `${dataDir}.courthub.yaml`
  writeFileSync(file, config(readFileSync(demo, 'utf8')))
  return file
}

async function startHost (doublePort, dataDir, logName, { config, env: extraEnv = {} } = {}) {
  const env = {
    ...process.env,
    COURTHUB_LISTEN: '127.0.0.1:0',
    COURTHUB_DATA_DIR: dataDir,
    COURTHUB_DOUBLE_PORT: String(doublePort),
    COURTHUB_TEST_CLOCK_MS: String(TEST_CLOCK_MS),
    // The incentive board's demo load: a small year of cases keeps each start quick.
    COURTHUB_BOARD_DEMO_CASES: process.env.COURTHUB_BOARD_DEMO_CASES || '20000',
    COURTHUB_ADMIN_TOKEN: ADMIN_TOKEN,
    ...extraEnv
  }
  delete env.COURTHUB_DINGTALK_API
  const child = spawn(courthubBinary, ['serve', '--config', configFile(dataDir, config)],
    { env, stdio: ['ignore', 'pipe', 'pipe'] })
  const proc = watch(child, 'courthub', logName)
  // The host writes its bound address once it listens; /healthz answers 200 once it has started.
  const url = await until(proc, 'courthub.addr', async () => {
    const addr = readFileSync(join(dataDir, 'courthub.addr'), 'utf8')
    return addr.endsWith('\n') && `http://127.0.0.1:${addr.trim().split(':').pop()}`
  })
  await until(proc, 'healthy /healthz', async () => (await fetch(`${url}/healthz`)).status === 200)
  return { proc, url }
}

// `logName` names the log files (the suite's name). `host.config(text)` changes the demo
// configuration's text for this host (e.g. a plugin's setting); `host.env` adds variables.
export async function startCourtServers (logName = 'servers', host = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'courthub-browser-'))
  let double, server
  const stop = async () => {
    await stopProcess(server?.proc)
    await stopProcess(double?.proc)
    if (!process.env.COURTHUB_KEEP_TEST_DIRS) {
      rmSync(dataDir, { recursive: true, force: true })
      rmSync(`${dataDir}.courthub.yaml`, { force: true })
    }
  }
  try {
    double = await startDouble(logName)
    server = await startHost(double.port, dataDir, logName, host)
  } catch (err) {
    await stop()
    throw err
  }
  return {
    url: server.url,
    doubleUrl: `http://127.0.0.1:${double.port}`,
    dataDir,
    hostLog: () => server.proc.log,
    stop
  }
}
