// SPDX-License-Identifier: Apache-2.0
// 双激励通报 on a phone, on the demo's generated cases (BOARD_DEMO_CASES): a basic court's 院长
// opens the board from the 工作台 and sees the peer groups' bars, switches the indicator, opens
// the court's own page (radar, the 18 indicators with the counts behind them, trends) and its
// judge board; a judge sees only themself and no other court's judges. In no-rank mode no page
// shows a rank. The high court's 综合管理员 imports a CSV in the admin console and sees the counts
// and the rejected row.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn, settled } from './support/checks.mjs'
import { devSession, loginWithPicker, storeSession } from './support/login.mjs'
import { COURT, JUDGE } from './support/people.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'

// 沈阳市和平区人民法院's 院长 (config/directory/staff.yaml) and the high court's 综合管理员.
const PRESIDENT = { user_id: 'LN-BC-SY-01-001', name: '崔厚', title: '院长' }
const HIGH_COURT_ADMIN = { user_id: 'LN-HC-173', name: '张发国', title: '综合管理员' }
const OTHER_COURT = 'LN-BC-SY-02'
const BOARD = '/apps/incentive_board/ui/'
const GROUPS = { basic: '基层法院', intermediate: '中级法院', special: '专门法院', high: '高级法院(不排名)' }
// An ordinal rank as the pages would write it.
const RANK_TEXT = /第\s*\d+\s*名/

// The board's own API, with a person's session, to hold the pages to what the server says.
async function boardApi (url, session, path) {
  const res = await fetch(`${url}/apps/incentive_board${path}`, { headers: { authorization: `Bearer ${session.token}` } })
  const body = await res.json()
  assert.equal(res.status, 200, `GET ${path}: ${JSON.stringify(body)}`)
  return body
}

const count = (n) => n.toLocaleString('en-US', { maximumFractionDigits: 2 })
const percent = (v) => (v === null ? '样本不足' : `${(v * 100).toFixed(2)}%`)

async function openAs (court, person, path) {
  const phone = await court.phone()
  await storeSession(phone.context, await devSession(court.url, person))
  await phone.page.goto(path)
  return phone
}

