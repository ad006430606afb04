/**
 * Refresh the docs' pictures of a returned Word file: page 1 of the document as LibreOffice
 * renders it, tracked changes showing.
 *
 *   pnpm build && npx tsx test/docx/screenshots.ts
 *
 * docs/docx-cli.png: `destigma --fix --docx-output` on the press release the tests use.
 * docs/docx-web.png: the page's "Download with tracked changes", after applying two findings' fixes
 * (the other findings come back as comments, shown as note icons).
 * Needs LibreOffice (libreoffice-writer-nogui), poppler-utils (pdftoppm) and Chromium.
 */
import {execFileSync} from 'node:child_process'
import {copyFileSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {cli, workspace} from '../cli/helpers.js'
import {launchChromium} from '../web/browser.js'
import {builtPage, openPage} from '../web/harness.js'
import {serveStatic} from '../web/static-server.js'
import {convert, requireLibreOffice} from './office.js'

const docs = fileURLToPath(new URL('../../docs/', import.meta.url))
const folder = workspace()
requireLibreOffice()
copyFileSync(fileURLToPath(new URL('fixtures/press-release.fodt', import.meta.url)), join(folder, 'press-release.fodt'))
const [input] = convert([join(folder, 'press-release.fodt')], 'docx', folder) as [string]

const run = cli(['--fix', '--docx-output', 'from-cli.docx', 'press-release.docx'], {cwd: folder})
if (run.status === 2) throw new Error(run.stderr)

const server = await serveStatic(builtPage())
const browser = await launchChromium()
try {
  const {page, context} = await openPage(browser, server.url)
  await page.setInputFiles('#file', {name: 'press-release.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: readFileSync(input)})
  await page.waitForSelector('#document .hl')
  const before = await page.locator('#finding-list .finding').count()
  for (let applied = 0; applied < 2; applied++) {
    await page.locator('#finding-list .finding').first().click()
    await page.click('#details .apply.primary')
    await page.waitForFunction((left) => document.querySelectorAll('#finding-list .finding').length === left, before - applied - 1)
  }
  await page.waitForFunction(() => document.querySelector<HTMLButtonElement>('#downloads button')?.disabled === false)
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#downloads button:has-text("tracked changes")')])
  writeFileSync(join(folder, 'from-web.docx'), readFileSync(await download.path()))
  await context.close()
} finally {
  await browser.close()
  await server.close()
}

for (const [name, picture] of [
  ['from-cli', 'docx-cli.png'],
  ['from-web', 'docx-web.png']
] as const) {
  convert([join(folder, `${name}.docx`)], 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', folder)
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', '-x', '0', '-y', '0', '-W', '660', '-H', '300', join(folder, `${name}.pdf`), join(folder, name)], {stdio: 'pipe'})
  renameSync(join(folder, `${name}.png`), join(docs, picture))
  process.stdout.write(`docs/${picture}\n`)
}
