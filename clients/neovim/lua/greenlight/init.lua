-- greenlight for Neovim: starts `greenlight server` on Python buffers.
--
--   require("greenlight").setup {
--     jar = "~/greenlight/greenlight.jar",  -- else $GREENLIGHT_JAR, else `greenlight` on PATH
--     java = "~/jdk-17/bin/java",  -- else $JAVA_HOME/bin/java, else PATH
--     settings = { select = { "ALL" }, ignore = { "GL002" }, severity = { GL004 = "warning" } },
--   }
--
-- Neovim 0.8 and later get `vim.lsp.start`, which reuses a running client for the same root;
-- 0.7 has only `vim.lsp.start_client`, so this module keeps one client per root itself.
-- Neovim 0.11 users may instead call `vim.lsp.enable("greenlight")` (see lsp/greenlight.lua).

local M = {}

local NAME = "greenlight"

local defaults = {
  cmd = nil,
  jar = nil,
  java = nil,
  settings = {},
  filetypes = { "python" },
  root_markers = { "pyproject.toml", ".git" },
}

M.options = vim.deepcopy(defaults)

-- 0.7's start_client has no reuse of its own: root directory -> client id.
local clients_by_root = {}

local function notify_error(message)
  vim.notify("greenlight: " .. message, vim.log.levels.ERROR)
end

local function present(value)
  return value ~= nil and value ~= ""
end

local function expand(path)
  return vim.fn.fnamemodify(vim.fn.expand(path), ":p")
end

--- The Java to run the jar with, or nil and why not.
function M.find_java(options)
  options = options or M.options
  if present(options.java) then
    local java = vim.fn.exepath(vim.fn.expand(options.java))
    if java == "" then
      return nil, "java = " .. options.java .. " is not an executable"
    end
    return java
  end
  local home = os.getenv("JAVA_HOME")
  if present(home) and vim.fn.executable(home .. "/bin/java") == 1 then
    return home .. "/bin/java"
  end
  local java = vim.fn.exepath("java")
  if java ~= "" then
    return java
  end
  return nil, "no Java found: greenlight needs Java 17 or newer; set `java` in setup{}, JAVA_HOME, or put java on PATH"
end

--- The server command and its environment, or nil and why not: `cmd` as given, else
--- `java -jar JAR server` with the jar from `jar` or $GREENLIGHT_JAR, else the `greenlight`
--- launcher found on PATH.
function M.command(options)
  options = options or M.options
  if options.cmd then
    return options.cmd, nil
  end
  local jar = present(options.jar) and options.jar or os.getenv("GREENLIGHT_JAR")
  if present(jar) then
    jar = expand(jar)
    if vim.fn.filereadable(jar) ~= 1 then
      return nil, nil, "the server jar " .. jar .. " does not exist (from " .. (present(options.jar) and "setup{ jar = ... }" or "$GREENLIGHT_JAR") .. ")"
    end
    local java, why = M.find_java(options)
    if not java then
      return nil, nil, why
    end
    return { java, "-jar", jar, "server" }, nil
  end
  local launcher = vim.fn.exepath("greenlight")
  if launcher ~= "" then
    local java, why = M.find_java(options)
    if not java then
      return nil, nil, why
    end
    -- The launcher picks its JVM from GREENLIGHT_JAVA, so an explicit `java` is passed on.
    return { launcher, "server" }, present(options.java) and { GREENLIGHT_JAVA = java } or nil
  end
  return nil, nil, "cannot find the server: set `jar` in require(\"greenlight\").setup{}, or $GREENLIGHT_JAR, or put the greenlight launcher on PATH"
end

--- The folder of `path` that holds the first of `markers` found going up, else the file's folder.
function M.root(path, markers)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  for _, marker in ipairs(markers or M.options.root_markers) do
    local found = vim.fn.findfile(marker, dir .. ";")
    if found == "" then
      found = vim.fn.finddir(marker, dir .. ";")
    end
    if found ~= "" then
      -- A `.git` folder's :p:h is the folder itself; a `.git` file's (a worktree) is its parent.
      local root = vim.fn.fnamemodify(found, ":p:h"):gsub("/%.git/?$", "")
      return root
    end
  end
  return dir
end

--- The settings as init_options (read at start) and as the client's `settings`, whose `greenlight`
--- section Neovim gives the server on `workspace/configuration` (0.8+) and update_running sends.
local function settings_fields(settings)
  return { settings = { greenlight = settings } }, { greenlight = settings }
end

--- A vim.lsp.Config for Neovim 0.11's `vim.lsp.config` (used by lsp/greenlight.lua).
function M.lsp_config(options)
  options = vim.tbl_extend("force", M.options, options or {})
  local cmd, env = M.command(options)
  local init_options, settings = settings_fields(options.settings)
  return {
    -- Unresolved, Neovim reports the launcher as missing when it tries to start it.
    cmd = cmd or { "greenlight", "server" },
    cmd_env = env,
    filetypes = options.filetypes,
    root_markers = options.root_markers,
    init_options = init_options,
    settings = settings,
  }
end

local function client_config(root, cmd, env)
  local init_options, settings = settings_fields(M.options.settings)
  return {
    name = NAME,
    cmd = cmd,
    cmd_env = env,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = init_options,
    settings = settings,
  }
end

local function running(client_id)
  local client = client_id and vim.lsp.get_client_by_id(client_id)
  return client ~= nil and not client.is_stopped()
end

--- Attaches greenlight to buffer `bufnr` (a Python file), starting a server for its root if needed.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local path = vim.api.nvim_buf_get_name(bufnr)
  if path == "" or vim.bo[bufnr].buftype ~= "" then
    return nil
  end
  local cmd, env, why = M.command()
  if not cmd then
    notify_error(why)
    return nil
  end
  local root = M.root(path)
  local config = client_config(root, cmd, env)
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  local client_id = clients_by_root[root]
  if not running(client_id) then
    client_id = vim.lsp.start_client(config)
    if not client_id then
      notify_error("could not start " .. table.concat(cmd, " "))
      return nil
    end
    clients_by_root[root] = client_id
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  return client_id
end

local function notify_client(client, method, params)
  if vim.fn.has("nvim-0.11") == 1 then
    return client:notify(method, params)
  end
  return client.notify(method, params)
end

--- Sends changed settings to the running servers. Neovim 0.7 does not announce
--- `workspace/configuration`, so the server is told with didChangeConfiguration.
local function update_running(settings)
  local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
  for _, client in pairs(get_clients()) do
    if client.name == NAME and not vim.deep_equal(client.config.settings, settings) then
      client.config.settings = settings
      notify_client(client, "workspace/didChangeConfiguration", { settings = settings })
    end
  end
end

--- Starts greenlight on every Python buffer, now and from now on. Calling it again replaces the
--- options; running servers get the new `settings` at once, a new command when restarted.
function M.setup(options)
  -- Each option replaces the default whole: root_markers = { "setup.cfg" } means only that.
  M.options = vim.tbl_extend("force", vim.deepcopy(defaults), options or {})
  local group = vim.api.nvim_create_augroup(NAME, { clear = true })
  local cmd, _, why = M.command()
  if not cmd then
    notify_error(why)
    return false
  end
  local _, settings = settings_fields(M.options.settings)
  update_running(settings)
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.options.filetypes,
    callback = function(event)
      M.attach(event.buf)
    end,
    desc = "Start greenlight",
  })
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.options.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr)
    end
  end
  return true
end

return M
