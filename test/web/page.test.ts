import {readFile, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {fileURLToPath} from 'node:url'
import {applyDirectives, readDocx, readProse, type Format} from '@destigma/formats'
import {Document, HeadingLevel, Packer, Paragraph, TextRun} from 'docx'
import type {Browser, Page} from 'playwright-core'
import {applyFixes, lintTree, listRules, type Finding, type StigmaOptions} from 'retext-stigma'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {launchChromium} from './browser.js'
import {draft, longRelease} from './drafts.js'
import {builtPage, measurePasteToFindings, openPage, paste, shownText, type LoadedPage} from './harness.js'
import {serveStatic, type StaticServer} from './static-server.js'

const screenshotPath = fileURLToPath(new URL('../../docs/screenshot-web.png', import.meta.url))
const axeSource = readFile(createRequire(new URL('../../packages/web/package.json', import.meta.url)).resolve('axe-core/axe.min.js'), 'utf8')

/** What the engine finds, the way the page's worker asks it (reader, engine, inline directives). */
async function engineFindings(text: string, format: Format = 'text', options: StigmaOptions = {}): Promise<Finding[]> {
  return (await applyDirectives(text, format, lintTree(await readProse(text, format), text, options))).findings
}

/** The page made no request after loading and logged no error. */
function expectQuiet(loaded: LoadedPage): void {
  expect(loaded.requests).toEqual([])
  expect(loaded.errors).toEqual([])
}

async function wordDocument(): Promise<Buffer> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({text: 'Council expands support', heading: HeadingLevel.HEADING_1}),
          new Paragraph({children: [new TextRun('Outreach workers will support '), new TextRun({text: 'addicts', bold: true}), new TextRun(' and the homeless.')]}),
          new Paragraph({children: [new TextRun('A man who committed suicide last year had asked for help.')]})
        ]
      }
    ]
  })
  return Packer.toBuffer(document)
}

async function highlights(page: Page): Promise<string[]> {
  return page.locator('#document .hl').allTextContents()
}

let server: StaticServer
let browser: Browser

