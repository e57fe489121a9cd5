#pragma once

#include <QStringList>

namespace weft {
class StateStore;
}

namespace weft::cli {

/// Exit codes of weft-run (docs/cli.md).
enum ExitCode : int {
    ExitOk = 0,            ///< everything done
    ExitFailedRecords = 1, ///< finished, but some records failed
    ExitUsage = 2,         ///< invalid project or usage
    ExitAborted = 3,       ///< authentication, unreachable system, cancelled
};

/// One subcommand of weft-run: `weft-run <name> <arguments>`.
struct Command {
    const char *name;
    const char *summary;
    int (*run)(const QStringList &arguments); ///< arguments[0] is "weft-run <name>"
};

int validateCommand(const QStringList &arguments);
int formatCommand(const QStringList &arguments);
int runCommand(const QStringList &arguments);
int retryCommand(const QStringList &arguments);
int failedCommand(const QStringList &arguments);
int historyCommand(const QStringList &arguments);
/// history --quality: a run's quality summary (qualitycommand.cpp); the newest run (of
/// `scheme`) when `runId` is empty; an HTML report to `htmlFile` when it is set.
int printQuality(StateStore &state, const QString &runId, const QString &scheme, bool json,
                 const QString &htmlFile);
int previewCommand(const QStringList &arguments);
int serveCommand(const QStringList &arguments);
int backfillCommand(const QStringList &arguments);
int statsCommand(const QStringList &arguments);
int alertTestCommand(const QStringList &arguments);
int psCommand(const QStringList &arguments);
int pauseCommand(const QStringList &arguments);
int resumeCommand(const QStringList &arguments);
int runNowCommand(const QStringList &arguments);
int cancelCommand(const QStringList &arguments);

} // namespace weft::cli
