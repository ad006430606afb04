// Build step (after the rules compiler): compile the built-in rules once and write their trie,
// so that a process reads it back instead of expanding every pattern on its first lint.
import {readFileSync, writeFileSync} from 'node:fs'
import {compileRules, serializeTrie} from '../src/compile.js'
import type {RuleSet} from '../src/types.js'

const generated = new URL('../generated/', import.meta.url)
const ruleSet = JSON.parse(readFileSync(new URL('rules.json', generated), 'utf8')) as RuleSet
writeFileSync(new URL('trie.json', generated), JSON.stringify(serializeTrie(compileRules(ruleSet.rules, ruleSet.classes))) + '\n')
