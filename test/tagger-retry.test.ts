import {describe, expect, it} from 'vitest'
import {lintDocument} from '@destigma/formats'
import {createLinter, resolveOptions} from 'retext-stigma'

// A bundle or a browser cannot load the part-of-speech tagger synchronously. lintDocument lints
// without it first, and loads it and lints again only when a sentence needed it. This file has
// its own module state (vitest isolates files), so the tagger starts unloaded here.
describe('lintDocument where the tagger can only be loaded asynchronously', () => {
  it('loads the tagger when a sentence needs it and finds the same', async () => {
    const host = process as {getBuiltinModule?: unknown}
    const saved = host.getBuiltinModule
    host.getBuiltinModule = undefined
    try {
      const linter = createLinter(resolveOptions({}))
      const untagged = await lintDocument('Services for addicts were cut.\n', 'text', linter)
      expect(untagged.findings.map((finding) => finding.ruleId)).toEqual(['addict'])
      // `first` before `alcoholic` needs the tagger to tell a noun from an adjective.
      const tagged = await lintDocument('I met the first alcoholic girl today. The first alcoholic I met was kind.\n', 'text', linter)
      expect(tagged.findings.map((finding) => [finding.ruleId, finding.column])).toEqual([['alcoholic', 49]])
    } finally {
      host.getBuiltinModule = saved
    }
  })
})
