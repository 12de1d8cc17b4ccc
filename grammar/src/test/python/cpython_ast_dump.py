#!/usr/bin/env python3
"""Dump CPython's AST of Python files in greenlight's exact one-line format.

Usage:
    cpython_ast_dump.py --stdlib [--match PATTERN]      # every *.py of the running stdlib
    cpython_ast_dump.py --dir DIR [--dir DIR] [--match PATTERN]
    cpython_ast_dump.py [--match PATTERN] < paths.txt    # one path per line
    cpython_ast_dump.py --pretty FILE...                 # just the dumps, laid out for people

Output (UTF-8, one record per line):
    line 1:  the schema, a JSON object
             {"version":"3.11.7","fstring_inner_positions":false,
              "classes":{"Module":{"fields":["body","type_ignores"],"attributes":[]},...}}
             taken from the running interpreter's ast classes (_fields, _attributes).
    then:    PATH \t OK \t DUMP       CPython parsed the file; DUMP is its tree
             PATH \t ERR \t MESSAGE   CPython rejected the file (or the file could not be read
                                      or dumped); MESSAGE is one line

Dump format (no whitespace outside string literals):
    node        Type(f1=v1,f2=v2,...)        every name of type(node)._fields, in that order
                followed by @L:C-EL:EC        when the class has _attributes: lineno, col_offset,
                                              end_lineno, end_col_offset (a missing one as None)
    enum node   Type                          a class with neither fields nor attributes
                                              (Load, Store, Add, And, Eq, USub, ...)
    list        [v1,v2,...]                   [] when empty
    None        None
    bool        True / False
    Ellipsis    ...
    str         JSON string, ensure_ascii: \\" \\\\ \\n \\r \\t \\b \\f, any other char outside
                0x20-0x7e as \\uXXXX (lowercase hex, UTF-16 code units, surrogates as they are)
    bytes       b + lowercase hex of the bytes        (b'' is just b)
    int         decimal
    float       f + 16 lowercase hex digits: the IEEE-754 bits, big-endian
    complex     j + 16 lowercase hex digits: the bits of the imaginary part
Before CPython 3.12 (fstring_inner_positions false in the schema), the positions of the
descendants of a JoinedStr (not of the JoinedStr itself) are unreliable: their @... is left out.

--pretty lays each dump out on several lines, two spaces per level (a bracketed group of at most
60 characters stays on one line), as the .dump files of the new-syntax fixtures are written; the
Java side (DumpText) lays out and compacts the same way. Whitespace outside strings is not part
of the format, so compacting gives the one-line dump back.

PATTERN: a substring of the path, or, if it holds one of * ? [, an fnmatch pattern matched
against the whole path (* crosses /).

Runs on CPython 3.8 and later, standard library only. The dump follows the field set of the
running interpreter: a 3.8 tree has Index/ExtSlice nodes, a 3.13 one has type_params.
"""

import ast
import fnmatch
import json
import os
import platform
import struct
import sys
import sysconfig
import threading
import warnings


def schema_line():
    import _ast

    classes = {}
    for name in sorted(dir(_ast)):
        obj = getattr(_ast, name)
        if isinstance(obj, type) and issubclass(obj, ast.AST) and obj is not ast.AST:
            classes[name] = {
                "fields": list(getattr(obj, "_fields", ())),
                "attributes": list(getattr(obj, "_attributes", ())),
            }
    return json.dumps(
        {
            "version": platform.python_version(),
            "fstring_inner_positions": sys.version_info >= (3, 12),
            "classes": classes,
        },
        separators=(",", ":"),
    )


INNER_POSITIONS = sys.version_info >= (3, 12)
_encode_str = json.JSONEncoder(ensure_ascii=True).encode
_pack_double = struct.Struct(">d").pack


def dump(tree):
    out = []
    write = out.append

    def node(n, hide):
        cls = type(n)
        fields = cls._fields
        attributes = cls._attributes
        if not fields and not attributes:
            write(cls.__name__)
            return
        write(cls.__name__)
        write("(")
        child_hide = hide or (not INNER_POSITIONS and cls is ast.JoinedStr)
        first = True
        for name in fields:
            if first:
                first = False
            else:
                write(",")
            write(name)
            write("=")
            value(getattr(n, name, None), child_hide)
        write(")")
        if attributes and not hide:
            write("@%s:%s-%s:%s" % (
                getattr(n, "lineno", None),
                getattr(n, "col_offset", None),
                getattr(n, "end_lineno", None),
                getattr(n, "end_col_offset", None),
            ))

    def value(v, hide):
        if isinstance(v, ast.AST):
            node(v, hide)
        elif isinstance(v, list):
            write("[")
            first = True
            for item in v:
                if first:
                    first = False
                else:
                    write(",")
                value(item, hide)
            write("]")
        elif v is None:
            write("None")
        elif v is True:
            write("True")
        elif v is False:
            write("False")
        elif v is Ellipsis:
            write("...")
        elif isinstance(v, str):
            write(_encode_str(v))
        elif isinstance(v, bytes):
            write("b" + v.hex())
        elif isinstance(v, int):
            write(str(v))
        elif isinstance(v, float):
            write("f" + _pack_double(v).hex())
        elif isinstance(v, complex):
            write("j" + _pack_double(v.imag).hex())
        else:
            raise TypeError("cannot dump a value of type %s" % type(v).__name__)

    value(tree, False)
    return "".join(out)


