#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// First render of the 工作台 (/apps/) in headless chromium on the loopback: from navigation start
// to the first app tile in the page, with a judge's session already in localStorage and nothing
// in the browser's cache (a new context per run). Beside it, the baseline measured the same way
// in the same run: hello's plain page (/apps/hello/ui/, static HTML from the same host) to its
// heading. N runs each (COURTHUB_BENCH_RUNS, 30); median and p95. With --write, the figures go
// into docs/benchmarks.md.
//   node bench/web_first_render.mjs [--build DIR] [--write]
import { existsSync, readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { replaceSection } from './docs_section.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
if (args.includes('--build')) process.env.COURTHUB_BUILD_DIR = resolve(args[args.indexOf('--build') + 1])
const RUNS = Number(process.env.COURTHUB_BENCH_RUNS || 30)

const { startCourtServers } = await import('../tests/browser/support/court_servers.mjs')
const { launchChromium, PHONE, recordProblems } = await import('../tests/browser/support/phone.mjs')
const { devSession } = await import('../tests/browser/support/login.mjs')
const { JUDGE } = await import('../tests/browser/support/people.mjs')

// Records performance.now() (ms since navigation start) when `selector` first matches a
// rendered element: checked on every DOM mutation, so the time is the render's, not a poll's.
function watchFor (selector) {
  const seen = () => {
    const el = document.querySelector(selector)
    if (!el || !el.getClientRects().length) return false
    window.__firstRender = performance.now()
    return true
  }
  new MutationObserver((_, observer) => { if (seen()) observer.disconnect() })
    .observe(document, { childList: true, subtree: true, attributes: true })
}

async function measure (browser, path, selector, session) {
  const context = await browser.newContext(PHONE)
  if (session) {
    await context.addInitScript(([value]) => localStorage.setItem('courthub.session', value),
      [JSON.stringify(session)])
  }
  await context.addInitScript(watchFor, selector)
  const page = await context.newPage()
  const errors = []
  recordProblems(page, errors, { ignoreFavicon: true })
  await page.goto(path)
  await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 15_000 })
  const ms = await page.evaluate(() => window.__firstRender)
  // What came over the wire until then (compressed sizes, headers included).
  const bytes = await page.evaluate(() => performance.getEntries()
    .filter((e) => e.entryType === 'navigation' || e.entryType === 'resource')
    .reduce((sum, e) => sum + (e.transferSize || 0), 0))
  await context.close()
  if (errors.length) throw new Error(errors.join('\n'))
  return { ms, bytes }
}

// The build type of the tree measured (CMakeCache.txt), so a Debug host's figures say so.
function buildType () {
  const cache = join(process.env.COURTHUB_BUILD_DIR || join(root, 'build'), 'CMakeCache.txt')
  const m = existsSync(cache) && /^CMAKE_BUILD_TYPE:STRING=(.*)$/m.exec(readFileSync(cache, 'utf8'))
  return (m && m[1]) || 'unknown build type'
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]
}

const servers = await startCourtServers('bench-first-render')
let browser
try {
  browser = await launchChromium()
  const session = await devSession(servers.url, JUDGE)
  const pages = [
    { name: 'hello page (baseline)', path: `${servers.url}/apps/hello/ui/`, selector: 'h1' },
    { name: '工作台 /apps/', path: `${servers.url}/apps/`, selector: '.app-tile', session }
  ]
  // One untimed run each: chromium's own first start (its caches, the fonts) is not the page's.
  for (const p of pages) await measure(browser, p.path, p.selector, p.session)
  for (const p of pages) p.times = []
  // Alternate the two pages so a noisy moment on the shared machine hits both alike.
  for (let i = 0; i < RUNS; i++) {
    for (const p of pages) {
      const { ms, bytes } = await measure(browser, p.path, p.selector, p.session)
      p.times.push(ms)
      p.bytes = bytes
    }
  }
  const lines = [`| page (${RUNS} runs, cold cache, 375×812) | median ms | p95 ms | transferred KiB |`,
    '| --- | ---: | ---: | ---: |',
    ...pages.map((p) => `| ${p.name} | ${quantile(p.times, 0.5).toFixed(0)} | ` +
      `${quantile(p.times, 0.95).toFixed(0)} | ${(p.bytes / 1024).toFixed(1)} |`)]
  console.log(lines.join('\n'))
  if (args.includes('--write')) {
    const when = new Date().toISOString().slice(0, 10)
    replaceSection(join(root, 'docs/benchmarks.md'), 'web-first-render',
      `Measured ${when} by \`node bench/web_first_render.mjs --write\` (${buildType()} host): navigation start to the ` +
      'first app tile rendered, a judge\'s session already in localStorage, a new browser context ' +
      `(empty cache) per run, headless chromium on the same ${cpus().length} cores as the host; ` +
      `load average ${loadavg()[0].toFixed(1)} at the end of the run (the machine is shared).\n\n` +
      lines.join('\n'))
    console.log('web_first_render: docs/benchmarks.md updated')
  }
} finally {
  await browser?.close()
  await servers.stop()
}
