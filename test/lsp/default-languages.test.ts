import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, it} from 'vitest'
import {defaultLanguages} from '../../packages/language-server/src/languages.js'
import {readSettings} from '../../packages/language-server/src/settings.js'
import {root} from '../package/packages.js'

// The language ids linted by default are written once, in the server; VS Code's settings UI needs
// them as data in the extension's manifest, which must say the same.
it('VS Code declares the server\'s default languages, and the server lints them when the settings name none', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'packages/vscode/package.json'), 'utf8')) as {
    contributes: {configuration: {properties: Record<string, {default?: unknown}>}}
  }
  expect(manifest.contributes.configuration.properties['destigma.languages']?.default).toEqual(defaultLanguages)
  expect(readSettings(undefined).languages).toEqual(defaultLanguages)
  expect(readSettings({languages: []}).languages).toEqual(defaultLanguages)
  expect(defaultLanguages).toEqual(expect.arrayContaining(['markdown', 'mdx', 'html', 'plaintext']))
})
