// Runs inside the extension host that run.sh starts, beside the greenlight extension under test.
// Reads its plan from the JSON file named by GREENLIGHT_SELFTEST_PLAN:
//   file       the Python file to open
//   fixCode    the code of the diagnostic whose quick fix to apply
//   report     where to write what it saw (JSON)
//   shots      optional: a folder for the screenshot handshake with run.sh (NAME.ready from
//              here once the editor shows what to photograph, NAME.done back once taken)
//   timeoutMs  how long to wait for each step
// It records facts and decides nothing: run.sh compares them with what the command line says.
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = 'greenlight.greenlight';
const FIX_ALL = 'source.fixAll.greenlight';
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'];

function activate() {
  const planFile = process.env.GREENLIGHT_SELFTEST_PLAN;
  if (!planFile) {
    return;
  }
  const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
  const report = { started: new Date().toISOString(), steps: [] };
  // Not awaited: activation must finish for the workbench to go on starting.
  run(plan, report)
    .catch((error) => { report.error = String((error && error.stack) || error); })
    .finally(() => {
      report.finished = new Date().toISOString();
      fs.writeFileSync(plan.report + '.partial', JSON.stringify(report, null, 2));
      fs.renameSync(plan.report + '.partial', plan.report);
    });
}

async function run(plan, report) {
  const step = (name) => report.steps.push(`${new Date().toISOString()} ${name}`);
  report.vscodeVersion = vscode.version;
  const greenlight = vscode.extensions.getExtension(EXTENSION_ID);
  report.installed = greenlight ? greenlight.packageJSON.version : null;
  if (!greenlight) {
    return;
  }
  report.activeBeforeOpen = greenlight.isActive;

  const uri = vscode.Uri.file(plan.file);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  report.languageId = document.languageId;
  step('opened');

  const before = await settledDiagnostics(uri, (list) => list.length > 0, plan.timeoutMs);
  report.activeAfterOpen = greenlight.isActive;
  report.beforeTimedOut = before.timedOut;
  report.before = before.diagnostics.map(plain);
  report.otherSources = otherSources(uri);
  const commands = await vscode.commands.getCommands(true);
  report.commands = commands.filter((command) => command.startsWith('greenlight.')).sort();
  step('diagnostics');

  const target = before.diagnostics.find((diagnostic) => codeOf(diagnostic) === plan.fixCode);
  if (!target) {
    return;
  }
  if (plan.shots) {
    await photograph(plan, editor, target);
    step('screenshots');
  }

  const actions = await vscode.commands.executeCommand(
    'vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value, 10) || [];
  report.actions = actions.map((action) => ({
    title: action.title,
    kind: action.kind && action.kind.value,
    isPreferred: !!action.isPreferred,
    hasEdit: !!action.edit,
  }));
  // The range holds only the target diagnostic, so these are its actions; the fix is the
  // preferred one (VS Code's command drops each action's list of diagnostics).
  const fix = actions.find((action) => action.isPreferred && action.edit);
  if (!fix) {
    return;
  }
  const original = document.getText();
  report.applied = fix.title;
  report.editApplied = await vscode.workspace.applyEdit(fix.edit);
  report.textAfter = document.getText();
  step('fixed');

  const after = await settledDiagnostics(
    uri, (list) => !list.some((diagnostic) => codeOf(diagnostic) === plan.fixCode), plan.timeoutMs);
  report.afterTimedOut = after.timedOut;
  report.after = after.diagnostics.map(plain);
  step('diagnostics after the fix');

  // After a restart the new server must check the document again: undo the fix, see it come back.
  await vscode.commands.executeCommand('greenlight.restart');
  step('restarted');
  const undo = new vscode.WorkspaceEdit();
  undo.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
  await vscode.workspace.applyEdit(undo);
  const restarted = await settledDiagnostics(
    uri, (list) => list.some((diagnostic) => codeOf(diagnostic) === plan.fixCode), plan.timeoutMs);
  report.afterRestartTimedOut = restarted.timedOut;
  report.afterRestart = restarted.diagnostics.map(plain);
  step('diagnostics after the restart');

  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const sourceActions = await vscode.commands.executeCommand(
    'vscode.executeCodeActionProvider', uri, whole, FIX_ALL, 10) || [];
  report.fixAllOffered = sourceActions.map((action) => action.title);
  const fixAll = sourceActions.find((action) => action.kind && action.kind.value === FIX_ALL && action.edit);
  if (fixAll) {
    report.fixAllApplied = await vscode.workspace.applyEdit(fixAll.edit);
    report.textAfterFixAll = document.getText();
  }
  step('fix all');

  const untitled = await vscode.workspace.openTextDocument({ language: 'python', content: original });
  await vscode.window.showTextDocument(untitled);
  const unsaved = await settledDiagnostics(
    untitled.uri, (list) => list.some((diagnostic) => codeOf(diagnostic) === plan.fixCode), plan.timeoutMs);
  report.untitledScheme = untitled.uri.scheme;
  report.untitledTimedOut = unsaved.timedOut;
  report.untitled = unsaved.diagnostics.map(plain);
  step('diagnostics of an untitled copy');
}

/** greenlight's diagnostics of `uri` once `done` holds and nothing changed for a second. */
function settledDiagnostics(uri, done, timeoutMs) {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'greenlight');
  return new Promise((resolve) => {
    let quiet;
    const finish = (timedOut) => {
      subscription.dispose();
      clearTimeout(quiet);
      clearTimeout(deadline);
      resolve({ diagnostics: ours(), timedOut });
    };
    const check = () => {
      clearTimeout(quiet);
      if (done(ours())) {
        quiet = setTimeout(() => finish(false), 1000);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) {
        check();
      }
    });
    const deadline = setTimeout(() => finish(true), timeoutMs);
    check();
  });
}

/** Shows the diagnostic's hover, then its quick-fix menu, and waits for run.sh to photograph each. */
async function photograph(plan, editor, diagnostic) {
  const start = diagnostic.range.start;
  editor.selection = new vscode.Selection(start, start);
  editor.revealRange(diagnostic.range, vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
  await snapshot(plan, 'hover');
  await vscode.commands.executeCommand('editor.action.hideHover');
  await vscode.commands.executeCommand('editor.action.quickFix');
  await snapshot(plan, 'quickfix');
  await vscode.commands.executeCommand('hideCodeActionWidget');
}

async function snapshot(plan, name) {
  await sleep(1500); // lets the widget render and fade in
  fs.writeFileSync(path.join(plan.shots, `${name}.ready`), '');
  const done = path.join(plan.shots, `${name}.done`);
  for (let waited = 0; waited < 20000 && !fs.existsSync(done); waited += 200) {
    await sleep(200);
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function codeOf(diagnostic) {
  return diagnostic.code && typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

function otherSources(uri) {
  return [...new Set(vscode.languages.getDiagnostics(uri)
    .map((diagnostic) => diagnostic.source)
    .filter((source) => source !== 'greenlight'))];
}

function plain(diagnostic) {
  return {
    code: codeOf(diagnostic),
    codeHref: diagnostic.code && typeof diagnostic.code === 'object' && diagnostic.code.target
      ? diagnostic.code.target.toString() : null,
    message: diagnostic.message,
    severity: SEVERITY_NAMES[diagnostic.severity],
    // One-based, as the command line prints them.
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
  };
}

module.exports = { activate };
