import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {VFile} from 'vfile'
import {readProse} from '@destigma/formats'
import retextStigma, {fix, lint, lintTree, type Rule, type StigmaOptions} from 'retext-stigma'

// A private rule with an invented term, so these tests do not depend on the shipped rule set.
const widget: Rule = {
  id: 'test-widgetman',
  category: 'drugs',
  severity: 'error',
  confidence: 'clear-cut',
  terms: [{phrase: 'widget man', closed: true}, {phrase: 'chronic widget man'}],
  suggestions: {
    default: [{text: 'person who makes widgets', plural: 'people who make widgets', safe: true}],
    'en-US': [{text: 'widget maker', plural: 'widget makers', safe: true}]
  },
  explanation: 'A test rule about widget makers, used only by the engine tests.',
  sources: []
}
const options = {customRules: [widget]}
/** What the built-in rules flag in a text. */
const builtInActuals = (text: string, extra: StigmaOptions = {}) => lint(text, extra).map((finding) => finding.actual)
const actuals = (text: string, extra = {}) =>
  lint(text, {...options, ...extra})
    .filter((finding) => finding.ruleId === widget.id)
    .map((finding) => finding.actual)

describe('matching', () => {
  it('generates plural, possessive, hyphenated and closed forms from one written form', () => {
    expect(actuals('A widget man, two widget men? No: widget mans.')).toEqual(['widget man', 'widget mans'])
    expect(actuals('The widget-man and the widgetman met.')).toEqual(['widget-man', 'widgetman'])
    expect(actuals("The widget man's hat and the widget mans' hats.")).toEqual(["widget man's", "widget mans'"])
  })

  it('treats curly and straight apostrophes alike and ignores case', () => {
    expect(actuals('The WIDGET MAN’s hat.')).toEqual(['WIDGET MAN’s'])
  })

  it('matches a phrase across a line break but not across punctuation', () => {
    expect(actuals('We met a widget\nman yesterday.')).toEqual(['widget\nman'])
    expect(actuals('We sold a widget. Man, it was fine.')).toEqual([])
    expect(actuals('A widget, man.')).toEqual([])
  })

  it('finds a standalone collective before a subordinating word', () => {
    expect(lint('The homeless since the closure of the shelter have slept in the park.').map((finding) => finding.actual)).toEqual(['The homeless'])
  })

  it('lets a required word stand outside the quotation marks round the match, and not a word that rules it out', () => {
    expect(lint('She keeps saying she is “so OCD” about her desk.').map((finding) => [finding.actual, finding.inQuotation])).toEqual([['so OCD', true]])
    expect(lint('She said: “so OCD”.')).toEqual([])
    // `film` before `junkie` rules out a film fan only when it touches the word.
    expect(lint('He is a film junkie.')).toEqual([])
    expect(lint('She starred in the film “Junkie Dad” last year.', {mentions: 'report'}).map((finding) => finding.actual)).toEqual(['Junkie Dad'])
  })

  it('ends a standalone noun phrase at a verb, and not at a noun', () => {
    const actual = (text: string): string[] => lint(text).map((finding) => finding.actual)
    expect(actual('A drunk staggered into the bar.')).toEqual(['A drunk'])
    expect(actual('The drunk tank opened at midnight.')).toEqual([])
    expect(actual('The drunk driver fled.')).toEqual([])
  })

  it('looks for context in the whole paragraph when the rule asks for it', () => {
    const gadget: Rule = {...widget, id: 'test-gadget', terms: [{phrase: 'gadgeteer'}], context: {requires: ['widgets'], window: 'paragraph'}}
    const found = (text: string) => lint(text, {customRules: [gadget]}).map((finding) => finding.actual)
    expect(found('We sell widgets. The gadgeteer left.')).toEqual(['gadgeteer'])
    expect(found('We sell widgets.\n\nThe gadgeteer left.')).toEqual([])
    const nearby: Rule = {...gadget, id: 'test-gadget-near', context: {requires: ['widgets'], window: 4}}
    expect(lint('We sell widgets. The gadgeteer left.', {customRules: [nearby]})).toEqual([])
  })

  it('lets a term carry its own context in place of the rule’s', () => {
    const rule: Rule = {
      ...widget,
      id: 'test-term-context',
      terms: [{phrase: 'gizmo'}, {phrase: 'gizmo maker', context: {not_followed_by: ['guild']}}],
      context: {requires: ['factory']}
    }
    const found = (text: string) => lint(text, {customRules: [rule]}).map((finding) => finding.actual)
    expect(found('The gizmo left.')).toEqual([])
    expect(found('The factory gizmo left.')).toEqual(['gizmo'])
    expect(found('The gizmo maker left.')).toEqual(['gizmo maker'])
    expect(found('The gizmo maker guild met.')).toEqual([])
  })

  it('keeps the longest match where matches overlap', () => {
    expect(actuals('A chronic widget man arrived.')).toEqual(['chronic widget man'])
  })

  it('leaves out a full stop the parser folds into the word before a lower-case word', () => {
    expect(actuals('We met a widget man. then we left.')).toEqual(['widget man'])
    expect(fix('We met a widget man. then we left.', options)).toBe('We met a person who makes widgets. then we left.')
  })

  it('does not match inside a longer word', () => {
    expect(actuals('The widgetmanship award.')).toEqual([])
  })

  it('reports findings in order, with places inside the text', () => {
    const text = 'Widget men. A widget man. The addicts left.'
    const findings = lint(text, options)
    expect(findings.map((finding) => finding.offset)).toEqual([...findings.map((finding) => finding.offset)].sort((a, b) => a - b))
    for (const finding of findings) expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.actual)
  })

  it('shields capitalised names that contain a term', () => {
    expect(actuals('The Widget Man Foundation gave money.')).toEqual([])
    expect(actuals('Widget man arrived.')).toEqual(['Widget man'])
  })
})

