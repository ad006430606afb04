/** Attributes and properties for {@link h}: `class`, `aria-*`, `data-*` and the like as strings, handlers as `on<event>`. */
type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>

/**
 * Create an element with attributes, event handlers and children.
 *
 * @param tag - The tag name.
 * @param props - Attributes (`false` and `undefined` leave one out) and `on<event>` handlers.
 * @param children - Text or elements.
 * @returns The element.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value)
    else if (value === true) element.setAttribute(name, '')
    else if (value !== undefined && value !== false) element.setAttribute(name, String(value))
  }
  element.append(...children)
  return element
}

/**
 * Find an element the page's HTML must contain.
 *
 * @param id - Its id.
 * @returns The element.
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id)
  if (!element) throw new Error(`The page is missing #${id}`)
  return element as T
}
