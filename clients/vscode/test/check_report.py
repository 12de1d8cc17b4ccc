"""Compares the self-test extension's report with what greenlight's command line says.

usage: check_report.py REPORT EXPECTED FIX_CODE IGNORED WARNING VERSION

REPORT is what selftest/extension.js saw inside VS Code. EXPECTED is a folder with what the
command line says about the same file: expected.json from `greenlight check --output-format json
--ignore IGNORED`, expected-fixed.py from `greenlight check --select FIX_CODE --fix`,
expected-fix-all.py from `greenlight check --ignore IGNORED --fix`, and original.py. The user settings ignored IGNORED and showed WARNING
as a warning. Prints one line per check and exits 1 when any fails.
"""

import difflib
import json
import os
import sys


def main(report_path, expected_folder, fix_code, ignored, warning, version):
    report = json.load(open(report_path))
    expected = json.load(open(os.path.join(expected_folder, "expected.json")))
    expected_fixed = open(os.path.join(expected_folder, "expected-fixed.py")).read()
    expected_fix_all = open(os.path.join(expected_folder, "expected-fix-all.py")).read()
    original = open(os.path.join(expected_folder, "original.py")).read()
    failures = []

    def check(ok, what, detail=""):
        print(("ok    " if ok else "FAIL  ") + what + (f": {detail}" if detail and not ok else ""))
        if not ok:
            failures.append(what)
        return ok

    if not check("error" not in report, "the self-test ran without an exception", report.get("error", "")):
        return 1
    print(f"      VS Code {report.get('vscodeVersion')}; steps: {'; '.join(report.get('steps', []))}")
    check(report.get("installed") == version, f"greenlight {version} is installed", report.get("installed"))
    check(report.get("activeBeforeOpen") is False and report.get("activeAfterOpen") is True,
          "it activates when a Python file opens",
          f"active before: {report.get('activeBeforeOpen')}, after: {report.get('activeAfterOpen')}")
    check({"greenlight.restart", "greenlight.showLog"} <= set(report.get("commands", [])),
          "its commands are registered", report.get("commands"))
    check(report.get("languageId") == "python", "the file is Python", report.get("languageId"))

    # Each later step builds on the one before: stop at the first that failed.
    before = report.get("before", [])
    want = sorted(position(d["code"], d["location"], d["end_location"]) for d in expected)
    got = positions(before)
    if not (check(want and not report.get("beforeTimedOut"), "greenlight's diagnostics arrived")
            and check(got == want, "they are those of `greenlight check` (codes and ranges)",
                      f"got {got}, expected {want}")):
        return 1
    messages = {d["code"]: d["message"] for d in expected}
    check(all(messages[d["code"]] == d["message"] for d in before), "with the same messages",
          [d["message"] for d in before])
    urls = {d["code"]: d["url"] for d in expected}
    check(all(urls[d["code"]] == d["codeHref"] for d in before), "with the same documentation links",
          [d["codeHref"] for d in before])
    check(not any(d["code"] == ignored for d in before), f"{ignored} is ignored, as the settings say")
    severities = {d["code"]: d["severity"] for d in before}
    check(severities.get(warning) == "warning" and any(s != "warning" for s in severities.values()),
          f"{warning} is shown as a warning and the others are not, as the settings say", severities)

    actions = report.get("actions", [])
    print(f"      actions offered: {[a['title'] for a in actions]}")
    fix_titles = [d["fix"]["message"] for d in expected if d["code"] == fix_code and d.get("fix")]
    if not (check(report.get("applied") in fix_titles,
                  f"the preferred quick fix for {fix_code} is that of `greenlight check`: {fix_titles}",
                  json.dumps(actions))
            and check(report.get("editApplied") is True, "its edit applies")):
        return 1
    check(report.get("textAfter") == expected_fixed, "the text after it is that of `greenlight check --fix`",
          diff(expected_fixed, report.get("textAfter") or ""))
    after = positions(report.get("after", []))
    still = [p for p in got if p[0] != fix_code]
    check("after" in report and not report.get("afterTimedOut") and after == still,
          f"the {fix_code} diagnostic cleared, the others stayed", f"got {after}, expected {still}")

    restarted = positions(report.get("afterRestart", []))
    check("afterRestart" in report and not report.get("afterRestartTimedOut") and restarted == got,
          "after greenlight.restart and undoing the fix, the new server reports the same diagnostics",
          f"got {restarted}, expected {got}")
    check(report.get("fixAllApplied") is True and expected_fix_all != original
          and report.get("textAfterFixAll") == expected_fix_all,
          "\"Fix all\" (source.fixAll.greenlight) gives the text of `greenlight check --fix`",
          f"offered {report.get('fixAllOffered')}" + diff(expected_fix_all, report.get("textAfterFixAll") or ""))
    untitled = positions(report.get("untitled", []))
    check(report.get("untitledScheme") == "untitled" and not report.get("untitledTimedOut")
          and all(p in untitled for p in got if p[0] == fix_code),
          f"an untitled Python copy gets the {fix_code} diagnostic too", untitled)
    return 1 if failures else 0


def positions(diagnostics):
    """(code, line, column, end line, end column) of each diagnostic the self-test recorded, sorted."""
    return sorted(position(d["code"], d, {"row": d["endLine"], "column": d["endColumn"]}) for d in diagnostics)


def position(code, start, end):
    return (code, start.get("row", start.get("line")), start["column"], end["row"], end["column"])


def diff(expected, actual):
    return "\n" + "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                               "expected", "in VS Code"))


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
