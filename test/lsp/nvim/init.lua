-- Neovim end-to-end check of destigma-language-server, with Neovim's own LSP client.
-- Run: DESTIGMA_SERVER=packages/language-server/dist/server.js DESTIGMA_OUT=out.json \
--        nvim --headless --clean -u test/lsp/nvim/init.lua draft.md
-- Writes what the client saw (diagnostics, hover, the buffer after the preferred quick fix) to
-- DESTIGMA_OUT as JSON, then quits. Works with Neovim 0.7 (start_client) and later (vim.lsp.start).
local server = assert(os.getenv('DESTIGMA_SERVER'), 'set DESTIGMA_SERVER')
local out = assert(os.getenv('DESTIGMA_OUT'), 'set DESTIGMA_OUT')

local function finish(result)
  vim.fn.writefile({vim.fn.json_encode(result)}, out)
  vim.cmd('qa!')
end

local config = {
  name = 'destigma',
  cmd = {'node', server, '--stdio'},
  root_dir = vim.fn.getcwd(),
  settings = {destigma = {locale = 'en-GB'}},
}

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    if vim.lsp.start then
      vim.lsp.start(config)
    else
      vim.lsp.buf_attach_client(args.buf, vim.lsp.start_client(config))
    end
  end,
})

local done = false
vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function(args)
    local found = vim.diagnostic.get(args.buf)
    if done or #found == 0 then return end
    done = true
    local diagnostics = {}
    for _, d in ipairs(found) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(diagnostics, {
        line = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
        source = d.source, code = d.code or lsp.code, message = d.message,
      })
    end
    -- Ask as a user would: hover on the first finding, then take its preferred quick fix.
    vim.schedule(function()
      local first = found[1]
      local position = {line = first.lnum, character = first.col}
      local uri = vim.uri_from_bufnr(args.buf)
      local hover = vim.lsp.buf_request_sync(args.buf, 'textDocument/hover', {textDocument = {uri = uri}, position = position}, 10000)
      local hover_text
      for _, response in pairs(hover or {}) do
        if response.result then hover_text = response.result.contents.value end
      end
      local lsp_diagnostic = (first.user_data or {}).lsp
      local actions = vim.lsp.buf_request_sync(args.buf, 'textDocument/codeAction', {
        textDocument = {uri = uri},
        range = {start = position, ['end'] = {line = first.end_lnum, character = first.end_col}},
        context = {diagnostics = {lsp_diagnostic}, only = {'quickfix'}},
      }, 10000)
      local applied
      for _, response in pairs(actions or {}) do
        for _, action in ipairs(response.result or {}) do
          if action.isPreferred and not applied then
            vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
            applied = action.title
          end
        end
      end
      finish({
        diagnostics = diagnostics,
        hover = hover_text,
        applied = applied,
        buffer = vim.api.nvim_buf_get_lines(args.buf, 0, -1, false),
      })
    end)
  end,
})

vim.defer_fn(function()
  finish({error = 'no diagnostics from destigma-language-server within 30 s'})
end, 30000)
