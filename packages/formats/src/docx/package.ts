import {DOMParser} from '@xmldom/xmldom'
import {DocxError} from './errors.js'
import {inflateEntry, readZip, type ZipEntry} from './zip.js'

/** The kinds of part that hold prose, in the order their text is read. */
export type StoryKind = 'body' | 'header' | 'footer' | 'footnotes' | 'endnotes' | 'comments'

/** A part of the package that holds prose. */
export interface Story {
  part: string
  kind: StoryKind
}

/** An opened .docx package: its entries as stored, and the XML of the parts that matter. */
export interface DocxPackage {
  /** Every entry, as stored, in the archive's order. */
  entries: ZipEntry[]
  /** The main document part (`word/document.xml`, as `_rels/.rels` names it). */
  mainPart: string
  /** The main part's relationships part. */
  relsPart: string
  /** Parts holding prose, in reading order: the body first, then headers, footers, notes and comments. */
  stories: Story[]
  /** Parsed XML of the parts read, by part name. */
  xml: Map<string, Document>
}

/** Bounds on what a .docx may make destigma inflate. */
export interface PackageLimits {
  /** Largest inflated size of one part (bytes); the CLI passes `--max-file-size`. */
  maxPartSize: number
  /** Most entries in the archive. */
  maxEntries?: number
}

/** A Word document has a few dozen parts; ten thousand is far beyond any real one. */
const defaultMaxEntries = 10_000
/** The parts read, together, may inflate to this many times the per-part limit. */
const totalFactor = 4

const relationshipTypes: Record<string, StoryKind> = {
  header: 'header',
  footer: 'footer',
  footnotes: 'footnotes',
  endnotes: 'endnotes',
  comments: 'comments'
}
const storyOrder: StoryKind[] = ['body', 'header', 'footer', 'footnotes', 'endnotes', 'comments']

/**
 * Open a .docx package: check it is one, refuse what destigma will not read (encrypted,
 * Word 97–2003, macro-enabled, a zip bomb, XML with a DOCTYPE), and parse the parts that hold prose.
 *
 * @param bytes - The file's bytes.
 * @param limits - Bounds on inflating.
 * @returns The package.
 * @throws {DocxError} With the reason.
 */
