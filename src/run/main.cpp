// weft-run: the headless runner. Every subcommand drives weft_core, the same code the
// designer uses.
#include "command.h"
#include "core/platform/filepermissions.h"
#include "core/util/translation.h"

#include <QCoreApplication>
#include <QTextStream>
#include <iterator>

namespace {

using weft::cli::Command;

const Command kCommands[] = {
    {"run", "Run schemes: read, map, write; incremental since the last sync",
     weft::cli::runCommand},
    {"preview", "Fetch a sample and show source records and mapped payloads",
     weft::cli::previewCommand},
    {"failed", "List failed records with their errors and payloads", weft::cli::failedCommand},
    {"retry", "Retry failed records through the current mapping", weft::cli::retryCommand},
    {"history", "List past runs with their counters", weft::cli::historyCommand},
    {"serve", "Run the schedules until stopped (the headless service)", weft::cli::serveCommand},
    {"backfill", "Backfill a long span in windows shared by several processes",
     weft::cli::backfillCommand},
    {"ps", "Serve processes and the runs in progress, from the state store", weft::cli::psCommand},
    {"run-now", "Ask a serve process to run a scheme now", weft::cli::runNowCommand},
    {"pause", "Hold a scheme's schedule in every serve process", weft::cli::pauseCommand},
    {"resume", "Release a paused scheme's schedule", weft::cli::resumeCommand},
    {"cancel", "Ask the serve process running a scheme to stop it", weft::cli::cancelCommand},
    {"stats", "API usage per connection and endpoint", weft::cli::statsCommand},
    {"alert-test", "Send a test alert through the project's channels", weft::cli::alertTestCommand},
    {"validate", "Check project files and report every problem", weft::cli::validateCommand},
    {"format", "Rewrite project files in canonical form", weft::cli::formatCommand},
};

void printUsage(QTextStream &s)
{
    s << "Usage: weft-run <command> [options] [arguments]\n\n"
         "Runs Weft integration projects (*.weft.json) without the designer.\n\n"
         "Commands:\n";
    for (const Command &c : kCommands)
        s << "  " << QString::fromLatin1(c.name).leftJustified(11) << c.summary << '\n';
    s << "\nOptions:\n"
         "  -h, --help     Show this help; `weft-run <command> --help` for a command\n"
         "  -v, --version  Show the version\n"
         "  --language L   zh_CN or en: the language of messages (default: the system's,\n"
         "                 from LANGUAGE, LC_ALL, LC_MESSAGES or LANG)\n\n"
         "Exit codes: 0 done, 1 finished with failed records, 2 invalid project or usage,\n"
         "3 aborted (authentication, unreachable system, cancelled). See docs/cli.md.\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("weft-run"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Weft"));
    // State stores, logs and exports hold customer data: owner-readable only (platform/filepermissions.h).
    weft::restrictNewFiles();

    QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    // --language, wherever it stands, chooses the messages' language for every command.
    QString language = weft::translation::systemLanguage();
    bool asked = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString a = args.at(i);
        if (a == QLatin1String("--language") && i + 1 < args.size()) {
            language = args.at(i + 1);
            asked = true;
            args.remove(i, 2);
            break;
        }
        if (a.startsWith(QLatin1String("--language="))) {
            language = a.mid(11);
            asked = true;
            args.remove(i);
            break;
        }
    }
    if (!weft::translation::installCore(language) && asked) {
        err << "weft-run: --language is zh_CN or en, not \"" << language << "\"\n";
        return weft::cli::ExitUsage;
    }
    if (args.size() < 2 || args.at(1) == QLatin1String("-h") ||
        args.at(1) == QLatin1String("--help") || args.at(1) == QLatin1String("help")) {
        printUsage(args.size() < 2 ? err : out);
        return args.size() < 2 ? weft::cli::ExitUsage : weft::cli::ExitOk;
    }
    if (args.at(1) == QLatin1String("-v") || args.at(1) == QLatin1String("--version")) {
        out << "weft-run " << WEFT_VERSION << '\n';
        return weft::cli::ExitOk;
    }
    const QString name = args.at(1);
    for (const Command &c : kCommands) {
        if (name == QLatin1String(c.name)) {
            args.removeAt(1);
            args[0] = QStringLiteral("weft-run ") + name;
            return c.run(args);
        }
    }
    err << "weft-run: unknown command \"" << name << "\"\n\n";
    printUsage(err);
    return weft::cli::ExitUsage;
}
