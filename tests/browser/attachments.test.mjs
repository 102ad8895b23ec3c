// SPDX-License-Identifier: Apache-2.0
// 用印 with a file, on two phones: the judge fills in the seal form; a scan that only claims to
// be a PDF is refused, saying why in Chinese; the judge uploads a PDF through the form's
// 上传文件 (the van-uploader's file input), names a fellow judge to check the document and
// submits; that colleague, the first approver, finds it in 待我审批, opens it and taps the file,
// which opens in a new window as a blob: URL holding the very bytes the judge uploaded.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { expectAllInputsLabelled, expectNoProblems, expectPageColumn } from './support/checks.mjs'
import { loginWithPicker } from './support/login.mjs'
import { COLLEAGUE, DIVISION_HEAD, JUDGE } from './support/people.mjs'
import { screenshot } from './support/screenshots.mjs'
import { browserSuite } from './support/suite.mjs'

const DOCUMENT = '关于调解书送达的函'
const FILE_NAME = `${DOCUMENT}.pdf`

// A one-page PDF made here (nothing binary in git), with a line no other file has, so the bytes
// the approver gets back are known to be these.
function letterPdf () {
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>'
  ]
  let body = '%PDF-1.4\n% courthub browser test: seal letter\n'
  const offsets = objects.map((o, i) => {
    const at = body.length
    body += `${i + 1} 0 obj${o}endobj\n`
    return at
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`
  return body
}
const PDF = letterPdf()

// The start of a PNG: what a phone's scan is, whatever its name says.
const PNG_START = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
// The refused upload's 415, which the browser logs as a failed load: provoked on purpose.
const REFUSED_415 = /status of 415 .*\/apps\/approvals\/attachments/

// Chromium's built-in PDF viewer, which a window showing a PDF embeds.
const PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/'

browserSuite('attachments: a 用印 with its file', { pages: ['kit', 'approvals'] }, (court) => {
  let judge
  let instanceId

  test('the judge fills in a 用印', async () => {
    judge = await court.phone()
    const { page } = judge
    await loginWithPicker(page, JUDGE, { path: '/apps/approvals/ui/#/start' })
    await page.locator('[data-test="template-seal"]').click()
    await page.locator('[data-test="submit-form"]').waitFor()
    await page.locator('[data-test="option-部门章"]').click()
    await page.locator('#f-document').fill(DOCUMENT)
    await page.locator('#f-copies').fill('2')
    await page.locator('#f-department').selectOption({ label: '民事审判第一庭' })
    await page.locator('#f-reason').fill('向当事人送达调解书')
    await expectAllInputsLabelled(page)
    expectNoProblems(judge)
  })

  test('a scan that is not really a PDF is refused, saying why in Chinese, and not kept', async () => {
    const { page } = judge
    await page.locator('#f-files').setInputFiles({
      name: '扫描件.pdf', mimeType: 'application/pdf', buffer: PNG_START
    })
    const dialog = page.locator('.van-dialog')
    await dialog.getByRole('button', { name: '知道了' }).waitFor()
    // A headline for the 415 (not the generic 请求失败) and a reason naming the file and the
    // kinds allowed, in Chinese (the API's own reason is in English, for developers).
    assert.equal(await dialog.locator('.van-dialog__header').innerText(), '文件类型不支持')
    const reason = await dialog.locator('.van-dialog__message').innerText()
    assert.match(reason, /扫描件\.pdf/)
    assert.match(reason, /PDF/)
    assert.doesNotMatch(reason, /[A-Za-z]{3,} [A-Za-z]{3,}/, `an English sentence: ${reason}`)
    await dialog.getByRole('button', { name: '知道了' }).click()
    await dialog.waitFor({ state: 'hidden' })
    assert.equal(await page.locator('[data-test="attachment-0"]').count(), 0)
    expectNoProblems(judge, [REFUSED_415])
  })

  test('the judge uploads the document', async () => {
    const { page } = judge
    await page.locator('#f-files').setInputFiles({
      name: FILE_NAME, mimeType: 'application/pdf', buffer: Buffer.from(PDF)
    })
    const item = page.locator('[data-test="attachment-0"]')
    await item.getByText(FILE_NAME).waitFor()
    assert.match(await item.innerText(), new RegExp(`PDF · ${PDF.length} B`))
    // The file's long name stays on the phone's screen.
    await expectPageColumn(page)
    await expectAllInputsLabelled(page)
    expectNoProblems(judge)
  })

  test('the judge names the colleague who checks it, sees the approvers and submits', async () => {
    const { page } = judge
    await page.locator('[data-test="choice-reviewer"] input').click()
    await page.locator('[data-test="person-search"] input').fill(COLLEAGUE.name)
    await page.locator(`[data-test="person-${COLLEAGUE.user_id}"]`).click()
    // The chosen reviewer first, then the judge's 庭长; the 院长 is skipped (部门章 only).
    await page.locator('[data-test="preview-step-0"]').getByText(COLLEAGUE.name).waitFor()
    await page.locator('[data-test="preview-step-1"]').getByText(DIVISION_HEAD.name).waitFor()
    await page.locator('[data-test="preview-step-2"]').getByText('不满足条件，跳过').waitFor()
    await expectAllInputsLabelled(page)
    await screenshot(page, 'approvals-seal-form')
    await page.locator('[data-test="submit"]').click()
    await page.waitForURL(/#\/instance\/\d+$/)
    instanceId = Number(page.url().match(/#\/instance\/(\d+)$/)[1])
    await page.locator('[data-test="instance-status"]').getByText('审批中').waitFor()
    await page.locator('[data-test="attachment-files-0"]').getByText(FILE_NAME).waitFor()
    expectNoProblems(judge)
  })

  test('the colleague opens the 用印 from 待我审批 and the file opens', async () => {
    const reviewer = await court.phone()
    const { page, context } = reviewer
    await loginWithPicker(page, COLLEAGUE, { path: '/apps/approvals/ui/#/tasks' })
    await page.locator(`[data-test="task-row-${instanceId}"]`).click()
    await page.locator('[data-test="action-agree"]').waitFor()
    const link = page.locator('[data-test="attachment-files-0"]')
    await link.getByText(FILE_NAME).waitFor()
    assert.match(await link.innerText(), /PDF/)
    await expectPageColumn(page)
    await screenshot(page, 'approvals-seal-attachment')

    const [viewer] = await Promise.all([context.waitForEvent('page'), link.click()])
    await viewer.waitForURL(/^blob:/)
    // The blob belongs to the approval's page (it made it); read it back there.
    const opened = await page.evaluate(async (url) => {
      const blob = await (await fetch(url)).blob()
      return { type: blob.type, text: await blob.text() }
    }, viewer.url())
    assert.equal(opened.type, 'application/pdf')
    assert.equal(opened.text, PDF, 'the approver gets the bytes the judge uploaded')
    // Chromium shows it in its PDF viewer (the window's frame from the viewer's extension);
    // closing the window before that frame has loaded would abort it (a failed request).
    const pdfViewer = () => viewer.frames().find((f) => f.url().startsWith(PDF_VIEWER))
    if (!pdfViewer()) {
      await viewer.waitForEvent('framenavigated', { predicate: (f) => f.url().startsWith(PDF_VIEWER) })
    }
    await pdfViewer().waitForLoadState('load')
    await viewer.close()
    expectNoProblems(reviewer)
  })
})
