#!/usr/bin/python3
"""The Python baseline of bench/run: seed 002 written the way the seed documents show it.

Jushuitan purchase-ins (/open/purchasein/query, signed form POST) modified in the last
--since-days days, read in windows of at most 7 days, 50 a page; each item flattened into one
row (id = io_id-ioi_id, 31 columns); written with pymysql `executemany` of
`REPLACE INTO ... VALUES (%s, ...)` in batches of 1000 rows, one commit per batch.

Written straightforwardly, as a careful integrator would: one requests.Session (keep-alive),
its own MD5 signing (the rule written in docs/mock.md, "Jushuitan"), values converted to the
types the seed's mapping declares ("string" columns get text, "float" columns numbers), strict
SQL mode, and a batch the server refuses (a row too long for its column) is rolled back and
bisected: each half is written as one statement again, and a half that is refused is halved
in turn, until the refused rows stand alone and are reported — as Weft isolates its bad rows, so that only they
are lost and a batch with one bad row costs about 2 log2(1000) = 20 statements instead of
1000. Debian packages only: python3-requests, python3-pymysql.

Prints one JSON line on stdout: rows sent, rows failed, pages, batches, batches that held a
refused row (fallback_batches), statements sent (with the refused ones), seconds.
"""

import argparse
import hashlib
import json
import sys
import time
from datetime import datetime, timedelta, timezone

import pymysql
import requests

CHINA = timezone(timedelta(hours=8))
WINDOW_SECONDS = 7 * 86400


def sign(fields, secret):
    """lower-case hex MD5(secret + k1v1k2v2...) over the fields sorted by key, without
    `sign` and empty values."""
    text = secret + "".join(k + v for k, v in sorted(fields.items()) if k != "sign" and v != "")
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def china_time(unix):
    return datetime.fromtimestamp(unix, CHINA).strftime("%Y-%m-%d %H:%M:%S")


def as_text(v):
    """A "string" column: numbers without a trailing .0, booleans as true/false."""
    if v is None:
        return None
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return str(v)


def as_number(v):
    """A "float" column: a number, or NULL for an empty value."""
    if v is None or v == "":
        return None
    if isinstance(v, bool):
        return int(v)
    return v if isinstance(v, (int, float)) else float(v)


