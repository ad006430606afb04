import {defaultClientConditions, defineConfig, type Plugin} from 'vite'

/**
 * The built page's Content Security Policy: scripts, styles and the worker from the page's
 * own folder, and no fetch, XHR, WebSocket or beacon anywhere, so a draft cannot leave the
 * browser. (Left out of the dev server, whose live reload needs a socket and inline styles.)
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')

function csp(): Plugin {
  return {
    name: 'destigma-csp',
    apply: 'build',
    transformIndexHtml: () => [{tag: 'meta', attrs: {'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy}, injectTo: 'head'}]
  }
}

// Relative asset paths so the page can be hosted in any folder, and one worker file
// (the iife format inlines the format readers' lazy imports), so nothing is fetched
// after the page has loaded and it keeps working offline.
export default defineConfig({
  base: './',
  plugins: [csp()],
  // The engine runs in a web worker, which has no `document`: prefer packages' worker
  // builds (decode-named-character-reference's browser build needs the DOM).
  resolve: {conditions: ['worker', ...defaultClientConditions]},
  build: {
    target: 'es2022',
    modulePreload: {polyfill: false},
    // The page's own script uses a few small engine helpers; reading a property of the
    // rule set at the engine's top level (`ruleSetVersion`) must not pull the whole rule
    // set into it as well as into the worker.
    // The part-of-speech model (wink) declares no `sideEffects` but has none: without
    // this, its 3.6 MB would ride along in the page's script, which never tags anything.
    rolldownOptions: {
      treeshake: {propertyReadSideEffects: false, moduleSideEffects: [{test: /[\\/]wink-(?:nlp|eng-lite-web-model)[\\/]/, sideEffects: false}]}
    }
  },
  worker: {format: 'iife'}
})
