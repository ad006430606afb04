import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import type {Browser, BrowserContext, Page, Request} from 'playwright-core'

/** The built page the tests load (`pnpm --filter @destigma/web build`). */
export const distDir = fileURLToPath(new URL('../../packages/web/dist', import.meta.url))

/**
 * Fail with a clear message when the page has not been built.
 *
 * @returns The folder to serve.
 */
export function builtPage(): string {
  if (!existsSync(`${distDir}/index.html`)) throw new Error(`${distDir}/index.html is missing: run \`pnpm --filter @destigma/web build\` first.`)
  return distDir
}

/** A page loaded and ready, with every request made after loading recorded. */
export interface LoadedPage {
  context: BrowserContext
  page: Page
  /** Requests after load (blob: and data: URLs never leave the browser and are not counted). */
  requests: string[]
  errors: string[]
}

/**
 * Open the page in a fresh browser context, wait until the engine is ready, then record requests.
 *
 * @param browser - The browser.
 * @param url - The page's address.
 * @returns The loaded page.
 */
export async function openPage(browser: Browser, url: string): Promise<LoadedPage> {
  const context = await browser.newContext({acceptDownloads: true, viewport: {width: 1280, height: 900}})
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: new URL(url).origin})
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.goto(url)
  await page.waitForSelector('body[data-ready="true"]')
  const requests: string[] = []
  const record = (request: Request) => {
    if (!/^(blob|data):/.test(request.url())) requests.push(request.url())
  }
  context.on('request', record)
  return {context, page, requests, errors}
}

/**
 * Paste text into the draft box the way a person does: put it on the clipboard, then Ctrl+V.
 *
 * @param page - The page.
 * @param text - The text.
 */
export async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`)
  await page.focus('#editor')
  await page.keyboard.press('Control+V')
}

/** Page-side script: resolves with the milliseconds from the next paste to the findings being on screen. */
export const measurePasteToFindings = `new Promise((resolve) => {
  let start
  document.addEventListener('paste', () => { start = performance.now() }, {capture: true, once: true})
  const list = document.getElementById('finding-list')
  const observer = new MutationObserver(() => {
    if (start === undefined || list.children.length === 0) return
    observer.disconnect()
    requestAnimationFrame(() => resolve(performance.now() - start))
  })
  observer.observe(list, {childList: true})
})`

/**
 * The text of the draft as the review view shows it.
 *
 * @param page - The page.
 * @returns The text.
 */
export async function shownText(page: Page): Promise<string> {
  return (await page.locator('#document').textContent()) ?? ''
}
