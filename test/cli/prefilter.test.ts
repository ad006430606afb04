import {cpSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {Document, Packer, Paragraph, TextRun} from 'docx'
import {describe, expect, it} from 'vitest'
import {root} from '../helpers.js'
import {cli, workspace} from './helpers.js'

describe('prefilter in the CLI: the same output with it switched off (DESTIGMA_PREFILTER=off)', () => {
  it('on the fixtures, the corpus, a .docx and directives, under each preset', async () => {
    const document = new Document({sections: [{children: ['Plain opening.', 'The junkie left.', 'The', 'homeless are here.'].map((text) => new Paragraph({children: [new TextRun(text)]}))}]})
    const folder = workspace({
      'release.docx': new Uint8Array(await Packer.toBuffer(document)),
      'directives.md': '<!-- destigma-disable -->\n\nThe junkie.\n\n<!-- destigma-enable -->\n\nPlain.\n\n<!-- destigma-disable-next-line -->\n\nPlain too.\n',
      'page.html': '<p>Plain.</p>\n\n<p>The\n\nhomeless are here.</p>\n'
    })
    cpSync(join(root, 'fixtures'), join(folder, 'fixtures'), {recursive: true})
    for (const name of readdirSync(join(root, 'test/corpus')).filter((file) => file.endsWith('.md'))) cpSync(join(root, 'test/corpus', name), join(folder, 'corpus', name))
    for (const args of [[], ['--preset', 'strict', '--report-unused-directives']]) {
      const on = cli(['--format', 'json', '-j', '1', ...args, '.'], {cwd: folder})
      const off = cli(['--format', 'json', '-j', '1', ...args, '.'], {cwd: folder, env: {DESTIGMA_PREFILTER: 'off'}})
      expect(on.status).toBe(1)
      expect(JSON.parse(on.stdout).length).toBeGreaterThan(10)
      expect(on.stdout).toBe(off.stdout)
    }
  }, 120_000)
})
