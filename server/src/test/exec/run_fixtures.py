"""Executes the runnable fixtures with real SQLAlchemy 2.0 and checks what RULES.md says happens.

A fixture is runnable when it has a line `# exec: REGEX`: run as a program (under probe.py), its
output must match REGEX (the failure RULES.md describes: MissingGreenlet, AttributeError, a
never-awaited coroutine, InvalidRequestError, the event loop blocked by a sync driver, ...).
Its fixed output (`NAME.py.fixed` beside it) must then run clean: exit 0, no traceback, no
warning, no probe report. With a line `# exec-line: marked`, the innermost frame of the fixture in
the traceback must also stand on a line with an `# expect:` marker: the error is raised where
greenlight points.

Usage: python3 run_fixtures.py FIXTURES_DIR   (with PYTHONPATH from setup_sqlalchemy.sh)
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

MARKER = re.compile(r"^# exec: (.+)$", re.MULTILINE)
AT_MARKER = re.compile(r"^# exec-line: marked$", re.MULTILINE)
EXPECT = re.compile(r"#\s*expect:\s*[A-Z]+[0-9]+")
FRAME = re.compile(r'File "[^"]*main\.py", line (\d+)')
UNCLEAN = re.compile(r"Traceback|Warning|greenlight-probe|Error")
PROBE = pathlib.Path(__file__).with_name("probe.py")
TIMEOUT = 120


def run(source: pathlib.Path):
    with tempfile.TemporaryDirectory(prefix="greenlight-exec-") as work:
        program = pathlib.Path(work) / "main.py"
        shutil.copyfile(source, program)
        completed = subprocess.run(
            [sys.executable, str(PROBE), str(program)], cwd=work, capture_output=True, text=True,
            timeout=TIMEOUT, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        return completed.returncode, completed.stdout + completed.stderr


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    executed = failed_as_said = clean = with_fix = 0
    problems = []
    for fixture in sorted(root.rglob("*.py")):
        text = fixture.read_text(encoding="utf-8")
        match = MARKER.search(text)
        if not match:
            continue
        name = fixture.relative_to(root)
        executed += 1
        expected = re.compile(match.group(1).strip())
        status, output = run(fixture)
        frames = FRAME.findall(output)
        raised_at = int(frames[-1]) if frames else None
        lines = text.splitlines()
        at_marker = raised_at is not None and raised_at <= len(lines) and EXPECT.search(lines[raised_at - 1])
        if AT_MARKER.search(text) and not at_marker:
            problems.append(f"{name}: the error was raised at line {raised_at}, which has no `# expect:` marker:\n{output}")
            print(f"FAIL {name}: raised at line {raised_at}, not at a marked line")
        elif expected.search(output):
            failed_as_said += 1
            print(f"ok   {name}: fails as RULES.md says ({expected.pattern})")
        else:
            problems.append(f"{name}: expected output matching {expected.pattern!r}, got (exit {status}):\n{output}")
            print(f"FAIL {name}: did not fail as expected")
        fixed = fixture.with_name(fixture.name + ".fixed")
        if not fixed.exists():
            # No fix is offered for it (the harness checks that the text stays unchanged).
            print(f"     {name}: no fix offered, nothing more to run")
            continue
        with_fix += 1
        status, output = run(fixed)
        if status == 0 and not UNCLEAN.search(output):
            clean += 1
            print(f"ok   {name}.fixed: runs clean")
        else:
            problems.append(f"{name}.fixed: expected a clean run, got (exit {status}):\n{output}")
            print(f"FAIL {name}.fixed: did not run clean")
    print()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"exec: {executed} fixtures executed, {failed_as_said} failed as RULES.md says, "
          f"{clean} of {with_fix} fixed outputs ran clean")
    passed = failed_as_said + clean
    print(f"exec: {passed} passed, {len(problems)} failed")
    if executed == 0:
        print("exec: no runnable fixture found", file=sys.stderr)
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