describe('fixes', () => {
  it('keeps capitals, agrees in number and mends the article', () => {
    expect(fix('A widget man left. Widget mans left. An widget man.', options)).toBe(
      'A person who makes widgets left. People who make widgets left. A person who makes widgets.'
    )
    expect(fix('an addict was seen.')).toBe('a person with addiction was seen.')
    expect(fix('WIDGET MAN JAILED', options)).toBe('PERSON WHO MAKES WIDGETS JAILED')
  })

  it('gives no fix for a possessive the suggestion cannot answer', () => {
    const [finding] = lint("The widget man's hat.", options)
    expect(finding?.fix).toBeUndefined()
    expect(finding?.expected[0]).toBe('person who makes widgets')
  })

  it('gives every suggestion with its own edit', () => {
    const [finding] = lint('An addict was seen.')
    expect(finding?.alternatives.map((alternative) => alternative.text)).toEqual(finding?.expected)
    const second = finding?.alternatives[1]
    expect(second?.text).toBe('person who uses drugs')
    expect(second?.fix).toEqual({range: [0, 9], text: 'A person who uses drugs'})
  })

  it('does not carry an acronym’s capitals into the fix', () => {
    const acronym: Rule = {...widget, id: 'test-wmx', terms: [{phrase: 'WMX', match_case: true}]}
    expect(fix('Each WMX left. WMXs left.', {customRules: [acronym]})).toBe('Each person who makes widgets left. People who make widgets left.')
  })

  it('uses the locale’s suggestions', () => {
    expect(fix('Two widget mans.', {...options, locale: 'en-US'})).toBe('Two widget makers.')
  })

  it('is idempotent', () => {
    const text = 'An addict and two widget men met the widget man.'
    const once = fix(text, options)
    expect(fix(once, options)).toBe(once)
  })
})

describe('options', () => {
  it('lowers a quoted match, says so and offers no fix', () => {
    const [finding] = lint('She said “the widget man left”.', options)
    expect(finding?.severity).toBe('warning')
    expect(finding?.inQuotation).toBe(true)
    expect(finding?.message).toMatch(/quotation/)
    expect(finding?.fix).toBeUndefined()
    expect(lint('She said "the widget man left".', {...options, quotes: 'ignore'})).toEqual([])
    const [single] = lint("He told them that 'widget mans' were ruining it.", options)
    expect(single?.actual).toBe('widget mans')
    expect(single?.inQuotation).toBe(true)
    expect(actuals("The widget mans' hats.")).toEqual(["widget mans'"])
    expect(lint('She said "the widget man left".', {...options, quotes: 'report'})[0]?.severity).toBe('error')
  })

  it('reads HTML quotation-mark entities as quotation marks', async () => {
    const quoted = async (html: string): Promise<Array<boolean | undefined>> => lintTree(await readProse(html, 'html'), html).map((finding) => finding.inQuotation)
    expect(await quoted('<p>A councillor called it &ldquo;a free pass for druggies&rdquo; last week.</p>')).toEqual([true])
    expect(await quoted('<p>He said &quot;junkies are everywhere&quot; and left.</p>')).toEqual([true])
    expect(await quoted('<p>He said &#8216;the junkies are back&#8217; and left.</p>')).toEqual([true])
    expect(await quoted('<p>&ldquo;No,&rdquo; she said. Junkies were blamed.</p>')).toEqual([false])
  })

  it('allows phrases (with their inflections) and whole rules', () => {
    expect(actuals('A widget man and widget mans.', {allow: ['Widget Man']})).toEqual([])
    expect(actuals('A widget man.', {allow: ['rule:test-widgetman']})).toEqual([])
    expect(actuals('A chronic widget man.', {allow: ['widget man']})).toEqual(['chronic widget man'])
  })

  it('turns rules and categories off and changes severity', () => {
    expect(actuals('A widget man.', {rules: {'test-widgetman': 'off'}})).toEqual([])
    expect(actuals('A widget man.', {categories: {drugs: 'off'}})).toEqual([])
    expect(lint('A widget man.', {...options, rules: {'test-widgetman': 'info'}})[0]?.severity).toBe('info')
  })

  it('rejects bad options with every problem listed', () => {
    expect(() => lint('x', {locale: 'fr-FR', rules: {'no-such-rule': 'off'}} as never)).toThrow(/locale[\s\S]*no-such-rule/)
    expect(() => lint('x', {customRules: [{...widget, severity: 'loud'} as never]})).toThrow(/customRules\[0\]\.severity/)
  })
})

