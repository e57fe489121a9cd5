#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace weft::test {

/// What one weft-run process answered.
struct WeftRunResult {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the weft-run under test (WEFT_RUN_BIN, set by CMake) with `args` in `env` and waits
/// for it (a minute at most). The CLI tests share it; each shapes the environment it needs.
inline WeftRunResult
runWeft(const QStringList &args,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("WEFT_RUN_BIN"), args);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace weft::test
