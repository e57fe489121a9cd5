#include "progressprinter.h"

#include "clisupport.h"
#include "core/platform/terminal.h"
#include "core/util/translation.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace weft::cli {

namespace {

QJsonObject countersJson(const RunCounters &c)
{
    return {{QStringLiteral("read"), c.read},       {QStringLiteral("written"), c.written},
            {QStringLiteral("skipped"), c.skipped}, {QStringLiteral("failed"), c.failed},
            {QStringLiteral("pages"), c.pages}};
}

/// A run's outcome as a reader sees it (the JSON lines keep runOutcomeName's fixed names).
QString outcomeText(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Running:
        return CliText::tr("running");
    case RunOutcome::Succeeded:
        return CliText::tr("succeeded");
    case RunOutcome::FinishedWithFailures:
        return CliText::tr("finished with failures");
    case RunOutcome::Aborted:
        return CliText::tr("aborted");
    case RunOutcome::Cancelled:
        return CliText::tr("cancelled");
    }
    return runOutcomeName(outcome);
}

void printJson(QJsonObject o)
{
    out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    out().flush();
}

} // namespace

ProgressPrinter::ProgressPrinter(Mode mode)
    : m_mode(mode)
    , m_tty(isTerminal(stderr))
{
    m_lastDraw.start();
}

bool ProgressPrinter::parseMode(const QString &text, Mode *mode)
{
    if (text == QLatin1String("bar"))
        *mode = Mode::Bar;
    else if (text == QLatin1String("jsonl"))
        *mode = Mode::Jsonl;
    else if (text == QLatin1String("quiet"))
        *mode = Mode::Quiet;
    else
        return false;
    return true;
}

void ProgressPrinter::clearLine()
{
    if (m_mode == Mode::Bar && m_tty)
        err() << "\r\033[K";
}

void ProgressPrinter::schemeStarted(const QString &scheme, const QString &runId)
{
    if (m_mode == Mode::Jsonl) {
        printJson({{QStringLiteral("event"), QStringLiteral("started")},
                   {QStringLiteral("scheme"), scheme},
                   {QStringLiteral("run_id"), runId}});
    } else if (m_mode == Mode::Bar) {
        err() << "▶ " << scheme << " (run " << runId << ")\n";
        err().flush();
    }
}

void ProgressPrinter::progress(const RunProgress &p)
{
    // RunInfo does not carry the stages: the scheme's last progress (its "done" comes just
    // before it finishes) gives them to scheme_finished.
    m_steps.insert(p.scheme, p.steps);
    if (m_mode == Mode::Jsonl) {
        QJsonObject o = countersJson(p.counters);
        o.insert(QStringLiteral("event"), QStringLiteral("progress"));
        o.insert(QStringLiteral("scheme"), p.scheme);
        o.insert(QStringLiteral("phase"), p.phase);
        o.insert(QStringLiteral("elapsed_ms"), p.elapsedMs);
        o.insert(QStringLiteral("records_per_second"), qRound(p.recordsPerSecond));
        if (p.windowCount > 0) {
            o.insert(QStringLiteral("window"), p.windowIndex);
            o.insert(QStringLiteral("windows"), p.windowCount);
        }
        if (!p.steps.isEmpty())
            o.insert(QStringLiteral("steps"), stepsJson(p.steps));
        printJson(o);
        return;
    }
    if (m_mode != Mode::Bar || !m_tty || m_lastDraw.elapsed() < 200)
        return;
    m_lastDraw.restart();
    static const char *const spin[] = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    QString bar;
    if (p.windowCount > 0) {
        constexpr int kWidth = 20;
        const int filled = kWidth * std::max(0, p.windowIndex - 1) / std::max(1, p.windowCount);
        bar = QString(filled, QChar(0x2588)) + QString(kWidth - filled, QChar(0x2591)) +
              QStringLiteral(" window %1/%2 ").arg(p.windowIndex).arg(p.windowCount);
    }
    clearLine();
    err() << spin[m_spinner++ % 10] << ' ' << p.scheme << ' ' << bar << "read " << p.counters.read
          << " · written " << p.counters.written << " · skipped " << p.counters.skipped
          << " · failed " << p.counters.failed << " · " << qRound(p.recordsPerSecond)
          << " rec/s · " << QString::number(p.elapsedMs / 1000.0, 'f', 1) << " s";
    err().flush();
}

void ProgressPrinter::schemeFinished(const RunInfo &info)
{
    const RunCounters &c = info.counters;
    if (m_mode == Mode::Jsonl) {
        QJsonObject o = countersJson(c);
        o.insert(QStringLiteral("event"), QStringLiteral("scheme_finished"));
        o.insert(QStringLiteral("scheme"), info.scheme);
        o.insert(QStringLiteral("run_id"), info.runId);
        o.insert(QStringLiteral("outcome"), runOutcomeName(info.outcome));
        o.insert(QStringLiteral("elapsed_ms"), info.startedAt.msecsTo(info.finishedAt));
        if (!info.message.isEmpty())
            o.insert(QStringLiteral("message"), info.message);
        if (const QList<StepCounters> steps = m_steps.take(info.scheme); !steps.isEmpty())
            o.insert(QStringLiteral("steps"), stepsJson(steps));
        printJson(o);
        return;
    }
    if (m_mode == Mode::Quiet)
        return;
    clearLine();
    const char *mark = info.outcome == RunOutcome::Succeeded              ? "✔"
                       : info.outcome == RunOutcome::FinishedWithFailures ? "⚠"
                                                                           : "✘";
    err() << mark << ' '
          << CliText::tr("%1: %2 — read %3, written %4, skipped %5, failed %6, pages %7, %8 s")
                 .arg(info.scheme, outcomeText(info.outcome), QString::number(c.read),
                      QString::number(c.written), QString::number(c.skipped),
                      QString::number(c.failed), QString::number(c.pages),
                      QString::number(info.startedAt.msecsTo(info.finishedAt) / 1000.0, 'f', 1))
          << '\n';
    if (!info.message.isEmpty())
        err() << "  " << info.message << '\n';
    err().flush();
}

void ProgressPrinter::finished(int exitCode, const QList<RunInfo> &runs,
                               const QString &projectPath)
{
    if (m_mode == Mode::Jsonl) {
        RunCounters total;
        for (const RunInfo &r : runs) {
            total.read += r.counters.read;
            total.written += r.counters.written;
            total.skipped += r.counters.skipped;
            total.failed += r.counters.failed;
            total.pages += r.counters.pages;
        }
        QJsonObject o = countersJson(total);
        o.insert(QStringLiteral("event"), QStringLiteral("finished"));
        o.insert(QStringLiteral("outcome"), exitCode == 0   ? QStringLiteral("succeeded")
                                            : exitCode == 1 ? QStringLiteral("failed_records")
                                            : exitCode == 2 ? QStringLiteral("invalid")
                                                            : QStringLiteral("aborted"));
        o.insert(QStringLiteral("exit_code"), exitCode);
        printJson(o);
        return;
    }
    if (m_mode == Mode::Quiet)
        return;
    for (const RunInfo &r : runs) {
        if (r.counters.failed > 0) {
            err() << CliText::tr("Failed records of %1: weft-run failed %2 --scheme %1  (retry: "
                                 "weft-run retry %2 --scheme %1 --all)")
                         .arg(r.scheme, projectPath)
                  << '\n';
        }
    }
    err().flush();
}

} // namespace weft::cli