describe('the retext plugin', () => {
  it('emits vfile messages with the unified fields', async () => {
    const processor = unified().use(retextEnglish).use(retextStigma)
    const file = new VFile('Services for addicts were cut.')
    await processor.run(processor.parse(file), file)
    const [message] = file.messages
    expect(message).toMatchObject({
      source: 'retext-stigma',
      ruleId: 'addict',
      actual: 'addicts',
      fatal: false,
      place: {start: {line: 1, column: 14, offset: 13}, end: {line: 1, column: 21, offset: 20}}
    })
    expect(message?.expected?.slice(0, 2)).toEqual(['people with addiction', 'people who use drugs'])
    expect(message?.url).toMatch(/^https:\/\/.+\/docs\/rules\/addict\.md$/)
    expect((message as unknown as {fix: unknown}).fix).toEqual({range: [13, 20], text: 'people with addiction'})
  })
})

describe('a term that must head its noun phrase', () => {
  it('does not when a noun follows it, unless it owns that noun', () => {
    expect(builtInActuals('HIV carrier proteins were studied in the lab.')).toEqual([])
    expect(builtInActuals("The HIV carrier's family was named in the paper.")).toEqual(["HIV carrier's"])
  })
})

describe('a surname after a middle initial', () => {
  it('is a name', () => {
    expect(builtInActuals('John P. Looney wrote: the patch works.')).toEqual([])
    expect(builtInActuals('On Monday, John P. Looney mentioned it.')).toEqual([])
  })
})

describe('a term in capitals', () => {
  it('is a name when it is the one word in capitals, with no determiner before it', () => {
    expect(builtInActuals('TRAMP may or may not be the answer to these questions.')).toEqual([])
    expect(builtInActuals('I finally finished most of TRAMP, my RDF interface for Python.')).toEqual([])
  })

  it('is the noun when shouted after a determiner or a number, or in a headline in capitals', () => {
    expect(builtInActuals('Are you still an ALCOHOLIC?')).toEqual(['ALCOHOLIC'])
    expect(builtInActuals('Police arrested three JUNKIES outside the station.')).toEqual(['JUNKIES'])
    expect(builtInActuals('COUNCIL CRACKS DOWN ON JUNKIES')).toEqual(['JUNKIES'])
  })
})

describe('a term inside a file name, an identifier or an address', () => {
  it('is code, not prose', () => {
    expect(builtInActuals('See test/reference/drunkard-tails.quartz.ref.png for the image.')).toEqual([])
    expect(builtInActuals('bpf: Assign bpf_tramp_run_ctx before recursion.')).toEqual([])
    expect(builtInActuals('Mail vagrant@example.org with questions.')).toEqual([])
    expect(builtInActuals('The site junkies.example.com went offline.')).toEqual([])
    expect(builtInActuals('Read the guidance (https://example.org/addict-support) first.')).toEqual([])
  })

  it('leaves prose around a full stop or an abbreviation alone', () => {
    expect(builtInActuals('The addicts. And the junkies.')).toEqual(['addicts', 'junkies'])
    expect(builtInActuals('Addicts, e.g. those in treatment, were asked.')).toEqual(['Addicts'])
    // A bracket ends the run: Markdown's image syntax read as plain text.
    expect(builtInActuals('![Training for drug addicts](naloxone.png)')).toEqual(['drug addicts'])
  })
})

describe('a term inside a hyphenated word', () => {
  const strictActuals = (text: string) => builtInActuals(text, {preset: 'strict'})

  it('never starts in the later part of one', () => {
    expect(strictActuals('Maybe running apt-get clean first would solve the problem.')).toEqual([])
    expect(strictActuals('Try apt-get clean, then she got clean in 2015.')).toEqual(['got clean'])
  })
})

describe('a phrase coordinated with another modifier of a noun', () => {
  it('does not stand alone: `the homeless and housing team`', () => {
    expect(builtInActuals('The homeless and housing team moved offices.')).toEqual([])
    expect(builtInActuals('Services for the homeless and vulnerable people were cut.')).toEqual([])
    // Before a name, too: a film's title.
    expect(builtInActuals('No film shows it better than the lush and sumptuous Kabhi Khushi Kabhi Gham.')).toEqual([])
    // A participle modifies the noun as an adjective does.
    expect(builtInActuals('We must care for the homeless and suffering refugees of all faiths.')).toEqual([])
  })

  it('stands alone before a verb phrase of its own', () => {
    expect(builtInActuals('Community centres can help the mentally ill and improve health care.')).toEqual(['the mentally ill'])
  })

  it('stands alone before another noun phrase, an adjective alone, or a verb with its object', () => {
    expect(builtInActuals('The homeless and the poor were moved on.')).toEqual(['The homeless'])
    expect(builtInActuals('Help for the homeless and elderly is scarce.')).toEqual(['the homeless'])
    expect(builtInActuals('The homeless and hungry queue each night.')).toEqual(['The homeless'])
  })
})
