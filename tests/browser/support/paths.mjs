// SPDX-License-Identifier: Apache-2.0
// Where the browser tests find the build (COURTHUB_BUILD_DIR, set by ctest; default <repo>/build),
// the sources, the binaries and Debian's chromium (COURTHUB_CHROMIUM overrides it).
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const sourceDir = process.env.COURTHUB_SOURCE_DIR ||
  resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const buildDir = process.env.COURTHUB_BUILD_DIR || join(sourceDir, 'build')
export const courthubBinary = join(buildDir, 'bin/courthub')
export const doubleBinary = join(buildDir, 'bin/dingtalk-double')
export const screenshotDir = process.env.COURTHUB_SCREENSHOT_DIR || join(buildDir, 'screenshots')
export const chromiumPath = process.env.COURTHUB_CHROMIUM || '/usr/bin/chromium'

// The built pages of `plugin` (beside its .so), or of the kit when plugin is 'kit'.
export function builtPages (plugin) {
  return plugin === 'kit'
    ? join(buildDir, 'share/courthub/web/kit')
    : join(buildDir, 'plugins', `${plugin}.ui`)
}

export function chromiumPresent () {
  return existsSync(chromiumPath)
}
