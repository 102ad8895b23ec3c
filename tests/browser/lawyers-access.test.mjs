// SPDX-License-Identifier: Apache-2.0
// 阅卷 and 电子送达 (issue 16): a verified lawyer asks to represent a case (through the API); the
// case's clerk confirms it on the court's pages and uploads a document to the 正卷; the lawyer
// asks on the portal to read the file; the judge and the 庭长 agree through the approvals API (as
// the other suites deliver approvals); the lawyer then sees the document and opens it (a blob:
// window: the watermarked copy), and the clerk finds the view in the case's log. Then the clerk
// serves the document (电子送达): the lawyer's inbox shows it 未读, opening it reads it, and the
// clerk's receipts say 已读.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { devSession, storeSession } from './support/login.mjs'
import { DESKTOP } from './support/phone.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'
import {
  CASE_CLERK, CASE_JUDGE, COURT, DIVISION_HEAD, FILING_JUDGE, LAWYER, lawyerCall, moveClock, onePagePdf,
  staffCall, verifiedLawyer, registryHost
} from './support/lawyers.mjs'

const PORTAL = '/apps/lawyers/ui/'
const COURT_PAGES = '/apps/lawyers/ui/court.html'
const CASE_NUMBER = '（2026）辽0102民初1888号'
const DOCUMENT = '庭审笔录（第一次）.pdf'
// Chromium's PDF viewer, in the window a document opens in, may report its own page as aborted
// when the test closes that window: not a failure of the portal.
const VIEWER_CLOSED = /request failed: GET chrome-extension:\/\/mhjfbmdgcfjbbpaeojofohoefgiehjai\/.*ERR_ABORTED/

