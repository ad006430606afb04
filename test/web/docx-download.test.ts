import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {readDocx} from '@destigma/formats'
import {Document, Packer, Paragraph, TextRun} from 'docx'
import {strToU8, unzipSync, zipSync} from 'fflate'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {workspace} from '../cli/helpers.js'
import {exported, requireLibreOffice, runOffice, unzip, withoutComments, wordAttribute, wordElements, xml} from '../docx/office.js'
import {launchChromium} from './browser.js'
import {builtPage, openPage, shownText} from './harness.js'
import {serveStatic, type StaticServer} from './static-server.js'

const wordType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

async function release(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({children: [new TextRun('Outreach workers will support '), new TextRun({text: 'addicts', bold: true}), new TextRun(' and the homeless.')]}),
          new Paragraph({children: [new TextRun('A man who committed suicide last year had asked for help.')]})
        ]
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

let server: StaticServer
let browser: Browser

beforeAll(async () => {
  requireLibreOffice()
  server = await serveStatic(builtPage())
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('web page: Download with tracked changes', () => {
  it('returns the Word file with the changes applied on the page tracked, and the findings left as comments', async () => {
    const loaded = await openPage(browser, server.url)
    const {page} = loaded
    const bytes = await release()
    await page.setInputFiles('#file', {name: 'release.docx', mimeType: wordType, buffer: Buffer.from(bytes)})
    await expect.poll(() => page.locator('#document .hl').allTextContents()).toEqual(['addicts', 'the homeless', 'committed suicide'])

    // Apply the first, ignore the second, leave the third.
    await page.locator('#finding-list .finding').nth(0).click()
    await page.click('#details .apply.primary')
    await expect.poll(() => page.locator('#document .hl').allTextContents()).toEqual(['the homeless', 'committed suicide'])
    await page.locator('#finding-list .finding').nth(0).click()
    await page.click('#details button:has-text("Ignore")')
    await expect.poll(() => page.locator('#document .hl').allTextContents()).toEqual(['committed suicide'])
    const shown = await shownText(page)

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#downloads button:has-text("tracked changes")')])
    expect(download.suggestedFilename()).toBe('release-destigma.docx')
    await expect.poll(() => page.textContent('#status')).toBe('Downloaded the Word file with 1 tracked change and 1 comment.')
    const folder = workspace({'release.docx': bytes})
    const returned = join(folder, 'release-destigma.docx')
    await writeFile(returned, await readFile(await download.path()))
    expect(loaded.requests).toEqual([])
    expect(loaded.errors).toEqual([])
    await loaded.context.close()

    // What the page showed is what the file reads as once accepted.
    expect(await readDocx(await readFile(returned))).toBe(shown)
    const parts = unzip(returned)
    const document = xml(parts['word/document.xml'])
    expect(wordElements(document, 'ins').map((element) => [element.textContent, wordAttribute(element, 'author')])).toEqual([['people with addiction', 'destigma']])
    const comments = wordElements(xml(parts['word/comments.xml']), 'comment').map((comment) => comment.textContent ?? '')
    expect(comments).toHaveLength(1)
    expect(comments[0]).toContain('died by suicide')
    const before = unzip(join(folder, 'release.docx'))
    const changed = Object.keys(before).filter((name) => !Buffer.from(before[name] as Uint8Array).equals(Buffer.from(parts[name] as Uint8Array)))
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/document.xml'])

    // LibreOffice: accepted, the page's text; rejected, the original.
    withoutComments(returned, join(folder, 'plain.docx'))
    withoutComments(join(folder, 'release.docx'), join(folder, 'original.docx'))
    runOffice([
      {input: join(folder, 'plain.docx'), output: join(folder, 'accepted.txt'), as: 'text', changes: 'accept'},
      {input: join(folder, 'plain.docx'), output: join(folder, 'rejected.txt'), as: 'text', changes: 'reject'},
      {input: join(folder, 'original.docx'), output: join(folder, 'original.txt'), as: 'text', changes: 'keep'}
    ])
    expect(exported(join(folder, 'accepted.txt'))).toBe(shown.split('\n\n').join('\n'))
    expect(exported(join(folder, 'rejected.txt'))).toBe(exported(join(folder, 'original.txt')))
  })

  it('refuses a zip bomb with the reason, without running out of memory', async () => {
    const loaded = await openPage(browser, server.url)
    const files = unzipSync(await release())
    const paragraph = '<w:p><w:r><w:t>Support for addicts.</w:t></w:r></w:p>'
    files['word/document.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph.repeat((16 * 1024 * 1024) / paragraph.length)}</w:body></w:document>`
    )
    await loaded.page.setInputFiles('#file', {name: 'bomb.docx', mimeType: wordType, buffer: Buffer.from(zipSync(files))})
    await expect.poll(() => loaded.page.textContent('#alert')).toMatch(/^bomb\.docx: this is not a Word document that can be read \(word\/document\.xml inflates to more than 10 MB, the size limit for one part/)
    await loaded.context.close()
  })
})
