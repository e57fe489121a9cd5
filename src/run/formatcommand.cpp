#include "command.h"

#include "core/model/projectio.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

namespace weft::cli {

int formatCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Rewrites project files in Weft's canonical form (2-space indent, "
                       "schema key order, defaults omitted) — the form the designer saves.\n"
                       "With --check, changes nothing and exits 1 if a file is not canonical."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"), QStringLiteral("Project files."),
                                 QStringLiteral("PROJECT..."));
    QCommandLineOption check(QStringLiteral("check"),
                             QStringLiteral("Only report files that are not canonical."));
    parser.addOption(check);
    parser.process(arguments);

    QTextStream err(stderr);
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << "weft-run format: give at least one project file\n";
        return ExitUsage;
    }
    int result = ExitOk;
    for (const QString &file : files) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            err << file << ": cannot read: " << f.errorString() << '\n';
            return ExitUsage;
        }
        const QByteArray original = f.readAll();
        f.close();
        const ProjectLoadResult loaded = loadProject(original);
        if (!loaded.project) {
            for (const Diagnostic &d : loaded.diagnostics)
                err << d.toString(file) << '\n';
            return ExitUsage;
        }
        const QByteArray canonical = saveProject(*loaded.project);
        if (canonical == original)
            continue;
        if (parser.isSet(check)) {
            err << file << ": not in canonical form (run weft-run format " << file << ")\n";
            result = ExitFailedRecords;
            continue;
        }
        QString error;
        if (!saveProjectFile(*loaded.project, file, &error)) {
            err << error << '\n';
            return ExitUsage;
        }
        err << file << ": reformatted\n";
    }
    return result;
}

} // namespace weft::cli
