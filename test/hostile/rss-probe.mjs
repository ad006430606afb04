// Preloaded into a process under test (`node --import`): on exit, write its peak resident memory (KiB) where the test asked.
import {writeFileSync} from 'node:fs'

const out = process.env.DESTIGMA_TEST_RSS_FILE
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)))