browserSuite('board: a court president reads the board', { pages: ['kit', 'workbench', 'incentive_board'] }, (court) => {
  let president, session

  test('the 院长 opens 双激励通报 from the 工作台 and sees the peer groups and the bars', async () => {
    president = await court.phone()
    const { page } = president
    session = await loginWithPicker(page, PRESIDENT, { path: '/apps/' })
    await page.locator('.app-tile[data-plugin="incentive_board"]').getByText('双激励通报').click()
    await page.waitForURL(/\/apps\/incentive_board\/ui\//)
    for (const [id, name] of Object.entries(GROUPS)) {
      assert.equal(await page.locator(`[data-test="group-${id}"]`).innerText(), name)
    }
    const bars = page.locator('.van-tab__panel:visible [data-test="bars"] .bar-row')
    await bars.first().waitFor()
    const api = await boardApi(court.url, session, '/boards/courts')
    assert.equal(api.mode, 'ranked')
    const basic = api.peer_groups.find((g) => g.id === 'basic')
    // The caller's group is shown, every court of it a bar, in the server's order, own court marked.
    assert.equal(await bars.count(), basic.members.length)
    assert.deepEqual(await bars.evaluateAll((rows) => rows.map((r) => r.dataset.court)),
      basic.members.map((m) => m.court_code))
    const own = page.locator('.bar-row[data-own="true"]')
    assert.equal(await own.getAttribute('data-court'), COURT.code)
    const mine = basic.members.find((m) => m.court_code === COURT.code)
    assert.equal(await own.locator('[data-test="rank"]').innerText(), `第${mine.rank}名`)
    assert.match(await own.innerText(), new RegExp(mine.composite.toFixed(2)))
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'board-province')
    expectNoProblems(president)
  })

  test('the 院长 switches to 结案率 and the bars follow its scores and tiers', async () => {
    const { page } = president
    await page.locator('#board-indicator').selectOption('A1')
    const api = await boardApi(court.url, session, '/boards/courts')
    const basic = api.peer_groups.find((g) => g.id === 'basic')
    const best = basic.members.filter((m) => m.scores.A1 !== null)
      .sort((a, b) => b.scores.A1 - a.scores.A1 || (a.court_code < b.court_code ? -1 : 1))[0]
    const first = page.locator('.van-tab__panel:visible .bar-row').first()
    await page.waitForFunction((code) =>
      document.querySelector('.van-tab__panel [data-test="bars"] .bar-row')?.dataset.court === code, best.court_code)
    assert.match(await first.innerText(), new RegExp(percent(best.values.A1).replace('.', '\\.')))
    assert.equal(await first.locator('[data-test="rank"]').innerText(), '第1名')
    assert.match(page.url(), /indicator=A1/)
    // The high court's tab: its values, nothing ranked.
    await page.locator('[data-test="group-high"]').click()
    const high = page.locator('.van-tab__panel:visible .bar-row')
    await high.first().waitFor()
    assert.equal(await high.locator('[data-test="rank"]').count(), 0)
    await page.getByText('高级法院不参与评分和排名').first().waitFor()
    await page.locator('[data-test="group-basic"]').click()
    await screenshot(page, 'board-indicator')
    expectNoProblems(president)
  })

  test('the 院长 opens the court\'s page: radar, the 18 indicators with their counts, trends', async () => {
    const { page } = president
    await page.locator('.van-tab__panel:visible .bar-row[data-own="true"]').click()
    await page.waitForURL(new RegExp(`#/court/${COURT.code}$`))
    await page.locator('[data-test="radar"] canvas').waitFor()
    const api = await boardApi(court.url, session, `/boards/courts/${COURT.code}`)
    assert.equal(await page.locator('[data-test="composite"]').innerText(), api.court.composite.toFixed(2))
    assert.equal(await page.locator('[data-test="standing"]').innerText(),
      `第${api.court.rank}名 / 共${api.peers.count}家`)
    const rows = page.locator('.indicator-row')
    assert.equal(await rows.count(), 18)
    const a1 = api.court.indicators.A1
    const row = page.locator('.indicator-row[data-indicator="A1"]')
    assert.match(await row.innerText(), new RegExp(percent(a1.value).replace('.', '\\.')))
    assert.equal(await row.locator('[data-test="fraction"]').innerText(), `${count(a1.numerator)} / ${count(a1.denominator)}`)
    // C1 is 1 − the appealed share: its counts say so.
    const c1 = api.court.indicators.C1
    assert.equal(await page.locator('.indicator-row[data-indicator="C1"] [data-test="fraction"]').innerText(),
      `1 − ${count(c1.numerator)} / ${count(c1.denominator)}`)
    if (a1.tier) assert.equal(await row.locator('.tier-chip').getAttribute('data-tier'), a1.tier)
    // An insufficient sample reads so, and says why when it is the sample.
    for (const [id, d] of Object.entries(api.court.indicators)) {
      if (d.value === null) assert.match(await page.locator(`.indicator-row[data-indicator="${id}"]`).innerText(), /样本不足/)
    }
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'board-court')
    await page.locator('[data-test="trend-composite"] canvas').scrollIntoViewIfNeeded()
    await page.locator('[data-test="trend-indicator"] canvas').waitFor()
    await page.locator('#trend-indicator').selectOption('B1')
    await page.locator('[data-test="trend-indicator"] canvas').waitFor()
    await settled(page)
    await screenshot(page, 'board-court-trend')
    expectNoProblems(president)
  })

  test('the 院长 opens the court\'s judge board: every judge of the court', async () => {
    const { page } = president
    await page.locator('[data-test="open-judges"]').click()
    await page.waitForURL(new RegExp(`#/judges/${COURT.code}$`))
    const api = await boardApi(court.url, session, `/boards/judges?court=${COURT.code}`)
    assert.ok(api.members.length > 1, 'the court has several judges')
    const cards = page.locator('[data-judge]')
    await cards.first().waitFor()
    assert.equal(await cards.count(), api.members.length)
    assert.equal(await cards.first().locator('[data-indicator]').count(), 8)
    await expectPageColumn(page)
    await screenshot(page, 'board-judges')
    expectNoProblems(president)
  })

  test('the high court\'s page: values and counts, nothing scored, no change', async () => {
    const { page } = president
    // A new hash on the same page: the app follows it (a reload now would abort its request).
    await page.goto(`${BOARD}#/court/LN-HC`)
    await page.locator('[data-test="court-head"]').waitFor()
    assert.equal(await page.locator('[data-test="composite"]').innerText(), '不评分')
    assert.equal(await page.locator('[data-test="standing"]').innerText(), '不排名')
    assert.equal(await page.locator('[data-test="court-change"]').count(), 0, 'no empty 较前一日')
    assert.equal(await page.locator('.tier-chip').count(), 0)
    assert.equal(await page.locator('.indicator-row').count(), 18)
    expectNoProblems(president)
  })

  test('a judge sees only themself, and not another court\'s judges', async () => {
    const judge = await openAs(court, JUDGE, `${BOARD}#/judges/${COURT.code}`)
    const { page } = judge
    const cards = page.locator('[data-judge]')
    await cards.first().waitFor()
    assert.deepEqual(await cards.evaluateAll((els) => els.map((e) => e.dataset.judge)), [JUDGE.user_id])
    await page.goto(`${BOARD}#/judges/${OTHER_COURT}`)
    await page.locator('[data-test="judges-refused"]').getByText('法官通报仅对本院院长').waitFor()
    await expectPageColumn(page)
    await screenshot(page, 'board-judges-refused')
    expectNoProblems(judge, [/status of 403/])
  })
})

