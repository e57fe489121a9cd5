// Operating serve processes through their shared state store: ps, and the control requests
// pause, resume, run-now and cancel (docs/operations.md "Operating from elsewhere").
#include "clisupport.h"
#include "command.h"
#include "core/log/logging.h"
#include "core/state/opsstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace weft::cli {

namespace {

/// The state store of a project (PROJECT given) or of --state alone.
struct OpsSession {
    std::optional<ProjectSession> project;
    std::unique_ptr<StateStore> bare;
    StateStore *state() const { return project ? project->state.get() : bare.get(); }
};

/// Opens the store from `path` (a project file; empty: none, then --state is required).
std::optional<OpsSession> openOps(const QCommandLineParser &parser, const QString &command,
                                  const QString &path, int *exitCode)
{
    OpsSession s;
    if (!path.isEmpty()) {
        s.project = openSession(parser, path, exitCode);
        if (!s.project)
            return std::nullopt;
        return s;
    }
    if (!parser.isSet(QStringLiteral("state"))) {
        err() << "weft-run " << command
              << ": give the project file or --state PATH|URL (see --help)\n";
        *exitCode = ExitUsage;
        return std::nullopt;
    }
    log::LogSettings settings;
    settings.consoleLevel = parser.value(QStringLiteral("log-level"));
    if (parser.isSet(QStringLiteral("log-file")) &&
        parser.value(QStringLiteral("log-file")) != QLatin1String("none"))
        settings.filePath = parser.value(QStringLiteral("log-file"));
    log::setup(settings);
    s.bare = openStateStore(parser, QString(), exitCode);
    if (!s.bare)
        return std::nullopt;
    return s;
}

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QStringLiteral("-");
}

QString isoText(const QDateTime &t)
{
    return t.isValid() ? t.toString(Qt::ISODateWithMs) : QString();
}

QString windowText(const RunSnapshot &r)
{
    if (r.windowCount <= 0)
        return QStringLiteral("-");
    return QStringLiteral("%1/%2").arg(r.windowIndex).arg(r.windowCount);
}

QJsonObject requestJson(const ControlRequest &r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("scheme"), r.scheme},
            {QStringLiteral("action"), controlActionName(r.action)},
            {QStringLiteral("requested_by"), r.requestedBy},
            {QStringLiteral("requested_at"), isoText(r.requestedAt)},
            {QStringLiteral("picked_by"), r.pickedBy},
            {QStringLiteral("picked_at"), isoText(r.pickedAt)},
            {QStringLiteral("outcome"), r.outcome}};
}

void addStateOptions(QCommandLineParser &parser)
{
    parser.addOptions({stateOption(), logFileOption(), logLevelOption()});
}

} // namespace

int psCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Shows what the serve processes sharing a state store do: each process "
                       "(from its heartbeat: host, version, started, last seen, schemes "
                       "running), each run in progress with its live counters (from the "
                       "snapshot its process writes every few seconds; AGE is how old that "
                       "snapshot is by the database's clock), the paused schemes and the "
                       "requests no process has picked yet. Give the project file, or only "
                       "--state."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QStringLiteral("The *.weft.json file (optional with --state)."),
                                 QStringLiteral("[project]"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    parser.addOption(json);
    addStateOptions(parser);
    parser.process(arguments);
    if (parser.positionalArguments().size() > 1) {
        err() << "weft-run ps: give at most one project file (see --help)\n";
        return ExitUsage;
    }
    int exitCode = 0;
    auto session =
        openOps(parser, QStringLiteral("ps"), parser.positionalArguments().value(0), &exitCode);
    if (!session)
        return exitCode;
    StateStore *state = session->state();
    OperationsStore ops(state);
    const QList<StateStore::ProcessBeat> processes = state->processes();
    const QList<RunSnapshot> runs = ops.runsInProgress();
    const QHash<QString, SchemePause> paused = ops.pausedSchemes();
    const QList<ControlRequest> pending = ops.pendingRequests();
    if (!ops.lastError().isEmpty() || !state->lastError().isEmpty()) {
        err() << "weft-run ps: the state store could not be read: "
              << (ops.lastError().isEmpty() ? state->lastError() : ops.lastError()) << '\n';
        return ExitAborted;
    }
    QStringList pausedNames = paused.keys();
    pausedNames.sort();

    if (parser.isSet(json)) {
        QJsonArray p;
        for (const StateStore::ProcessBeat &b : processes)
            p.append(
                QJsonObject{{QStringLiteral("holder"), b.holder},
                            {QStringLiteral("host"), b.host},
                            {QStringLiteral("version"), b.version},
                            {QStringLiteral("started_at"), isoText(b.startedAt)},
                            {QStringLiteral("last_seen"), isoText(b.lastSeen)},
                            {QStringLiteral("running"), QJsonArray::fromStringList(b.running)}});
        QJsonArray r;
        for (const RunSnapshot &s : runs)
            r.append(QJsonObject{{QStringLiteral("run_id"), s.runId},
                                 {QStringLiteral("scheme"), s.scheme},
                                 {QStringLiteral("holder"), s.holder},
                                 {QStringLiteral("host"), s.host},
                                 {QStringLiteral("trigger"), s.trigger},
                                 {QStringLiteral("started_at"), isoText(s.startedAt)},
                                 {QStringLiteral("updated_at"), isoText(s.updatedAt)},
                                 {QStringLiteral("age_ms"), s.ageMs},
                                 {QStringLiteral("phase"), s.phase},
                                 {QStringLiteral("read"), s.counters.read},
                                 {QStringLiteral("mapped"), s.mapped},
                                 {QStringLiteral("written"), s.counters.written},
                                 {QStringLiteral("skipped"), s.counters.skipped},
                                 {QStringLiteral("failed"), s.counters.failed},
                                 {QStringLiteral("pages"), s.counters.pages},
                                 {QStringLiteral("window_start"), s.windowStart},
                                 {QStringLiteral("window_end"), s.windowEnd},
                                 {QStringLiteral("window"), s.windowIndex},
                                 {QStringLiteral("windows"), s.windowCount},
                                 {QStringLiteral("steps"), s.steps}});
        QJsonArray ps;
        for (const QString &name : pausedNames) {
            const SchemePause &pause = paused.value(name);
            ps.append(QJsonObject{{QStringLiteral("scheme"), name},
                                  {QStringLiteral("by"), pause.by},
                                  {QStringLiteral("since"), isoText(pause.since)}});
        }
        QJsonArray q;
        for (const ControlRequest &c : pending)
            q.append(requestJson(c));
        out() << QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("processes"), p},
                                      {QStringLiteral("runs"), r},
                                      {QStringLiteral("paused"), ps},
                                      {QStringLiteral("pending_requests"), q}})
                .toJson(QJsonDocument::Indented));
        out().flush();
        return ExitOk;
    }

    out() << "PROCESS                          HOST             VERSION  STARTED              "
             "LAST SEEN            RUNNING\n";
    for (const StateStore::ProcessBeat &b : processes) {
        out() << b.holder.left(32).leftJustified(33) << b.host.left(16).leftJustified(17)
              << b.version.left(8).leftJustified(9) << timeText(b.startedAt).leftJustified(21)
              << timeText(b.lastSeen).leftJustified(21) << b.running.join(QStringLiteral(", "))
              << '\n';
    }
    if (processes.isEmpty())
        out() << "(no serve process)\n";
    out() << "\nSCHEME           RUN                              PHASE       READ  MAPPED "
             "WRITTEN SKIPPED  FAILED  WINDOW   AGE  HOST\n";
    for (const RunSnapshot &s : runs) {
        out() << s.scheme.left(16).leftJustified(17) << s.runId.left(32).leftJustified(33)
              << s.phase.left(9).leftJustified(9)
              << QString::number(s.counters.read).rightJustified(7)
              << QString::number(s.mapped).rightJustified(8)
              << QString::number(s.counters.written).rightJustified(8)
              << QString::number(s.counters.skipped).rightJustified(8)
              << QString::number(s.counters.failed).rightJustified(8)
              << windowText(s).rightJustified(8)
              << QStringLiteral("%1s").arg(s.ageMs / 1000.0, 0, 'f', 1).rightJustified(7) << "  "
              << s.host << '\n';
    }
    if (runs.isEmpty())
        out() << "(nothing running)\n";
    if (!pausedNames.isEmpty()) {
        out() << "\nPAUSED\n";
        for (const QString &name : pausedNames) {
            const SchemePause &pause = paused.value(name);
            out() << "  " << name << "  by " << pause.by << " since " << timeText(pause.since)
                  << '\n';
        }
    }
    if (!pending.isEmpty()) {
        out() << "\nREQUESTS NOT YET PICKED\n";
        for (const ControlRequest &c : pending)
            out() << "  #" << c.id << ' ' << controlActionName(c.action) << ' ' << c.scheme
                  << "  by " << c.requestedBy << " at " << timeText(c.requestedAt) << '\n';
    }
    out().flush();
    return ExitOk;
}