beforeAll(async () => {
  server = await serveStatic(builtPage())
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('web page', () => {
  it('highlights every finding of a pasted draft in place, with a severity signal beyond colour and a count per area', async () => {
    const loaded = await openPage(browser, server.url)
    const {page} = loaded
    await paste(page, draft)
    await page.waitForSelector('#document:not([hidden]) .hl')
    const expected = await engineFindings(draft)
    expect(expected.map((finding) => finding.severity)).toContain('info')

    expect(await shownText(page)).toBe(draft)
    expect(await highlights(page)).toEqual(expected.map((finding) => finding.actual))
    const marks = page.locator('#document .hl')
    const styleOf = {error: 'solid', warning: 'wavy', info: 'dotted'}
    for (const [index, finding] of expected.entries()) {
      const mark = marks.nth(index)
      expect(await mark.getAttribute('class')).toContain(`hl-${finding.severity}`)
      expect(await mark.getAttribute('aria-label')).toContain(finding.severity)
      expect(await page.evaluate(`getComputedStyle(document.querySelectorAll('#document .hl')[${index}]).textDecorationStyle`)).toBe(styleOf[finding.severity])
    }
    for (const [severity, style] of Object.entries(styleOf))
      expect(await page.evaluate(`getComputedStyle(document.querySelector('.legend .hl-${severity}')).textDecorationStyle`)).toBe(style)

    expect(await page.locator('#finding-list .finding').count()).toBe(expected.length)
    const counts = new Map<string, number>()
    for (const finding of expected) counts.set(finding.category, (counts.get(finding.category) ?? 0) + 1)
    const shownCounts = await page.evaluate(`[...document.querySelectorAll('#category-counts li')].map((item) => [item.dataset.category, Number(item.querySelector('.count').textContent)])`)
    expect(shownCounts).toEqual([...counts])
    expect(await page.textContent('#summary')).toMatch(new RegExp(`^${expected.length} findings`))
    expectQuiet(loaded)
    await loaded.context.close()
  })

  it('opens a finding with its explanation, alternatives per locale and sources, applies a chosen alternative and undoes it', async () => {
    const loaded = await openPage(browser, server.url)
    const {page} = loaded
    await paste(page, draft)
    await page.waitForSelector('#document .hl')
    const expected = await engineFindings(draft)
    const index = expected.findIndex((finding) => finding.actual === 'addict')
    const finding = expected[index] as Finding
    const rule = listRules().find((candidate) => candidate.id === finding.ruleId)
    await page.locator('#document .hl').nth(index).click()

    await expect.poll(() => page.textContent('#details-heading')).toBe('“addict”')
    expect(await page.textContent('#details .explanation')).toBe(rule?.explanation)
    await page.waitForSelector('#details .alternatives')
    expect(await page.locator('#details .alternative-text').allTextContents()).toEqual(finding.expected)
    expect(await page.evaluate(`[...document.querySelectorAll('#details .sources a')].map((link) => link.href)`)).toEqual(rule?.sourceDetails.map((source) => source.url))
    expect(await page.getAttribute(`#details a[href="${finding.url}"]`, 'target')).toBe('_blank')

    // The second alternative is not the safe one; the engine still mends the article.
    await page.click(`#details button[aria-label="Apply: replace “addict” with “${finding.expected[1]}”"]`)
    await expect.poll(() => shownText(page)).toBe(draft.replace('an addict is', `a ${finding.expected[1]} is`))
    await page.click('#undo')
    await expect.poll(() => shownText(page)).toBe(draft)

    // Suggestions follow the locale, which is remembered in local storage and nowhere else.
    await page.click('#settings-panel summary')
    await page.selectOption('#locale', 'en-US')
    const american = (await engineFindings(draft, 'text', {locale: 'en-US'}))[index] as Finding
    expect(american.expected).not.toEqual(finding.expected)
    await expect.poll(() => page.locator('#details .alternative-text').allTextContents()).toEqual(american.expected)
    expect(await page.evaluate('Object.keys(localStorage)')).toEqual(['destigma.settings'])
    expect(await page.evaluate('sessionStorage.length')).toBe(0)
    await page.reload()
    await page.waitForSelector('body[data-ready="true"]')
    expect(await page.inputValue('#locale')).toBe('en-US')
    expect(loaded.requests.filter((url) => !url.startsWith(server.url))).toEqual([])
    expect(loaded.errors).toEqual([])
    await loaded.context.close()
  })

  it('applies the safe fix, then all safe fixes, ignores a phrase for the session, copies and downloads the corrected text', async () => {
    const loaded = await openPage(browser, server.url)
    const {page} = loaded
    await paste(page, draft)
    await page.waitForSelector('#document .hl')
    const expected = await engineFindings(draft)
    const first = expected[0] as Finding
    await page.locator('#finding-list .finding').first().click()
    await page.click('#details .apply.primary')
    const afterOne = applyFixes(draft, [first])
    await expect.poll(() => shownText(page)).toBe(afterOne)

    await page.click('#apply-all')
    const afterAll = applyFixes(afterOne, await engineFindings(afterOne))
    expect(afterAll).not.toBe(afterOne)
    await expect.poll(() => shownText(page)).toBe(afterAll)
    const remaining = await engineFindings(afterAll)
    await expect.poll(() => highlights(page)).toEqual(remaining.map((finding) => finding.actual))

    const quoted = remaining.findIndex((finding) => finding.inQuotation)
    const phrase = (remaining[quoted] as Finding).actual
    await page.locator('#finding-list .finding').nth(quoted).click()
    await page.click(`#details button.ignore`)
    const withoutIgnored = await engineFindings(afterAll, 'text', {allow: [phrase]})
    expect(withoutIgnored.length).toBeLessThan(remaining.length)
    await expect.poll(() => highlights(page)).toEqual(withoutIgnored.map((finding) => finding.actual))
    expect(await page.textContent('#ignored')).toContain(`“${phrase}”`)
    await page.click(`#ignored button[aria-label="Check again: “${phrase}”"]`)
    await expect.poll(() => highlights(page)).toEqual(remaining.map((finding) => finding.actual))

    await page.click('#copy')
    await expect.poll(() => page.textContent('#status')).toMatch(/^Copied the corrected text/)
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(afterAll)

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#downloads button:has-text(".txt")')])
    expect(download.suggestedFilename()).toBe('draft.txt')
    expect(await readFile(await download.path(), 'utf8')).toBe(afterAll)
    expectQuiet(loaded)
    await loaded.context.close()
  })

  it('reads a chosen .docx, shows its findings, and downloads the list of changes to make in Word', async () => {
    const loaded = await openPage(browser, server.url)
    const {page} = loaded
    const bytes = await wordDocument()
    const text = await readDocx(bytes)
    const expected = await engineFindings(text, 'docx')
    expect(expected.length).toBeGreaterThan(1)
    await page.setInputFiles('#file', {name: 'release.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: bytes})
    await expect.poll(() => highlights(page)).toEqual(expected.map((finding) => finding.actual))
    expect(await shownText(page)).toBe(text)
    expect(await page.textContent('#source')).toContain('release.docx')
    expect(await page.isDisabled('#mode')).toBe(true)

    const addicts = expected.findIndex((finding) => finding.actual === 'addicts')
    await page.locator('#finding-list .finding').nth(addicts).click()
    await page.click('#details .apply.primary')
    await expect.poll(() => shownText(page)).toBe(applyFixes(text, [expected[addicts] as Finding]))
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#downloads button:has-text("changes (.txt)")')])
    expect(download.suggestedFilename()).toBe('release-changes.txt')
    const list = await readFile(await download.path(), 'utf8')
    expect(list).toContain('Changes to make in release.docx')
    expect(list).toContain(`1. Paragraph 2: replace “addicts” with “${(expected[addicts] as Finding).fix?.text}”`)
    expect(list).toContain('Still flagged, not changed')
    expect(list).toContain('Paragraph 3: “committed suicide”')

    // A Word file's text is not edited by hand on the page; New draft (confirmed, as changes were made) clears it for the next one.
    page.once('dialog', (dialog) => void dialog.accept())
    await page.click('#new')
    await expect.poll(() => page.isVisible('#editor')).toBe(true)
    expect(await page.inputValue('#editor')).toBe('')
    await paste(page, draft)
    await expect.poll(() => highlights(page)).toEqual((await engineFindings(draft)).map((finding) => finding.actual))
    expect(await page.textContent('#source')).toBe('Pasted text')
    expectQuiet(loaded)
    await loaded.context.close()
  })

  it('reads a dropped Markdown file: code and disabled lines are left alone', async () => {
    const loaded = await openPage(browser, server.url)
    const {page} = loaded
    const markdown = ['# Support for addicts', '', 'Services for the homeless were cut.', '', '```', 'addicts = []', '```', '', '<!-- destigma-disable-next-line -->', 'An addict spoke.', ''].join('\n')
    const expected = await engineFindings(markdown, 'markdown')
    expect(expected.map((finding) => finding.actual)).toEqual(['addicts', 'the homeless'])
    const dataTransfer = await page.evaluateHandle(`(() => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([${JSON.stringify(markdown)}], 'notes.md', {type: 'text/markdown'}))
      return transfer
    })()`)
    await page.dispatchEvent('body', 'dragover', {dataTransfer})
    expect(await page.isVisible('#drop-overlay')).toBe(true)
    await page.dispatchEvent('body', 'drop', {dataTransfer})
    await expect.poll(() => highlights(page)).toEqual(['addicts', 'the homeless'])
    expect(await page.isVisible('#drop-overlay')).toBe(false)
    expect(await shownText(page)).toBe(markdown)
    expectQuiet(loaded)
    await loaded.context.close()
  })

  it('says what to do with a file it cannot read', async () => {
    const loaded = await openPage(browser, server.url)
    const {page} = loaded
    await page.setInputFiles('#file', {name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7')})
    await expect.poll(() => page.textContent('#alert')).toBe('notes.pdf: the page reads .docx, .md, .mdx, .txt or .html files. Save the draft in one of these formats and try again.')
    await page.setInputFiles('#file', {name: 'broken.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip file')})
    await expect.poll(() => page.textContent('#alert')).toMatch(/^broken\.docx: this is not a Word document/)
    await page.setInputFiles('#file', {name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x63, 0x61, 0x66, 0xe9])})
    await expect.poll(() => page.textContent('#alert')).toMatch(/^latin1\.txt: this is not UTF-8 text/)
    await page.setInputFiles('#file', {name: 'broken.mdx', mimeType: 'text/markdown', buffer: Buffer.from('# Hi\n\nSome {broken text\n')})
    await expect.poll(() => page.textContent('#alert')).toMatch(/^broken\.mdx: line 3, column \d+: .+\. Correct the document and open it again\.$/)
    expectQuiet(loaded)
    await loaded.context.close()
  })

  it('works by keyboard alone, with a visible focus indicator', async () => {
    const loaded = await openPage(browser, server.url)
    const {page} = loaded
    const focused = () => page.evaluate('document.activeElement.id || document.activeElement.className')
    const outline = () => page.evaluate('(() => { const style = getComputedStyle(document.activeElement); return style.outlineStyle + " " + style.outlineWidth })()')
    for (let step = 0; step < 20 && (await focused()) !== 'editor'; step++) await page.keyboard.press('Tab')
    expect(await focused()).toBe('editor')
    await paste(page, draft)
    const expected = await engineFindings(draft)

    // After a paste, focus lands on the first highlight; arrows move between highlights.
    await expect.poll(focused).toMatch(/\bhl\b/)
    expect(await outline()).toBe('solid 3px')
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.textContent('#details-heading')).toBe(`“${expected[1]?.actual}”`)
    expect(await page.evaluate('document.activeElement.dataset.index')).toBe('1')

    for (let step = 0; step < 30 && !/\bapply primary\b/.test(String(await focused())); step++) await page.keyboard.press('Tab')
    expect(await focused()).toMatch(/\bapply primary\b/)
    expect(await outline()).toBe('solid 3px')
    await page.keyboard.press('Enter')
    const fixed = applyFixes(draft, [expected[1] as Finding])
    await expect.poll(() => shownText(page)).toBe(fixed)
    // Focus moves on to the next finding in the list, ready for the next decision.
    await expect.poll(focused).toMatch(/\bfinding\b/)
    expect(await page.evaluate('document.activeElement.textContent')).toContain(`“${expected[2]?.actual}”`)
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.textContent('#details-heading')).toBe(`“${expected[3]?.actual}”`)

    await page.keyboard.press('Control+Z')
    await expect.poll(() => shownText(page)).toBe(draft)
    expectQuiet(loaded)
    await loaded.context.close()
  })

  it('checks with the stored settings, ignores invalid stored values, and relints when a category or the quotes setting changes', async () => {
    const context = await browser.newContext()
    // A stored locale the page does not know and an unknown category fall back to defaults.
    await context.addInitScript(`localStorage.setItem('destigma.settings', '{"locale":"fr-FR","preset":"strict","quotes":"lower","off":["suicide","nope"]}')`)
    const page = await context.newPage()
    const requests: string[] = []
    await page.goto(server.url)
    await page.waitForSelector('body[data-ready="true"]')
    context.on('request', (request) => void requests.push(request.url()))
    expect(await page.inputValue('#locale')).toBe('en-GB')
    expect(await page.isChecked('input[name=preset][value=strict]')).toBe(true)
    expect(await page.isChecked('input[name=category][value=suicide]')).toBe(false)
    expect(await page.isChecked('input[name=category][value=drugs]')).toBe(true)

    await paste(page, draft)
    const strictNoSuicide = await engineFindings(draft, 'text', {preset: 'strict', categories: {suicide: 'off'}})
    await expect.poll(() => highlights(page)).toEqual(strictNoSuicide.map((finding) => finding.actual))

    await page.click('#settings-panel summary')
    await page.check('input[name=category][value=suicide]')
    await page.uncheck('input[name=category][value=homelessness]')
    await page.selectOption('#quotes', 'ignore')
    const changed = await engineFindings(draft, 'text', {preset: 'strict', categories: {homelessness: 'off'}, quotes: 'ignore'})
    await expect.poll(() => highlights(page)).toEqual(changed.map((finding) => finding.actual))
    expect(JSON.parse(String(await page.evaluate(`localStorage.getItem('destigma.settings')`)))).toEqual({locale: 'en-GB', preset: 'strict', quotes: 'ignore', mentions: 'ignore', off: ['homelessness']})
    expect(requests).toEqual([])
    await context.close()
  })

  it('leaves mentions alone by default and reports them when the mentions setting says so', async () => {
    const context = await browser.newContext()
    await context.addInitScript(`localStorage.setItem('destigma.settings', '{"mentions":"nope"}')`)
    const page = await context.newPage()
    await page.goto(server.url)
    await page.waitForSelector('body[data-ready="true"]')
    expect(await page.inputValue('#mentions')).toBe('ignore')
    const text = 'The word junkie hurts. The junkie left.'
    await paste(page, text)
    await expect.poll(() => highlights(page)).toEqual(['junkie'])
    await page.click('#settings-panel summary')
    await page.selectOption('#mentions', 'report')
    await expect.poll(() => highlights(page)).toEqual(['junkie', 'junkie'])
    expect(JSON.parse(String(await page.evaluate(`localStorage.getItem('destigma.settings')`)))).toMatchObject({mentions: 'report'})
    await context.close()
  })

  it('stays responsive while typing in a 10-page draft (no main-thread task over 100 ms)', async () => {
    const loaded = await openPage(browser, server.url)
    const {page} = loaded
    const release = longRelease(5000)
    await paste(page, release)
    await page.waitForSelector('#document .hl')
    await page.click('#mode')
    await page.evaluate(`window.longTasks = []; new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({type: 'longtask'})`)
    // The observer sees a deliberately long task, so an empty record below means something.
    await page.evaluate(`new Promise((resolve) => setTimeout(() => { const start = performance.now(); while (performance.now() - start < 120); resolve() }))`)
    await expect.poll(() => page.evaluate('window.longTasks.length')).toBe(1)
    await page.evaluate('window.longTasks = []')

    const typed = ' Services for addicts were cut again this year.'
    await page.focus('#editor')
    await page.keyboard.press('Control+End')
    await page.keyboard.type(typed, {delay: 40})
    const expected = await engineFindings(release + typed)
    await expect.poll(() => page.locator('#finding-list .finding').count()).toBe(expected.length)
    const longest = Math.max(0, ...((await page.evaluate('window.longTasks')) as number[]))
    console.log(`web: longest main-thread task while typing in a 10-page draft: ${longest.toFixed(0)} ms`)
    expect(longest).toBeLessThan(100)
    expectQuiet(loaded)
    await loaded.context.close()
  })

  it('has no serious or critical axe-core violations, empty, with findings, and while editing', async () => {
    const loaded = await openPage(browser, server.url)
    const {page} = loaded
    await page.evaluate(await axeSource)
    const serious = async () => {
      const violations = (await page.evaluate('axe.run(document, {resultTypes: ["violations"]}).then((result) => result.violations)')) as Array<{id: string; impact: string; nodes: unknown[]}>
      return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id} (${violation.nodes.length})`)
    }
    expect(await serious()).toEqual([])
    await paste(page, draft)
    await page.waitForSelector('#document .hl')
    await page.locator('#document .hl').first().click()
    await page.waitForSelector('#details .alternatives')
    await page.click('#settings-panel summary')
    expect(await serious()).toEqual([])
    await page.click('#mode')
    expect(await page.isVisible('#editor')).toBe(true)
    expect(await serious()).toEqual([])
    expectQuiet(loaded)
    await loaded.context.close()
  })

  it('shows the findings of a 10-page release within 300 ms of pasting', async () => {
    const release = longRelease(5000)
    const expected = await engineFindings(release)
    const times: number[] = []
    for (let run = 0; run < 5; run++) {
      const loaded = await openPage(browser, server.url)
      const timing = loaded.page.evaluate(measurePasteToFindings) as Promise<number>
      await paste(loaded.page, release)
      times.push(await timing)
      expect(await loaded.page.locator('#finding-list .finding').count()).toBe(expected.length)
      expectQuiet(loaded)
      await loaded.context.close()
    }
    const sorted = [...times].sort((a, b) => a - b)
    const [best, median] = [sorted[0] as number, sorted[2] as number]
    console.log(
      `web: paste-to-findings for ${release.split(/\s+/).length} words, ${release.length} characters, ${expected.length} findings: ` +
        `${times.map((time) => time.toFixed(0)).join(', ')} ms (best ${best.toFixed(0)}, median ${median.toFixed(0)})`
    )
    // Other work on a shared machine only ever adds time, so the best of five runs is the page's own speed.
    expect(best).toBeLessThan(300)
  })

  it('keeps working offline once loaded and makes no network request', async () => {
    const loaded = await openPage(browser, server.url)
    const {page, context} = loaded
    await context.setOffline(true)
    await page.setInputFiles('#file', {name: 'release.docx', mimeType: 'application/octet-stream', buffer: await wordDocument()})
    const text = await readDocx(await wordDocument())
    const expected = await engineFindings(text, 'docx')
    await expect.poll(() => highlights(page)).toEqual(expected.map((finding) => finding.actual))
    await page.locator('#document .hl').first().click()
    await page.click('#details .apply.primary')
    await expect.poll(() => shownText(page)).toBe(applyFixes(text, [expected[0] as Finding]))
    expectQuiet(loaded)
    await context.close()
  })

  it('saves a screenshot of the page with findings', async () => {
    const loaded = await openPage(browser, server.url)
    const {page} = loaded
    await paste(page, draft)
    await page.waitForSelector('#document .hl')
    await page.locator('#document .hl').nth(1).click()
    await page.waitForSelector('#details .alternatives')
    await page.mouse.move(0, 0)
    const image = await page.screenshot({fullPage: true})
    expect(image.subarray(1, 4).toString()).toBe('PNG')
    await writeFile(screenshotPath, image)
    expectQuiet(loaded)
    await loaded.context.close()
  })
})