browserSuite('board: no-rank mode shows no rank anywhere', {
  pages: ['kit', 'incentive_board'],
  host: { config: noRankConfig }
}, (court) => {
  test('the province board, a court and its judges carry no ordinal rank', async () => {
    const phone = await openAs(court, PRESIDENT, BOARD)
    const { page } = phone
    const session = await devSession(court.url, PRESIDENT)
    const api = await boardApi(court.url, session, '/boards/courts')
    assert.equal(api.mode, 'no_rank', 'the host runs the board in no-rank mode')
    const bars = page.locator('.van-tab__panel:visible .bar-row')
    await bars.first().waitFor()
    const basic = api.peer_groups.find((g) => g.id === 'basic')
    // The server's order (band, then court code), no rank column.
    assert.deepEqual(await bars.evaluateAll((rows) => rows.map((r) => r.dataset.court)),
      basic.members.map((m) => m.court_code))
    assert.equal(await page.locator('[data-test="rank"]').count(), 0)
    assert.doesNotMatch(await page.locator('body').innerText(), RANK_TEXT)
    await screenshot(page, 'board-no-rank')
    await page.locator('#board-indicator').selectOption('A2')
    await bars.first().waitFor()
    assert.deepEqual(await bars.evaluateAll((rows) => rows.map((r) => r.dataset.court)),
      basic.members.map((m) => m.court_code), 'an indicator does not reorder the courts either')
    assert.doesNotMatch(await page.locator('body').innerText(), RANK_TEXT)

    await page.locator('[data-test="own-court"]').click()
    await page.locator('[data-test="radar"] canvas').waitFor()
    assert.match(await page.locator('[data-test="standing"]').innerText(), /^位于/)
    assert.doesNotMatch(await page.locator('body').innerText(), RANK_TEXT)
    await page.locator('[data-test="open-judges"]').click()
    await page.locator('[data-judge]').first().waitFor()
    assert.doesNotMatch(await page.locator('body').innerText(), RANK_TEXT)
    await expectAllInputsLabelled(page)
    expectNoProblems(phone)
  })
})

