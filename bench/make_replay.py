#!/usr/bin/python3
"""Turns a `SELECT ... INTO OUTFILE` dump (tab-separated, backslash escapes, \\N for NULL)
of the seed-002 table into the multi-row statements weft-run sends:

    REPLACE INTO `purchasein_query` (`id`, ..., `items_cost_amount`) VALUES (...),\\n(...)

`--rows` rows a statement (1000, the seed's "limit"), strings escaped the way MySQL's
mysql_real_escape_string does (and weft's appendSqlLiteral: \\0 \\n \\r \\\\ \\' \\" \\Z),
numbers of the numeric columns unquoted, NULL as NULL. The output is fed to the `mysql`
client by bench/run to measure what the server takes when the client costs nothing.
"""

import argparse
import sys

UNESCAPE = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a"}
ESCAPE = {"\0": "\\0", "\n": "\\n", "\r": "\\r", "\\": "\\\\", "'": "\\'", '"': '\\"',
          "\x1a": "\\Z"}
ESCAPE_TABLE = str.maketrans(ESCAPE)
NULL = object()


def parse_escaped(record):
    """One record of a dump that contains backslashes -> list of str / None. A backslash
    escapes the next character (a tab or newline inside a field comes out as backslash + the
    character itself); \\N alone is NULL."""
    fields, cur, i, n = [], [], 0, len(record)
    while i < n:
        c = record[i]
        if c == "\\" and i + 1 < n:
            e = record[i + 1]
            cur.append(NULL if e == "N" else UNESCAPE.get(e, e))
            i += 2
        elif c == "\t":
            fields.append(cur)
            cur = []
            i += 1
        else:
            cur.append(c)
            i += 1
    fields.append(cur)
    return [None if parts == [NULL] else "".join(p for p in parts if p is not NULL)
            for parts in fields]


def records(f):
    """The records of a dump: lines, except that a newline escaped by a backslash continues
    the record."""
    pending = ""
    for line in f:
        pending += line
        body = pending[:-1] if pending.endswith("\n") else pending
        trailing = len(body) - len(body.rstrip("\\"))
        if trailing % 2 == 1:
            continue
        pending = ""
        if "\\" in body:
            yield parse_escaped(body)
        else:
            yield body.split("\t")


def literal(value, numeric):
    if value is None:
        return "NULL"
    if numeric:
        return value
    return "'" + value.translate(ESCAPE_TABLE) + "'"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--table", default="purchasein_query")
    ap.add_argument("--columns", required=True, help="comma-separated column names, dump order")
    ap.add_argument("--numeric", default="", help="comma-separated columns sent unquoted")
    ap.add_argument("--rows", type=int, default=1000)
    ap.add_argument("dump")
    args = ap.parse_args()

    columns = [c.strip() for c in args.columns.split(",")]
    numeric = {c.strip() for c in args.numeric.split(",") if c.strip()}
    is_numeric = [c in numeric for c in columns]
    head = (f"REPLACE INTO `{args.table}` ("
            + ", ".join(f"`{c}`" for c in columns) + ") VALUES ")
    out = sys.stdout
    out.write("SET NAMES utf8mb4;\n")
    out.write("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
              "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';\n")
    in_statement = 0
    statements = 0
    with open(args.dump, encoding="utf-8", newline="\n") as f:
        for fields in records(f):
            if len(fields) != len(columns):
                sys.exit(f"make_replay: a row has {len(fields)} fields, expected {len(columns)}")
            values = ",".join(literal(v, n) for v, n in zip(fields, is_numeric))
            if in_statement == 0:
                out.write(head)
            else:
                out.write(",\n")
            out.write("(" + values + ")")
            in_statement += 1
            if in_statement == args.rows:
                out.write(";\n")
                in_statement = 0
                statements += 1
    if in_statement:
        out.write(";\n")
        statements += 1
    print(f"make_replay: {statements} statements", file=sys.stderr)


if __name__ == "__main__":
    main()
