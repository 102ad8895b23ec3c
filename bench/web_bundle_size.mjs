#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// The pages' bundle sizes as a phone downloads them: every file of the kit (/kit/…) and the total
// of each plugin's pages (/apps/<name>/ui/…), raw and gzip (level 6, what servers use), from a
// build tree. Prints a Markdown table; with --write, puts it into docs/benchmarks.md.
//   node bench/web_bundle_size.mjs [--build DIR] [--write]
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { replaceSection } from './docs_section.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const buildDir = resolve(args.includes('--build') ? args[args.indexOf('--build') + 1]
  : process.env.COURTHUB_BUILD_DIR || join(root, 'build'))

function files (dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)])
}

// Precompressed copies (.gz/.br) and source maps are not what a phone downloads.
const shipped = (f) => !/\.(gz|br|map)$/.test(f)
const sizes = (f) => {
  const data = readFileSync(f)
  return { raw: data.length, gzip: gzipSync(data, { level: 6 }).length }
}
const kb = (n) => (n / 1024).toFixed(1)
// Vite's content hashes change with every edit; the table names the file without it.
const withoutHash = (name) => name.replace(/-[A-Za-z0-9_-]{8}(\.(js|css))$/, '-[hash]$1')

const kitDir = join(buildDir, 'share/courthub/web/kit')
if (!existsSync(kitDir)) {
  console.error(`web_bundle_size: ${kitDir} is missing: build first (./dev build)`)
  process.exit(1)
}
const rows = []
let kitTotal = { raw: 0, gzip: 0 }
for (const f of files(kitDir).filter(shipped).sort()) {
  const s = sizes(f)
  kitTotal = { raw: kitTotal.raw + s.raw, gzip: kitTotal.gzip + s.gzip }
  rows.push([`/kit/${withoutHash(relative(kitDir, f))}`, s])
}
rows.push(['**/kit/ in all**', kitTotal])
const pluginsDir = join(buildDir, 'plugins')
const uis = existsSync(pluginsDir) ? readdirSync(pluginsDir).filter((d) => d.endsWith('.ui')) : []
for (const ui of uis.sort()) {
  const all = files(join(pluginsDir, ui)).filter(shipped)
  const total = all.map(sizes).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip }),
    { raw: 0, gzip: 0 })
  rows.push([`/apps/${ui.replace(/\.ui$/, '')}/ui/ (${all.length} file${all.length === 1 ? '' : 's'})`, total])
}

const table = ['| file | raw KiB | gzip KiB |', '| --- | ---: | ---: |',
  ...rows.map(([name, s]) => `| ${name} | ${kb(s.raw)} | ${kb(s.gzip)} |`)].join('\n')
const when = new Date().toISOString().slice(0, 10)
const section = `Measured ${when} by \`node bench/web_bundle_size.mjs --write\` on the build tree ` +
  '(gzip level 6; precompressed copies and source maps left out).\n\n' + table
console.log(table)
if (args.includes('--write')) {
  replaceSection(join(root, 'docs/benchmarks.md'), 'web-bundle-size', section)
  console.log('web_bundle_size: docs/benchmarks.md updated')
}
