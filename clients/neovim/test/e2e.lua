-- End-to-end test of the Neovim plugin, run by run.sh in `nvim --headless -u NONE`: the plugin
-- starts the real server the way a user's config does, on a copy of the example application.
--
-- Reads GREENLIGHT_E2E_PLUGIN (clients/neovim), GREENLIGHT_E2E_JAR, GREENLIGHT_E2E_PROJECT (the
-- copy of examples/) and GREENLIGHT_E2E_TIMEOUT_MS (each wait). Exits 0 when every check passes,
-- 1 with a `FAIL:` line on the first that does not.

local PLUGIN = os.getenv("GREENLIGHT_E2E_PLUGIN")
local JAR = os.getenv("GREENLIGHT_E2E_JAR")
local PROJECT = os.getenv("GREENLIGHT_E2E_PROJECT")
local TIMEOUT_MS = tonumber(os.getenv("GREENLIGHT_E2E_TIMEOUT_MS") or "60000")
-- The server may publish twice at start (initializationOptions, then workspace/configuration):
-- a file's diagnostics count as settled once this long passes without another publish.
local SETTLE_MS = 400

-- What `greenlight check` reports for these example files (1-based lines).
local AUTHORS = "app/routers/authors.py"
local AUTHORS_EXPECTED = { { code = "GL005", line = 14 }, { code = "GL004", line = 21 }, { code = "GL003", line = 34 } }
local BOOKS = "app/routers/books.py"
local BOOKS_EXPECTED = { { code = "GL006", line = 21 } }
-- The quick fix applied: GL003's "Await `session.delete(author)`".
local FIXED_LINE = 34
local FIXED_TEXT = "        await session.delete(author)"
local FIX_TITLE = "Await `session.delete(author)`"

local HAS_011 = vim.fn.has("nvim-0.11") == 1

local function say(line)
  io.stdout:write(line, "\n")
end

local Failure = {}

local function fail(message)
  error(setmetatable({ message = message }, Failure), 0)
end

local function check(condition, message)
  if not condition then
    fail(message)
  end
end

-- The client under test, once started: a wait ends early when its server exits.
local server_client_id

local function server_gone()
  return server_client_id ~= nil and vim.lsp.get_client_by_id(server_client_id) == nil
end

local function wait(what, condition)
  if not vim.wait(TIMEOUT_MS, function() return server_gone() or condition() end, 20) then
    fail("timed out after " .. TIMEOUT_MS .. " ms waiting for " .. what)
  end
  check(not server_gone(), "the server exited while waiting for " .. what .. " (its stderr is in the LSP log below)")
end

