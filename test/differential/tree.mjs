// A generated tree of 200 documents for the differential check: every format, front matter,
// headings, lists, tables, quotations, code, HTML, inline directives, and two folders whose rc
// files change the options, so that config resolution is in the path as well as linting. The
// prose is the frozen hold-out corpus and the fixtures, which never change, dealt out in turn.
import {mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const holdout = join(root, 'test/corpus/holdout')

/** The hold-out's sentences, in file order. */
function sentences() {
  return readdirSync(holdout)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort()
    .flatMap((name) =>
      readFileSync(join(holdout, name), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('- '))
        .map((line) => line.slice(2))
    )
}

const escapeHtml = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

/** One Markdown page from a few sentences, in one of several shapes. */
function markdownPage(index, lines) {
  const [a = '', b = '', c = '', d = '', e = ''] = lines
  const shapes = [
    () => `---\ntitle: ${a.replaceAll(':', ' -')}\nauthor: x\n---\n\n# Page ${index}\n\n${b}\n\n${c} ${d}\n`,
    () => `## ${a}\n\n- ${b}\n- ${c}\n  - ${d}\n\n> ${e}\n`,
    () => `| Term | Note |\n| --- | --- |\n| ${a.replaceAll('|', '/')} | ${b.replaceAll('|', '/')} |\n\n${c}\n\n\`\`\`\n${d}\n\`\`\`\n`,
    () => `<!-- destigma-disable-next-line -->\n${a}\n\n${b}\n\n<div>\n${c}\n</div>\n\n${d}\n`,
    () => `${a}\n${b}\n\n    ${c}\n\n[${d}](https://example.org "${e.replaceAll('"', "'")}")\n`
  ]
  return shapes[index % shapes.length]()
}

/** One HTML page. */
function htmlPage(lines) {
  const [a = '', b = '', c = '', d = ''] = lines.map(escapeHtml)
  return `<!doctype html>\n<html><head><title>${a}</title><style>p{}</style></head>\n<body>\n<h1>${b}</h1>\n<p>${c}</p>\n<!-- destigma-disable -->\n<p>${d}</p>\n<!-- destigma-enable -->\n<img alt="${d.replaceAll('"', '')}" src="x.png">\n<pre>${a}</pre>\n</body></html>\n`
}

/** Paths and contents of the tree, relative to its folder. */
export function differentialTree() {
  const prose = sentences()
  const fixtures = ['press-release.md', 'press-release.txt', 'council-policy.md', 'news-report.txt']
  const files = {
    'strict/.destigmarc.json': JSON.stringify({preset: 'strict', rules: {'clean-person': 'off'}, quotes: 'report'}),
    'mentions/.destigmarc.yaml': 'mentions: report\nlocale: en-US\nallow:\n  - homeless\n'
  }
  const folders = ['', 'strict/', 'mentions/', 'deep/a/b/']
  for (let index = 0; index < 200; index++) {
    const lines = Array.from({length: 5}, (_, line) => prose[(index * 5 + line) % prose.length])
    const folder = folders[index % folders.length]
    const kind = index % 10
    const name = `${folder}doc-${String(index).padStart(3, '0')}`
    if (kind === 9) files[`${name}.${fixtures[index % 4].split('.')[1]}`] = readFileSync(join(root, 'fixtures', fixtures[(index / 10) % 4 | 0]), 'utf8')
    else if (kind === 7) files[`${name}.html`] = htmlPage(lines)
    else if (kind === 5) files[`${name}.txt`] = lines.join(kind % 2 ? '\n' : '\n\n') + '\n'
    else if (kind === 3) files[`${name}.mdx`] = markdownPage(index, lines).replaceAll('<!--', '{/*').replaceAll('-->', '*/}').replace(/<\/?div>/g, '')
    else files[`${name}.md`] = markdownPage(index, lines)
  }
  return files
}

/**
 * Write the tree.
 *
 * @param {string} folder - Where.
 */
export function writeDifferentialTree(folder) {
  for (const [path, content] of Object.entries(differentialTree())) {
    mkdirSync(dirname(join(folder, path)), {recursive: true})
    writeFileSync(join(folder, path), content)
  }
}
