// weft-run backfill: one worker of a backfill split into windows across processes
// (docs/operations.md "Backfills across workers").
#include "clisupport.h"
#include "command.h"
#include "core/engine/backfillworker.h"
#include "core/engine/syncwindows.h"
#include "core/platform/terminationsignal.h"
#include "core/state/backfillstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>

namespace weft::cli {

namespace {

/// "2024-01-31", "2024-01-31 08:00:00" or "2024-01-31T08:00:00" in the project's time zone,
/// or Unix seconds.
std::optional<qint64> parseTime(const QString &text, const QString &timeZone)
{
    const QString t = text.trimmed();
    bool ok = false;
    const qint64 unix = t.toLongLong(&ok);
    if (ok)
        return unix;
    for (const char *format : {"yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"}) {
        QDateTime dt = QDateTime::fromString(t, QLatin1String(format));
        if (dt.isValid()) {
            dt.setTimeZone(QTimeZone(timeZone.toUtf8()));
            return dt.toSecsSinceEpoch();
        }
    }
    return std::nullopt;
}

/// "1d", "6h", "30m", "90s" or plain seconds.
std::optional<qint64> parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)\\s*([smhd]?)$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 factor = unit == QLatin1String("d")   ? 86400
                          : unit == QLatin1String("h") ? 3600
                          : unit == QLatin1String("m") ? 60
                                                       : 1;
    return n > 0 ? std::optional<qint64>(n * factor) : std::nullopt;
}

QString isoTime(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate);
}

void printJson(const QJsonObject &o)
{
    out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    out().flush();
}

int printStatus(StateStore *state, const QString &scheme, bool json)
{
    BackfillStore store(state);
    const std::optional<BackfillPlan> plan = store.plan(scheme);
    if (!plan) {
        if (!store.lastError().isEmpty()) {
            err() << "weft-run backfill: " << store.lastError() << '\n';
            return ExitAborted;
        }
        if (json)
            printJson({{"scheme", scheme}, {"plan", QJsonValue()}});
        else
            out() << "scheme '" << scheme << "' has no backfill plan\n";
        return ExitOk;
    }
    const QList<BackfillWindow> windows = store.windows(scheme);
    const std::optional<qint64> cursor = state->cursor(scheme);
    QHash<QString, int> counts;
    for (const BackfillWindow &w : windows)
        ++counts[w.state];
    if (json) {
        QJsonArray list;
        for (const BackfillWindow &w : windows)
            list.append(QJsonObject{{"start", w.window.start},
                                    {"end", w.window.end},
                                    {"state", w.state},
                                    {"holder", w.holder},
                                    {"lease_alive", w.leaseAlive},
                                    {"attempts", w.attempts},
                                    {"records", w.records},
                                    {"message", w.message}});
        printJson({{"scheme", scheme},
                   {"span_start", plan->spanStart},
                   {"span_end", plan->spanEnd},
                   {"window_seconds", plan->windowSeconds},
                   {"cursor", cursor ? QJsonValue(*cursor) : QJsonValue()},
                   {"windows", list}});
        return ExitOk;
    }
    out() << "backfill of '" << scheme << "': " << isoTime(plan->spanStart) << " .. "
          << isoTime(plan->spanEnd) << " in windows of " << plan->windowSeconds << " s\n"
          << windows.size() << " windows: " << counts.value(QStringLiteral("done")) << " done, "
          << counts.value(QStringLiteral("running")) << " running, "
          << counts.value(QStringLiteral("pending")) << " pending, "
          << counts.value(QStringLiteral("failed")) << " failed; cursor "
          << (cursor ? isoTime(*cursor) : QStringLiteral("(none)")) << "\n\n";
    out() << "START                 END                   STATE    TRIES  RECORDS  HOLDER\n";
    for (const BackfillWindow &w : windows) {
        QString state = w.state;
        if (w.state == QLatin1String("running") && !w.leaseAlive)
            state += u'*';
        out() << isoTime(w.window.start).leftJustified(22)
              << isoTime(w.window.end).leftJustified(22) << state.leftJustified(9)
              << QString::number(w.attempts).rightJustified(5)
              << QString::number(w.records).rightJustified(9) << "  " << w.holder << '\n';
        if (!w.message.isEmpty())
            out() << "    " << w.message << '\n';
    }
    if (windows.end() != std::find_if(windows.begin(), windows.end(), [](const auto &w) {
            return w.state == QLatin1String("running") && !w.leaseAlive;
        }))
        out() << "\n* its lease expired: the next worker to look takes it over\n";
    out().flush();
    return ExitOk;
}

} // namespace

int backfillCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "One worker of a backfill: an initial sync or a full re-read of a long span, cut into "
        "windows that several processes share. Each worker claims a window, runs the scheme "
        "over exactly that window under the window's own lease, marks it done and takes the "
        "next; the scheme's sync time moves to the end of the unbroken run of done windows. "
        "Start N of these with the same arguments on hosts sharing a MySQL/MariaDB (>= 10.6) "
        "state store; the first makes the plan, the others join it. Account limits hold "
        "across all of them. A worker that dies leaves its window to be taken over when its "
        "lease expires; a worker waits while other workers hold windows.\n"
        "Exit code: 0 every window done, 1 done with failed records, 2 invalid usage or a "
        "different plan in progress, 3 windows failed for good, cancelled or state store "
        "trouble."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QStringLiteral("The *.weft.json file."));
    const QCommandLineOption scheme(QStringLiteral("scheme"),
                                    QStringLiteral("The scheme to backfill (needed when the "
                                                   "project has several)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Start of the span: YYYY-MM-DD[ HH:MM:SS] in the "
                                                 "project's time zone, or Unix seconds."),
                                  QStringLiteral("TIME"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("End of the span (as --from). Give a fixed time: "
                                               "every worker must compute the same windows."),
                                QStringLiteral("TIME"));
    const QCommandLineOption window(QStringLiteral("window"),
                                    QStringLiteral("Window size: 1d, 6h, 30m, 90s or seconds."),
                                    QStringLiteral("SIZE"));
    const QCommandLineOption planOnly(QStringLiteral("plan-only"),
                                      QStringLiteral("Make the plan (with --from/--to/--window) "
                                                     "and exit; workers started without a span "
                                                     "join it."));
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("Show the plan's windows and progress, and "
                                                   "exit."));
    const QCommandLineOption reset(QStringLiteral("reset"),
                                   QStringLiteral("Drop the scheme's plan (the sync time stays "
                                                  "where it is), and exit."));
    const QCommandLineOption retryFailed(QStringLiteral("retry-failed"),
                                         QStringLiteral("Make windows that failed pending again "
                                                        "before working."));
    const QCommandLineOption lease(QStringLiteral("lease"),
                                   QStringLiteral("Seconds a window's lease lasts without "
                                                  "renewal (default 120): how soon a dead "
                                                  "worker's window is taken over."),
                                   QStringLiteral("SECONDS"), QStringLiteral("120"));
    const QCommandLineOption holder(QStringLiteral("holder"),
                                    QStringLiteral("Name of this worker in leases (default: "
                                                   "unique per process)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption jsonl(QStringLiteral("jsonl"),
                                   QStringLiteral("Print one JSON object per event (or the "
                                                  "status) on stdout."));
    parser.addOptions({scheme, from, to, window, planOnly, status, reset, retryFailed, lease,
                       holder, jsonl, envOption(), stateOption(), logFileOption(),
                       logLevelOption()});
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1) {
        err() << "weft-run backfill: give exactly one project file (see --help)\n";
        return ExitUsage;
    }
    const int spanParts =
        int(parser.isSet(from)) + int(parser.isSet(to)) + int(parser.isSet(window));
    if (spanParts != 0 && spanParts != 3) {
        err() << "weft-run backfill: give --from, --to and --window together (or none, to join "
                 "the scheme's plan)\n";
        return ExitUsage;
    }
    if (parser.isSet(planOnly) && spanParts == 0) {
        err() << "weft-run backfill: --plan-only needs --from, --to and --window\n";
        return ExitUsage;
    }
    int exitCode = 0;
    const QString path = parser.positionalArguments().first();
    auto session = openSession(parser, path, &exitCode);
    if (!session)
        return exitCode;
    QString schemeName = parser.value(scheme);
    if (schemeName.isEmpty()) {
        if (session->project.schemes.size() != 1) {
            err() << "weft-run backfill: the project has several schemes; name one with --scheme ("
                  << session->project.schemeNames().join(QStringLiteral(", ")) << ")\n";
            return ExitUsage;
        }
        schemeName = session->project.schemes.first().name;
    }
    if (!session->project.scheme(schemeName)) {
        err() << "weft-run backfill: no scheme named '" << schemeName << "'\n";
        return ExitUsage;
    }
    StateStore *state = session->state.get();
    const bool json = parser.isSet(jsonl);
    if (parser.isSet(status))
        return printStatus(state, schemeName, json);
    BackfillStore store(state);
    if (parser.isSet(reset)) {
        if (!store.dropPlan(schemeName)) {
            err() << "weft-run backfill: " << store.lastError() << '\n';
            return ExitAborted;
        }
        out() << "the backfill plan of '" << schemeName << "' was dropped\n";
        return ExitOk;
    }

    BackfillRequest request;
    request.scheme = schemeName;
    if (spanParts == 3) {
        const QString &tz = session->project.timeZone;
        const auto start = parseTime(parser.value(from), tz);
        const auto end = parseTime(parser.value(to), tz);
        const auto size = parseDuration(parser.value(window));
        if (!start || !end || !size || *end <= *start) {
            err() << "weft-run backfill: --from and --to are times (YYYY-MM-DD[ HH:MM:SS] or "
                     "Unix seconds, --from before --to), --window a size (1d, 6h, 30m, 90s)\n";
            return ExitUsage;
        }
        request.plan = BackfillPlan{schemeName, *start, *end, *size};
    }
    if (parser.isSet(planOnly)) {
        QString error;
        const BackfillPlan &p = *request.plan;
        if (!store.makePlan(p, SyncWindows::split(p.spanStart, p.spanEnd, p.windowSeconds),
                            &error)) {
            err() << "weft-run backfill: " << error << '\n';
            return store.lastFailureWasConflict() ? ExitUsage : ExitAborted;
        }
        return printStatus(state, schemeName, json);
    }
    if (parser.isSet(retryFailed) && store.retryFailed(schemeName) < 0) {
        err() << "weft-run backfill: " << store.lastError() << '\n';
        return ExitAborted;
    }
    request.run.leaseSeconds = std::max(1, parser.value(lease).toInt());
    request.run.leaseHolder = parser.value(holder);
    request.pollMs = std::clamp(request.run.leaseSeconds * 1000 / 4, 250, 5000);

    BackfillWorker worker(session->project, state);
    const auto event = [json](QJsonObject o) {
        if (json)
            printJson(o);
    };
    QObject::connect(
        &worker, &BackfillWorker::windowClaimed, [&](const TimeWindow &w, qint64 attempt) {
            event({{"event", "window_claimed"},
                   {"start", w.start},
                   {"end", w.end},
                   {"attempt", attempt}});
            if (!json)
                out() << "window " << isoTime(w.start) << " .. " << isoTime(w.end) << ": claimed\n";
            out().flush();
        });
    QObject::connect(&worker, &BackfillWorker::windowFinished,
                     [&](const TimeWindow &w, const RunInfo &info, bool done) {
                         event({{"event", "window_finished"},
                                {"start", w.start},
                                {"end", w.end},
                                {"done", done},
                                {"run_id", info.runId},
                                {"outcome", runOutcomeName(info.outcome)},
                                {"read", info.counters.read},
                                {"written", info.counters.written},
                                {"skipped", info.counters.skipped},
                                {"failed", info.counters.failed}});
                         if (!json)
                             out()
                                 << "window " << isoTime(w.start) << " .. " << isoTime(w.end)
                                 << ": " << (done ? "done" : "not done") << " — read "
                                 << info.counters.read << ", written " << info.counters.written
                                 << ", skipped " << info.counters.skipped << ", failed "
                                 << info.counters.failed
                                 << (done ? QString() : QStringLiteral(" (") + info.message + u')')
                                 << '\n';
                         out().flush();
                     });
    QObject::connect(&worker, &BackfillWorker::finished, [&](int code, const QString &message) {
        event({{"event", "finished"}, {"exit_code", code}, {"message", message}});
        if (code != ExitOk)
            err() << "weft-run backfill: " << message << '\n';
        QCoreApplication::exit(code);
    });
    onTerminationRequest([&worker]() {
        err() << "\nstopping: the window being run is given back…\n";
        err().flush();
        worker.cancel();
    });
    worker.start(request);
    return QCoreApplication::exec();
}

} // namespace weft::cli
