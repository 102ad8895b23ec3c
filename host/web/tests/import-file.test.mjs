// SPDX-License-Identifier: Apache-2.0
// The console's 导入 panel: the declared imports, the type a file goes as, what may not be sent,
// and how the answer reads.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { LISTED_REJECTS, MAX_IMPORT_BYTES, importProblem, importSummary, importType, importsOf } from '../src/console/import-file.js'

test('only the apps declaring an import get a panel', () => {
  const apps = [
    { plugin: 'rooms', title: '会议室', imports: null },
    { plugin: 'incentive_board', title: '双激励通报',
      imports: { path: '/imports', url: '/apps/incentive_board/imports', accept: '.csv,.ndjson', label: '' } },
  ]
  assert.deepEqual(importsOf(apps), [{ plugin: 'incentive_board', title: '双激励通报', path: '/imports',
    url: '/apps/incentive_board/imports', accept: '.csv,.ndjson', label: '数据' }])
  assert.deepEqual(importsOf(undefined), [])
})

test('a file goes as the type of its extension', () => {
  assert.equal(importType('cases.csv'), 'text/csv')
  assert.equal(importType('CASES.CSV'), 'text/csv')
  assert.equal(importType('2026-12.ndjson'), 'application/x-ndjson')
  assert.equal(importType('x.jsonl'), 'application/x-ndjson')
  assert.equal(importType('x.xlsx'), null)
  assert.equal(importType('csv'), null)
})

test('what the panel refuses before sending', () => {
  const accept = '.csv,.ndjson,.jsonl'
  assert.equal(importProblem({ name: 'a.csv', size: 10 }, accept), '')
  assert.equal(importProblem({ name: 'a.JSONL', size: 10 }, accept), '')
  assert.equal(importProblem(null, accept), '请选择文件')
  assert.match(importProblem({ name: 'a.xlsx', size: 10 }, accept), /只能导入 \.csv、\.ndjson、\.jsonl/)
  assert.equal(importProblem({ name: 'a.csv', size: 0 }, accept), '文件是空的')
  assert.match(importProblem({ name: 'a.csv', size: MAX_IMPORT_BYTES + 1 }, accept), /10 MB/)
})

test('the answer reads as counts and one line per rejected row', () => {
  const s = importSummary({ inserted: 2, updated: 1,
    rejected: [{ line: 4, field: 'filed_on', reason: 'must be a date YYYY-MM-DD' }] })
  assert.deepEqual(s, { inserted: 2, updated: 1, rejectedCount: 1,
    rejects: ['第4行 filed_on：must be a date YYYY-MM-DD'], unlisted: 0 })
  assert.equal(importSummary({ inserted: 1 }).rejectedCount, 0)
  // A file of bad rows: the first rows listed, the rest counted.
  const many = Array.from({ length: LISTED_REJECTS + 250 }, (_, i) => ({ line: i + 2, field: 'case_id', reason: 'required' }))
  const big = importSummary({ inserted: 0, updated: 0, rejected: many })
  assert.equal(big.rejectedCount, LISTED_REJECTS + 250)
  assert.equal(big.rejects.length, LISTED_REJECTS)
  assert.equal(big.rejects[0], '第2行 case_id：required')
  assert.equal(big.unlisted, 250)
})
