// SPDX-License-Identifier: Apache-2.0
// What the lawyers suites share: the people (the high court's 综合管理员, a 立案庭 judge, the
// civil division's judge and clerk), the lawyer who registers, the verification registry the
// host reads for them (a CSV written by the test, settings `identity.registry_file`), files made
// here (a one-page PDF, a small PNG), and calls to the staff and portal APIs for the steps a
// suite does not show on a page.
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { ADMIN_TOKEN } from './court_servers.mjs'
import { devSession } from './login.mjs'

export const COURT = { code: 'LN-BC-SY-01', name: '沈阳市和平区人民法院' }
export const HIGH_COURT_ADMIN = { user_id: 'LN-HC-173', name: '张发国', title: '综合管理员' }
export const FILING_JUDGE = { user_id: 'LN-BC-SY-01-011', name: '薛艳朋', title: '审判员' }
export const CASE_JUDGE = { user_id: 'LN-BC-SY-01-024', name: '赵红朋', title: '审判员' }
export const DIVISION_HEAD = { user_id: 'LN-BC-SY-01-023', name: '戴婷振', title: '庭长' }
export const CASE_CLERK = { user_id: 'LN-BC-SY-01-027', name: '肖德民', title: '书记员' }

// GB 11643's example ID number (check digit X) and a licence number of the 17-digit form.
export const LAWYER = {
  name: '周明远', id_card: '11010519491231002X', licence_no: '12101201910123456',
  firm: '辽宁法正律师事务所', mobile: '13812345678', password: 'Zhou2026lawyer'
}
export const OTHER_LAWYER = {
  name: '林书恒', id_card: '110105194912310038', licence_no: '12101201810654321',
  firm: '辽宁明德律师事务所', mobile: '13998765432', password: 'Lin2026lawyer'
}

// The host of a lawyers suite (browserSuite's `host`): the verification registry holds
// `lawyers` (licence_no,name,firm,status, all 正常), in a file written here, which the demo
// configuration reads from COURTHUB_LAWYERS_REGISTRY (or, in a configuration without that
// variable, through the plugin's `identity.registry_file`).
export function registryHost (lawyers) {
  const dir = mkdtempSync(join(tmpdir(), 'courthub-lawyers-'))
  const file = join(dir, 'registry.csv')
  writeFileSync(file, 'licence_no,name,firm,status\n' +
    lawyers.map((l) => `${l.licence_no},${l.name},${l.firm},正常`).join('\n') + '\n')
  const config = (text) => {
    if (text.includes('COURTHUB_LAWYERS_REGISTRY')) return text
    if (/^\s*registry_file:.*$/m.test(text)) return text.replace(/^(\s*registry_file:).*$/m, `$1 ${file}`)
    const at = text.search(/- name: lawyers\n/)
    assert.ok(at >= 0, 'the demo configuration runs the lawyers plugin')
    const settings = text.indexOf('settings: {}', at)
    assert.ok(settings >= 0, 'the lawyers plugin\'s settings are {} or name a registry_file')
    return `${text.slice(0, settings)}settings: {identity: {registry_file: ${file}}}${text.slice(settings + 'settings: {}'.length)}`
  }
  return { config, env: { COURTHUB_LAWYERS_REGISTRY: file } }
}

// A staff call: resolves with the parsed answer, fails the test on an error status.
export async function staffCall (url, person, method, path, body) {
  const { token } = await devSession(url, person)
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  assert.ok(res.ok, `${person.name} ${method} ${path}: ${res.status} ${text}`)
  return text ? JSON.parse(text) : null
}

// A lawyer registered (POST /public/register) and verified by the high court (through the API).
export async function verifiedLawyer (url, lawyer) {
  const res = await fetch(`${url}/apps/lawyers/public/register`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(lawyer)
  })
  const answer = await res.json()
  assert.equal(res.status, 201, `register ${lawyer.licence_no}: ${JSON.stringify(answer)}`)
  await staffCall(url, HIGH_COURT_ADMIN, 'POST', `/apps/lawyers/lawyers/${answer.lawyer.id}/verify`)
  return answer.lawyer
}

// A portal call as `lawyer` (signing in first): the parsed answer.
export async function lawyerCall (url, lawyer, method, path, body, { raw, type } = {}) {
  const login = await fetch(`${url}/apps/lawyers/public/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ licence_no: lawyer.licence_no, password: lawyer.password })
  })
  const grant = await login.json()
  assert.equal(login.status, 200, `login ${lawyer.licence_no}: ${JSON.stringify(grant)}`)
  const res = await fetch(`${url}/apps/lawyers${path}`, {
    method,
    headers: { authorization: `Bearer ${grant.token}`, 'content-type': type ?? 'application/json' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body))
  })
  const text = await res.text()
  assert.ok(res.ok, `${lawyer.name} ${method} ${path}: ${res.status} ${text}`)
  return text ? JSON.parse(text) : null
}

// Wakes the host's queues (the test clock moves by `ms`), so events reach their subscribers.
export async function moveClock (url, ms = 0) {
  const res = await fetch(`${url}/admin/clock`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ advance_ms: ms })
  })
  assert.ok(res.ok, `POST /admin/clock: ${res.status}`)
}

// A one-page PDF with a line of text (in a content stream, so a watermark can be added to it).
export function onePagePdf (line) {
  const stream = `BT /F1 12 Tf 24 100 Td (${line.replace(/[()\\]/g, '')}) Tj ET`
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 420 200]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>',
    `<</Length ${stream.length}>>stream\n${stream}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>'
  ]
  let pdf = `%PDF-1.4\n% ${line}\n`
  const at = objects.map((o, i) => { const start = pdf.length; pdf += `${i + 1} 0 obj\n${o}\nendobj\n`; return start })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    at.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

// A small grey PNG (w×h, 8-bit greyscale), decodable by any image library.
export function smallPng (w = 32, h = 24) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(w, 0); header.writeUInt32BE(h, 4); header[8] = 8; header[9] = 0
  const rows = Buffer.alloc((w + 1) * h, 0x99)
  for (let y = 0; y < h; y++) rows[y * (w + 1)] = 0
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}
