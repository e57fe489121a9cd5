// `weft-run history --quality [RUN]`: a run's quality summary — reconciliation per window,
// validate rules' outcomes per rule and per field — as text, JSON or an HTML report.
#include "clisupport.h"
#include "command.h"
#include "core/state/qualityreport.h"
#include "core/state/statestore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace weft::cli {

namespace {

QString when(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QJsonObject totalsJson(const QualitySummary::FieldTotals &t)
{
    return {{QStringLiteral("field"), t.field},
            {QStringLiteral("passed"), t.passed},
            {QStringLiteral("failed"), t.failed},
            {QStringLiteral("warned"), t.warned},
            {QStringLiteral("other"), t.other}};
}

QJsonObject summaryJson(const RunInfo &run, const QualitySummary &s)
{
    QJsonArray windows;
    for (const WindowReconciliation &w : s.windows)
        windows.append(QJsonObject{{QStringLiteral("window_start"), w.windowStart},
                                   {QStringLiteral("window_end"), w.windowEnd},
                                   {QStringLiteral("reported"), w.reported},
                                   {QStringLiteral("read"), w.read},
                                   {QStringLiteral("pages"), w.pages},
                                   {QStringLiteral("status"), w.status}});
    QJsonArray tallies;
    for (const RuleTally &t : s.rules)
        tallies.append(QJsonObject{{QStringLiteral("step"), t.step},
                                   {QStringLiteral("rule"), t.rule},
                                   {QStringLiteral("field"), t.field},
                                   {QStringLiteral("outcome"), t.outcome},
                                   {QStringLiteral("count"), t.count}});
    QJsonArray fields;
    for (const auto &f : s.perField())
        fields.append(totalsJson(f));
    return {{QStringLiteral("run_id"), run.runId},
            {QStringLiteral("scheme"), run.scheme},
            {QStringLiteral("outcome"), runOutcomeName(run.outcome)},
            {QStringLiteral("message"), run.message},
            {QStringLiteral("windows"), windows},
            {QStringLiteral("rules"), tallies},
            {QStringLiteral("fields"), fields}};
}

void printTotals(const QString &first, const QString &second, const QualitySummary::FieldTotals &t)
{
    out() << first.leftJustified(16) << ' ' << second.leftJustified(26) << ' '
          << QString::number(t.passed).rightJustified(8) << ' '
          << QString::number(t.failed).rightJustified(7) << ' '
          << QString::number(t.warned).rightJustified(7) << ' '
          << QString::number(t.other).rightJustified(6) << '\n';
}

void printText(const RunInfo &run, const QualitySummary &s)
{
    out() << "run " << run.runId << "  scheme " << run.scheme << "  " << runOutcomeName(run.outcome)
          << '\n';
    if (!run.message.isEmpty())
        out() << "    " << run.message << '\n';
    out() << "\nRECONCILIATION (records read against the source's total, per window)\n";
    if (s.windows.isEmpty())
        out() << "(no window was read to its end)\n";
    else
        out() << "WINDOW                                      REPORTED     READ  PAGES  STATUS\n";
    for (const WindowReconciliation &w : s.windows) {
        out() << QString(when(w.windowStart) + QStringLiteral(" .. ") + when(w.windowEnd))
                     .leftJustified(43)
              << ' '
              << (w.reported >= 0 ? QString::number(w.reported) : QStringLiteral("-"))
                     .rightJustified(8)
              << ' ' << QString::number(w.read).rightJustified(8) << ' '
              << QString::number(w.pages).rightJustified(6) << "  " << w.status << '\n';
    }
    out() << "\nRULES (records per validate rule and outcome)\n";
    const auto rules = s.perRule();
    if (rules.isEmpty()) {
        out() << "(the scheme checks no rules)\n";
    } else {
        out() << "STEP             RULE @ FIELD                 PASSED  FAILED  WARNED  OTHER\n";
        for (const auto &r : rules)
            printTotals(r.step, r.rule + QStringLiteral(" @ ") + r.totals.field, r.totals);
        out() << "\nFIELDS\n";
        out() << "FIELD                                       PASSED  FAILED  WARNED  OTHER\n";
        for (const auto &f : s.perField())
            printTotals(f.field, QString(), f);
    }
}

} // namespace

int printQuality(StateStore &state, const QString &runIdOrEmpty, const QString &scheme, bool json,
                 const QString &htmlFile)
{
    std::optional<RunInfo> run;
    if (runIdOrEmpty.isEmpty()) {
        const QList<RunInfo> latest = state.runs(scheme, 1);
        if (!latest.isEmpty())
            run = latest.first();
    } else {
        run = state.run(runIdOrEmpty);
    }
    if (!run) {
        err() << "weft-run history: no run "
              << (runIdOrEmpty.isEmpty() ? QStringLiteral("recorded yet") : runIdOrEmpty) << '\n';
        return ExitUsage;
    }
    QualityStore store(&state);
    QualitySummary summary = store.load(run->runId);
    if (!store.lastError().isEmpty()) {
        err() << "weft-run history: the quality summary could not be read: " << store.lastError()
              << '\n';
        return ExitAborted;
    }
    summary.scheme = run->scheme;
    if (!htmlFile.isEmpty()) {
        QFile file(htmlFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(qualityReportHtml(*run, summary).toUtf8()) < 0 || !file.flush()) {
            err() << "weft-run history: cannot write " << htmlFile << ": " << file.errorString()
                  << '\n';
            return ExitAborted;
        }
        out() << "quality report of run " << run->runId << " written to " << htmlFile << '\n';
    } else if (json) {
        out() << QString::fromUtf8(QJsonDocument(summaryJson(*run, summary)).toJson());
    } else {
        printText(*run, summary);
    }
    out().flush();
    return ExitOk;
}

} // namespace weft::cli
