#include "clisupport.h"

#include "command.h"
#include "core/engine/statelocation.h"
#include "core/log/logging.h"
#include "core/model/projectio.h"
#include "core/model/projectvalidator.h"
#include "core/util/translation.h"

#include <QCoreApplication>
#include <QFile>
#include <QUrl>

namespace weft::cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QCommandLineOption stateOption()
{
    return QCommandLineOption(
        QStringLiteral("state"),
        QStringLiteral("State store: a SQLite file, or mysql://user@host:port/db (password from "
                       "WEFT_STATE_PASSWORD; add ?sslMode=verify-ca&sslCa=FILE for TLS) to "
                       "share it between runners. Default: the project's \"state\" entry, "
                       "else <project>.state.sqlite beside the project file."),
        QStringLiteral("PATH|URL"));
}

QCommandLineOption logFileOption()
{
    return QCommandLineOption(QStringLiteral("log-file"),
                              QStringLiteral("Rotating log file (secrets redacted). Default: "
                                             "<project>.log beside the project file; \"none\" "
                                             "for no file."),
                              QStringLiteral("PATH"));
}

QCommandLineOption logLevelOption()
{
    return QCommandLineOption(QStringLiteral("log-level"),
                              QStringLiteral("Console log level: trace, debug, info, warn, "
                                             "error, off (default warn)."),
                              QStringLiteral("LEVEL"), QStringLiteral("warn"));
}

QCommandLineOption envOption()
{
    return QCommandLineOption(QStringLiteral("env"),
                              QStringLiteral("Use this environment of the project (its "
                                             "variables and secret references). Default: the "
                                             "project's activeEnvironment."),
                              QStringLiteral("NAME"));
}

QString unknownEnvironment(const Project &project, const QString &name)
{
    if (project.environment(name))
        return {};
    const QStringList names = project.environmentNames();
    if (names.isEmpty())
        return CliText::tr("no environment named \"%1\": the project defines none").arg(name);
    return CliText::tr("no environment named \"%1\"; the project has: %2")
        .arg(name, names.join(QStringLiteral(", ")));
}

std::unique_ptr<StateStore> openStateStore(const QCommandLineParser &parser,
                                           const QString &defaultLocation, int *exitCode)
{
    const QString location = parser.isSet(QStringLiteral("state"))
                                 ? parser.value(QStringLiteral("state"))
                                 : defaultLocation;
    if (parser.isSet(QStringLiteral("state")) && !QUrl(location).password().isEmpty()) {
        // Every user of the machine can read a command line (ps, /proc/<pid>/cmdline).
        log::registerSecret(QUrl(location).password());
        log::warn(QStringLiteral("--state carries a password: any user of this machine can see "
                                 "a command line. Leave it out of the URL and set "
                                 "WEFT_STATE_PASSWORD instead"));
    }
    QString error;
    auto state = StateStore::open(location, &error);
    if (!state) {
        err() << error << '\n';
        err().flush();
        *exitCode = ExitAborted;
    }
    return state;
}

std::optional<ProjectSession> openSession(const QCommandLineParser &parser, const QString &path,
                                          int *exitCode)
{
    ProjectSession session;
    session.path = path;
    const Diagnostics diagnostics = validateProjectFile(path);
    bool errors = false;
    for (const Diagnostic &d : diagnostics) {
        if (d.isError()) {
            err() << d.toString(path) << '\n';
            errors = true;
        }
    }
    if (errors) {
        err() << CliText::tr("%1: the project is invalid; fix the errors above (weft-run "
                             "validate %1 lists warnings too)")
                     .arg(path)
              << '\n';
        err().flush();
        *exitCode = ExitUsage;
        return std::nullopt;
    }
    session.project = *loadProjectFile(path).project;
    if (parser.optionNames().contains(QStringLiteral("env"))) {
        const QString name = parser.value(QStringLiteral("env"));
        if (const QString why = unknownEnvironment(session.project, name); !why.isEmpty()) {
            err() << path << ": " << why << '\n';
            err().flush();
            *exitCode = ExitUsage;
            return std::nullopt;
        }
        session.project.activeEnvironment = name;
    }

    QString base = path;
    if (base.endsWith(QLatin1String(".json")))
        base.chop(5);
    log::LogSettings logSettings;
    if (parser.optionNames().contains(QStringLiteral("log-level")))
        logSettings.consoleLevel = parser.value(QStringLiteral("log-level"));
    else
        logSettings.consoleLevel = QStringLiteral("warn");
    const QString logFile = parser.optionNames().contains(QStringLiteral("log-file"))
                                ? parser.value(QStringLiteral("log-file"))
                                : base + QStringLiteral(".log");
    if (logFile != QLatin1String("none"))
        logSettings.filePath = logFile;
    log::setup(logSettings);

    QString location = StateStore::defaultLocationFor(path);
    if (!parser.isSet(QStringLiteral("state"))) {
        // The project may name its (shared) store; the password comes from its reference and
        // never appears on a command line.
        QString error;
        const auto named = resolveStateLocation(session.project, location, &error);
        if (!named) {
            err() << path << ": the state store's password: " << error << '\n';
            err().flush();
            *exitCode = ExitAborted;
            return std::nullopt;
        }
        location = *named;
    }
    session.state = openStateStore(parser, location, exitCode);
    if (!session.state)
        return std::nullopt;
    return session;
}

} // namespace weft::cli
