import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {choiceOptions} from 'retext-stigma'
import {describe, expect, it} from 'vitest'
import {root} from '../helpers.js'

// An option that takes one value from a list is added once, in the engine's choiceOptions; the
// CLI's flags and the server's settings follow from it. The two surfaces written by hand (VS
// Code's manifest, the page's form) must offer the same values and default, or this fails.
describe('every choice option is offered the same way on every surface', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'packages/vscode/package.json'), 'utf8')) as {
    contributes: {configuration: {properties: Record<string, {enum?: string[]; default?: unknown}>}}
  }
  const page = readFileSync(join(root, 'packages/web/index.html'), 'utf8')

  for (const [name, choice] of Object.entries(choiceOptions)) {
    it(`${name}: VS Code's setting`, () => {
      const setting = manifest.contributes.configuration.properties[`destigma.${name}`]
      expect(setting?.enum).toEqual([...choice.values])
      expect(setting?.default).toBe(choice.default)
    })

    it(`${name}: the page's form`, () => {
      const offered = [...page.matchAll(new RegExp(`name="${name}"[^>]*value="([^"]+)"|<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`, 'g'))].flatMap((match) =>
        match[1] !== undefined ? [match[1]] : [...(match[2] ?? '').matchAll(/value="([^"]+)"/g)].map((option) => option[1])
      )
      expect(offered.sort()).toEqual([...choice.values].sort())
    })
  }
})
