// SPDX-License-Identifier: Apache-2.0
// browserSuite(): one node:test suite with the host, the double and chromium started before its
// tests and stopped after them (also when a test fails). Skipped, with a line ctest recognises,
// when Debian's chromium is absent; skipped while the pages it needs have not landed in the
// sources; failed when they are in the sources but not built.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe } from 'node:test'
import { startCourtServers } from './court_servers.mjs'
import { launchChromium, openPhone } from './phone.mjs'
import { builtPages, chromiumPath, chromiumPresent, sourceDir } from './paths.mjs'

// ctest's SKIP_REGULAR_EXPRESSION for the browser tests matches this prefix.
export const SKIP_LINE = 'courthub-browser: SKIPPED'

// Where each kind of page comes from and what its build leaves: 'kit' (the shared runtime),
// 'workbench' and 'console' (the host's pages), or a plugin's name.
const HOST_PAGES = {
  kit: { source: 'host/web/kit', built: 'kit.js' },
  workbench: { source: 'host/web/src/workbench', built: 'workbench.html' },
  console: { source: 'host/web/src/console', built: 'console.html' }
}
function pageSources (pages) {
  return join(sourceDir, HOST_PAGES[pages]?.source ?? `plugins/${pages}/ui/src`)
}
function pageBuild (pages) {
  return HOST_PAGES[pages] ? join(builtPages('kit'), HOST_PAGES[pages].built)
    : join(builtPages(pages), 'index.html')
}

// Why the suite cannot run here, or null.
function skipReason (pages) {
  if (!chromiumPresent()) return `${chromiumPath} not found (./dev setup installs Debian's chromium)`
  const missing = pages.filter((p) => !existsSync(pageSources(p)))
  if (missing.length) return `the pages of ${missing.join(', ')} are not in the sources yet`
  return null
}

// `pages`: the kit, the host's pages and the plugins whose pages the suite opens; `host`: what
// startCourtServers takes to change the host's configuration ({config, env}). `body(court)` declares the tests;
// court.url, court.servers and court.phone() (a new logged-out phone on the host;
// court.phone({ shape: DESKTOP }) a desktop browser) are ready inside them.
export function browserSuite (title, { pages = ['kit'], host = {} } = {}, body) {
  const skip = skipReason(pages)
  if (skip) console.log(`${SKIP_LINE} ${title}: ${skip}`)
  const court = {}
  describe(title, { skip: skip || false }, () => {
    let browser
    const phones = []
    before(async () => {
      for (const p of pages) {
        const built = pageBuild(p)
        if (!existsSync(built)) throw new Error(`${built} is missing: build the pages first (./dev build)`)
      }
      court.servers = await startCourtServers(title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, ''), host)
      court.url = court.servers.url
      browser = await launchChromium()
      court.phone = async ({ shape } = {}) => {
        const phone = await openPhone(browser, { baseURL: court.url, shape })
        phones.push(phone)
        return phone
      }
    })
    after(async () => {
      for (const phone of phones) await phone.context.close().catch(() => {})
      await browser?.close().catch(() => {})
      await court.servers?.stop()
    })
    body(court)
  })
}
