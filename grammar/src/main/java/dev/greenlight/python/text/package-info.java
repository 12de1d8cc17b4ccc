/**
 * The text model of one open file: {@link dev.greenlight.python.text.Document} (immutable text,
 * line index, LSP version), LSP positions in each {@link dev.greenlight.python.text.PositionEncoding},
 * and edits as LSP sends them ({@link dev.greenlight.python.text.Change}), resolved to UTF-16
 * offsets ({@link dev.greenlight.python.text.Edit}). Out-of-range positions are clamped the way
 * VS Code does and reported to a {@link dev.greenlight.python.text.ClampListener}, never thrown.
 */
package dev.greenlight.python.text;
