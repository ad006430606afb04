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

Rules and options:
      --preset NAME        recommended (default: clear-cut terms) or strict
                           (adds contested terms)
      --locale NAME        en-GB (default) or en-US suggestions
      --mentions MODE      A term discussed as a word ("the word 'junkie'"):
                           ignore (default), lower (report it one level
                           lower, without a fix) or report
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
  -j, --jobs N             Files checked at once (default: one per core)

  -v, --version            Print the version and the rule set's version
  -h, --help               Print this help

Exit codes: 0 no errors; 1 error-level findings, or more warnings than
--max-warnings; 2 bad usage, bad config or a file that could not be read.

Examples:
  destigma press-release.docx
  destigma docs/                     check every supported file in docs/
  destigma "content/**/*.md" --format github
  destigma --fix-dry-run README.md   see what --fix would change
  pbpaste | destigma --stdin-filename draft.md
  destigma --rule the-homeless=off --preset strict drafts/
  destigma --explain addict
  destigma --format sarif . > destigma.sarif
`
