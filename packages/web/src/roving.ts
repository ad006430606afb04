/**
 * Arrow-key movement inside a group of items with one tab stop (the roving tabindex pattern):
 * Tab enters and leaves the group, arrows, Home and End move within it.
 *
 * @param container - The element holding the items.
 * @param items - The items, in order.
 * @param onMove - Called with the index of the item arrived at.
 */
export function rovingKeys(container: HTMLElement, items: () => HTMLElement[], onMove: (index: number) => void): void {
  container.addEventListener('keydown', (event) => {
    const list = items()
    const current = list.indexOf(event.target as HTMLElement)
    if (current === -1) return
    const next =
      event.key === 'ArrowDown' || event.key === 'ArrowRight'
        ? Math.min(current + 1, list.length - 1)
        : event.key === 'ArrowUp' || event.key === 'ArrowLeft'
          ? Math.max(current - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? list.length - 1
              : undefined
    if (next === undefined) return
    event.preventDefault()
    onMove(next)
  })
}

/**
 * Make one item of a group the tab stop.
 *
 * @param items - The group's items.
 * @param index - The item that gets the tab stop.
 */
export function setTabStop(items: readonly HTMLElement[], index: number): void {
  items.forEach((item, at) => (item.tabIndex = at === index ? 0 : -1))
}
