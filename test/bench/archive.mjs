// A generated archive of Markdown pages with a known number of findings, for the adoption
// benchmarks (suppressions, shards) and the end-to-end tests of the CI workflows. Pages vary in
// length (a long tail, as real sites have) so that balancing shards by size is put to the test.
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'

/** Prose with no finding, in several lengths. */
const clean = [
  'The service opens at nine and closes at five on weekdays.',
  'Our outreach team visits the station every morning with hot drinks and advice.',
  'People who use drugs can ask for sterile equipment at the front desk, no questions asked.',
  'The council reviewed its housing policy after a consultation with residents and support workers.',
  'Treatment works best when people can reach it quickly, close to home, at a time that suits them.'
]

/**
 * Text of one archive page: a title, `findings` paragraphs that each hold one known finding
 * (alternating `junkie`, an error, and `addict`, a warning), and clean paragraphs whose number
 * follows a long-tailed pattern.
 *
 * @param {number} index - The page's number.
 * @param {number} findings - How many findings it holds.
 * @returns {string} The page.
 */
export function archivePage(index, findings) {
  const parts = [`# Page ${index}`]
  for (let finding = 0; finding < findings; finding++) {
    parts.push(finding % 2 === 0 ? `In ${1990 + (index % 30)} a junkie was quoted in paragraph ${finding}.` : `Support for every addict in ward ${index % 40}.`)
  }
  // 1 to about 60 clean paragraphs: most pages short, a few long.
  const length = 1 + ((index * 7919) % 97 === 0 ? 60 : (index * 31) % 12)
  for (let paragraph = 0; paragraph < length; paragraph++) parts.push(clean[(index + paragraph) % clean.length])
  return parts.join('\n\n') + '\n'
}

/**
 * Write an archive of `count` pages in folders of 50, each with `perPage` findings.
 *
 * @param {string} folder - Where.
 * @param {number} count - Pages.
 * @param {number} perPage - Findings per page.
 * @returns {string[]} The pages' paths relative to `folder`, in walk order.
 */
export function writeArchive(folder, count, perPage) {
  const paths = []
  for (let index = 0; index < count; index++) {
    const path = archivePath(index)
    mkdirSync(dirname(join(folder, path)), {recursive: true})
    writeFileSync(join(folder, path), archivePage(index, perPage))
    paths.push(path)
  }
  return paths.sort()
}

/**
 * The relative path of page `index`.
 *
 * @param {number} index - The page's number.
 * @returns {string} Its path.
 */
export const archivePath = (index) => `archive/${String(Math.floor(index / 50)).padStart(4, '0')}/page-${String(index).padStart(6, '0')}.md`
