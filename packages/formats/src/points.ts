/** A unist point with an offset (the readers always set one). */
export interface Point {
  line: number
  column: number
  offset?: number
}

interface Positioned {
  position?: {start: Point; end: Point}
  children?: unknown[]
}

/**
 * Call `move` once for each point of a tree that has an offset. The parsers share point objects
 * between parents and children, so a point met again is skipped rather than moved twice.
 *
 * @param tree - A unist tree (nlcst here).
 * @param move - Changes a point in place.
 * @param seen - Points already moved, to share across several trees of one text.
 */
export function movePoints(tree: Positioned, move: (point: Point & {offset: number}) => void, seen: Set<object> = new Set()): void {
  const visit = (point: Point | undefined): void => {
    if (!point || point.offset === undefined || seen.has(point)) return
    seen.add(point)
    move(point as Point & {offset: number})
  }
  const walk = (node: Positioned): void => {
    visit(node.position?.start)
    visit(node.position?.end)
    for (const child of node.children ?? []) walk(child as Positioned)
  }
  walk(tree)
}
