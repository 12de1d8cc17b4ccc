-- greenlight for Neovim 0.11+: `vim.lsp.enable("greenlight")` starts it on Python files.
-- The server is `java -jar $GREENLIGHT_JAR server`, else the `greenlight` launcher on PATH; other
-- fields, settings included, are overridden with `vim.lsp.config("greenlight", { ... })`:
--   vim.lsp.config("greenlight", { settings = { greenlight = { ignore = { "GL002" } } } })
---@type vim.lsp.Config
return require("greenlight").lsp_config()
