#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Builds courthub's H5 pages (docs/pages.md):
//   node host/web/build.mjs --out <build dir> [--only kit|<plugin>]... [--quiet]
// 1. the kit: the shared runtime /kit/vue.js, vant.js, echarts.js, kit.js (fixed names; their
//    shared chunks hashed under assets/), kit.css (Vant's styles + the court's look),
//    favicon.svg, and the host's pages workbench.html and console.html, into
//    <out>/share/courthub/web/kit/;
// 2. every plugins/<name>/ui/ that has a vite.config.js into <out>/plugins/<name>.ui/, beside
//    <name>.so (COURTHUB_PLUGIN_OUTPUT_DIR).
// Prints each file's size and gzip size.
import {
  copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync,
} from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { parseArgs } from 'node:util'
import { build } from 'vite'
import vue from '@vitejs/plugin-vue'
import { sharedRuntimePages } from './plugin-pages.js'

const webDir = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(webDir, '../..')
const require = (await import('node:module')).createRequire(import.meta.url)

const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    only: { type: 'string', multiple: true },
    quiet: { type: 'boolean', default: false },
  },
})
if (!args.out) {
  console.error('usage: node host/web/build.mjs --out <build dir> [--only kit|<plugin>]... ' +
    '[--quiet]')
  process.exit(2)
}
const out = resolve(args.out)
const kitDir = join(out, 'share/courthub/web/kit')
const pluginsOut = join(out, 'plugins')
const wanted = (name) => !args.only || args.only.includes(name)

// The shared runtime: one build, so vant.js and kit.js import the very vue.js a page imports.
async function buildRuntime() {
  await build({
    configFile: false,
    root: webDir,
    base: '/kit/',
    publicDir: false,
    logLevel: 'warn',
    plugins: [vue()],
    build: {
      outDir: kitDir,
      emptyOutDir: true,
      target: 'es2020',
      reportCompressedSize: false,
      // echarts.js is about 580 KiB (200 KiB gzip), loaded only by the pages that draw charts.
      chunkSizeWarningLimit: 800,
      rollupOptions: {
        input: {
          vue: 'vue',
          vant: 'vant',
          echarts: join(webDir, 'runtime/echarts.js'),
          kit: join(webDir, 'kit/index.js'),
        },
        // Each file exports what its package does (and may export more): pages import by name.
        preserveEntrySignatures: 'allow-extension',
        output: {
          // Vue's packages are vue.js itself, not a hashed chunk it re-exports: one file, the one
          // everything else imports.
          manualChunks: (id) => (/node_modules\/(@vue\/|vue\/)/.test(id) ? 'vue' : undefined),
          entryFileNames: '[name].js',
          chunkFileNames: 'assets/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  })
  const vantCss = readFileSync(require.resolve('vant/lib/index.css'), 'utf8')
  const courtCss = readFileSync(join(webDir, 'kit/style/court.css'), 'utf8')
  writeFileSync(join(kitDir, 'kit.css'), `${vantCss}\n${courtCss}`)
  copyFileSync(join(webDir, 'kit/favicon.svg'), join(kitDir, 'favicon.svg'))
}

// The host's own pages (src/<page>/index.html → <page>.html), built like a plugin's.
async function buildHostPages() {
  const src = join(webDir, 'src')
  const pages = readdirSync(src).filter((p) => existsSync(join(src, p, 'index.html')))
  if (!pages.length) return
  const config = sharedRuntimePages({
    root: src,
    base: '/kit/',
    outDir: kitDir,
    input: Object.fromEntries(pages.map((p) => [p, join(src, p, 'index.html')])),
  })
  config.publicDir = false
  config.build.emptyOutDir = false
  await build({ configFile: false, ...config })
  for (const p of pages) {
    renameSync(join(kitDir, p, 'index.html'), join(kitDir, `${p}.html`))
    rmSync(join(kitDir, p), { recursive: true, force: true })
  }
}

function pluginsWithPages() {
  const dir = join(repoRoot, 'plugins')
  return readdirSync(dir).filter((n) => existsSync(join(dir, n, 'ui/vite.config.js'))).sort()
}

async function buildPlugin(name) {
  await build({
    configFile: join(repoRoot, 'plugins', name, 'ui/vite.config.js'),
    logLevel: 'warn',
    build: { outDir: join(pluginsOut, `${name}.ui`), emptyOutDir: true },
  })
}

function report(dir, label) {
  const rows = []
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f)
      if (statSync(p).isDirectory()) walk(p)
      else if (/\.(js|css|html)$/.test(f)) {
        const data = readFileSync(p)
        rows.push([relative(dir, p), data.length, gzipSync(data, { level: 9 }).length])
      }
    }
  }
  walk(dir)
  const kib = (n) => (n / 1024).toFixed(1).padStart(7)
  const total = rows.reduce((a, r) => [a[0] + r[1], a[1] + r[2]], [0, 0])
  if (!args.quiet) {
    for (const [f, raw, gz] of rows) console.log(`  ${kib(raw)} KiB ${kib(gz)} KiB gzip  ${f}`)
  }
  console.log(`${label}: ${rows.length} files, ${kib(total[0]).trim()} KiB, ` +
    `${kib(total[1]).trim()} KiB gzip → ${relative(process.cwd(), dir) || '.'}`)
}

const started = Date.now()
if (wanted('kit')) {
  await buildRuntime()
  await buildHostPages()
  report(kitDir, 'kit')
}
for (const name of pluginsWithPages().filter(wanted)) {
  await buildPlugin(name)
  report(join(pluginsOut, `${name}.ui`), name)
}
console.log(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
