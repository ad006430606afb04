import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join} from 'node:path'
import {DOMParser, XMLSerializer} from '@xmldom/xmldom'
import {unzipSync, zipSync} from 'fflate'

const python = '/usr/bin/python3'
const officeScript = new URL('office.py', import.meta.url).pathname
const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/**
 * Fail, not skip, when LibreOffice or its Python bridge is missing: these tests are the proof
 * that real programs read what destigma writes.
 */
export function requireLibreOffice(): void {
  const missing: string[] = []
  if (spawnSync('soffice', ['--version'], {encoding: 'utf8'}).status !== 0) missing.push('soffice (Debian: libreoffice-writer-nogui)')
  if (!existsSync(python) || spawnSync(python, ['-c', 'import uno'], {encoding: 'utf8'}).status !== 0) missing.push('/usr/bin/python3 with uno (Debian: python3-uno)')
  if (spawnSync('pdftotext', ['-v'], {encoding: 'utf8'}).status !== 0) missing.push('pdftotext (Debian: poppler-utils)')
  if (missing.length > 0) throw new Error(`The .docx tests open documents in LibreOffice, and this machine lacks ${missing.join(', ')}: apt-get install libreoffice-writer-nogui python3-uno poppler-utils (.ci/run does).`)
}

/**
 * Convert files with `soffice --headless --convert-to` (one start for all of them).
 *
 * @param files - Paths to convert.
 * @param to - The target, as soffice takes it (`docx`, `pdf`).
 * @param folder - Where the results go (named after the inputs).
 * @returns The results' paths.
 */
export function convert(files: string[], to: string, folder: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'destigma-lo-'))
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', to, '--outdir', folder, ...files], {stdio: 'pipe', timeout: 120_000})
  const extension = to.split(':')[0] as string
  return files.map((file) => {
    const result = join(folder, basename(file).replace(/\.[^.]+$/, `.${extension}`))
    if (!existsSync(result)) throw new Error(`soffice did not convert ${file} to ${to}`)
    return result
  })
}

/** A job for office.py. */
export interface OfficeJob {
  input: string
  output: string
  as: 'docx' | 'text' | 'pdf'
  changes?: 'accept' | 'reject' | 'keep'
}

/**
 * Run jobs through one LibreOffice process with its Python UNO bridge (office.py).
 *
 * @param jobs - The jobs.
 */
export function runOffice(jobs: OfficeJob[]): void {
  const result = spawnSync(python, [officeScript], {input: JSON.stringify(jobs), encoding: 'utf8', timeout: 120_000})
  const errors = result.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as {error?: string})
    .flatMap((line) => (line.error ? [line.error] : []))
  if (result.status !== 0 || errors.length > 0) throw new Error(`LibreOffice failed: ${[...errors, result.stderr].join('\n')}`)
}

/**
 * The text LibreOffice exported, without its byte-order mark and trailing newlines.
 *
 * @param path - A text file office.py wrote.
 * @returns Its text.
 */
export function exported(path: string): string {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').replace(/\n+$/, '')
}

/**
 * A copy of a .docx without its comments (markers, part, relationship, content type).
 * LibreOffice's nogui build aborts when its UNO bridge opens a .docx with comments (it has no
 * comment-window layouts), any .docx, ours or not; text export never shows comments anyway.
 *
 * @param path - The .docx.
 * @param to - Where the copy goes.
 * @returns `to`.
 */
export function withoutComments(path: string, to: string): string {
  const files = unzipSync(new Uint8Array(readFileSync(path)))
  const edit = (name: string, change: (document: Document) => void): void => {
    const content = files[name]
    if (!content) return
    const document = new DOMParser().parseFromString(new TextDecoder().decode(content), 'application/xml')
    change(document)
    files[name] = new TextEncoder().encode(new XMLSerializer().serializeToString(document))
  }
  edit('word/document.xml', (document) => {
    for (const name of ['commentRangeStart', 'commentRangeEnd', 'commentReference']) {
      for (const element of [...Array.from(document.getElementsByTagNameNS(wordNamespace, name))]) element.parentNode?.removeChild(element)
    }
  })
  edit('word/_rels/document.xml.rels', (document) => {
    for (const element of [...Array.from(document.getElementsByTagName('Relationship'))]) if (element.getAttribute('Type')?.endsWith('/comments')) element.parentNode?.removeChild(element)
  })
  edit('[Content_Types].xml', (document) => {
    for (const element of [...Array.from(document.getElementsByTagName('Override'))]) if (element.getAttribute('PartName') === '/word/comments.xml') element.parentNode?.removeChild(element)
  })
  delete files['word/comments.xml']
  writeFileSync(to, zipSync(files))
  return to
}

/**
 * Every entry of a .docx, inflated (by fflate's own unzip, not destigma's reader).
 *
 * @param path - The file.
 * @returns Entries by name.
 */
export function unzip(path: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(path)))
}

/**
 * Parse one XML part.
 *
 * @param bytes - Its bytes.
 * @returns The document.
 */
export function xml(bytes: Uint8Array | undefined): Document {
  if (!bytes) throw new Error('no such part')
  return new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'application/xml')
}

/**
 * The WordprocessingML elements of a name in a part.
 *
 * @param document - The part.
 * @param name - The local name.
 * @returns The elements.
 */
export function wordElements(document: Document, name: string): Element[] {
  return Array.from(document.getElementsByTagNameNS(wordNamespace, name))
}

/**
 * A WordprocessingML attribute.
 *
 * @param element - The element.
 * @param name - The local name.
 * @returns The value.
 */
export function wordAttribute(element: Element, name: string): string | null {
  return element.getAttributeNS(wordNamespace, name)
}
