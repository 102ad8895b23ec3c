// SPDX-License-Identifier: Apache-2.0
// 律师服务, the lawyer's door (issue 16): on a phone, a lawyer registers on the portal (a wrong
// ID check digit is caught before anything is sent), signs in and sees 待核验 with the
// registry's result; the high court's 综合管理员 verifies them on the court's pages; the lawyer
// files a case with its complaint and evidence uploaded; the 立案庭 returns it for correction
// (补正: the identity documents); the lawyer sees what is missing, uploads it and resubmits; the
// 立案庭 accepts it and the portal shows the case number and the case in the case space. Last,
// five wrong passwords lock the sign-in and the page says until when.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { devSession, storeSession } from './support/login.mjs'
import { DESKTOP } from './support/phone.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'
import { COURT, FILING_JUDGE, HIGH_COURT_ADMIN, LAWYER, onePagePdf, smallPng, registryHost } from './support/lawyers.mjs'

const PORTAL = '/apps/lawyers/ui/'
const COURT_PAGES = '/apps/lawyers/ui/court.html'
const CAUSE = '民间借贷纠纷'
// Refusals the flow provokes on purpose: the lockout's 401s and 429 (failed loads in the console).
const SIGN_IN_REFUSED = /status of (401|429) .*\/apps\/lawyers\/public\/login/

