#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Copies the main screenshots the browser tests took (<build>/screenshots/) into docs/screenshots/
// at 375×812 (device scale 1, so each PNG stays small), for the README. Run it
// after `ctest -L browser`; it fails naming any screenshot that is missing, unless --partial.
//   node tests/browser/support/docs_screenshots.mjs [--build DIR] [--partial]
// The board's pictures come from a run on the demo's size (tests/browser/README.md):
//   COURTHUB_BOARD_DEMO_CASES=200000 ctest -L browser -R board
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const args = process.argv.slice(2)
if (args.includes('--build')) process.env.COURTHUB_BUILD_DIR = resolve(args[args.indexOf('--build') + 1])
const { screenshotDir, sourceDir } = await import('./paths.mjs')
const { launchChromium } = await import('./phone.mjs')

// The pictures a reader sees before running anything, in the order of the flows.
// README.md shows them in this order (its "What it looks like" table).
const MAIN_SCREENSHOTS = [
  'login-picker', 'workbench', 'rooms-grid', 'rooms-conflict', 'approvals-leave-form',
  'workbench-badge', 'approvals-task', 'approvals-approved', 'console-reload',
  'board-province', 'board-court', 'board-no-rank', 'board-judges', 'board-court-trend', 'console-import',
  'attendance-checked-in', 'attendance-outside', 'attendance-month', 'attendance-fix-refused',
  'attendance-department', 'attendance-rules'
]

const target = join(sourceDir, 'docs/screenshots')
const missing = MAIN_SCREENSHOTS.filter((n) => !existsSync(join(screenshotDir, `${n}.png`)))
if (missing.length && !args.includes('--partial')) {
  console.error(`docs_screenshots: missing in ${screenshotDir}: ${missing.join(', ')} ` +
    '(run ctest -L browser first, or pass --partial)')
  process.exit(1)
}
mkdirSync(target, { recursive: true })
const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 })
  for (const name of MAIN_SCREENSHOTS.filter((n) => !missing.includes(n))) {
    const png = readFileSync(join(screenshotDir, `${name}.png`)).toString('base64')
    await page.setContent('<body style="margin:0"><img style="display:block;width:375px;height:812px" ' +
      `src="data:image/png;base64,${png}"></body>`)
    await page.locator('img').evaluate((img) => img.decode())
    const out = join(target, `${name}.png`)
    await page.screenshot({ path: out })
    console.log(`docs/screenshots/${name}.png ${(statSync(out).size / 1024).toFixed(0)} KiB`)
  }
} finally {
  await browser.close()
}
if (missing.length) console.log(`docs_screenshots: not copied (missing): ${missing.join(', ')}`)
