/**
 * Put text on the clipboard, with the older copy command as a fallback where the
 * Clipboard API is missing or refused.
 *
 * @param text - The text to copy.
 * @returns Whether the text was copied.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    area.setAttribute('readonly', '')
    area.className = 'offscreen'
    document.body.append(area)
    area.select()
    const copied = document.execCommand('copy')
    area.remove()
    return copied
  }
}

/**
 * Save text as a file through the browser's download, made from memory (no request).
 *
 * @param name - The file name.
 * @param text - Its contents.
 * @param type - Its media type.
 */
export function downloadText(name: string, text: string, type: string): void {
  saveBlob(name, new Blob([text], {type: `${type};charset=utf-8`}))
}

/**
 * A file name for a download, from the source's name.
 *
 * @param source - The name of the file the text came from, if any.
 * @param extension - The extension to give it, without the dot.
 * @param suffix - Added before the extension (`-changes`).
 * @returns The name.
 */
export function downloadName(source: string | undefined, extension: string, suffix = ''): string {
  const base = source ? source.replace(/\.[^.]+$/, '') : 'draft'
  return `${base}${suffix}.${extension}`
}

/**
 * Save bytes as a file through the browser's download, made from memory (no request).
 *
 * @param name - The file name.
 * @param bytes - Its contents.
 * @param type - Its media type.
 */
export function downloadBytes(name: string, bytes: ArrayBuffer, type: string): void {
  saveBlob(name, new Blob([bytes], {type}))
}

function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
