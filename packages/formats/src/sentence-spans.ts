/**
 * Lower-case words that the English parser (parse-english, and parse-latin below it) takes for
 * abbreviations: after one of them a full stop does not end the sentence (`3 tbsp. Then`,
 * `Acme Ltd. The`, `etc. The`). Only words of three letters or more matter here, since shorter
 * ones never make a cut. test/prefilter.test.ts holds every cut to the parser's own reading.
 */
const abbreviations = new Set(
  [
    'thurs tbsp tsp sept sec tues bbls yds thu sep tue bbl nov aug jul jun apr jan sun mar mon min sat oct gro gal feb fri dec doz wed lbs ltd inc',
    'cap cca cent cit con cwt ead etc ibid nem pro seq sic stat tem viz'
  ]
    .join(' ')
    .split(' ')
)

/**
 * Where a sentence surely ends: a lower-case word of three letters or more right before `.`,
 * `!` or `?`, then white space, then a capitalised word. The parser splits there too; it also
 * splits at many places this does not (after digits, quotation marks or brackets), which only
 * means a span may hold several sentences.
 */
const sentenceEnd = /(?<=(?:^|\s)([a-z]{3,})[.!?])\s+(?=[A-Z][a-z])/g

/**
 * Cut a block of plain text (lines between blank lines) into spans that each hold whole
 * sentences as the English parser reads them: a span never ends inside a sentence, so a term,
 * which needs all its words in one sentence, lies inside one span. The white space between
 * spans belongs to none.
 *
 * @param block - One block of plain text.
 * @returns Start and end offsets of each span, in order.
 */
export function sentenceSpans(block: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  let start = 0
  for (const end of block.matchAll(sentenceEnd)) {
    const stop = block[end.index - 1]
    if (stop === '.' && abbreviations.has(end[1] as string)) continue
    spans.push([start, end.index])
    start = end.index + end[0].length
  }
  spans.push([start, block.length])
  return spans
}
