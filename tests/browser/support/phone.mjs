// SPDX-License-Identifier: Apache-2.0
// Debian's chromium through playwright-core, headless, and phones: browser contexts in a phone's
// shape (375×812 CSS px at device scale 2, touch, zh-CN, Asia/Shanghai), each with its own
// localStorage, so the judge and the 庭长 are two people. Each phone records its pages' console
// errors and uncaught exceptions; checks.mjs fails a test on any it did not expect.
import { chromiumPath } from './paths.mjs'

export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai'
}

// A desktop browser's window (the pages also work there: DingTalk's PC client, a clerk's
// browser): 1280×800 at scale 1, mouse only, in the same language and time zone.
export const DESKTOP = {
  ...PHONE,
  viewport: { width: 1280, height: 800 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: false
}

// The flags COMMON.md gives for Debian's chromium on the build machines. playwright gives each
// launch a fresh temporary profile (--user-data-dir) and removes it on close. (Native date and
// time inputs still draw in en-US: Debian's chromium without chromium-l10n has no zh-CN UI.)
export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

export async function loadPlaywright () {
  try {
    return await import('playwright-core')
  } catch (err) {
    throw new Error('playwright-core is not installed: run `npm ci` at the repository root ' +
      `(./dev build does it) (${err.message})`)
  }
}

export async function launchChromium () {
  const { chromium } = await loadPlaywright()
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_FLAGS })
}

// Records into `problems` (strings) every console error, uncaught exception and failed request
// of `page`. The pages declare their icon (docs/pages.md), so the browser's own /favicon.ico
// request is a problem too, unless `ignoreFavicon` (for a plain page such as hello's, which
// DingTalk's webview would open without asking for one).
export function recordProblems (page, problems, { ignoreFavicon = false } = {}) {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    // A failed load names the resource in its location, not in its text.
    const source = msg.location()?.url
    if (ignoreFavicon && /\/favicon\.ico$/.test(source || '') && /status of 404/.test(msg.text())) return
    problems.push(`console error on ${page.url()}: ${msg.text()}` +
      (source && source !== page.url() ? ` (${source})` : ''))
  })
  page.on('pageerror', (err) => problems.push(`uncaught on ${page.url()}: ${err.stack || err}`))
  // Which navigation of the main frame each request was issued under: leaving a page cancels
  // its requests still in flight (net::ERR_ABORTED), as a user tapping through expects.
  let navigations = 0
  const issuedUnder = new WeakMap()
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations++
    issuedUnder.set(req, navigations)
  })
  page.on('requestfailed', (req) => {
    const aborted = req.failure()?.errorText === 'net::ERR_ABORTED'
    // A window opened on a blob: PDF hands its document to Chromium's PDF viewer, which at times
    // reports the handed-over navigation as aborted: not a failure of the page.
    if (req.isNavigationRequest() && req.url().startsWith('blob:') && aborted) return
    // A page's own request cancelled because the page was left meanwhile.
    if (aborted && !req.isNavigationRequest() && issuedUnder.get(req) !== navigations) return
    problems.push(`request failed: ${req.method()} ${req.url()}: ${req.failure()?.errorText}`)
  })
}

// A phone for one person: { context, page, problems }. `problems` lists every console error,
// uncaught exception and failed request of its pages as text, in order. `shape` DESKTOP makes it
// a desktop browser instead.
export async function openPhone (browser, { baseURL, shape = PHONE } = {}) {
  const context = await browser.newContext({ ...shape, baseURL })
  context.setDefaultTimeout(15_000)
  const problems = []
  context.on('page', (page) => recordProblems(page, problems))
  const page = await context.newPage()
  return { context, page, problems }
}