namespace {

QString description(ControlAction action)
{
    switch (action) {
    case ControlAction::RunNow:
        return QStringLiteral("Asks a serve process to run the scheme now (at its next tick), "
                              "whatever its schedule and even when it is paused; a run of it "
                              "elsewhere (its lease is held) is not overlapped.");
    case ControlAction::Pause:
        return QStringLiteral("Holds the scheme's schedule in every serve process sharing the "
                              "state store (also runs after other schemes) until it is "
                              "resumed. A run going on goes on.");
    case ControlAction::Resume:
        return QStringLiteral("Releases a paused scheme's schedule.");
    case ControlAction::Cancel:
        return QStringLiteral("Asks the serve process running the scheme to stop it after its "
                              "current batch: the run ends as cancelled, its cursor where its "
                              "finished windows put it.");
    }
    return {};
}

int controlCommand(const QStringList &arguments, ControlAction action)
{
    const QString name = controlActionName(action);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        description(action) +
        QStringLiteral("\nThe request is stored in the state store with who asked and when; the "
                       "first serve process of the project to tick picks it up and records "
                       "what became of it. Give the project file (the scheme is checked "
                       "against it), or only --state."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QStringLiteral("The *.weft.json file (optional with --state)."),
                                 QStringLiteral("[project]"));
    parser.addPositionalArgument(QStringLiteral("scheme"), QStringLiteral("The scheme."));
    const QCommandLineOption wait(QStringLiteral("wait"),
                                  QStringLiteral("Wait until a serve process has carried the "
                                                 "request out (run-now: the run started; "
                                                 "cancel: the run ended) and print what became "
                                                 "of it; exit 3 if none did within --timeout."));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Seconds --wait waits (default 60)."),
                                     QStringLiteral("SECONDS"), QStringLiteral("60"));
    parser.addOptions({wait, timeout});
    addStateOptions(parser);
    parser.process(arguments);
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty() || positional.size() > 2) {
        err() << "weft-run " << name << ": give [PROJECT] SCHEME (see --help)\n";
        return ExitUsage;
    }
    const QString scheme = positional.last();
    int exitCode = 0;
    auto session =
        openOps(parser, name, positional.size() == 2 ? positional.first() : QString(), &exitCode);
    if (!session)
        return exitCode;
    if (session->project && !session->project->project.scheme(scheme)) {
        err() << "weft-run " << name << ": no scheme named '" << scheme << "' (schemes: "
              << session->project->project.schemeNames().join(QStringLiteral(", ")) << ")\n";
        return ExitUsage;
    }
    StateStore *state = session->state();
    OperationsStore ops(state);
    const auto id = ops.request(scheme, action, operatorName());
    const auto request = id ? ops.controlRequest(*id) : std::nullopt;
    if (!request) {
        err() << "weft-run " << name << ": the request could not be stored: " << ops.lastError()
              << '\n';
        return ExitAborted;
    }
    out() << name << " '" << scheme << "': request #" << request->id << " by "
          << request->requestedBy << " at " << isoText(request->requestedAt) << '\n';
    if (state->processes().isEmpty())
        out() << "note: no serve process has a heartbeat in this state store; the request waits "
                 "until one picks it up\n";
    out().flush();
    if (!parser.isSet(wait))
        return ExitOk;
    QElapsedTimer waited;
    waited.start();
    const qint64 limitMs = qint64(parser.value(timeout).toDouble() * 1000);
    while (waited.elapsed() < limitMs) {
        const auto now = ops.controlRequest(request->id);
        if (now && now->isDone()) {
            out() << "picked by " << now->pickedBy << " at " << isoText(now->pickedAt) << ": "
                  << now->outcome << '\n';
            out().flush();
            return ExitOk;
        }
        QThread::msleep(250);
    }
    const auto last = ops.controlRequest(request->id);
    err() << "weft-run " << name << ": "
          << (last && !last->isPending()
                  ? QStringLiteral("picked by %1, not done within %2 s")
                        .arg(last->pickedBy, parser.value(timeout))
                  : QStringLiteral("no serve process picked the request within %1 s")
                        .arg(parser.value(timeout)))
          << '\n';
    return ExitAborted;
}

} // namespace

int pauseCommand(const QStringList &arguments)
{
    return controlCommand(arguments, ControlAction::Pause);
}

int resumeCommand(const QStringList &arguments)
{
    return controlCommand(arguments, ControlAction::Resume);
}

int runNowCommand(const QStringList &arguments)
{
    return controlCommand(arguments, ControlAction::RunNow);
}

int cancelCommand(const QStringList &arguments)
{
    return controlCommand(arguments, ControlAction::Cancel);
}

} // namespace weft::cli