def pretty(text, width=60):
    """Lays a one-line dump out on several lines (same rule as the Java DumpText.pretty)."""
    n = len(text)
    close = [-1] * n
    stack = []
    in_string = False
    i = 0
    while i < n:
        c = text[i]
        if in_string:
            if c == "\\":
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c in "([":
            stack.append(i)
        elif c in ")]" and stack:
            close[stack.pop()] = i
        i += 1
    out = []
    broken = set()
    level = 0
    i = 0
    in_string = False
    while i < n:
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                i += 1
                out.append(text[i])
            elif c == '"':
                in_string = False
            i += 1
        elif c == '"':
            in_string = True
            out.append(c)
            i += 1
        elif c in "([" and close[i] > i + 1:
            end = close[i]
            if end - i + 1 <= width:
                out.append(text[i:end + 1])
                i = end + 1
            else:
                broken.add(end)
                level += 1
                out.append(c + "\n" + "  " * level)
                i += 1
        elif c == "," and level > 0:
            out.append(",\n" + "  " * level)
            i += 1
        elif i in broken:
            level -= 1
            out.append("\n" + "  " * level + c)
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def one_line(text):
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def process(path):
    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as e:
        return "ERR", one_line("unreadable: %s: %s" % (type(e).__name__, e))
    try:
        tree = ast.parse(source, filename=path)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError) as e:
        return "ERR", one_line("%s: %s" % (type(e).__name__, e))
    try:
        return "OK", dump(tree)
    except Exception as e:  # RecursionError and anything unforeseen: never stop the run
        return "ERR", one_line("dump failed: %s: %s" % (type(e).__name__, e))


def stdlib_files(root):
    found = []
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "site-packages" and d != "__pycache__")
        for name in files:
            if name.endswith(".py"):
                found.append(os.path.join(directory, name))
    found.sort()
    return found


def matcher(pattern):
    if pattern is None:
        return lambda path: True
    if any(c in pattern for c in "*?["):
        return lambda path: fnmatch.fnmatchcase(path, pattern)
    return lambda path: pattern in path


def parse_args(argv):
    opts = {"stdlib": False, "dirs": [], "match": None, "pretty": None}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--stdlib":
            opts["stdlib"] = True
        elif arg in ("--dir", "--match") and i + 1 < len(argv):
            i += 1
            if arg == "--dir":
                opts["dirs"].append(argv[i])
            else:
                opts["match"] = argv[i]
        elif arg == "--pretty":
            opts["pretty"] = argv[i + 1:]
            break
        elif arg in ("-h", "--help"):
            sys.stdout.write(__doc__)
            sys.exit(0)
        else:
            sys.stderr.write("cpython_ast_dump.py: unknown or incomplete argument %r\n" % arg)
            sys.exit(2)
        i += 1
    return opts


def main(argv):
    warnings.simplefilter("ignore")
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    sys.setrecursionlimit(100000)
    opts = parse_args(argv)
    out = sys.stdout
    out.reconfigure(encoding="utf-8", errors="surrogateescape", newline="\n")

    if opts["pretty"] is not None:
        for path in opts["pretty"]:
            status, text = process(path)
            out.write(pretty(text) + "\n" if status == "OK" else "%s: ERR %s\n" % (path, text))
        return

    if opts["stdlib"] or opts["dirs"]:
        paths = []
        if opts["stdlib"]:
            paths.extend(stdlib_files(sysconfig.get_paths()["stdlib"]))
        for d in opts["dirs"]:
            paths.extend(stdlib_files(d))
    else:
        sys.stdin.reconfigure(encoding="utf-8", errors="surrogateescape")
        paths = (line.rstrip("\r\n") for line in sys.stdin)

    accept = matcher(opts["match"])
    out.write(schema_line() + "\n")
    out.flush()
    for path in paths:
        if not path or not accept(path):
            continue
        status, text = process(path)
        out.write("%s\t%s\t%s\n" % (path, status, text))
        out.flush()


def run_with_deep_stack(argv):
    """Runs main in a thread with a deep stack (the dump is recursive); returns the exit code."""
    result = [0]

    def target():
        try:
            main(argv)
        except SystemExit as e:
            result[0] = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        except BaseException:
            import traceback

            traceback.print_exc()
            result[0] = 1

    threading.stack_size(512 * 1024 * 1024)
    worker = threading.Thread(target=target)
    worker.start()
    worker.join()
    return result[0]


if __name__ == "__main__":
    sys.exit(run_with_deep_stack(sys.argv[1:]))
