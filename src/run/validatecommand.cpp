#include "command.h"
#include "core/model/projectvalidator.h"
#include "core/util/translation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace weft::cli {

int validateCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks project files: JSON syntax, structure, references between "
                       "connections and schemes, metadata, main_sql, expressions and secrets, "
                       "the connections under each of the project's environments.\n"
                       "Prints every problem as file:line:column: severity: /json/pointer: "
                       "message.\nExit code 0 when no file has errors (warnings allowed), 2 "
                       "otherwise."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QStringLiteral("One or more *.weft.json files."),
                                 QStringLiteral("PROJECT..."));
    QCommandLineOption quiet(QStringList{QStringLiteral("q"), QStringLiteral("quiet")},
                             QStringLiteral("Print errors only, no warnings or summary."));
    parser.addOption(quiet);
    const QCommandLineOption env(QStringLiteral("env"),
                                 QStringLiteral("Check the connections under this environment "
                                                "only (default: under each of the project's "
                                                "environments)."),
                                 QStringLiteral("NAME"));
    parser.addOption(env);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        err << CliText::tr("weft-run validate: give at least one project file") << '\n';
        return ExitUsage;
    }
    ValidateOptions options;
    options.checkEnvironment = true;
    options.onlyEnvironment = parser.value(env);
    bool anyErrors = false;
    for (const QString &file : files) {
        const Diagnostics diagnostics = validateProjectFile(file, options);
        int errors = 0;
        int warnings = 0;
        for (const Diagnostic &d : diagnostics) {
            d.isError() ? ++errors : ++warnings;
            if (d.isError() || !parser.isSet(quiet))
                err << d.toString(file) << '\n';
        }
        anyErrors = anyErrors || errors > 0;
        if (!parser.isSet(quiet)) {
            const QString errorText =
                errors == 1 ? CliText::tr("1 error") : CliText::tr("%1 errors").arg(errors);
            const QString warningText =
                warnings == 1 ? CliText::tr("1 warning") : CliText::tr("%1 warnings").arg(warnings);
            out << (errors ? CliText::tr("%1: invalid (%2, %3)")
                           : CliText::tr("%1: valid (%2, %3)"))
                       .arg(file, errorText, warningText)
                << '\n';
        }
    }
    return anyErrors ? ExitUsage : ExitOk;
}

} // namespace weft::cli
