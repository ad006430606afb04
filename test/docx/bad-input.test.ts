import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {Document, Packer, Paragraph, TextRun} from 'docx'
import {strToU8, unzipSync, zipSync} from 'fflate'
import {beforeAll, describe, expect, it} from 'vitest'
import {cli, jsonOf, stackLines, workspace} from '../cli/helpers.js'

let draft: Uint8Array

/** A .docx with one part replaced or added. */
function withParts(parts: Record<string, Uint8Array | string>): Uint8Array {
  const files = unzipSync(draft)
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === 'string' ? strToU8(content) : new Uint8Array(content)
  return zipSync(files)
}

/** An OLE compound file header (Word 97–2003 and encrypted OOXML both start so), with a stream name. */
function compoundFile(streamName: string): Uint8Array {
  const bytes = new Uint8Array(4096)
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  for (let index = 0; index < streamName.length; index++) bytes[1024 + index * 2] = streamName.charCodeAt(index)
  return bytes
}

const documentXml = (body: string, prolog = ''): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`

beforeAll(async () => {
  draft = new Uint8Array(await Packer.toBuffer(new Document({sections: [{children: [new Paragraph({children: [new TextRun('Support for addicts.')]})]}]})))
})

describe('a .docx destigma will not read: a clear message, exit 2, nothing written', () => {
  const cases: Array<[string, () => Uint8Array, RegExp]> = [
    ['a Word 97–2003 file named .docx', () => compoundFile('WordDocument'), /is a Word 97–2003 \.doc file.*save it as \.docx/],
    ['a password-protected document', () => compoundFile('EncryptionInfo'), /is password-protected.*remove the password/],
    ['a truncated archive', () => draft.subarray(0, Math.floor(draft.length / 2)), /is not a readable \.docx document \(the zip archive is incomplete or corrupt/],
    ['a part that fails its checksum', () => corrupted(), /is not a readable \.docx document \(word\/document\.xml is corrupt/],
    ['a macro-enabled document', () => withParts({'word/vbaProject.bin': new Uint8Array([1, 2, 3])}), /is a macro-enabled document.*neither runs nor keeps macros/],
    ['XML that declares entities', () => withParts({'word/document.xml': documentXml('<w:p><w:r><w:t>&b;</w:t></w:r></w:p>', '<!DOCTYPE w:document [<!ENTITY a "addict"><!ENTITY b "&a;&a;&a;">]>')}), /is not a readable \.docx document \(word\/document\.xml declares a DOCTYPE/],
    ['XML that is not well-formed', () => withParts({'word/document.xml': documentXml('<w:p><w:r><w:t>addict</w:r></w:p>')}), /is not a readable \.docx document \(word\/document\.xml is not well-formed XML/],
    ['an archive of too many entries', () => manyEntries(), /is not a readable \.docx document \(the zip archive lists 10001 entries/]
  ]
  for (const [name, make, message] of cases) {
    it(name, () => {
      const folder = workspace({'draft.docx': make()})
      const run = cli(['--fix', '--docx-output', 'out.docx', 'draft.docx'], {cwd: folder})
      expect(run.status).toBe(2)
      expect(run.stderr).toMatch(new RegExp(`draft\\.docx: ${message.source}`))
      expect(stackLines(run.stderr)).toEqual([])
      expect(existsSync(join(folder, 'out.docx'))).toBe(false)
    })
  }

  it('usage mistakes with --docx-output are exit 2 with the command to type', () => {
    const folder = workspace({'draft.docx': draft, 'other.docx': draft})
    const cases: Array<[string[], string]> = [
      [['--docx-output', 'out.docx', 'draft.docx'], '--docx-output goes with --fix: destigma --fix --docx-output OUT.docx draft.docx'],
      [['--fix', '--docx-output', 'out.docx', 'draft.docx', 'other.docx'], '--docx-output takes one .docx file to read'],
      [['--fix', '--docx-output', 'out.docx', '--docx-comments', 'some', 'draft.docx'], '--docx-comments must be one of none, all, unfixed, got "some"'],
      [['--fix', '--docx-comments', 'all', 'draft.docx'], '--docx-comments goes with --docx-output FILE'],
      [['--fix', '--docx-output', 'missing/out.docx', 'draft.docx'], '--docx-output missing/out.docx cannot be written (no such folder)']
    ]
    for (const [args, message] of cases) {
      const run = cli(args, {cwd: folder})
      expect(run.status).toBe(2)
      expect(run.stderr).toContain(message)
      expect(existsSync(join(folder, 'out.docx'))).toBe(false)
    }
  })

  it('a .doc or .docm by its name is a kind of file destigma does not read', () => {
    const folder = workspace({'old.doc': compoundFile('WordDocument'), 'macros.docm': draft})
    for (const name of ['old.doc', 'macros.docm']) {
      const run = cli([name], {cwd: folder})
      expect(run.status).toBe(2)
      expect(run.stderr).toContain(`${name}: destigma does not read this kind of file`)
    }
  })

  it('a zip bomb stops at the size limit, counted while inflating, and the other file’s JSON is whole', () => {
    // 64 MB of one repeated paragraph deflates to some 100 KB.
    const paragraph = '<w:p><w:r><w:t>Support for addicts.</w:t></w:r></w:p>'
    const bomb = withParts({'word/document.xml': documentXml(paragraph.repeat(Math.ceil((64 * 1024 * 1024) / paragraph.length)))})
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const folder = workspace({'bomb.docx': bomb, 'plain.txt': 'Support for addicts.\n'})
    const started = Date.now()
    const run = cli(['--format', 'json', 'bomb.docx', 'plain.txt'], {cwd: folder})
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/bomb\.docx: is not a readable \.docx document \(word\/document\.xml inflates to more than 10 MB, the size limit for one part/)
    expect(jsonOf(run).map((file) => file.filePath.endsWith('plain.txt'))).toEqual([true])
    const lower = cli(['--max-file-size', '1MB', '--format', 'json', 'bomb.docx'], {cwd: folder})
    expect(lower.stderr).toContain('inflates to more than 1 MB, the size limit for one part')
  })
})

function corrupted(): Uint8Array {
  const bytes = withParts({'word/document.xml': documentXml('<w:p><w:r><w:t>addict addict addict addict</w:t></w:r></w:p>')})
  // Flip a byte inside the stored, deflated document part (stored after its local header).
  const name = new TextEncoder().encode('word/document.xml')
  for (let at = 0; at < bytes.length - name.length; at++) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 3 && name.every((byte, index) => bytes[at + 30 + index] === byte)) {
      const dataStart = at + 30 + name.length + ((bytes[at + 28] as number) | ((bytes[at + 29] as number) << 8))
      const copy = bytes.slice()
      copy[dataStart + 4] = (copy[dataStart + 4] as number) ^ 0x55
      return copy
    }
  }
  throw new Error('no document part found')
}

function manyEntries(): Uint8Array {
  const files = unzipSync(draft)
  for (let index = files ? Object.keys(files).length : 0; index < 10_001; index++) files[`customXml/item${index}.xml`] = strToU8('<a/>')
  return zipSync(files, {level: 0})
}
