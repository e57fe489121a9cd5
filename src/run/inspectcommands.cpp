// Commands that look at a project's state without running it: failed, history, preview.
#include "clisupport.h"
#include "command.h"
#include "core/engine/preview.h"
#include "core/model/pinnedsamples.h"
#include "core/platform/terminationsignal.h"
#include "core/state/opsstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace weft::cli {

namespace {

QString csvField(QString s)
{
    if (s.contains(u',') || s.contains(u'"') || s.contains(u'\n') || s.contains(u'\r')) {
        s.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        return u'"' + s + u'"';
    }
    return s;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString shorten(QString s, int width)
{
    s.replace(u'\n', u' ');
    return s.size() <= width ? s : s.left(width - 1) + QChar(0x2026);
}

QJsonObject failedJson(const FailedRecord &f)
{
    return {{QStringLiteral("id"), f.id},
            {QStringLiteral("scheme"), f.scheme},
            {QStringLiteral("run_id"), f.runId},
            {QStringLiteral("stage"), failureStageName(f.stage)},
            {QStringLiteral("record_id"), f.recordId},
            {QStringLiteral("record_number"), f.recordNumber},
            {QStringLiteral("record_name"), f.recordName},
            {QStringLiteral("error_code"), f.errorCode},
            {QStringLiteral("message"), f.message},
            {QStringLiteral("attempts"), f.attempts},
            {QStringLiteral("status"), failureStatusName(f.status)},
            {QStringLiteral("created_at"), f.createdAt.toString(Qt::ISODate)},
            {QStringLiteral("updated_at"), f.updatedAt.toString(Qt::ISODate)},
            {QStringLiteral("source_payload"), f.sourcePayload},
            {QStringLiteral("target_payload"), f.targetPayload}};
}

int printRunLog(StateStore &state, const QString &runId, bool json)
{
    OperationsStore ops(&state);
    const QList<RunLogLine> lines = ops.runLog(runId);
    if (!ops.lastError().isEmpty()) {
        err() << "weft-run history: the log could not be read: " << ops.lastError() << '\n';
        return ExitAborted;
    }
    if (json) {
        QJsonArray a;
        for (const RunLogLine &l : lines)
            a.append(QJsonObject{{QStringLiteral("seq"), l.seq},
                                 {QStringLiteral("at"), l.at.toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("level"), l.level},
                                 {QStringLiteral("message"), l.message}});
        out() << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented));
    } else {
        for (const RunLogLine &l : lines)
            out() << l.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) << ' '
                  << l.level << ' ' << l.message << '\n';
        if (lines.isEmpty())
            out() << "(no log lines kept for run " << runId << ")\n";
    }
    out().flush();
    return ExitOk;
}

} // namespace

int failedCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lists the failed records (异常数据) still open: scheme, stage (fetch, "
                       "transform, write), record, error and attempts; json and csv include the "
                       "source and target payloads."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.weft.json file."));
    const QCommandLineOption scheme(QStringLiteral("scheme"), QStringLiteral("Only this scheme."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("table (default), json or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("table"));
    const QCommandLineOption status(QStringLiteral("status"),
                                    QStringLiteral("failed, retrying, resolved or ignored "
                                                   "(default: the open ones)."),
                                    QStringLiteral("STATUS"));
    const QCommandLineOption grep(QStringLiteral("grep"),
                                  QStringLiteral("Only records whose message, id or number "
                                                 "contains TEXT."),
                                  QStringLiteral("TEXT"));
    parser.addOptions({scheme, format, status, grep, stateOption(), logFileOption(), logLevelOption()});
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1) {
        err() << "weft-run failed: give exactly one project file (see --help)\n";
        return ExitUsage;
    }
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("table") && fmt != QLatin1String("json") &&
        fmt != QLatin1String("csv")) {
        err() << "weft-run failed: --format is table, json or csv\n";
        return ExitUsage;
    }
    int exitCode = 0;
    auto session = openSession(parser, parser.positionalArguments().first(), &exitCode);
    if (!session)
        return exitCode;
    FailedFilter filter;
    filter.scheme = parser.value(scheme);
    filter.text = parser.value(grep);
    if (parser.isSet(status))
        filter.status = failureStatusFromName(parser.value(status));
    const QList<FailedRecord> records = session->state->failedRecords(filter);

    if (fmt == QLatin1String("json")) {
        QJsonArray a;
        for (const FailedRecord &f : records)
            a.append(failedJson(f));
        out() << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented));
    } else if (fmt == QLatin1String("csv")) {
        out() << "id,scheme,run_id,stage,record_id,record_number,record_name,error_code,message,"
                 "attempts,status,updated_at,source_payload,target_payload\n";
        for (const FailedRecord &f : records) {
            const QStringList cells = {QString::number(f.id), f.scheme, f.runId,
                                       failureStageName(f.stage), f.recordId, f.recordNumber,
                                       f.recordName, f.errorCode, f.message,
                                       QString::number(f.attempts), failureStatusName(f.status),
                                       f.updatedAt.toString(Qt::ISODate),
                                       compact(f.sourcePayload), compact(f.targetPayload)};
            QStringList escaped;
            for (const QString &c : cells)
                escaped << csvField(c);
            out() << escaped.join(u',') << '\n';
        }
    } else {
        out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                     .arg(QStringLiteral("SCHEME").leftJustified(14),
                          QStringLiteral("STAGE").leftJustified(9),
                          QStringLiteral("RECORD").leftJustified(22),
                          QStringLiteral("CODE").leftJustified(12), QStringLiteral("TRIES"),
                          QStringLiteral("MESSAGE"));
        for (const FailedRecord &f : records) {
            out() << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                         .arg(shorten(f.scheme, 14).leftJustified(14),
                              failureStageName(f.stage).leftJustified(9),
                              shorten(f.recordId, 22).leftJustified(22),
                              shorten(f.errorCode, 12).leftJustified(12),
                              QString::number(f.attempts).leftJustified(5),
                              shorten(f.message, 100));
        }
        out() << records.size() << (records.size() == 1 ? " record\n" : " records\n");
    }
    out().flush();
    return ExitOk;
}

int historyCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lists past runs, newest first, with their counters and outcome; with "
                       "--log RUN_ID, that run's log lines (info and above, secrets redacted, "
                       "as its process kept them in the state store — of any host); with "
                       "--quality [RUN_ID], a run's quality summary: records read against the "
                       "source's total per window, and each validate rule's outcomes."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.weft.json file."));
    parser.addPositionalArgument(QStringLiteral("run"),
                                 QStringLiteral("With --quality: the run (default: the newest, "
                                                "of --scheme if given)."),
                                 QStringLiteral("[RUN_ID]"));
    const QCommandLineOption scheme(QStringLiteral("scheme"), QStringLiteral("Only this scheme."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("At most N runs (default 20)."),
                                   QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption log(QStringLiteral("log"),
                                 QStringLiteral("Print the log lines of this run instead."),
                                 QStringLiteral("RUN_ID"));
    const QCommandLineOption quality(QStringLiteral("quality"),
                                     QStringLiteral("Print a run's quality summary instead."));
    const QCommandLineOption html(QStringLiteral("html"),
                                  QStringLiteral("With --quality: write it as an HTML report to "
                                                 "FILE."),
                                  QStringLiteral("FILE"));
    parser.addOptions({scheme, limit, json, log, quality, html, stateOption(), logFileOption(),
                       logLevelOption()});
    parser.process(arguments);
    const qsizetype positional = parser.positionalArguments().size();
    if (parser.isSet(html) && !parser.isSet(quality)) {
        err() << "weft-run history: --html goes with --quality\n";
        return ExitUsage;
    }
    if (positional != 1 && !(parser.isSet(quality) && positional == 2)) {
        err() << "weft-run history: give exactly one project file (see --help)\n";
        return ExitUsage;
    }
    int exitCode = 0;
    auto session = openSession(parser, parser.positionalArguments().first(), &exitCode);
    if (!session)
        return exitCode;
    if (parser.isSet(log))
        return printRunLog(*session->state, parser.value(log), parser.isSet(json));
    if (parser.isSet(quality))
        return printQuality(*session->state, parser.positionalArguments().value(1),
                            parser.value(scheme), parser.isSet(json), parser.value(html));
    const QList<RunInfo> runs =
        session->state->runs(parser.value(scheme), parser.value(limit).toInt());
    if (parser.isSet(json)) {
        QJsonArray a;
        for (const RunInfo &r : runs) {
            a.append(QJsonObject{{QStringLiteral("run_id"), r.runId},
                                 {QStringLiteral("scheme"), r.scheme},
                                 {QStringLiteral("trigger"), r.trigger},
                                 {QStringLiteral("started_at"), r.startedAt.toString(Qt::ISODate)},
                                 {QStringLiteral("finished_at"),
                                  r.finishedAt.toString(Qt::ISODate)},
                                 {QStringLiteral("outcome"), runOutcomeName(r.outcome)},
                                 {QStringLiteral("read"), r.counters.read},
                                 {QStringLiteral("written"), r.counters.written},
                                 {QStringLiteral("skipped"), r.counters.skipped},
                                 {QStringLiteral("failed"), r.counters.failed},
                                 {QStringLiteral("pages"), r.counters.pages},
                                 {QStringLiteral("message"), r.message}});
        }
        out() << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented));
    } else {
        out() << "STARTED              SCHEME          OUTCOME          READ    WRITTEN SKIPPED "
                 "FAILED  SECONDS\n";
        for (const RunInfo &r : runs) {
            const qint64 ms = r.finishedAt.isValid() ? r.startedAt.msecsTo(r.finishedAt) : 0;
            out() << r.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                         .leftJustified(21)
                  << shorten(r.scheme, 15).leftJustified(16)
                  << runOutcomeName(r.outcome).leftJustified(15)
                  << QString::number(r.counters.read).rightJustified(7) << ' '
                  << QString::number(r.counters.written).rightJustified(8) << ' '
                  << QString::number(r.counters.skipped).rightJustified(7) << ' '
                  << QString::number(r.counters.failed).rightJustified(6) << ' '
                  << QString::number(ms / 1000.0, 'f', 1).rightJustified(8) << '\n';
            if (!r.message.isEmpty())
                out() << "    " << shorten(r.message, 110) << '\n';
        }
    }
    out().flush();
    return ExitOk;
}

namespace {

/// Per stage its counts and the records it dropped or failed, with why.
QJsonArray stagesJson(const QList<StageTrace> &stages)
{
    QJsonArray out;
    for (const StageTrace &stage : stages) {
        QJsonArray left;
        for (const StageRecord &r : stage.records) {
            if (r.fate == StageRecord::Fate::Passed)
                continue;
            left.append(QJsonObject{{QStringLiteral("id"), r.id},
                                    {QStringLiteral("fate"), r.fate == StageRecord::Fate::Dropped
                                                                 ? QStringLiteral("dropped")
                                                                 : QStringLiteral("failed")},
                                    {QStringLiteral("reason"), r.reason}});
        }
        out.append(QJsonObject{{QStringLiteral("id"), stage.id},
                               {QStringLiteral("type"), stage.type},
                               {QStringLiteral("in"), stage.in},
                               {QStringLiteral("out"), stage.out},
                               {QStringLiteral("failed"), stage.failed},
                               {QStringLiteral("left"), left}});
    }
    return out;
}

} // namespace

int previewCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Fetches a sample from a scheme's source (its most recent window) and "
                       "prints the source records and the mapped target payloads as JSON, with "
                       "per-record errors. Nothing is written; no state changes."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.weft.json file."));
    const QCommandLineOption scheme(QStringLiteral("scheme"), QStringLiteral("The scheme."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("Source records to fetch (default 10)."),
                                   QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption pinned(
        QStringLiteral("pinned"),
        QStringLiteral("Preview the scheme's pinned sample (<project>.samples.json) instead of "
                       "fetching: no network."));
    const QCommandLineOption pin(QStringLiteral("pin"),
                                 QStringLiteral("Fetch, then pin what was fetched: write it to "
                                                "<project>.samples.json (secrets redacted)."));
    parser.addOptions({scheme, limit, pinned, pin, envOption(), stateOption(), logFileOption(),
                       logLevelOption()});
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(scheme)) {
        err() << "weft-run preview: give one project file and --scheme NAME (see --help)\n";
        return ExitUsage;
    }
    if (parser.isSet(pinned) && parser.isSet(pin)) {
        err() << "weft-run preview: --pinned and --pin exclude each other\n";
        return ExitUsage;
    }
    int exitCode = 0;
    auto session = openSession(parser, parser.positionalArguments().first(), &exitCode);
    if (!session)
        return exitCode;
    if (!session->project.scheme(parser.value(scheme))) {
        err() << "weft-run preview: no scheme named '" << parser.value(scheme) << "'\n";
        return ExitUsage;
    }
    const QString samplesPath = PinnedSamples::locationFor(session->path);
    PinnedSamples samples;
    QString error;
    if ((parser.isSet(pinned) || parser.isSet(pin)) && !samples.read(samplesPath, &error)) {
        err() << "weft-run preview: " << error << '\n';
        return ExitUsage;
    }
    const PinnedSample *sample = samples.sample(parser.value(scheme));
    if (parser.isSet(pinned) && !sample) {
        err() << "weft-run preview: scheme '" << parser.value(scheme)
              << "' has no pinned sample in " << samplesPath
              << " (pin one with --pin or in the designer)\n";
        return ExitUsage;
    }
    Previewer previewer(session->project, parser.value(scheme), session->state.get());
    PreviewResult result;
    QObject::connect(&previewer, &Previewer::finished, [&](const PreviewResult &r) {
        result = r;
        QCoreApplication::exit(0);
    });
    onTerminationRequest([&previewer]() { previewer.cancel(); });
    if (sample)
        previewer.startFromRecords(sample->records);
    else
        previewer.start(parser.value(limit).toInt());
    QCoreApplication::exec();
    if (!result.error.isEmpty()) {
        err() << "weft-run preview: " << result.error << '\n';
        return ExitAborted;
    }
    if (parser.isSet(pin)) {
        samples.set(parser.value(scheme),
                    {result.sourceRecords, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
        if (!samples.write(samplesPath, &error)) {
            err() << "weft-run preview: " << error << '\n';
            return ExitAborted;
        }
        err() << "weft-run preview: pinned " << result.sourceRecords.size() << " record(s) of '"
              << parser.value(scheme) << "' in " << samplesPath << '\n';
    }
    QJsonArray source;
    for (const QJsonObject &o : result.sourceRecords)
        source.append(o);
    QJsonArray mapped;
    for (qsizetype i = 0; i < result.output.records.size(); ++i) {
        const TargetRecord &r = result.output.records.at(i);
        mapped.append(QJsonObject{{QStringLiteral("record_id"), r.recordId},
                                  {QStringLiteral("number"), r.number},
                                  {QStringLiteral("payload"), r.payload}});
    }
    QJsonArray errors;
    for (const FailedRecord &f : result.output.failures) {
        errors.append(QJsonObject{{QStringLiteral("record_id"), f.recordId},
                                  {QStringLiteral("message"), f.message},
                                  {QStringLiteral("source_payload"), f.sourcePayload}});
    }
    const QJsonObject doc{{QStringLiteral("scheme"), parser.value(scheme)},
                          {QStringLiteral("pinned"), result.fromRecords},
                          {QStringLiteral("source_records"), source},
                          {QStringLiteral("mapped"), mapped},
                          {QStringLiteral("errors"), errors},
                          {QStringLiteral("skipped"), result.output.skipped},
                          {QStringLiteral("stages"), stagesJson(result.stages)}};
    out() << QString::fromUtf8(QJsonDocument(doc).toJson(QJsonDocument::Indented));
    out().flush();
    return ExitOk;
}

} // namespace weft::cli
