// weft-run serve: the headless scheduler; weft-run stats: the API usage overview;
// weft-run alert-test: send a test alert through a project's channels.
#include "clisupport.h"
#include "command.h"
#include "progressprinter.h"

#include "core/engine/alerts.h"
#include "core/engine/runner.h"
#include "core/engine/scheduler.h"
#include "core/platform/terminationsignal.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace weft::cli {

int serveCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs the project's schemes on their schedules (every N minutes, cron, or "
                       "after other schemes succeed) until stopped. SIGTERM or SIGINT end it "
                       "cleanly after the current batch. The project is reloaded when its file "
                       "changes. Several serve processes may share one MySQL state store "
                       "(--state mysql://…): a scheme never runs twice at once — a lease with "
                       "expiry (by the database's clock) decides who runs it; a crashed holder's "
                       "lease expires, or is taken over at once when the holder was a process of "
                       "this host; a run whose lease was taken over writes nothing more.\n"
                       "At every tick it carries out the requests of weft-run run-now, pause, "
                       "resume and cancel for its schemes, and it keeps its runs' progress "
                       "(weft-run ps) and log lines (weft-run history --log) in the state "
                       "store.\n"
                       "Alerts configured in the project are sent after runs."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.weft.json file."));
    const QCommandLineOption tick(QStringLiteral("tick"),
                                  QStringLiteral("Seconds between looks for due schemes (default "
                                                 "15)."),
                                  QStringLiteral("SECONDS"), QStringLiteral("15"));
    const QCommandLineOption lease(QStringLiteral("lease"),
                                   QStringLiteral("Seconds a lease lasts without renewal (default "
                                                  "120)."),
                                   QStringLiteral("SECONDS"), QStringLiteral("120"));
    const QCommandLineOption holder(QStringLiteral("holder"),
                                    QStringLiteral("Name of this process in leases (default "
                                                   "host:pid/start, which lets a process of "
                                                   "this host take over the lease of one that "
                                                   "was killed at once)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption jsonl(QStringLiteral("jsonl"),
                                   QStringLiteral("Print one JSON object per event on stdout."));
    const QCommandLineOption parallel(
        QStringLiteral("parallel"),
        QStringLiteral("Schemes run at once (default 4). Each account's published limits are "
                       "shared by all of them — and, with a MySQL state store, by every "
                       "process sharing it — so more at once never means more calls than an "
                       "account allows."),
        QStringLiteral("N"), QStringLiteral("4"));
    const QCommandLineOption healthFile(
        QStringLiteral("health-file"),
        QStringLiteral("A file written at every tick (its time inside): a liveness probe checks "
                       "its age, e.g. fails when it is older than three ticks."),
        QStringLiteral("PATH"));
    parser.addOptions({tick, lease, holder, parallel, healthFile, jsonl, envOption(), stateOption(),
                       logFileOption(), logLevelOption()});
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1) {
        err() << "weft-run serve: give exactly one project file (see --help)\n";
        return ExitUsage;
    }
    int exitCode = 0;
    const QString path = parser.positionalArguments().first();
    auto session = openSession(parser, path, &exitCode);
    if (!session)
        return exitCode;
    SchedulerOptions options;
    options.tickMs = std::max(1, int(parser.value(tick).toDouble() * 1000));
    options.leaseSeconds = std::max(1, parser.value(lease).toInt());
    options.holder = parser.value(holder);
    options.parallel = std::max(1, parser.value(parallel).toInt());
    options.healthFile = parser.value(healthFile);
    options.runOptions.trigger = QStringLiteral("schedule");
    if (parser.optionNames().contains(QStringLiteral("env")))
        options.environment = session->project.activeEnvironment; // checked by openSession
    Scheduler scheduler(path, session->state.get(), options);
    AlertManager alerts(session->project, session->state.get());
    const bool json = parser.isSet(jsonl);
    auto event = [json](QJsonObject o) {
        if (!json)
            return;
        out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
        out().flush();
    };
    QObject::connect(&scheduler, &Scheduler::runStarted, [&](const QString &scheme) {
        event({{"event", "run_started"}, {"scheme", scheme}});
    });
    // The last progress of each scheme carries its per-stage counters for run_finished.
    QHash<QString, QList<StepCounters>> steps;
    QObject::connect(&scheduler, &Scheduler::progress,
                     [&](const RunProgress &p) { steps.insert(p.scheme, p.steps); });
    QObject::connect(&scheduler, &Scheduler::runFinished, [&](const RunInfo &info) {
        QJsonObject finished{{"event", "run_finished"},
                             {"scheme", info.scheme},
                             {"run_id", info.runId},
                             {"outcome", runOutcomeName(info.outcome)},
                             {"read", info.counters.read},
                             {"written", info.counters.written},
                             {"skipped", info.counters.skipped},
                             {"failed", info.counters.failed}};
        if (const QList<StepCounters> s = steps.take(info.scheme); !s.isEmpty())
            finished.insert(QStringLiteral("steps"), stepsJson(s));
        event(finished);
        alerts.runFinished(info, info.abortKind);
    });
    QObject::connect(&scheduler, &Scheduler::skipped, [&](const QString &scheme, const QString &why) {
        event({{"event", "skipped"}, {"scheme", scheme}, {"reason", why}});
    });
    QObject::connect(&scheduler, &Scheduler::projectReloaded, [&](bool ok, const QString &message) {
        if (ok)
            alerts.setProject(scheduler.project());
        event({{"event", "reloaded"}, {"ok", ok}, {"message", message}});
    });
    QObject::connect(&alerts, &AlertManager::sent,
                     [&](const QString &rule, const QString &channel, bool ok, const QString &detail) {
                         event({{"event", "alert"}, {"rule", rule}, {"channel", channel},
                                {"ok", ok}, {"detail", detail}});
                     });
    QTimer stale;
    QObject::connect(&stale, &QTimer::timeout,
                     [&]() { alerts.checkStale(QDateTime::currentDateTimeUtc()); });
    stale.start(60000);
    QObject::connect(&scheduler, &Scheduler::stopped, []() { QCoreApplication::exit(0); });
    onTerminationRequest([&scheduler]() { scheduler.stop(); });
    QString error;
    if (!scheduler.start(&error)) {
        err() << error << '\n';
        return ExitUsage;
    }
    event({{"event", "serving"}, {"project", path}});
    return QCoreApplication::exec();
}

int statsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("API usage per connection and endpoint from the state store: calls, "
                       "errors by code, throttled calls, p50/p95 latency and records per call."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.weft.json file."));
    const QCommandLineOption hours(QStringLiteral("hours"),
                                   QStringLiteral("The period: the last N hours (default 24)."),
                                   QStringLiteral("N"), QStringLiteral("24"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOptions({hours, json, stateOption(), logFileOption(), logLevelOption()});
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1) {
        err() << "weft-run stats: give exactly one project file (see --help)\n";
        return ExitUsage;
    }
    int exitCode = 0;
    auto session = openSession(parser, parser.positionalArguments().first(), &exitCode);
    if (!session)
        return exitCode;
    const QDateTime until = QDateTime::currentDateTimeUtc();
    const QDateTime since = until.addSecs(-qint64(parser.value(hours).toDouble() * 3600));
    const QList<ApiUsage> usage = session->state->apiUsage(since, until);
    if (parser.isSet(json)) {
        QJsonArray a;
        for (const ApiUsage &u : usage) {
            QJsonObject codes;
            for (const auto &[code, n] : u.errorsByCode)
                codes.insert(code, n);
            a.append(QJsonObject{{"connection", u.connection}, {"endpoint", u.endpoint},
                                 {"calls", u.calls}, {"errors", u.errors},
                                 {"errors_by_code", codes}, {"throttled", u.throttled},
                                 {"p50_ms", u.p50Ms}, {"p95_ms", u.p95Ms},
                                 {"records_per_call", u.recordsPerCall()}});
        }
        out() << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented));
        out().flush();
        return ExitOk;
    }
    out() << "CONNECTION      ENDPOINT                              CALLS  ERRORS THROTTLED  P50ms  "
             "P95ms  REC/CALL  TOP ERRORS\n";
    for (const ApiUsage &u : usage) {
        QStringList top;
        for (qsizetype i = 0; i < u.errorsByCode.size() && i < 3; ++i)
            top << QStringLiteral("%1×%2").arg(u.errorsByCode.at(i).first).arg(u.errorsByCode.at(i).second);
        out() << u.connection.left(15).leftJustified(16) << u.endpoint.left(37).leftJustified(38)
              << QString::number(u.calls).rightJustified(6) << QString::number(u.errors).rightJustified(8)
              << QString::number(u.throttled).rightJustified(10)
              << QString::number(u.p50Ms).rightJustified(7) << QString::number(u.p95Ms).rightJustified(7)
              << QString::number(u.recordsPerCall(), 'f', 1).rightJustified(10) << "  "
              << top.join(QStringLiteral(", ")) << '\n';
    }
    if (usage.isEmpty())
        out() << "(no API calls in the last " << parser.value(hours) << " hours)\n";
    out().flush();
    return ExitOk;
}

int alertTestCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sends a test message through the alert "
                                                    "channels of the project (all rules, or one)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.weft.json file."));
    const QCommandLineOption rule(QStringLiteral("rule"), QStringLiteral("Only this rule."),
                                  QStringLiteral("NAME"));
    parser.addOptions({rule, stateOption(), logFileOption(), logLevelOption()});
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1) {
        err() << "weft-run alert-test: give exactly one project file (see --help)\n";
        return ExitUsage;
    }
    int exitCode = 0;
    auto session = openSession(parser, parser.positionalArguments().first(), &exitCode);
    if (!session)
        return exitCode;
    AlertManager alerts(session->project, session->state.get());
    int result = ExitOk;
    alerts.sendTest(parser.value(rule), [&](const QStringList &lines) {
        for (const QString &l : lines) {
            out() << l << '\n';
            if (!l.endsWith(QLatin1String(": ok")))
                result = ExitAborted;
        }
        out().flush();
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    return result;
}

} // namespace weft::cli