-- Every publishDiagnostics, recorded on the way to Neovim's own handler.
local publishes = {}
local publish_handler = vim.lsp.handlers["textDocument/publishDiagnostics"]
vim.lsp.handlers["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
  if result then
    table.insert(publishes, { at = vim.loop.now(), uri = result.uri, items = result.diagnostics or {} })
  end
  return publish_handler(err, result, ctx, config)
end

local function publishes_for(uri, after)
  local found = {}
  for index = after + 1, #publishes do
    if publishes[index].uri == uri then
      table.insert(found, publishes[index])
    end
  end
  return found
end

-- The diagnostics of `uri` published after publish number `after`, once they satisfy `accept` and
-- have settled. Returns them and the number of publishes so far.
local function settled_diagnostics(uri, after, what, accept)
  local latest
  wait(what, function()
    local mine = publishes_for(uri, after)
    latest = mine[#mine]
    return latest ~= nil and accept(latest.items) and vim.loop.now() - latest.at >= SETTLE_MS
  end)
  return latest.items, #publishes
end

local function lsp_code(diagnostic)
  return diagnostic.code ~= nil and tostring(diagnostic.code) or nil
end

local function shown_code(diagnostic)
  local lsp = diagnostic.user_data and diagnostic.user_data.lsp
  return diagnostic.code or (lsp and lsp.code)
end

local function describe(items, line_of, code_of)
  local parts = {}
  for _, d in ipairs(items) do
    table.insert(parts, string.format("%s@%d", tostring(code_of(d)), line_of(d)))
  end
  table.sort(parts)
  return table.concat(parts, ", ")
end

local function describe_expected(expected)
  return describe(expected, function(e) return e.line end, function(e) return e.code end)
end

local function describe_published(items)
  return describe(items, function(d) return d.range.start.line + 1 end, lsp_code)
end

-- What the user sees: vim.diagnostic's view of the buffer.
local function describe_shown(bufnr)
  return describe(vim.diagnostic.get(bufnr), function(d) return d.lnum + 1 end, shown_code)
end

local function find(items, code, line)
  for _, d in ipairs(items) do
    if lsp_code(d) == code and d.range.start.line + 1 == line then
      return d
    end
  end
  return nil
end

local function greenlight_clients(bufnr)
  local found = {}
  local attached = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  for _, client in pairs(attached) do
    if client.name == "greenlight" then
      table.insert(found, client)
    end
  end
  return found
end

local function open(relative)
  vim.cmd("edit " .. vim.fn.fnameescape(PROJECT .. "/" .. relative))
  local bufnr = vim.api.nvim_get_current_buf()
  check(vim.bo[bufnr].filetype == "python", relative .. " opened with filetype '" .. vim.bo[bufnr].filetype .. "', not python")
  return bufnr, vim.uri_from_bufnr(bufnr)
end

local function run()
  check(PLUGIN and JAR and PROJECT, "GREENLIGHT_E2E_PLUGIN, _JAR and _PROJECT must be set (run test/run.sh)")
  vim.opt.runtimepath:prepend(PLUGIN)
  vim.cmd("filetype on") -- -u NONE leaves filetype detection off
  local greenlight = require("greenlight")

  say("== finding the server: setup{ jar }, then $GREENLIGHT_JAR, then the launcher on PATH")
  local path = vim.env.PATH
  vim.env.PATH = "/nonexistent"
  local cmd, _, why = greenlight.command({})
  check(cmd == nil and why:find("GREENLIGHT_JAR", 1, true), "with nothing to find, command() gave " .. vim.inspect({ cmd, why }))
  vim.env.PATH = path
  vim.env.GREENLIGHT_JAR = JAR
  cmd = greenlight.command({})
  check(cmd and cmd[3] == JAR and cmd[4] == "server", "$GREENLIGHT_JAR gave " .. vim.inspect(cmd))
  vim.env.GREENLIGHT_JAR = nil
  -- The build puts the `greenlight` launcher beside the jar.
  local launcher = vim.fn.fnamemodify(JAR, ":h") .. "/greenlight"
  if vim.fn.executable(launcher) == 1 then
    vim.env.PATH = vim.fn.fnamemodify(JAR, ":h") .. ":" .. path
    cmd = greenlight.command({})
    vim.env.PATH = path
    check(cmd and cmd[1] == launcher and cmd[2] == "server", "the launcher on PATH gave " .. vim.inspect(cmd))
    say("ok: " .. table.concat(cmd, " "))
  else
    say("skipped the launcher: there is none beside " .. JAR)
  end

  say("== a missing jar: setup{} says so")
  local notices = {}
  local notify = vim.notify
  vim.notify = function(message, level)
    table.insert(notices, { message = message, level = level })
  end
  local missing = PROJECT .. "/no-such-greenlight.jar"
  local started = greenlight.setup({ jar = missing })
  vim.notify = notify
  check(started == false, "setup{} with a missing jar returned " .. tostring(started) .. ", not false")
  check(#notices == 1 and notices[1].level == vim.log.levels.ERROR and notices[1].message:find(missing, 1, true),
    "setup{} with a missing jar did not notify one error naming it: " .. vim.inspect(notices))
  say("ok: " .. notices[1].message)

  say("== a missing java: setup{} says so")
  notices = {}
  vim.notify = function(message, level)
    table.insert(notices, { message = message, level = level })
  end
  local no_java = PROJECT .. "/no-such-jdk/bin/java"
  started = greenlight.setup({ jar = JAR, java = no_java })
  vim.notify = notify
  check(started == false, "setup{} with a missing java returned " .. tostring(started) .. ", not false")
  check(#notices == 1 and notices[1].level == vim.log.levels.ERROR and notices[1].message:find(no_java, 1, true),
    "setup{} with a missing java did not notify one error naming it: " .. vim.inspect(notices))
  say("ok: " .. notices[1].message)

  say("== setup{} with the jar; open " .. AUTHORS)
  check(greenlight.setup({ jar = JAR, settings = { select = { "ALL" }, severity = { GL005 = "warning" } } }),
    "setup{} with the jar failed")
  local config = dofile(PLUGIN .. "/lsp/greenlight.lua")
  check(config.cmd[3] == JAR and config.cmd[4] == "server" and vim.deep_equal(config.filetypes, { "python" })
    and vim.deep_equal(config.root_markers, { "pyproject.toml", ".git" }),
    "lsp/greenlight.lua returned an unexpected config: " .. vim.inspect(config))
  local authors, authors_uri = open(AUTHORS)
  -- The FileType autocmd has started the client; attaching again returns the same one, whose
  -- id lets the waits below notice a server that exits.
  server_client_id = greenlight.attach(authors)
  check(server_client_id ~= nil, "no client started for " .. AUTHORS)
  wait("greenlight to attach to " .. AUTHORS, function() return #greenlight_clients(authors) == 1 end)
  local client = greenlight_clients(authors)[1]
  check(client.id == server_client_id, "attach() returned client " .. server_client_id .. ", but " .. client.id .. " is attached")
  wait("the server to initialize", function() return client.initialized or client.server_capabilities ~= nil end)
  check(client.config.root_dir == PROJECT,
    "root is " .. tostring(client.config.root_dir) .. ", expected the folder with pyproject.toml: " .. PROJECT)
  say("ok: client " .. client.id .. " (" .. table.concat(client.config.cmd, " ") .. "), root " .. client.config.root_dir)

  local before = settled_diagnostics(authors_uri, 0, "the diagnostics of " .. AUTHORS, function(items)
    return #items > 0
  end)
  check(describe_published(before) == describe_expected(AUTHORS_EXPECTED),
    "published for " .. AUTHORS .. ": " .. describe_published(before) .. "; expected " .. describe_expected(AUTHORS_EXPECTED))
  check(describe_shown(authors) == describe_expected(AUTHORS_EXPECTED),
    "vim.diagnostic shows " .. describe_shown(authors) .. "; expected " .. describe_expected(AUTHORS_EXPECTED))
  for _, d in ipairs(vim.diagnostic.get(authors)) do
    local want = shown_code(d) == "GL005" and vim.diagnostic.severity.WARN or vim.diagnostic.severity.ERROR
    check(d.severity == want, string.format("%s has severity %s, expected %s (settings.severity)", shown_code(d), d.severity, want))
  end
  say("ok: diagnostics " .. describe_shown(authors) .. " (GL005 a warning, from settings.severity)")

  say("== the quick fix for GL003 on line " .. FIXED_LINE .. ", through vim.lsp.buf.code_action()")
  -- The menu a user picks from is vim.ui.select: here it records the offered actions and picks the
  -- preferred one where the client supports preference (0.8+), else (0.7) the fix by its title.
  local prefers = (vim.lsp.protocol.make_client_capabilities().textDocument.codeAction or {}).isPreferredSupport
  local offered = {}
  local chosen
  local select = vim.ui.select
  vim.ui.select = function(items, _, on_choice)
    local choice
    for _, item in ipairs(items) do
      local action = item.action or item[2]
      table.insert(offered, action)
      if not choice and (prefers and action.isPreferred or not prefers and action.title == FIX_TITLE) then
        choice = item
      end
    end
    chosen = choice and (choice.action or choice[2])
    on_choice(choice)
  end
  local lines_before = vim.api.nvim_buf_get_lines(authors, 0, -1, false)
  local published_so_far = #publishes
  local said = {}
  local notify = vim.notify
  vim.notify = function(message)
    table.insert(said, message) -- "No code actions available" comes this way
  end
  vim.api.nvim_win_set_cursor(0, { FIXED_LINE, 8 })
  vim.lsp.buf.code_action({ only = { "quickfix" } })
  wait("the code action menu", function() return #offered > 0 or #said > 0 end)
  vim.ui.select = select
  vim.notify = notify
  check(#said == 0, "vim.lsp.buf.code_action() on line " .. FIXED_LINE .. " said: " .. table.concat(said, "; "))
  for _, action in ipairs(offered) do
    say("  offered: " .. action.title .. (action.isPreferred and " (preferred)" or ""))
    check(prefers or not action.isPreferred, "the server marked '" .. action.title
      .. "' preferred, but this Neovim does not announce isPreferredSupport")
  end
  check(chosen ~= nil and chosen.title == FIX_TITLE, "the " .. (prefers and "preferred action" or "action titled " .. FIX_TITLE)
    .. " is not among the " .. #offered .. " offered")
  -- Neovim resolves the edit (codeAction/resolve) and applies it asynchronously.
  wait("the edit of '" .. FIX_TITLE .. "'", function()
    return not vim.deep_equal(vim.api.nvim_buf_get_lines(authors, 0, -1, false), lines_before)
  end)

  local expected_lines = vim.deepcopy(lines_before)
  expected_lines[FIXED_LINE] = FIXED_TEXT
  local lines_after = vim.api.nvim_buf_get_lines(authors, 0, -1, false)
  check(vim.deep_equal(lines_after, expected_lines), "after '" .. FIX_TITLE .. "' line " .. FIXED_LINE .. " reads '"
    .. tostring(lines_after[FIXED_LINE]) .. "' (" .. #lines_after .. " lines), expected '" .. FIXED_TEXT
    .. "' and every other line unchanged")
  say("ok: applied '" .. FIX_TITLE .. "'; line " .. FIXED_LINE .. " is now: " .. vim.trim(lines_after[FIXED_LINE]))

  local remaining = { AUTHORS_EXPECTED[1], AUTHORS_EXPECTED[2] }
  settled_diagnostics(authors_uri, published_so_far, "the server to re-publish without GL003", function(items)
    return find(items, "GL003", FIXED_LINE) == nil
  end)
  check(describe_shown(authors) == describe_expected(remaining),
    "after the fix vim.diagnostic shows " .. describe_shown(authors) .. "; expected " .. describe_expected(remaining))
  say("ok: re-published: " .. describe_shown(authors))

  say("== setup{} again with other settings: the running server takes them")
  published_so_far = #publishes
  check(greenlight.setup({ jar = JAR, settings = { select = { "ALL" }, severity = { GL005 = "warning", GL004 = "hint" } } }),
    "setup{} again failed")
  settled_diagnostics(authors_uri, published_so_far, "GL004 re-published as a hint", function(items)
    local gl004 = find(items, "GL004", 21)
    return gl004 ~= nil and gl004.severity == vim.lsp.protocol.DiagnosticSeverity.Hint
  end)
  check(describe_shown(authors) == describe_expected(remaining),
    "after the new settings vim.diagnostic shows " .. describe_shown(authors) .. "; expected " .. describe_expected(remaining))
  for _, d in ipairs(vim.diagnostic.get(authors)) do
    local want = ({ GL004 = vim.diagnostic.severity.HINT, GL005 = vim.diagnostic.severity.WARN })[shown_code(d)]
    check(d.severity == want, string.format("%s has severity %s, expected %s (new settings.severity)", shown_code(d), d.severity, want))
  end
  say("ok: GL004 is now a hint, GL005 still a warning")

  say("== a second file of the same root: the same client")
  local books, books_uri = open(BOOKS)
  wait("greenlight to attach to " .. BOOKS, function() return #greenlight_clients(books) == 1 end)
  check(greenlight_clients(books)[1].id == client.id,
    BOOKS .. " got client " .. greenlight_clients(books)[1].id .. ", not the root's client " .. client.id)
  local get_all = vim.lsp.get_clients or vim.lsp.get_active_clients
  check(#get_all() == 1, #get_all() .. " clients running, expected 1")
  settled_diagnostics(books_uri, 0, "the diagnostics of " .. BOOKS, function(items) return #items > 0 end)
  check(describe_shown(books) == describe_expected(BOOKS_EXPECTED),
    "vim.diagnostic shows " .. describe_shown(books) .. " for " .. BOOKS .. "; expected " .. describe_expected(BOOKS_EXPECTED))
  say("ok: client " .. client.id .. " again; diagnostics " .. describe_shown(books))
end

local ok, err = xpcall(run, function(e)
  if getmetatable(e) == Failure then
    return e
  end
  return { message = debug.traceback(tostring(e), 2) }
end)
if not ok then
  say("FAIL: " .. err.message)
  vim.wait(500) -- lets a dead server's last stderr reach the LSP log
end
local get_all = vim.lsp.get_clients or vim.lsp.get_active_clients
for _, client in pairs(get_all()) do
  if HAS_011 then client:stop() else client.stop() end
end
vim.wait(3000, function() return #get_all() == 0 end, 20)
-- Headless Neovim stays up after the script: quit with the status.
vim.cmd(ok and "qall!" or "cquit! 1")
