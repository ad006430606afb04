import {DOMParser} from '@xmldom/xmldom'
import {childElements, type DocxPackage} from './package.js'
import {wordNamespace} from './read.js'
import type {Revision} from './redline.js'

const commentsType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments'
const commentsContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'
const packageRelationships = 'http://schemas.openxmlformats.org/package/2006/relationships'
const contentTypesNamespace = 'http://schemas.openxmlformats.org/package/2006/content-types'

/**
 * The comments part to add comments to: the package's own, or a new one registered in the
 * content types and the main part's relationships.
 *
 * @param docx - The package.
 * @param changed - Parts changed so far; the parts this touches are added.
 * @returns The comments part's root element.
 */
export function commentsRoot(docx: DocxPackage, changed: Set<string>): Element {
  const existing = docx.stories.find((story) => story.kind === 'comments')
  if (existing) {
    changed.add(existing.part)
    return (docx.xml.get(existing.part) as Document).documentElement
  }
  const folder = docx.mainPart.slice(0, docx.mainPart.lastIndexOf('/') + 1)
  let name = `${folder}comments.xml`
  for (let index = 1; docx.entries.some((entry) => entry.name === name); index++) name = `${folder}comments${index}.xml`
  const document = new DOMParser().parseFromString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${wordNamespace}"/>`, 'application/xml')
  docx.xml.set(name, document)
  docx.stories.push({part: name, kind: 'comments'})
  changed.add(name)

  let relationships = docx.xml.get(docx.relsPart)
  if (!relationships) {
    relationships = new DOMParser().parseFromString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${packageRelationships}"/>`, 'application/xml')
    docx.xml.set(docx.relsPart, relationships)
  }
  const ids = new Set(childElements(relationships.documentElement).map((element) => element.getAttribute('Id')))
  let id = 'rIdDestigmaComments'
  for (let index = 1; ids.has(id); index++) id = `rIdDestigmaComments${index}`
  const relationship = relationships.createElementNS(packageRelationships, 'Relationship')
  relationship.setAttribute('Id', id)
  relationship.setAttribute('Type', commentsType)
  relationship.setAttribute('Target', name.slice(folder.length))
  relationships.documentElement.appendChild(relationship)
  changed.add(docx.relsPart)

  const types = docx.xml.get('[Content_Types].xml') as Document
  const override = types.createElementNS(contentTypesNamespace, 'Override')
  override.setAttribute('PartName', `/${name}`)
  override.setAttribute('ContentType', commentsContentType)
  types.documentElement.appendChild(override)
  changed.add('[Content_Types].xml')
  return document.documentElement
}

/**
 * Add one comment to the comments part: a paragraph per line of its text.
 *
 * @param root - The comments part's root.
 * @param id - The comment's id (the one its anchor uses).
 * @param lines - Its paragraphs.
 * @param revision - Its author and date.
 */
export function addComment(root: Element, id: number, lines: readonly string[], revision: Revision): void {
  const document = root.ownerDocument
  const element = (name: string): Element => document.createElementNS(wordNamespace, `w:${name}`)
  const comment = element('comment')
  comment.setAttributeNS(wordNamespace, 'w:id', String(id))
  comment.setAttributeNS(wordNamespace, 'w:author', revision.author)
  comment.setAttributeNS(wordNamespace, 'w:date', revision.date)
  comment.setAttributeNS(wordNamespace, 'w:initials', revision.author.slice(0, 2).toUpperCase())
  lines.forEach((line, index) => {
    const paragraph = element('p')
    if (index === 0) {
      // Word marks the first paragraph of a comment with its reference mark.
      const mark = element('r')
      mark.appendChild(element('annotationRef'))
      paragraph.appendChild(mark)
    }
    const run = element('r')
    const text = element('t')
    text.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve')
    text.appendChild(document.createTextNode(line))
    run.appendChild(text)
    paragraph.appendChild(run)
    comment.appendChild(paragraph)
  })
  root.appendChild(comment)
}
