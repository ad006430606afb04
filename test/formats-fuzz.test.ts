import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {readProse} from '@destigma/formats'
import {lintTree} from 'retext-stigma'

// Markdown-ish random input: the readers must never throw, and every finding must lie in the text.
const pieces = fc.constantFrom(
  '[junkie]:', ' https://example.org/j', ' "Title"', '\n', '\n\n', '---', '===', '# ', '> ', '- ', '1. ', '    ', '```', '`',
  '<div>', '</div>', '<!-- destigma-disable -->', '|', ' | ', '![', '](', ')', '[', ']', '*', '_', '\\', '&amp;', '\r\n',
  'Setext addicts', 'The junkie left.', 'addicts', 'the homeless are', 'title: Help for addicts'
)
const markdown = fc.array(fc.oneof(pieces, fc.string()), {maxLength: 40}).map((parts) => parts.join(''))

describe('format readers on random Markdown', () => {
  it('a definition followed by a setext heading', async () => {
    const text = '[junkie]:\n  https://example.org/j "Title"\nSetext addicts\n---\n\n<div>x</div>\n'
    const findings = lintTree(await readProse(text, 'markdown'), text)
    for (const finding of findings) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.actual)
  })

  it.each(['markdown', 'html', 'text'] as const)('%s: never throws, places inside the text', async (format) => {
    await fc.assert(
      fc.asyncProperty(markdown, async (text) => {
        const findings = lintTree(await readProse(text, format), text)
        for (const finding of findings) {
          expect(finding.offset).toBeGreaterThanOrEqual(0)
          expect(finding.endOffset).toBeLessThanOrEqual(text.length)
          expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.actual)
        }
      }),
      {numRuns: 300}
    )
  })
})
