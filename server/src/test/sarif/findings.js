#!/usr/bin/env node
// Reads the SARIF log the multitool's `validate` wrote and decides whether the validated log
// passes: every `error` fails it (GitHub's ingestion rules GHxxxx are errors), every `warning`
// fails it unless listed in ALLOWED below with the reason; notes are printed, never fatal.
//
// Usage: findings.js VALIDATION_LOG [--expect RULE_ID]
//   --expect RULE_ID: the run must instead contain at least one finding RULE_ID (a self-test
//   showing that the GitHub rules really ran). Exit 0 pass, 1 fail.
'use strict';
const fs = require('fs');

// Warnings that greenlight cannot honour in every build, with why.
const ALLOWED = {
  // `informationUri` is the published documentation site; a build without
  // -Dgreenlight.docs.url=... has none and must not invent one.
  SARIF2005: 'no documentation URL configured for this build',
};

const args = process.argv.slice(2);
const file = args[0];
const expect = args.indexOf('--expect') >= 0 ? args[args.indexOf('--expect') + 1] : null;
const log = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));

const findings = [];
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  for (const result of run.results || []) {
    const rule = rules.find(r => r.id === result.ruleId) || (result.ruleIndex !== undefined ? rules[result.ruleIndex] : null);
    let text = result.message && result.message.text;
    if (!text && rule && result.message && result.message.id && rule.messageStrings && rule.messageStrings[result.message.id]) {
      text = rule.messageStrings[result.message.id].text.replace(/\{(\d+)\}/g, (_, i) => (result.message.arguments || [])[+i]);
    }
    const region = result.locations && result.locations[0] && result.locations[0].physicalLocation
      && result.locations[0].physicalLocation.region;
    findings.push({
      id: (result.ruleId || '').split('/')[0],
      level: result.level || 'warning',
      where: region ? `${region.startLine}:${region.startColumn || 1}` : '',
      text: text || JSON.stringify(result.message),
    });
  }
}

if (expect) {
  const hits = findings.filter(f => f.id === expect);
  if (hits.length === 0) {
    console.error(`self-test: expected the validator to report ${expect}, it reported: ${findings.map(f => f.id).join(', ') || 'nothing'}`);
    process.exit(1);
  }
  console.log(`self-test: the validator reports ${expect} on a log that breaks GitHub's rules, as it should`);
  process.exit(0);
}

let failed = 0;
for (const f of findings) {
  let verdict = 'note';
  if (f.level === 'error') verdict = 'FAIL';
  else if (f.level === 'warning') verdict = ALLOWED[f.id] ? `allowed (${ALLOWED[f.id]})` : 'FAIL';
  if (verdict === 'FAIL') failed++;
  if (verdict !== 'note' || process.env.SARIF_SHOW_NOTES) console.log(`  ${verdict}: ${f.id} ${f.level} ${f.where} ${f.text}`);
}
const notes = findings.filter(f => f.level === 'note').length;
console.log(`  ${findings.length} validator findings: ${failed} failing, ${notes} notes (SARIF_SHOW_NOTES=1 prints them)`);
process.exit(failed ? 1 : 0);
