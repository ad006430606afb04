import {describe, expect, it, vi} from 'vitest'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {Rule} from '../../packages/rule-schema/src/types.js'

// Count compilations of the rules.
const compiled = vi.hoisted(() => ({count: 0}))
vi.mock('../../packages/retext-stigma/src/compile.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../packages/retext-stigma/src/compile.js')>()
  return {
    ...actual,
    compileRules: (...args: Parameters<typeof actual.compileRules>) => {
      compiled.count++
      return actual.compileRules(...args)
    }
  }
})

const {createLinter} = await import('../../packages/retext-stigma/src/linter.js')
const {resolveOptions} = await import('../../packages/retext-stigma/src/resolve.js')
const {default: retextStigma} = await import('../../packages/retext-stigma/src/plugin.js')

// A custom rule, so that each resolution compiles a rule set of its own.
const gizmo: Rule = {
  id: 'test-gizmo',
  category: 'drugs',
  severity: 'error',
  confidence: 'clear-cut',
  terms: [{phrase: 'gizmoholic'}],
  suggestions: {default: [{text: 'person who likes gizmos', safe: true}]},
  explanation: 'A test rule about gizmos, used only by the engine tests.'
}
const resolved = () => resolveOptions({customRules: [gizmo]})

describe('when the rules are compiled', () => {
  it('not for a linter that never lints, once for one that does', () => {
    compiled.count = 0
    const linter = createLinter(resolved())
    expect(compiled.count).toBe(0)
    expect(linter.lint('A gizmoholic came. Another gizmoholic left.').map((finding) => finding.ruleId)).toEqual(['test-gizmo', 'test-gizmo'])
    linter.lint('One more gizmoholic.')
    expect(compiled.count).toBe(1)
  })

  it('when the plugin is attached, before any document is parsed', () => {
    compiled.count = 0
    const processor = unified().use(retextEnglish).use(retextStigma, resolved()).freeze()
    expect(compiled.count).toBe(1)
    const file = new VFile('A gizmoholic came.')
    processor.runSync(processor.parse(file), file)
    expect(file.messages.map((message) => message.ruleId)).toEqual(['test-gizmo'])
    expect(compiled.count).toBe(1)
  })
})
