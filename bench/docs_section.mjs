// SPDX-License-Identifier: Apache-2.0
// Replaces the text between `<!-- <name>:begin -->` and `<!-- <name>:end -->` in a Markdown file,
// so scripts keep their own figures in docs/ up to date without touching the prose around them.
import { readFileSync, writeFileSync } from 'node:fs'

export function replaceSection (file, name, body) {
  const begin = `<!-- ${name}:begin -->`
  const end = `<!-- ${name}:end -->`
  const text = readFileSync(file, 'utf8')
  const from = text.indexOf(begin)
  const to = text.indexOf(end)
  if (from < 0 || to < from) throw new Error(`${file}: no "${begin}" … "${end}" section to replace`)
  const next = text.slice(0, from + begin.length) + '\n' + body.trim() + '\n' + text.slice(to)
  writeFileSync(file, next)
}
