#!/usr/bin/env bash
# Installs code-server (VS Code in a browser, from the npm registry) into .cache/code-server for
# test/lsp/vscode.test.ts. Run as root on Debian; takes a few minutes and about 300 MB, once.
# code-server 4.100 is the last release that runs on Node 20.
set -euo pipefail
cd "$(dirname "$0")/../../.."
target=.cache/code-server
if [ -x "$target/node_modules/.bin/code-server" ]; then exit 0; fi

# Its native modules compile against these; node-pty's install calls node-gyp through npx.
apt-get update
apt-get install -y --no-install-recommends libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3 ripgrep
command -v node-gyp >/dev/null || npm install --global node-gyp

# @vscode/ripgrep downloads rg from a host CI cannot reach; it first looks in its cache in the
# temporary folder, so put Debian's rg there under every name recent versions ask for.
rg_folder=$(mktemp -d)
cp "$(command -v rg)" "$rg_folder/rg"
tmp=$(node -p 'require("os").tmpdir()')
for version in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
  mkdir -p "$tmp/vscode-ripgrep-cache-$version"
  for tag in v13.0.0-10 v13.0.0-11 v13.0.0-12 v13.0.0-13; do
    tar -czf "$tmp/vscode-ripgrep-cache-$version/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz" -C "$rg_folder" rg
  done
done

mkdir -p "$target"
cd "$target"
echo '{"name": "code-server-e2e", "private": true, "allowScripts": {"code-server": true, "argon2": true}}' > package.json
# Its post-install refuses to run as root unless told, and calls npx without --yes.
export npm_config_unsafe_perm=true npm_config_yes=true
npm install --no-audit --no-fund code-server@4.100.3
# npm 11 may hold back install scripts until approved: run them now.
npm rebuild code-server argon2
test -x node_modules/.bin/code-server
