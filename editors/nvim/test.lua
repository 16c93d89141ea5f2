-- Neovim's own LSP client against `regc lsp`, headless: the diagnostics of a broken
-- file, then completion after `basis `. Run by test.sh; the API used (start_client,
-- buf_attach_client) is the one Debian's Neovim 0.7 has, and newer versions keep.
local regc = assert(os.getenv("REGC"), "REGC: the regc binary")
local file = assert(os.getenv("REGC_FILE"), "REGC_FILE: the file to open")
local expect_line = tonumber(assert(os.getenv("REGC_P002_LINE")))

local function fail(message)
  io.stderr:write("nvim-lsp test: " .. message .. "\n")
  vim.cmd("cquit 1")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local client_id = vim.lsp.start_client({
  name = "regc",
  cmd = { regc, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
})
if not client_id then
  fail("the client did not start")
end
vim.lsp.buf_attach_client(0, client_id)

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

-- 1. The diagnostics of the file as opened: P002 at the purpose without a basis.
local got = vim.wait(15000, function()
  return #vim.diagnostic.get(0) > 0
end, 50)
if not got then
  fail("no diagnostics arrived")
end
local p002
for _, d in ipairs(vim.diagnostic.get(0)) do
  io.stdout:write(string.format("%s line %d: %s\n", code_of(d), d.lnum + 1, (d.message:gsub("\n.*", ""))))
  if code_of(d) == "P002" then
    p002 = d
  end
end
if not p002 then
  fail("no P002 among the diagnostics")
end
if p002.lnum + 1 ~= expect_line then
  fail(string.format("P002 at line %d, expected %d", p002.lnum + 1, expect_line))
end

-- 2. Completion after `basis `, typed into the purpose (Neovim sends the change).
local line = expect_line -- 0-based index of the line after the purpose's opening line
vim.api.nvim_buf_set_lines(0, line, line, false, { "    basis " })
local params = {
  textDocument = { uri = vim.uri_from_bufnr(0) },
  position = { line = line, character = 10 },
}
local responses = vim.lsp.buf_request_sync(0, "textDocument/completion", params, 15000)
local labels = {}
for _, response in pairs(responses or {}) do
  local items = response.result and (response.result.items or response.result) or {}
  for _, item in ipairs(items) do
    labels[item.label] = true
  end
end
for _, basis in ipairs({ "consent", "contract", "legal-obligation", "legitimate-interest" }) do
  if not labels[basis] then
    fail("completion after `basis ` did not offer " .. basis)
  end
end
io.stdout:write("completion after `basis ` offers the legal bases\n")

-- 3. A clean shutdown: `shutdown`, then `exit`, and the server's exit code is 0.
local exit_code
vim.lsp.get_client_by_id(client_id).config.on_exit = function(code)
  exit_code = code
end
vim.lsp.stop_client(client_id)
vim.wait(10000, function()
  return exit_code ~= nil
end, 50)
if exit_code ~= 0 then
  fail("the server exited with " .. tostring(exit_code))
end
vim.cmd("qall!")