export function openPackage(bytes: Uint8Array, limits: PackageLimits): DocxPackage {
  if (isCompoundFile(bytes)) {
    throw new DocxError(
      containsUtf16(bytes, 'EncryptionInfo')
        ? 'is password-protected (encrypted); remove the password in Word (File > Info > Protect Document) and save it again'
        : 'is a Word 97–2003 .doc file (or another older Office format), not a .docx; open it in Word and save it as .docx'
    )
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new DocxError('is not a .docx document (a .docx file is a zip archive; was it saved as another format?)')
  const entries = readZip(bytes, {maxEntrySize: limits.maxPartSize, maxEntries: limits.maxEntries ?? defaultMaxEntries})
  const byName = new Map(entries.map((entry) => [entry.name, entry]))
  const xml = new Map<string, Document>()
  let budget = limits.maxPartSize * totalFactor
  const load = (name: string): Document => {
    const entry = byName.get(name)
    if (!entry) throw new DocxError(`is not a Word document (it has no ${name})`)
    const content = inflateEntry(entry, Math.min(limits.maxPartSize, budget))
    budget -= content.length
    const document = parseXml(name, content)
    xml.set(name, document)
    return document
  }

  const contentTypes = load('[Content_Types].xml')
  if (entries.some((entry) => /(?:^|\/)vbaProject\.bin$/i.test(entry.name)) || elements(contentTypes.documentElement, 'ContentType').some((type) => /macroEnabled/i.test(type))) {
    throw new DocxError('is a macro-enabled document (it holds a VBA project); destigma neither runs nor keeps macros: save it as a Word Document (.docx) without macros and try again')
  }
  const root = load('_rels/.rels')
  const mainTarget = relationships(root).find((relationship) => relationship.type.endsWith('/officeDocument'))?.target
  if (!mainTarget) throw new DocxError('is not a Word document (its package names no main document)')
  const mainPart = resolvePart('', mainTarget)
  load(mainPart)
  const folder = mainPart.slice(0, mainPart.lastIndexOf('/') + 1)
  const relsPart = `${folder}_rels/${mainPart.slice(folder.length)}.rels`
  const stories: Story[] = [{part: mainPart, kind: 'body'}]
  if (byName.has(relsPart)) {
    for (const relationship of relationships(load(relsPart))) {
      const kind = relationshipTypes[relationship.type.slice(relationship.type.lastIndexOf('/') + 1)]
      if (!kind || relationship.external) continue
      const part = resolvePart(folder, relationship.target)
      if (!byName.has(part) || stories.some((story) => story.part === part)) continue
      load(part)
      stories.push({part, kind})
    }
  }
  stories.sort((a, b) => storyOrder.indexOf(a.kind) - storyOrder.indexOf(b.kind))
  return {entries, mainPart, relsPart, stories, xml}
}

/**
 * Parse one part's XML, refusing a DOCTYPE (entity declarations: Word never writes one) and any error.
 *
 * @param name - The part's name, for messages.
 * @param content - Its bytes (UTF-8).
 * @returns The document.
 * @throws {DocxError} When it is not well-formed, not UTF-8, or declares a DOCTYPE.
 */
export function parseXml(name: string, content: Uint8Array): Document {
  let source: string
  try {
    source = new TextDecoder('utf-8', {fatal: true}).decode(content)
  } catch {
    throw new DocxError(`${name} is not UTF-8 XML`)
  }
  let problem: string | undefined
  const report = (message: string): void => {
    problem ??= message.replace(/^\[xmldom \w+\]\s*/, '').split('\n')[0]
  }
  let document: Document
  try {
    document = new DOMParser({errorHandler: {warning: report, error: report, fatalError: report}}).parseFromString(source, 'application/xml')
  } catch (error) {
    throw new DocxError(`${name} is not well-formed XML (${problem ?? (error as Error).message})`)
  }
  if (document.doctype) throw new DocxError(`${name} declares a DOCTYPE (entity declarations), which Word never writes; destigma does not read it`)
  if (problem !== undefined || !document.documentElement) throw new DocxError(`${name} is not well-formed XML (${problem ?? 'no root element'})`)
  return document
}

/** The `Relationship` elements of a relationships part. */
function relationships(document: Document): Array<{type: string; target: string; external: boolean}> {
  const found: Array<{type: string; target: string; external: boolean}> = []
  for (const element of childElements(document.documentElement)) {
    if (element.localName !== 'Relationship') continue
    found.push({type: element.getAttribute('Type') ?? '', target: element.getAttribute('Target') ?? '', external: element.getAttribute('TargetMode') === 'External'})
  }
  return found
}

/** Values of an attribute on the root's child elements. */
function elements(root: Element, attribute: string): string[] {
  return childElements(root).map((element) => element.getAttribute(attribute) ?? '')
}

/**
 * The element children of a node.
 *
 * @param node - The node.
 * @returns Its child elements, in order.
 */
export function childElements(node: Node): Element[] {
  const found: Element[] = []
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) found.push(child as Element)
  return found
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute from the package root. */
function resolvePart(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/')
  const resolved: string[] = []
  for (const segment of segments) {
    if (segment === '..') resolved.pop()
    else if (segment !== '.' && segment !== '') resolved.push(segment)
  }
  return resolved.join('/')
}

/** An OLE compound file: a Word 97–2003 document, or an encrypted OOXML one. */
function isCompoundFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  return magic.every((byte, index) => bytes[index] === byte)
}

/** Whether the bytes hold a name in UTF-16LE (how a compound file's directory spells stream names). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2)
  for (let index = 0; index < text.length; index++) needle[index * 2] = text.charCodeAt(index)
  outer: for (let at = 0; at + needle.length <= bytes.length; at++) {
    for (let index = 0; index < needle.length; index++) if (bytes[at + index] !== needle[index]) continue outer
    return true
  }
  return false
}
