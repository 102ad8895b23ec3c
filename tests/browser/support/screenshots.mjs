// SPDX-License-Identifier: Apache-2.0
// Screenshots of the pages at phone size, written to <build>/screenshots/<name>.png (the viewport
// only: what a phone shows without scrolling). docs_screenshots.mjs copies the main ones
// into docs/screenshots/.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { screenshotDir } from './paths.mjs'

export async function screenshot (page, name) {
  mkdirSync(screenshotDir, { recursive: true })
  const path = join(screenshotDir, `${name}.png`)
  // Vant's transitions and toasts animate: let them finish so the picture is stable.
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
  return path
}
