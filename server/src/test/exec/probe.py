"""Runs one fixture as __main__, with two probes that make silent failures visible.

- every RuntimeWarning is shown (a never-awaited coroutine is reported when it is collected);
- a sqlite3 connection made or used on the thread of a running event loop is reported: that is
  the synchronous driver blocking the event loop (GL002). aiosqlite works in its own thread and
  is never reported.

Usage: python3 probe.py FIXTURE.py
"""
import asyncio
import gc
import runpy
import sqlite3
import sys
import warnings

warnings.simplefilter("always", RuntimeWarning)

_reported = set()


def _check(what):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return
    if what not in _reported:
        _reported.add(what)
        print(f"greenlight-probe: sqlite3 {what} on the event loop's thread: the query blocks the event loop",
              file=sys.stderr)


class _ProbeConnection(sqlite3.Connection):
    def cursor(self, *args, **kwargs):
        _check("cursor()")
        return super().cursor(*args, **kwargs)

    def execute(self, *args, **kwargs):
        _check("execute()")
        return super().execute(*args, **kwargs)


_connect = sqlite3.connect


def _probe_connect(*args, **kwargs):
    _check("connect()")
    kwargs.setdefault("factory", _ProbeConnection)
    return _connect(*args, **kwargs)


sqlite3.connect = _probe_connect
sqlite3.dbapi2.connect = _probe_connect

if __name__ == "__main__":
    path = sys.argv[1]
    sys.argv = [path]
    try:
        runpy.run_path(path, run_name="__main__")
    finally:
        gc.collect()
