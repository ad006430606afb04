import {describe, expect, it} from 'vitest'
import {lint, fix, type Rule} from 'retext-stigma'
import {compileWordSet} from '../../packages/retext-stigma/src/compile.js'
import {documentWords, isAbout, occurrences} from '../../packages/retext-stigma/src/topic.js'

describe('a document’s words', () => {
  it('counts every word of the raw text, normalised as rule words are', () => {
    const words = documentWords('Heroin, HEROIN and the user’s heroin-free days.\n\n# Heading\n\nMore heroin.')
    expect(words.counts.get('heroin')).toBe(4)
    expect(words.counts.get("user's")).toBe(1)
    expect(words.total).toBe(11)
  })

  it('calls a document about a topic only when its words are dense enough', () => {
    const topic = compileWordSet(['drug*', 'heroin'])
    if (!topic) throw new Error('no word set')
    const filler = Array.from({length: 500}, () => 'council').join(' ')
    expect(occurrences(documentWords(`Drugs and heroin. ${filler}`), topic)).toBe(2)
    expect(isAbout(documentWords(`Drugs and heroin. ${filler}`), topic)).toBe(true)
    expect(isAbout(documentWords(`Drugs. ${filler}`), topic)).toBe(false)
    expect(isAbout(documentWords('One drug.'), topic)).toBe(true)
  })
})

const sprocket: Rule = {
  id: 'test-sprocket',
  category: 'drugs',
  severity: 'error',
  confidence: 'clear-cut',
  terms: [{phrase: 'sprocketeer'}],
  suggestions: {default: [{text: 'person with sprockets', plural: 'people with sprockets', safe: true}]},
  explanation: 'A test rule about sprockets, used only by the engine tests.',
  context: {window: 'document', requires: ['gear*'], forbids: ['bicycle']}
}
const found = (text: string) => lint(text, {customRules: [sprocket]}).filter((finding) => finding.ruleId === sprocket.id).map((finding) => finding.actual)

describe('the document window', () => {
  it('looks for its words anywhere in the text, in other paragraphs too', () => {
    expect(found('Gears were everywhere.\n\nA sprocketeer came in.')).toEqual(['sprocketeer'])
    expect(found('A sprocketeer came in.\n\nNothing else happened.')).toEqual([])
    expect(found('A sprocketeer came in.\n\nThe gears turned.\n\nHe rode a bicycle.')).toEqual([])
  })
})

describe('sobriety and test idioms', () => {
  it('fires on "get clean" where the paragraph is about drugs though the sentence names none', () => {
    expect(fix('Several tenants had started using heroin again. Others got clean that winter.')).toBe(
      'Several tenants had started using heroin again. Others stopped using drugs that winter.'
    )
    // Alone, getting clean is sobriety too (issue 11); only washing nearby makes it the other clean.
    expect(lint('Others got clean that winter.').map((finding) => finding.ruleId)).toEqual(['clean-person'])
    expect(lint('Others got clean that winter after the muddy walk.').map((finding) => finding.ruleId)).toEqual([])
  })

  it('reads wanting or trying to get or stay clean as sobriety in any context, washing aside', () => {
    expect(lint('Others wanted to get clean.').map((finding) => finding.actual)).toEqual(['get clean'])
    expect(lint('Most of them are trying to stay clean.').map((finding) => finding.actual)).toEqual(['stay clean'])
    expect(lint('The kids wanted to get clean after the match.')).toEqual([])
    expect(lint('Volunteers tried to stay clean while clearing out the flooded basement.')).toEqual([])
  })

  it('takes a date or a length of time after the words as the idiom in any context', () => {
    expect(lint('She got clean in 2015.').map((finding) => finding.actual)).toEqual(['got clean'])
    // The idiom is flagged whole, and the fix keeps its length of time.
    expect(lint('Clean for a year, he moved to Leeds.').map((finding) => finding.actual)).toEqual(['Clean for a year'])
    expect(fix('Clean for nearly a year, he moved to Leeds.')).toBe('Abstinent for nearly a year, he moved to Leeds.')
    expect(lint('The kitchen stayed clean for a week.')).toEqual([])
    expect(lint('He got clean water in 2015.')).toEqual([])
  })

  it('reads a test or sample "coming back clean" as a drug-test result', () => {
    expect(fix('His last test came back clean.')).toBe('His last test came back negative.')
    expect(lint('The water sample came back clean for lead.')).toEqual([])
  })
})

describe('a rule off its topic', () => {
  const cog: Rule = {...sprocket, id: 'test-cog', terms: [{phrase: 'cogster'}], context: {forbids: ['lathe'], off_topic: ['lathe*', 'spindle']}}
  const cogs = (text: string) => lint(text, {customRules: [cog]}).filter((finding) => finding.ruleId === cog.id).map((finding) => finding.actual)
  const filler = (count: number) => Array.from({length: count}, () => 'The council met again.').join(' ')

  it('does not fire in a document about something else, however far the words are', () => {
    expect(cogs('A cogster arrived.\n\nThe lathes were old. The spindle broke.')).toEqual([])
    expect(cogs(`A cogster arrived. ${filler(20)} The lathe was old.`)).toEqual(['cogster'])
  })

  it('takes two of its words at least, and one every 300 words', () => {
    expect(cogs('A cogster arrived. Her brother had a lathe once.')).toEqual(['cogster'])
    expect(cogs(`A cogster arrived. The lathe and the spindle. ${filler(200)}`)).toEqual(['cogster'])
  })

  it('says so on the rule page', async () => {
    const {listRules, rulePage} = await import('retext-stigma')
    const hooker = listRules().find((rule) => rule.id === 'hooker')
    expect(hooker && rulePage(hooker)).toMatch(/Does not fire in a document about: rugby, scrum\*, .* \(two of them at least, and one every 300 words\)\./)
  })
})
