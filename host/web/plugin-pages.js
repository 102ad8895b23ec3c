// SPDX-License-Identifier: Apache-2.0
// The Vite configuration of a plugin's pages. A plugin's ui/vite.config.js is exactly:
//   import { pluginPages } from '../../../host/web/plugin-pages.js'
//   export default pluginPages(import.meta.url)
// The pages are built from ui/ (index.html, src/, public/app.json + public/icon.svg) into
// <name>.ui/ beside <name>.so; `vue`, `vant`, `echarts` and `@courthub/kit` stay imports of the
// host's shared runtime (/kit/*.js), so one Vue and one Vant serve every page (docs/pages.md).
import { readdirSync } from 'node:fs'
import { dirname, basename, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { createLogger } from 'vite'
import { SHARED_RUNTIME, externalFor } from './shared-runtime.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

// The folder a plugin's pages are written to when build.mjs does not say (a bare `vite build`):
// $COURTHUB_UI_OUT, else <repo>/build/plugins/<name>.ui.
function defaultOutDir(name) {
  return process.env.COURTHUB_UI_OUT || resolve(repoRoot, 'build/plugins', `${name}.ui`)
}

// The shared Vite configuration of pages whose bare imports load the shared runtime; `root` is the
// folder holding index.html, `base` the URL prefix of the built files.
export function sharedRuntimePages({ root, base, outDir, input }) {
  return {
    root,
    base,
    logLevel: 'warn',
    customLogger: quietAboutKitUrls(),
    plugins: [vue(), preloadSharedRuntime()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2020',
      reportCompressedSize: false,
      // The pages' chunks go under assets/; the URLs under /kit/ are left as they are.
      rollupOptions: {
        input,
        external: externalFor,
        output: { paths: { ...SHARED_RUNTIME } },
      },
    },
  }
}

// Every page starts with the kit, which needs Vue and Vant: the browser fetches the three
// alongside the page's own script instead of after it.
function preloadSharedRuntime() {
  const urls = [SHARED_RUNTIME.vue, SHARED_RUNTIME.vant, SHARED_RUNTIME['@courthub/kit']]
  return {
    name: 'courthub:preload-shared-runtime',
    transformIndexHtml: () => urls.map((href) => ({
      tag: 'link', attrs: { rel: 'modulepreload', href }, injectTo: 'head',
    })),
  }
}

// Vite's logger, without the warning that the host's /kit/ URLs (kit.css) are not files of this
// build: they are meant to stay as written.
export function quietAboutKitUrls() {
  const logger = createLogger('warn')
  const hostUrl = /\/kit\/\S+ doesn't exist at build time/
  for (const level of ['warn', 'warnOnce']) {
    const write = logger[level]
    logger[level] = (msg, options) => {
      if (!hostUrl.test(msg)) write(msg, options)
    }
  }
  return logger
}

// The Vite configuration for the pages in the folder of `configUrl` (plugins/<name>/ui/).
// Every .html file at the top of ui/ is a page (index.html, and e.g. lawyers' court.html).
export function pluginPages(configUrl) {
  const root = dirname(fileURLToPath(configUrl))
  const name = basename(dirname(root))
  const input = Object.fromEntries(readdirSync(root).filter((f) => f.endsWith('.html'))
    .map((f) => [basename(f, '.html'), resolve(root, f)]))
  return sharedRuntimePages({ root, base: './', outDir: defaultOutDir(name), input })
}