// The demo configuration with the board in no-rank mode (its settings' `mode`).
function noRankConfig (yaml) {
  const start = yaml.search(/^ {2}- name: incentive_board\s*$/m)
  assert.ok(start >= 0, 'config/courthub.yaml has the incentive_board plugin')
  const rest = yaml.slice(start)
  const mode = /^( +)mode: ranked\b.*$/m.exec(rest)
  if (mode) return yaml.slice(0, start) + rest.replace(mode[0], `${mode[1]}mode: no_rank`)
  const settings = /^( +)settings:\s*$/m.exec(rest)
  assert.ok(settings, 'the incentive_board entry has settings')
  return yaml.slice(0, start) +
    rest.replace(settings[0], `${settings[0]}\n${settings[1]}  mode: no_rank`)
}

// Two good rows and a bad one (an impossible filing date), in the documented column order.
const CSV_FIELDS = ['case_id', 'case_no', 'court_code', 'judge_id', 'dispute_id', 'category', 'procedure',
  'filed_on', 'closed_on', 'limit_days', 'extended_days', 'deducted_days', 'closing_method', 'appealed',
  'appeal_outcome', 'retrial_applied', 'retrial_outcome', 'filing_changed', 'petitions', 'doc_reviewed',
  'doc_error', 'amount_applied', 'amount_collected']
const csvRow = (o) => CSV_FIELDS.map((f) => o[f] ?? '').join(',')
const CASE = { court_code: COURT.code, judge_id: JUDGE.user_id, category: 'civil', procedure: 'first_instance',
  limit_days: '90', extended_days: '0', deducted_days: '0' }
const IMPORT_CSV = [CSV_FIELDS.join(','),
  csvRow({ ...CASE, case_id: 'BROWSER-0001', case_no: '(2026)辽0102民初9001号', dispute_id: 'BROWSER-D1',
    filed_on: '2026-10-09', closed_on: '2026-11-20', closing_method: 'judgment' }),
  csvRow({ ...CASE, case_id: 'BROWSER-0002', case_no: '(2026)辽0102民初9002号', dispute_id: 'BROWSER-D2',
    filed_on: '2026-11-02' }),
  csvRow({ ...CASE, case_id: 'BROWSER-0003', case_no: '(2026)辽0102民初9003号', dispute_id: 'BROWSER-D3',
    filed_on: '2026-13-40' })].join('\n') + '\n'

browserSuite('board: the high court admin imports cases in the console', { pages: ['kit', 'console', 'incentive_board'] }, (court) => {
  test('the 综合管理员 uploads a CSV and sees the counts and the rejected row', async () => {
    const phone = await openAs(court, HIGH_COURT_ADMIN, '/console/#imports')
    const { page } = phone
    const form = page.locator('.import-form[data-plugin="incentive_board"]')
    await form.getByText('双激励通报：导入案件数据').waitFor()
    assert.equal(await form.locator('[data-test="import-file"]').getAttribute('accept'), '.csv,.ndjson,.jsonl')
    await form.locator('[data-test="import-file"]').setInputFiles({
      name: '案件-2026-12.csv', mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV)
    })
    await form.locator('[data-test="import-send"]').click()
    const result = form.locator('[data-test="import-result"]')
    await result.waitFor()
    assert.match(await result.locator('[data-test="import-inserted"]').innerText(), /新增\s*2/)
    assert.match(await result.locator('[data-test="import-updated"]').innerText(), /更新\s*0/)
    assert.match(await result.locator('[data-test="import-rejected"]').innerText(), /拒绝\s*1/)
    assert.match(await result.locator('[data-test="import-reject"]').innerText(), /^第4行 filed_on：/)
    await page.locator('.van-toast').waitFor({ state: 'hidden' })
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    await screenshot(page, 'console-import')
    expectNoProblems(phone)
  })
})
