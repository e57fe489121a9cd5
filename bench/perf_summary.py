#!/usr/bin/python3
"""Summaries of a profiled weft-run for `bench/run --profile`.

    perf_summary.py cpu   PERF_SCRIPT_OUTPUT    (perf script -F comm,tid,ip,sym of a
                                                 `perf record --call-graph dwarf` of weft-run)
    perf_summary.py waits TIMEHIST_OUTPUT PID   (perf sched timehist -w of the same scenario)

`cpu` splits weft-run's CPU samples by thread and, inside each thread, by what the engine was
doing (the innermost frame that names a known engine function decides). `waits` tells, for
each weft-run thread, how long it ran, waited for a CPU, and slept — and who woke it up, which
shows what it was waiting for (the network thread = an HTTP reply, the writer = a batch done,
mariadbd = a statement done, weft-run = work to do).
"""

import collections
import re
import sys

# (bucket, substrings of a frame): first match from the innermost frame outwards wins.
BUCKETS = [
    ("content hash of each record (idCheck; XXH3)", ["weft::contentHash"]),
    ("state store: written() lookup per page", ["weft::StateStore::written"]),
    ("state store: markWritten per batch", ["weft::StateStore::markWritten"]),
    ("state store: resolveFailures (one UPDATE per written record)", ["weft::StateStore::resolveFailures"]),
    ("state store: recordFailures", ["weft::StateStore::recordFailures"]),
    ("state store: touchWritten", ["weft::StateStore::touchWritten"]),
    ("state store: other", ["weft::StateStore::"]),
    ("transform: flatten (beatFlat views of the header)", ["SchemeTransform::flatten"]),
    ("transform: mapping (templates, _function, types)", ["Mapping::mapValues", "Mapping::map",
                                                         "SchemeTransform::mapAsValues"]),
    ("transform: other", ["SchemeTransform::"]),
    ("HTTP reply: JSON parse", ["QJsonDocument::fromJson", "HttpClient::parseJson"]),
    ("HTTP reply: page → records", ["JushuitanSource::fetchPage"]),
    ("engine: accept / batching (SchemeRun)", ["weft::SchemeRun::accept", "SchemeRun::flushBatches",
                                               "SchemeRun::writeBatch"]),
    ("writer: rows to SQL text (escaping)", ["buildTuple", "appendSqlLiteral",
                                              "MySqlWriter::buildStatement"]),
    ("writer: exec (QString::fromUtf8 of the SQL, driver, socket)", ["MySqlWriter::execute"]),
    ("writer: other", ["MySqlWriter::", "MySqlTarget::"]),
    ("freeing records and batches", ["~QArrayDataPointer", "QJsonObject::~QJsonObject"]),
    ("HTTP: QNetworkAccessManager, sockets", ["QNetwork", "QHttp", "QAbstractSocket", "QTcpSocket"]),
    # Not "weft::cli::": driveRunner() is below every frame of the main thread's event loop.
    ("progress events, CLI", ["ProgressPrinter::", "SchemeRun::emitProgress"]),
    ("start-up (dynamic loading)", ["_dl_", "dl_main"]),
]


def samples(path):
    comm, frames = None, []
    with open(path, errors="replace") as f:
        for line in f:
            if not line.strip():
                if comm is not None:
                    yield comm, frames
                comm, frames = None, []
            elif not line[0].isspace():
                if comm is not None:
                    yield comm, frames
                comm, frames = line.split()[0], []
            else:
                frames.append(line.strip())
    if comm is not None:
        yield comm, frames


def cpu(path):
    per_thread = collections.defaultdict(collections.Counter)
    total = collections.Counter()
    for comm, frames in samples(path):
        bucket = None
        for frame in frames:
            for name, keys in BUCKETS:
                if any(k in frame for k in keys):
                    bucket = name
                    break
            if bucket:
                break
        per_thread[comm][bucket or "other (event loop, allocator, unattributed)"] += 1
        total[comm] += 1
    grand = sum(total.values()) or 1
    print(f"weft-run CPU samples by thread ({grand} samples):")
    for comm, counts in sorted(per_thread.items(), key=lambda kv: -total[kv[0]]):
        print(f"  {comm:18s} {100 * total[comm] / grand:5.1f}%")
        for name, n in counts.most_common():
            if 100 * n / total[comm] >= 0.5:
                print(f"      {100 * n / total[comm]:5.1f}%  {name}")


def waits(path, pid):
    waker = {}
    run = collections.Counter()
    delay = collections.Counter()
    slept = collections.Counter()
    slept_by = collections.Counter()
    woken_by = collections.Counter()
    name_of = {}
    line_re = re.compile(r"\s*[\d.]+\s+\[\d+\]\s+(\S+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)")
    wake_re = re.compile(r"\s*[\d.]+\s+\[\d+\]\s+(\S+)\s+awakened: (\S+)")
    mine = re.compile(r"^(.*)\[(\d+)(?:/(\d+))?\]$")

    def ours(task):
        m = mine.match(task)
        if not m:
            return None
        tid, tpid = m.group(2), m.group(3) or m.group(2)
        if tpid != pid:
            return None
        name_of[tid] = m.group(1)
        return tid

    with open(path, errors="replace") as f:
        for line in f:
            m = wake_re.match(line)
            if m:
                waker[m.group(2)] = re.sub(r"\[.*", "", m.group(1))
                continue
            m = line_re.match(line)
            if not m:
                continue
            task = m.group(1)
            tid = ours(task)
            if tid is None:
                continue
            wait, sch, rt = (float(m.group(i)) for i in (2, 3, 4))
            run[tid] += rt
            delay[tid] += sch
            if wait > 0:
                who = waker.get(task, "?")
                slept[tid] += wait
                slept_by[(tid, who)] += wait
                woken_by[(tid, who)] += 1
    print("weft-run threads: ran / waited for a CPU / slept (ms), and who ended the sleeps:")
    for tid in sorted(run, key=lambda t: -run[t]):
        print(f"  {name_of[tid]:18s} ran {run[tid]:8.0f}   waited for CPU {delay[tid]:7.0f}"
              f"   slept {slept[tid]:8.0f}")
        for (t, who), ms in sorted(slept_by.items(), key=lambda kv: -kv[1]):
            if t == tid and ms >= max(20.0, 0.02 * slept[tid]):
                print(f"      {ms:8.0f} ms in {woken_by[(t, who)]:5d} sleeps ended by {who}")


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "cpu":
        cpu(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1] == "waits":
        waits(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
