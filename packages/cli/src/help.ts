import {choiceOptions} from 'retext-stigma'

/** The help lines of the options that take one value from a list, from the engine's own table. */
function choiceHelp(): string {
  return Object.entries(choiceOptions)
    .map(([name, choice]) => {
      const values = choice.values.map((value) => (value === choice.default ? `${value} (default)` : value)).join(', ')
      return wrap(`      --${name} ${name === 'locale' || name === 'preset' ? 'NAME' : 'MODE'}`.padEnd(27) + `${values}: ${choice.about}`)
    })
    .join('\n')
}

/** Wrap a help entry at 78 columns, its later lines under its description. */
function wrap(entry: string): string {
  const lines: string[] = []
  let line = ''
  for (const word of entry.slice(27).split(' ')) {
    if (line && line.length + word.length + 1 > 78 - 27) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  lines.push(line)
  return entry.slice(0, 27) + lines.join(`\n${' '.repeat(27)}`)
}

/** The text `destigma --help` prints. */
export const helpText = `Usage: destigma [options] [paths or globs ...]

Checks drafts for stigmatising language about drugs, alcohol, addiction,
mental health, suicide, homelessness, criminal justice, sex work and HIV,
and suggests person-first alternatives.

Reads .txt, .md/.markdown, .mdx, .html/.htm and .docx. Folders are walked
(skipping node_modules, dot-folders, and what .gitignore or .destigmaignore
lists). "-" reads standard input; with no paths, piped input is read, and
otherwise the current folder is checked.

Output:
  -f, --format NAME        stylish (default), json, sarif or github
  -q, --quiet              Report errors only
      --max-warnings N     Exit with 1 when there are more than N warnings
      --report-unused-directives
                           Report disable comments that turn nothing off

Fixing:
      --fix                Apply safe fixes to the files in place
      --fix-dry-run        Show the fixes as a diff (with --format json: add
                           each file's fixed text as "output")
      --docx-output FILE   With --fix and one .docx: write a copy with each
                           safe fix as a tracked change and the other
                           findings as comments (the input is not changed)
      --docx-comments WHICH
                           unfixed (default), all or none: the findings that
                           get a comment in the copy

Rules and options:
${choiceHelp()}
      --rule ID=SETTING    Set a rule to off, error, warning or info
                           (repeat, or separate with commas)
  -c, --config PATH        Use this config file instead of searching for one
      --no-config          Ignore config files
      --explain ID         Print a rule's explanation, suggestions and sources
      --list-rules         List the rules (with --format json: as JSON)

Input:
      --stdin-filename NAME
                           Name standard input for the format and config
                           (default: plain text)
      --max-file-size SIZE Skip larger files (default: 10MB)
      --max-file-time SECS Give up on a file that takes longer (default: 60)
  -j, --jobs N             Files checked at once (default: one per core)

Adopting on a large site (see docs/ci.md):
      --suppress-all       Record every current error and warning in the
                           suppressions file; later runs fail only on new ones
      --suppress-rule ID   The same for one rule (repeat for more)
      --suppressions-location FILE
                           The suppressions file (default:
                           destigma-suppressions.json in this folder)
      --prune-suppressions Drop suppressions whose findings were fixed
      --pass-on-unpruned-suppressions
                           Do not fail (exit 2) when suppressions were fixed
      --changed-since REF  Check only files git reports changed since REF
                           (renames followed, deleted files skipped)
      --shard I/N          Check the I-th of N shares of the files, balanced by
                           size; join the reports with destigma merge-reports

  destigma merge-reports FILE...
                           Join the --format json (or sarif) reports of the
                           shards of one run into one, printed to stdout

  -v, --version            Print the version and the rule set's version
  -h, --help               Print this help

Exit codes: 0 no errors; 1 error-level findings, or more warnings than
--max-warnings; 2 bad usage, bad config or a file that could not be read.

Examples:
  destigma press-release.docx
  destigma docs/                     check every supported file in docs/
  destigma "content/**/*.md" --format github
  destigma --fix-dry-run README.md   see what --fix would change
  destigma --fix --docx-output reviewed.docx draft.docx
  pbpaste | destigma --stdin-filename draft.md
  destigma --rule the-homeless=off --preset strict drafts/
  destigma --explain addict
  destigma --format sarif . > destigma.sarif
`
