import {describe, expect, it} from 'vitest'
import {cli, jsonOf, workspace} from './helpers.js'

/** `actual@line` of every message of one file. */
function reported(name: string, text: string, args: string[] = []): string[] {
  const folder = workspace({[name]: text})
  const [file] = jsonOf(cli(['--format', 'json', ...args, name], {cwd: folder}))
  return (file?.messages ?? []).map((message) => `${message.ruleId === 'unused-directive' ? 'unused' : message.actual}@${message.line}`)
}

describe('inline directives', () => {
  it('disable-next-line turns off the next line with content, across blank lines, with or without rule ids and a reason', () => {
    const text = [
      '<!-- destigma-disable-next-line -->',
      'An addict and the homeless.',
      '',
      '<!-- destigma-disable-next-line addict -- quoting the 1990 report -->',
      '',
      '',
      'An addict and the homeless.',
      '',
      '<!-- destigma-disable-next-line the-homeless, addict -->',
      'An addict and the homeless.',
      'An addict on the line after.',
      ''
    ].join('\n')
    expect(reported('a.md', text)).toEqual(['the homeless@7', 'addict@11'])
  })

  it('stacked directives each reach the line below them all', () => {
    const text = ['<!-- destigma-disable-next-line addict -->', '<!-- destigma-disable-next-line the-homeless -->', 'An addict and the homeless.', ''].join('\n')
    expect(reported('a.md', text)).toEqual([])
  })

  it('disable and enable turn rules off and on from where they stand', () => {
    const text = [
      'An addict before.',
      '',
      '<!-- destigma-disable -->',
      '',
      'An addict and the homeless inside.',
      '',
      '<!-- destigma-enable -->',
      '',
      'An addict after.',
      '',
      '<!-- destigma-disable the-homeless -->',
      '',
      'An addict and the homeless.',
      ''
    ].join('\n')
    expect(reported('a.md', text)).toEqual(['addict@1', 'addict@9', 'addict@13'])
  })

  it('a directive inside code, or in plain text, is not a directive', () => {
    const markdown = ['```', '<!-- destigma-disable -->', '```', '', 'An addict.', ''].join('\n')
    expect(reported('a.md', markdown)).toEqual(['addict@5'])
    expect(reported('a.txt', '<!-- destigma-disable-next-line -->\nAn addict.\n')).toEqual(['addict@2'])
  })

  it('works in HTML, including the whitespace between a directive and the next block', () => {
    const html = ['<body>', '<!-- destigma-disable-next-line addict -->', '', '<p>An addict here.</p>', '<p>An addict there.</p>', '</body>', ''].join('\n')
    expect(reported('a.html', html)).toEqual(['addict@5'])
  })

  it('works in MDX with comment expressions', () => {
    const mdx = ['{/* destigma-disable-next-line */}', 'An addict here.', '', 'An addict there.', ''].join('\n')
    expect(reported('a.mdx', mdx)).toEqual(['addict@4'])
  })

  it('--report-unused-directives reports disable comments that turned nothing off', () => {
    const text = [
      '<!-- destigma-disable-next-line -->',
      'An addict.',
      '',
      '<!-- destigma-disable-next-line the-homeless -->',
      'An addict.',
      '',
      '<!-- destigma-disable -->',
      'Clean text.',
      '<!-- destigma-enable -->',
      ''
    ].join('\n')
    expect(reported('a.md', text)).toEqual(['addict@5'])
    expect(reported('a.md', text, ['--report-unused-directives'])).toEqual(['unused@4', 'addict@5', 'unused@7'])
    const folder = workspace({'a.md': text})
    const run = cli(['--report-unused-directives', '--max-warnings', '1', 'a.md'], {cwd: folder})
    expect(run.stdout).toContain('Unused destigma-disable-next-line directive for the-homeless')
    expect(run.status).toBe(1)
  })
})
