#include "clisupport.h"
#include "command.h"
#include "core/engine/runner.h"
#include "core/platform/terminationsignal.h"
#include "core/util/translation.h"
#include "progressprinter.h"

#include <QCoreApplication>

namespace weft::cli {

namespace {

/// Drives a Runner to completion on the main thread's event loop, printing progress.
int driveRunner(Runner &runner, ProgressPrinter &printer, const QString &projectPath,
                std::function<void()> start)
{
    QObject::connect(&runner, &Runner::schemeStarted,
                     [&](const QString &s, const QString &id) { printer.schemeStarted(s, id); });
    QObject::connect(&runner, &Runner::progress,
                     [&](const RunProgress &p) { printer.progress(p); });
    QObject::connect(&runner, &Runner::schemeFinished,
                     [&](const RunInfo &info) { printer.schemeFinished(info); });
    int exitCode = ExitAborted;
    QObject::connect(&runner, &Runner::finished, [&](int code) {
        exitCode = code;
        printer.finished(code, runner.results(), projectPath);
        QCoreApplication::exit(code);
    });
    onTerminationRequest([&runner]() {
        err() << '\n' << CliText::tr("stopping: finishing the current batch…") << '\n';
        err().flush();
        runner.cancel();
    });
    start();
    QCoreApplication::exec();
    return exitCode;
}

} // namespace

int runCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Runs the project's schemes (every enabled one, or those named with "
                       "--scheme): reads each source since its last sync, maps the records and "
                       "writes them to the target. Failed records are stored and can be listed "
                       "with `weft-run failed` and retried with `weft-run retry`.\n"
                       "Exit code: 0 all records done, 1 finished with failed records, 2 invalid "
                       "project or usage, 3 aborted (authentication, unreachable system, "
                       "cancelled)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.weft.json file."));
    const QCommandLineOption scheme(QStringLiteral("scheme"),
                                    QStringLiteral("Run this scheme (repeatable)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption full(QStringLiteral("full"),
                                  QStringLiteral("Ignore the last sync time: read everything "
                                                 "since the scheme's initialSince again "
                                                 "(idCheck still skips records written before "
                                                 "with the same content)."));
    const QCommandLineOption limit(QStringLiteral("limit"),
                                   QStringLiteral("Stop each scheme after N records (the sync "
                                                  "time does not advance)."),
                                   QStringLiteral("N"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Read and map, but write nothing and change "
                                                   "no state."));
    const QCommandLineOption progress(QStringLiteral("progress"),
                                      QStringLiteral("bar (default on a terminal), jsonl (one "
                                                     "JSON object per line on stdout) or "
                                                     "quiet."),
                                      QStringLiteral("MODE"));
    parser.addOptions({scheme, full, limit, dryRun, progress, envOption(), stateOption(),
                       logFileOption(), logLevelOption()});
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1) {
        err() << "weft-run run: give exactly one project file (see --help)\n";
        return ExitUsage;
    }
    ProgressPrinter::Mode mode = ProgressPrinter::Mode::Bar;
    if (parser.isSet(progress) && !ProgressPrinter::parseMode(parser.value(progress), &mode)) {
        err() << "weft-run run: --progress is bar, jsonl or quiet\n";
        return ExitUsage;
    }
    RunOptions options;
    options.schemes = parser.values(scheme);
    options.full = parser.isSet(full);
    options.dryRun = parser.isSet(dryRun);
    options.trigger = QStringLiteral("cli");
    if (parser.isSet(limit)) {
        bool ok = false;
        options.limit = parser.value(limit).toLongLong(&ok);
        if (!ok || options.limit < 0) {
            err() << "weft-run run: --limit needs a number of records\n";
            return ExitUsage;
        }
    }
    int exitCode = 0;
    const QString path = parser.positionalArguments().first();
    auto session = openSession(parser, path, &exitCode);
    if (!session)
        return exitCode;
    Runner runner(session->project, session->state.get());
    QString error;
    runner.selectSchemes(options, &error);
    if (!error.isEmpty()) {
        err() << "weft-run run: " << error << '\n';
        return ExitUsage;
    }
    ProgressPrinter printer(mode);
    return driveRunner(runner, printer, path, [&]() { runner.start(options); });
}

int retryCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Puts stored failed records through the *current* mapping and writes "
                       "them again — fix the mapping or the data, then retry. Records that "
                       "succeed are marked resolved; those that fail again stay failed with "
                       "the new error.\nExit code as for run."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("The *.weft.json file."));
    const QCommandLineOption scheme(QStringLiteral("scheme"),
                                    QStringLiteral("The scheme whose failures to retry (needed "
                                                   "when the project has several)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption record(QStringLiteral("record"),
                                    QStringLiteral("Retry this record id (repeatable)."),
                                    QStringLiteral("ID"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QStringLiteral("Retry every open failure of the scheme."));
    const QCommandLineOption progress(QStringLiteral("progress"),
                                      QStringLiteral("bar, jsonl or quiet."),
                                      QStringLiteral("MODE"));
    parser.addOptions({scheme, record, all, progress, envOption(), stateOption(), logFileOption(),
                       logLevelOption()});
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1) {
        err() << "weft-run retry: give exactly one project file (see --help)\n";
        return ExitUsage;
    }
    if (!parser.isSet(all) && !parser.isSet(record)) {
        err() << "weft-run retry: say which records: --record ID (repeatable) or --all\n";
        return ExitUsage;
    }
    ProgressPrinter::Mode mode = ProgressPrinter::Mode::Bar;
    if (parser.isSet(progress) && !ProgressPrinter::parseMode(parser.value(progress), &mode)) {
        err() << "weft-run retry: --progress is bar, jsonl or quiet\n";
        return ExitUsage;
    }
    int exitCode = 0;
    const QString path = parser.positionalArguments().first();
    auto session = openSession(parser, path, &exitCode);
    if (!session)
        return exitCode;
    RetryRequest request;
    request.scheme = parser.value(scheme);
    if (request.scheme.isEmpty()) {
        if (session->project.schemes.size() != 1) {
            err() << "weft-run retry: the project has several schemes; name one with --scheme ("
                  << session->project.schemeNames().join(QStringLiteral(", ")) << ")\n";
            return ExitUsage;
        }
        request.scheme = session->project.schemes.first().name;
    }
    if (!session->project.scheme(request.scheme)) {
        err() << "weft-run retry: no scheme named '" << request.scheme << "'\n";
        return ExitUsage;
    }
    if (!parser.isSet(all))
        request.recordIds = parser.values(record);
    Runner runner(session->project, session->state.get());
    ProgressPrinter printer(mode);
    RunOptions options;
    options.trigger = QStringLiteral("retry");
    return driveRunner(runner, printer, path, [&]() { runner.startRetry(request, options); });
}

} // namespace weft::cli
