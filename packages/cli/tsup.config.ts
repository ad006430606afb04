import {readFileSync} from 'node:fs'
import {defineConfig} from 'tsup'

const {version} = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {version: string}

export default defineConfig({
  // The worker is its own entry: pool.ts starts it from dist/worker.js.
  entry: ['src/cli.ts', 'src/worker.ts'],
  format: ['esm'],
  clean: true,
  target: 'node20',
  platform: 'node',
  // Bundle the engine, the readers and every dependency so start-up does not resolve hundreds of modules;
  // each format's parser stays in its own chunk, loaded only when a file of that format is read.
  noExternal: [/.*/],
  splitting: true,
  define: {__DESTIGMA_VERSION__: JSON.stringify(version)},
  banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"}
})
