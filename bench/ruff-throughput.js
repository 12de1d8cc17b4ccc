#!/usr/bin/env node
// Ruff's throughput on a list of Python files, with its WebAssembly build
// (@astral-sh/ruff-wasm-nodejs, default rule set), for comparison with `greenlight check`.
// The files are read first; one untimed pass warms the engine up, then --passes timed passes
// lint every file (one thread: WebAssembly here has none). Prints one JSON line.
//
// Usage: node ruff-throughput.js --list FILES.txt [--passes 3]
//   FILES.txt: one path a line. Finds the package through NODE_PATH or ./node_modules.
'use strict';
const fs = require('fs');
const { performance } = require('perf_hooks');

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const list = opt('--list');
const passes = +opt('--passes', 3);
if (!list) {
  console.error('usage: ruff-throughput.js --list FILES.txt [--passes N]');
  process.exit(2);
}
const { Workspace, PositionEncoding } = require('@astral-sh/ruff-wasm-nodejs');

const paths = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
const texts = paths.map(p => fs.readFileSync(p, 'utf8'));
// Lines as `wc -l` counts them, plus a last line without a newline.
const lines = texts.reduce((n, t) => n + (t.match(/\n/g) || []).length + (t && !t.endsWith('\n') ? 1 : 0), 0);
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

const workspace = new Workspace(Workspace.defaultSettings(), PositionEncoding.Utf16);
const lintAll = () => {
  let diagnostics = 0;
  for (const text of texts) diagnostics += workspace.check(text).length;
  return diagnostics;
};
const warmStart = performance.now();
const diagnostics = lintAll();
const warmMs = performance.now() - warmStart;
const times = [];
for (let i = 0; i < passes; i++) {
  const start = performance.now();
  lintAll();
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(JSON.stringify({
  tool: `ruff-wasm ${Workspace.version()}`,
  files: paths.length,
  lines,
  bytes,
  diagnostics,
  first_pass_ms: +warmMs.toFixed(0),
  warm_pass_ms: { median: +median.toFixed(0), min: +times[0].toFixed(0), max: +times[times.length - 1].toFixed(0) },
  warm_files_per_s: Math.round(paths.length / (median / 1000)),
  warm_lines_per_s: Math.round(lines / (median / 1000)),
  peak_rss_mb: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
}));