class Jushuitan:
    def __init__(self, base_url, app_key, app_secret, access_token, page_size):
        self.base_url = base_url.rstrip("/")
        self.app_key = app_key
        self.app_secret = app_secret
        self.access_token = access_token
        self.page_size = page_size
        self.session = requests.Session()
        self.session.headers["Content-Type"] = "application/x-www-form-urlencoded;charset=utf-8"
        self.pages = 0

    def call(self, path, biz):
        fields = {
            "app_key": self.app_key,
            "access_token": self.access_token,
            "timestamp": str(int(time.time())),
            "charset": "utf-8",
            "version": "2",
            "biz": json.dumps(biz, ensure_ascii=False, separators=(",", ":")),
        }
        fields["sign"] = sign(fields, self.app_secret)
        for attempt in range(5):
            try:
                r = self.session.post(self.base_url + path, data=fields, timeout=60)
                r.raise_for_status()
                body = r.json()
            except (requests.RequestException, ValueError) as e:
                if attempt == 4:
                    raise
                print(f"retrying {path}: {e}", file=sys.stderr)
                time.sleep(2 ** attempt)
                continue
            code = body.get("code")
            if code in (199, 200):  # throttled: wait and call again
                time.sleep(1 if code == 199 else 5)
                continue
            if code != 0:
                raise RuntimeError(f"{path}: code {code}: {body.get('msg')}")
            return body["data"]
        raise RuntimeError(f"{path}: still throttled after 5 attempts")

    def purchaseins(self, begin, end):
        """Every purchase-in modified in [begin, end] (unix seconds), page after page."""
        page = 1
        while True:
            data = self.call("/open/purchasein/query", {
                "page_index": page,
                "page_size": self.page_size,
                "modified_begin": china_time(begin),
                "modified_end": china_time(end),
            })
            self.pages += 1
            yield from data.get("datas") or []
            if not data.get("has_next"):
                return
            page += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--project", required=True, help="the seed-002 *.weft.json (mapping, DDL)")
    ap.add_argument("--url", required=True, help="Jushuitan base URL, e.g. http://h:p/jushuitan")
    ap.add_argument("--app-key", default="weft-jst-app")
    ap.add_argument("--app-secret", required=True)
    ap.add_argument("--access-token", required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=3306)
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--database", required=True)
    ap.add_argument("--since-days", type=int, default=200)
    ap.add_argument("--page-size", type=int, default=50)
    ap.add_argument("--batch", type=int, default=1000)
    args = ap.parse_args()

    with open(args.project, encoding="utf-8") as f:
        project = json.load(f)
    scheme = project["schemes"][0]
    target = scheme["target"]["metadata"]
    # The seed's mapping: target column, its declared type, and the source field it reads
    # ("{items_qty}" -> items_qty; the id is "{io_id}-{items_ioi_id}").
    columns = [(r["field"], r.get("type", "string"), r["value"].strip("{}"))
               for r in target["request"]]
    names = ", ".join(c for c, _, _ in columns)
    sql = (f"REPLACE INTO purchasein_query ({names}) VALUES ("
           + ", ".join(["%s"] * len(columns)) + ")")

    db = pymysql.connect(host=args.host, port=args.port, user=args.user, password=args.password,
                         database=args.database, charset="utf8mb4", autocommit=False)
    with db.cursor() as cur:
        cur.execute("SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'")
        cur.execute(target["ddl"])
    db.commit()

    api = Jushuitan(args.url, args.app_key, args.app_secret, args.access_token, args.page_size)
    stats = {"rows_sent": 0, "rows_failed": 0, "batches": 0, "fallback_batches": 0,
             "statements": 0}

    def attempt(cur, rows):
        """Writes rows as one statement and commits; False (rolled back) when refused."""
        stats["statements"] += 1
        try:
            cur.executemany(sql, rows)
            db.commit()
            return True
        except pymysql.MySQLError as e:
            db.rollback()
            if len(rows) == 1:
                stats["rows_failed"] += 1
                if stats["rows_failed"] <= 3:
                    print(f"row {rows[0][0]} failed: {e}", file=sys.stderr)
            return False

    def bisect(cur, rows):
        """rows were refused together: halves in order (REPLACE's last-wins order is kept),
        each written whole if it can be, else halved again down to the refused rows."""
        if len(rows) == 1:
            return
        mid = len(rows) // 2
        for half in (rows[:mid], rows[mid:]):
            if attempt(cur, half):
                stats["rows_sent"] += len(half)
            else:
                bisect(cur, half)

    def write(batch):
        stats["batches"] += 1
        with db.cursor() as cur:
            if attempt(cur, batch):
                stats["rows_sent"] += len(batch)
                return
            stats["fallback_batches"] += 1
            bisect(cur, batch)

    started = time.monotonic()
    now = int(time.time())
    begin = now - args.since_days * 86400
    batch = []
    while begin < now:
        end = min(now, begin + WINDOW_SECONDS)
        for header in api.purchaseins(begin, end):
            for item in header.get("items") or []:
                record = dict(header)
                del record["items"]
                for k, v in item.items():
                    record["items_" + k] = v
                row = []
                for column, kind, source in columns:
                    if column == "id":
                        v = f"{as_text(header['io_id'])}-{as_text(item['ioi_id'])}"
                    else:
                        v = record.get(source)
                    row.append(as_number(v) if kind == "float" else as_text(v))
                batch.append(row)
                if len(batch) >= args.batch:
                    write(batch)
                    batch = []
        begin = end
    if batch:
        write(batch)
    db.close()
    stats["pages"] = api.pages
    stats["seconds"] = round(time.monotonic() - started, 3)
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