browserSuite('lawyers: register, verify, file, correct, accept', {
  pages: ['kit', 'lawyers'],
  host: registryHost([LAWYER])
}, (court) => {
  let lawyer
  let filingId

  // A staff page of the court, already signed in as `person` (phone, or desktop with `shape`).
  async function staffPage (person, hash, shape) {
    const phone = await court.phone({ shape })
    await storeSession(phone.context, await devSession(court.url, person))
    await phone.page.goto(`${COURT_PAGES}${hash}`)
    return phone
  }
  // Signs in on the portal's form; resolves with the status of the host's answer.
  async function signIn (page, who = LAWYER) {
    await page.locator('#login-licence').fill(who.licence_no)
    await page.locator('#login-password').fill(who.password)
    const [answer] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith('/apps/lawyers/public/login')),
      page.locator('[data-test="sign-in-submit"]').click()
    ])
    return answer.status()
  }

  test('a lawyer registers: the ID check digit is checked first; afterwards 待核验', async () => {
    lawyer = await court.phone()
    const { page } = lawyer
    await page.goto(PORTAL)
    await page.locator('[data-test="sign-in"]').waitFor()
    await expectAllInputsLabelled(page)
    await screenshot(page, 'lawyers-sign-in')
    await page.locator('[data-test="go-register"]').click()
    await page.locator('[data-test="register-form"]').waitFor()
    for (const [key, value] of Object.entries(LAWYER)) await page.locator(`#reg-${key}`).fill(value)
    await page.locator('#reg-password_again').fill(LAWYER.password)
    // The last digit changed: the check digit no longer fits, and nothing is sent.
    await page.locator('#reg-id_card').fill(LAWYER.id_card.slice(0, 17) + '1')
    let sent = 0
    page.on('request', (req) => { if (req.url().includes('/public/register')) sent++ })
    await page.locator('[data-test="register-submit"]').click()
    await page.getByText('身份证号校验位不正确').waitFor()
    assert.equal(sent, 0, 'a wrong check digit is caught before sending')
    await page.locator('#reg-id_card').fill(LAWYER.id_card)
    await expectAllInputsLabelled(page)
    await expectPageColumn(page)
    await screenshot(page, 'lawyers-register')
    await page.locator('[data-test="register-submit"]').click()
    await page.locator('[data-test="registered-state"]').getByText('待核验').waitFor()
    await page.locator('[data-test="go-sign-in"]').click()
    await page.locator('#login-licence').waitFor()
    assert.equal(await page.locator('#login-licence').inputValue(), LAWYER.licence_no)
    await signIn(page)
    await page.locator('[data-test="my-state"]').getByText('待核验').waitFor()
    await page.locator('[data-test="my-registry"]').getByText('核验一致').waitFor()
    // Not yet verified: only 我的; the ID number and mobile only masked.
    assert.equal(await page.locator('[data-test="tab-filings"]').count(), 0)
    const shown = await page.locator('[data-test="my-account"]').innerText()
    assert.doesNotMatch(shown, new RegExp(LAWYER.id_card), 'the full ID number is never shown')
    assert.match(shown, /1101\*+002X/)
    assert.match(shown, /138\*\*\*\*5678/)
    assert.equal(await page.evaluate(() => localStorage.getItem('courthub.session')), null,
      'a lawyer has no staff session')
    await screenshot(page, 'lawyers-pending')
    expectNoProblems(lawyer)
  })

  test('the high court\'s 综合管理员 verifies the lawyer, the registry matching', async () => {
    const admin = await staffPage(HIGH_COURT_ADMIN, '#/lawyers', DESKTOP)
    const { page } = admin
    const card = page.locator(`[data-test="lawyer-${LAWYER.licence_no}"]`)
    await card.waitFor()
    await card.locator('[data-test="registry"]').getByText('核验一致').waitFor()
    await expectAllInputsLabelled(page)
    await expectPageColumn(page)
    await screenshot(page, 'lawyers-court-verify')
    await card.locator('[data-test="verify"]').click()
    await page.getByText('没有这一状态的律师').waitFor()
    await page.locator('#lawyer-state').selectOption('verified')
    await card.getByText('已核验').waitFor()
    expectNoProblems(admin)
    await admin.context.close()
  })

  test('the verified lawyer files a case with the complaint and evidence uploaded', async () => {
    const { page } = lawyer
    // Verified now: the portal's other tabs appear (the page reads 我的 again on loading).
    await page.reload()
    await page.locator('[data-test="tab-me"]').click()
    await page.locator('[data-test="my-state"]').getByText('已核验').waitFor()
    await page.locator('[data-test="tab-filings"]').click()
    await page.locator('[data-test="new-filing"]').click()
    await page.locator('[data-test="filing-form"]').waitFor()
    await page.locator('#filing-court').fill(COURT.code)
    await page.locator('#filing-case-type').selectOption('民事')
    await page.locator('#filing-cause').fill(CAUSE)
    await page.locator('#plaintiffs-0').fill('李淑华')
    await page.locator('#defendants-0').fill('沈阳恒通商贸有限公司')
    await page.locator('#filing-claims').fill('判令被告返还借款人民币20万元及利息')
    await page.locator('#filing-facts').fill('2025年3月被告向原告借款20万元，约定半年归还，至今未还。')
    await page.locator('#doc-complaint').setInputFiles({ name: '起诉状.pdf', mimeType: 'application/pdf', buffer: onePagePdf('complaint') })
    await page.locator('[data-test="uploaded-doc-complaint-0"]').waitFor()
    await page.locator('#doc-authority').setInputFiles({ name: '授权委托书.pdf', mimeType: 'application/pdf', buffer: onePagePdf('authority') })
    await page.locator('[data-test="uploaded-doc-authority-0"]').waitFor()
    await page.locator('#evidence-0-name').fill('借条')
    await page.locator('#evidence-0-purpose').fill('证明借款事实')
    await page.locator('#evidence-0-files').setInputFiles({ name: '借条.png', mimeType: 'image/png', buffer: smallPng() })
    await page.locator('[data-test="uploaded-evidence-0-files-0"]').waitFor()
    await expectAllInputsLabelled(page)
    await expectPageColumn(page)
    await screenshot(page, 'lawyers-filing-form')
    await page.locator('[data-test="filing-submit"]').click()
    await page.waitForURL(/#\/filings\/\d+$/)
    filingId = Number(page.url().match(/#\/filings\/(\d+)$/)[1])
    await page.locator('[data-test="filing-state"]').getByText('待审查').waitFor()
    expectNoProblems(lawyer)
  })

  test('the 立案庭 returns it for correction: the identity documents are missing', async () => {
    const desk = await staffPage(FILING_JUDGE, '#/filings')
    const { page } = desk
    const row = page.locator(`[data-test="review-${filingId}"]`)
    await row.waitFor()
    assert.equal(await row.getAttribute('data-overdue'), 'no')
    await expectAllInputsLabelled(page)
    await expectPageColumn(page)
    await screenshot(page, 'lawyers-court-filings')
    await row.click()
    await page.locator('[data-test="filing-review"]').getByText('借条.png').waitFor()
    await page.locator('[data-test="decide-return"]').click()
    await page.locator('[data-test="missing-当事人身份证明"]').click()
    await page.locator('#return-note').fill('请补充原告身份证复印件')
    await expectAllInputsLabelled(page)
    await screenshot(page, 'lawyers-court-return')
    await page.locator('[data-test="decision-confirm"]').click()
    await page.locator('[data-test="review-state"]').getByText('待补正').waitFor()
    expectNoProblems(desk)
    await desk.context.close()
  })

  test('the lawyer sees what is missing, uploads it and resubmits', async () => {
    const { page } = lawyer
    await page.reload()
    await page.locator('[data-test="filing-state"]').getByText('待补正').waitFor()
    await page.locator('[data-test="filing-correction"]').getByText('当事人身份证明').waitFor()
    await page.locator('[data-test="filing-resubmit"]').click()
    await page.locator('[data-test="correction"]').getByText('请补充原告身份证复印件').waitFor()
    // What was filed is kept: the complaint is still there.
    await page.locator('[data-test="uploaded-doc-complaint-0"]').waitFor()
    assert.equal(await page.locator('#filing-cause').inputValue(), CAUSE)
    await page.locator('#doc-identity').setInputFiles({ name: '原告身份证.png', mimeType: 'image/png', buffer: smallPng(40, 26) })
    await page.locator('[data-test="uploaded-doc-identity-0"]').waitFor()
    await expectAllInputsLabelled(page)
    await screenshot(page, 'lawyers-resubmit')
    await page.locator('[data-test="filing-submit"]').click()
    await page.waitForURL(new RegExp(`#/filings/${filingId}$`))
    await page.locator('[data-test="filing-state"]').getByText('待审查').waitFor()
    expectNoProblems(lawyer)
  })

  test('the 立案庭 accepts it; the portal shows the case number and the case', async () => {
    const desk = await staffPage(FILING_JUDGE, `#/filings/${filingId}`)
    const { page } = desk
    await page.locator('[data-test="filing-review"]').getByText('原告身份证.png').waitFor()
    await page.locator('[data-test="decide-accept"]').click()
    await page.locator('[data-test="decision-confirm"]').click()
    const number = page.locator('[data-test="review-case-number"] .van-cell__value')
    await number.waitFor()
    const caseNumber = (await number.innerText()).trim()
    assert.match(caseNumber, /^（2026）.+号$/)
    expectNoProblems(desk)
    await desk.context.close()

    const { page: portal } = lawyer
    await portal.reload()
    await portal.locator('[data-test="filing-state"]').getByText('已立案').waitFor()
    await portal.locator('[data-test="filing-case-number"]').getByText(caseNumber).waitFor()
    await portal.goto(`${PORTAL}#/cases`)
    await portal.locator('[data-test="case-list"]').getByText(caseNumber).click()
    await portal.waitForURL(/#\/cases\/\d+$/)
    await portal.locator('[data-test="case-number"]').getByText(caseNumber).waitFor()
    // At 立案, the first of the seven steps to 归档.
    await portal.locator('[data-test="case-stage"]').getByText('立案').waitFor()
    assert.deepEqual(await portal.locator('[data-test="case-progress"] [data-stage]').allInnerTexts(),
      ['立案', '分案', '排期', '开庭', '宣判', '送达', '归档'])
    await expectAllInputsLabelled(portal)
    await expectPageColumn(portal)
    await screenshot(portal, 'lawyers-case-space')
    expectNoProblems(lawyer)
  })

  test('five wrong passwords lock the sign-in; the page says until when', async () => {
    const phone = await court.phone()
    const { page } = phone
    await page.goto(PORTAL)
    for (let i = 0; i < 4; i++) {
      assert.equal(await signIn(page, { ...LAWYER, password: `wrong-password-${i}` }), 401)
      await page.locator('[data-test="sign-in-problem"]').getByText('执业证号或密码错误').waitFor()
    }
    // The fifth failure locks the sign-in (its answer may already say so).
    await signIn(page, { ...LAWYER, password: 'wrong-password-4' })
    await page.reload()
    assert.equal(await signIn(page), 429, 'locked: even the right password is refused for now')
    const problem = page.locator('[data-test="sign-in-problem"]')
    await problem.getByText('暂时锁定').waitFor()
    assert.match(await problem.innerText(), /请于 \d{2}:\d{2} 后重试/)
    assert.equal(await page.locator('[data-test="sign-in-submit"]').isDisabled(), true)
    await screenshot(page, 'lawyers-locked')
    expectNoProblems(phone, [SIGN_IN_REFUSED])
  })
})
