#pragma once

#include "core/engine/runtypes.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QHash>
#include <QString>

namespace weft::cli {

/// Shows a run's progress: a live line on a terminal (`bar`), one JSON object per line
/// (`jsonl`, for scripts and the scheduler), or nothing (`quiet`).
class ProgressPrinter final
{
public:
    enum class Mode { Bar, Jsonl, Quiet };
    explicit ProgressPrinter(Mode mode);

    static bool parseMode(const QString &text, Mode *mode);

    void schemeStarted(const QString &scheme, const QString &runId);
    void progress(const RunProgress &p);
    void schemeFinished(const RunInfo &info);
    void finished(int exitCode, const QList<RunInfo> &runs, const QString &projectPath);

private:
    void clearLine();

    Mode m_mode;
    bool m_tty;
    int m_spinner = 0;
    QElapsedTimer m_lastDraw;
    QHash<QString, QList<StepCounters>> m_steps; ///< per scheme, from its latest progress
};

} // namespace weft::cli
