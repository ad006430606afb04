import type {Root as MdastRoot, Yaml} from 'mdast'
import type {Paragraph, Root} from 'nlcst'
import {toNlcst} from 'mdast-util-to-nlcst'
import {ParseEnglish} from 'parse-english'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {visit} from 'unist-util-visit'

/** Front-matter keys whose values are prose. */
const proseKeys = /^(title|description):[ \t]*(.*)$/

/**
 * Read Markdown (CommonMark + GFM, with YAML front matter). Code, inline code, URLs,
 * HTML and front matter are not prose, except the front matter's `title` and `description`.
 *
 * @param text - The Markdown source.
 * @returns The nlcst tree of its prose, with positions into `text`.
 */
export function readMarkdown(text: string): Root {
  const file = new VFile(text)
  const mdast = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(file) as MdastRoot
  const tree = toNlcst(mdast, file, ParseEnglish) as Root
  const front = mdast.children[0]
  if (front?.type === 'yaml') tree.children.unshift(...frontMatterProse(text, front))
  return tree
}

/** Parse the `title` and `description` values of front matter as paragraphs placed in the source. */
function frontMatterProse(text: string, node: Yaml): Paragraph[] {
  const start = node.position?.start.offset ?? 0
  const end = node.position?.end.offset ?? 0
  const place = location(text)
  const paragraphs: Paragraph[] = []
  let lineStart = start
  for (const line of text.slice(start, end).split('\n')) {
    const match = proseKeys.exec(line.replace(/\r$/, ''))
    if (match?.[2]) {
      let value = match[2]
      let valueOffset = lineStart + line.indexOf(value, (match[1]?.length ?? 0) + 1)
      const quoted = /^(["'])(.*)\1\s*$/.exec(value)
      if (quoted?.[2] !== undefined) {
        value = quoted[2]
        valueOffset += 1
      }
      const parsed = new ParseEnglish().parse(value)
      visit(parsed, (child) => {
        if (!child.position) return
        for (const point of [child.position.start, child.position.end]) {
          const shifted = place.toPoint((point.offset ?? 0) + valueOffset)
          if (shifted) Object.assign(point, shifted)
        }
      })
      for (const paragraph of parsed.children) if (paragraph.type === 'ParagraphNode') paragraphs.push(paragraph)
    }
    lineStart += line.length + 1
  }
  return paragraphs
}