browserSuite('lawyers: file access and service', {
  pages: ['kit', 'lawyers'],
  host: registryHost([LAWYER])
}, (court) => {
  let caseId
  let lawyer
  let clerk

  async function agreeFileAccess (person) {
    const { items } = await staffCall(court.url, person, 'GET', '/apps/approvals/tasks')
    const task = items.find((i) => JSON.stringify(i.instance).includes('file_access'))
    assert.ok(task, `${person.name} has the 阅卷申请 among the tasks: ${JSON.stringify(items)}`)
    await staffCall(court.url, person, 'POST', `/apps/approvals/instances/${task.instance.id}/actions`,
      { action: 'agree', comment: '同意阅卷' })
  }

  test('the clerk confirms the lawyer\'s representation and uploads a document', async () => {
    await verifiedLawyer(court.url, LAWYER)
    const created = await staffCall(court.url, FILING_JUDGE, 'POST', '/apps/lawyers/cases', {
      court: COURT.code, case_number: CASE_NUMBER, cause: '房屋租赁合同纠纷', case_type: '民事',
      judge: CASE_JUDGE.user_id, clerk: CASE_CLERK.user_id
    })
    caseId = created.id
    const poa = await lawyerCall(court.url, LAWYER, 'POST', `/portal/files?name=${encodeURIComponent('授权委托书.pdf')}`,
      undefined, { raw: onePagePdf('power of attorney'), type: 'application/pdf' })
    await lawyerCall(court.url, LAWYER, 'POST', '/portal/representations', {
      court: COURT.code, case_number: CASE_NUMBER, party: '王建国', party_role: '原告', poa_file: poa.sha256
    })

    clerk = await court.phone({ shape: DESKTOP })
    await storeSession(clerk.context, await devSession(court.url, CASE_CLERK))
    const { page } = clerk
    await page.goto(`${COURT_PAGES}#/representations`)
    await page.getByText(CASE_NUMBER).waitFor()
    const request = page.locator('[data-test^="rep-"]').filter({ hasText: '王建国' })
    await request.getByText(LAWYER.name).waitFor()
    await expectAllInputsLabelled(page)
    await expectPageColumn(page)
    await screenshot(page, 'lawyers-court-representation')
    await request.locator('[data-test^="rep-confirm-"]').click()
    await page.getByText('没有待处理的代理申请').waitFor()

    await page.goto(`${COURT_PAGES}#/cases/${caseId}`)
    await page.locator('[data-test="case-files"]').waitFor()
    await page.locator('#doc-category').selectOption('庭审笔录')
    await page.locator('[data-test="case-documents"] input[type=file]').setInputFiles({
      name: DOCUMENT, mimeType: 'application/pdf', buffer: onePagePdf('hearing record')
    })
    await page.locator('[data-test="case-documents"]').getByText(DOCUMENT).waitFor()
    await expectAllInputsLabelled(page)
    expectNoProblems(clerk)
  })

  test('the lawyer asks to read the file; the judge and the 庭长 agree', async () => {
    lawyer = await court.phone()
    const { page } = lawyer
    await page.goto(PORTAL)
    await page.locator('#login-licence').fill(LAWYER.licence_no)
    await page.locator('#login-password').fill(LAWYER.password)
    await page.locator('[data-test="sign-in-submit"]').click()
    await page.locator('[data-test="tab-cases"]').click()
    await page.locator(`[data-test="case-${caseId}"]`).click()
    await page.locator('[data-test="case-number"]').getByText(CASE_NUMBER).waitFor()
    await page.locator('[data-test="request-access"]').click()
    await page.locator('[data-test="material-庭审笔录"]').click()
    await page.locator('#access-reason').fill('准备第二次庭审质证意见')
    await expectAllInputsLabelled(page)
    await expectPageColumn(page)
    await screenshot(page, 'lawyers-file-access')
    await page.locator('[data-test="access-submit"]').click()
    await page.locator('[data-test="file-access"]').getByText('审批中').waitFor()
    expectNoProblems(lawyer)

    // The approvals plugin gets the 阅卷申请 through the host's queues.
    for (const person of [CASE_JUDGE, DIVISION_HEAD]) {
      for (let i = 0; i < 100; i++) {
        await moveClock(court.url)
        const { items } = await staffCall(court.url, person, 'GET', '/apps/approvals/tasks')
        if (items.some((t) => JSON.stringify(t.instance).includes('file_access'))) break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      await agreeFileAccess(person)
    }
    let state
    for (let i = 0; i < 100 && state !== 'approved'; i++) {
      await moveClock(court.url)
      const { items } = await lawyerCall(court.url, LAWYER, 'GET', `/portal/cases/${caseId}/file-access`)
      state = items?.[0]?.state
      if (state !== 'approved') await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.equal(state, 'approved', 'the 阅卷申请 is approved once both agreed')
  })

  test('the lawyer opens the document; the clerk sees the view in the log', async () => {
    const { page } = lawyer
    await page.reload()
    await page.locator('[data-test="file-access"]').getByText('已批准').waitFor()
    const doc = page.locator('[data-test^="document-"]').filter({ hasText: DOCUMENT })
    await doc.waitFor()
    const [viewer] = await Promise.all([page.context().waitForEvent('page'), doc.click()])
    await viewer.waitForURL(/^blob:/)
    await screenshot(page, 'lawyers-documents')
    await viewer.close()
    expectNoProblems(lawyer, [VIEWER_CLOSED])

    const { page: desk } = clerk
    await desk.reload()  // still on the case since the upload: read it again
    const views = desk.locator('[data-test="document-views"]')
    await views.getByText(LAWYER.name).waitFor()
    await screenshot(desk, 'lawyers-court-view-log')
    expectNoProblems(clerk)
  })

  test('the clerk serves the document; the lawyer reads it and the receipt says so', async () => {
    const { page: desk } = clerk
    await desk.locator('#serve-title').fill('庭审笔录送达')
    const option = await desk.locator('#serve-document option').filter({ hasText: DOCUMENT }).getAttribute('value')
    await desk.locator('#serve-document').selectOption(option)
    await desk.locator('[data-test="serve-submit"]').click()
    const receipt = desk.locator('[data-test^="receipt-"]').filter({ hasText: '庭审笔录送达' })
    await receipt.getByText('未读').waitFor()

    const { page } = lawyer
    await page.goto(`${PORTAL}#/services`)
    const served = page.locator('[data-test="service-inbox"] [data-read]').filter({ hasText: '庭审笔录送达' })
    await served.getByText('未读').waitFor()
    await expectPageColumn(page)
    await screenshot(page, 'lawyers-services')
    const [viewer] = await Promise.all([page.context().waitForEvent('page'), served.click()])
    await viewer.waitForURL(/^blob:/)
    await viewer.close()
    await page.locator('[data-test="service-inbox"] [data-read="yes"]').filter({ hasText: '庭审笔录送达' }).waitFor()
    expectNoProblems(lawyer, [VIEWER_CLOSED])

    await desk.reload()
    await desk.locator('[data-test^="receipt-"]').filter({ hasText: '庭审笔录送达' }).getByText('已读').waitFor()
    expectNoProblems(clerk)
  })
})
