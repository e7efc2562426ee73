#!/usr/bin/env python3
"""The layers of cgi-bin/ (README: Architecture): a folder is a layer and
includes only its own layer's headers and those of lower layers; handlers
never include mysql.h or fcgiapp.h; only the data layer talks to MariaDB
and only http/ and the programs to FastCGI.  Prints one PASS/FAIL line per
rule and names every offending include."""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CGI = os.path.join(ROOT, "cgi-bin")

# Lowest first.  The programs (main.c, serve.c, ctl/) stand on all of them.
LAYERS = ["core", "data", "app", "http", "h"]
PROGRAMS = "programs"
RANK = {name: i for i, name in enumerate(LAYERS + [PROGRAMS])}
# Library headers and the layers that may include them.
FOREIGN = {
    "mysql.h": {"data"},
    "errmsg.h": {"data"},
    "mysqld_error.h": {"data"},
    "fcgiapp.h": {"http", PROGRAMS},
    "curl/curl.h": {"app"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def layer_of(path):
    rel = os.path.relpath(path, CGI)
    top = rel.split(os.sep)[0]
    return top if top in LAYERS else PROGRAMS


def sources():
    for d, _, files in os.walk(CGI):
        for f in sorted(files):
            if f.endswith((".c", ".h", ".cc")):
                yield os.path.join(d, f)


def main():
    downward, foreign = [], []
    for path in sources():
        me = layer_of(path)
        rel = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for kind, name in INCLUDE.findall(text):
            if kind == '"':
                top = name.split("/")[0]
                if top not in RANK and "/" in name:
                    downward.append("%s: unknown layer in %s" % (rel, name))
                elif "/" not in name:
                    # only the programs' own headers, beside them
                    if me != PROGRAMS or not os.path.exists(
                            os.path.join(os.path.dirname(path), name)):
                        downward.append("%s: %s without its layer" % (rel, name))
                elif RANK[top] > RANK[me]:
                    downward.append("%s (%s) includes %s (%s)" % (rel, me, name, top))
            elif name in FOREIGN and me not in FOREIGN[name]:
                foreign.append("%s (%s) includes <%s>" % (rel, me, name))
    failed = 0
    for label, bad in (("test_layers_arrows_go_down", downward),
                       ("test_layers_foreign_headers", foreign)):
        for b in bad:
            print("  " + b)
        print("%s %s" % ("FAIL" if bad else "PASS", label))
        failed += bool(bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
