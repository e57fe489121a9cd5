#pragma once

#include "core/connectors/connector.h"
#include "core/state/staterecords.h"
#include "core/util/envexpand.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace weft {

/// How to run: which schemes, and the switches of `weft-run run`.
struct RunOptions {
    QStringList schemes;       ///< empty: every enabled scheme, in project order
    bool full = false;         ///< ignore the cursor: read everything since initialSince again
    qint64 limit = -1;         ///< stop each scheme after this many records (-1: no limit)
    bool dryRun = false;       ///< fetch and map, write nothing
    QString trigger = QStringLiteral("manual");
    EnvLookup environment = processEnvironment();
    /// "Now" in Unix seconds; tests pin it. Default: the system clock.
    std::function<qint64()> clock;
    /// Pages of one window waiting to be written before fetching pauses (back-pressure).
    int maxPendingBatches = 4;
    /// Who runs: a scheme is leased to one holder at a time in the state store, so it never
    /// runs twice at once, also across processes. Default: "host:pid".
    QString leaseHolder;
    int leaseSeconds = 120;
    /// One window of a backfill split across processes (docs/architecture.md "Backfills"):
    /// the run reads exactly this span and never moves the scheme's cursor — the backfill
    /// moves it once every window before is done.
    std::optional<TimeWindow> window;
    /// The lease the run takes and fences its state writes with; empty: the scheme's name.
    /// A backfill window has its own, so that several windows of one scheme run at once.
    QString leaseName;
    /// Written in the fenced transaction that records the end of a run that was not aborted
    /// (a backfill marks its window done there): both, or neither.
    std::function<bool(const RunInfo &)> closingWrite;
};

/// What `weft-run retry` asks for: failed records to put through the current mapping again.
struct RetryRequest {
    QString scheme;
    QStringList recordIds; ///< empty: every open failure of the scheme
};

/// Records through one stage of a scheme's processing: the source's beatFlat, each enabled
/// step in order, then the mapping. Counted in records after flattening, like RunCounters;
/// `out` is what the stage handed on — more than `in` for a flatten (lines of headers), fewer
/// for a filter (the rest were skipped) or when records failed (a validate's broken rules, a
/// lookup or mapping that could not be evaluated). A mapping that groups rows into documents
/// counts the rows, as the target's counters do.
struct StepCounters {
    QString id;   ///< the step's id; "beatFlat" for the source's flattening, "map" for the mapping
    QString type; ///< "beatFlat", "flatten", "filter", "lookup", "validate" or "map"
    qint64 in = 0;
    qint64 out = 0;
    qint64 failed = 0;
    bool operator==(const StepCounters &) const = default;
};

/// Adds the counts of `more` (one page) to `total`, stage by stage; both list the same stages.
inline void addStepCounters(QList<StepCounters> *total, const QList<StepCounters> &more)
{
    if (total->isEmpty()) {
        *total = more;
        return;
    }
    for (qsizetype i = 0; i < more.size() && i < total->size(); ++i) {
        StepCounters &t = (*total)[i];
        t.in += more.at(i).in;
        t.out += more.at(i).out;
        t.failed += more.at(i).failed;
    }
}

/// Per stage of a scheme's processing, for jsonl events and progress snapshots:
/// [{"id", "type", "in", "out", "failed"}, …].
inline QJsonArray stepsJson(const QList<StepCounters> &steps)
{
    QJsonArray array;
    for (const StepCounters &s : steps) {
        array.append(QJsonObject{{QStringLiteral("id"), s.id},
                                 {QStringLiteral("type"), s.type},
                                 {QStringLiteral("in"), s.in},
                                 {QStringLiteral("out"), s.out},
                                 {QStringLiteral("failed"), s.failed}});
    }
    return array;
}

/// A snapshot of a scheme's run, emitted while it goes (throttled) and at its end.
struct RunProgress {
    QString scheme;
    QString runId;
    QString phase;          ///< "preparing", "fetching", "writing", "done"
    RunCounters counters;
    qint64 elapsedMs = 0;
    double recordsPerSecond = 0;
    TimeWindow window;      ///< the window being read (zero when not incremental)
    int windowIndex = 0;    ///< 1-based
    int windowCount = 0;
    /// Per stage of the processing, in order (see StepCounters); empty before the scheme's
    /// transform is compiled.
    QList<StepCounters> steps;
};

/// Exit code of a whole run, as weft-run reports it (docs/cli.md).
int exitCodeFor(const QList<RunInfo> &runs);

} // namespace weft

Q_DECLARE_METATYPE(weft::RunProgress)
Q_DECLARE_METATYPE(weft::RunInfo)
