/**
 * Whether `offset` lies inside quotation marks, looking back from it to the
 * start of its paragraph. Curly quotes open and close; straight double
 * quotes toggle; a single curly quote only opens after a space, since `’`
 * is also an apostrophe.
 *
 * @param text - The whole source.
 * @param from - Start of the paragraph.
 * @param offset - Start of the match.
 * @returns True when the match is quoted.
 */
export function isQuoted(text: string, from: number, offset: number): boolean {
  let double = false
  let single = false
  for (let index = from; index < offset; index++) {
    const char = text[index]
    if (char === '\u201C' || char === '\u00AB' || char === '\u201E') double = true
    else if (char === '\u201D' || char === '\u00BB') double = false
    else if (char === '"') double = !double
    else if (char === '\u2018' && /^$|[\s([{\-\u2014]/.test(text[index - 1] ?? '')) single = true
    else if (char === '\u2019' && single && !/\p{L}/u.test(text[index + 1] ?? '')) single = false
  }
  return double || single
}
