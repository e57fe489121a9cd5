#include "core/state/qualityreport.h"

#include "core/util/translation.h"

#include <QDateTime>
#include <algorithm>

namespace weft {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString when(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// Colours of the outcomes, the same in the designer's chart (historyqualityview.cpp).
constexpr const char *kPassed = "#2e7d32";
constexpr const char *kFailed = "#c62828";
constexpr const char *kWarned = "#ef8f00";
constexpr const char *kOther = "#78909c";

/// One horizontal stacked bar per rule: passed, failed, warned, other, scaled to the
/// largest total.
QString chartSvg(const QList<QualitySummary::RuleTotals> &rules)
{
    qint64 largest = 1;
    for (const auto &r : rules) {
        const auto &t = r.totals;
        largest = std::max(largest, t.passed + t.failed + t.warned + t.other);
    }
    constexpr int labelWidth = 260, barWidth = 420, rowHeight = 24;
    QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" "
                                 "height=\"%2\" role=\"img\">")
                      .arg(labelWidth + barWidth + 80)
                      .arg(rowHeight * rules.size() + 8);
    int y = 4;
    for (const auto &r : rules) {
        const auto &t = r.totals;
        svg += QStringLiteral("<text x=\"0\" y=\"%1\" font-size=\"12\">%2</text>")
                   .arg(y + 15)
                   .arg(esc(QStringLiteral("%1 · %2").arg(t.field, r.rule).left(40)));
        double x = labelWidth;
        const std::pair<qint64, const char *> parts[] = {
            {t.passed, kPassed}, {t.failed, kFailed}, {t.warned, kWarned}, {t.other, kOther}};
        for (const auto &[n, colour] : parts) {
            const double w = double(n) * barWidth / double(largest);
            if (n > 0)
                svg += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"18\" "
                                      "fill=\"%4\"/>")
                           .arg(x, 0, 'f', 1)
                           .arg(y)
                           .arg(std::max(w, 1.0), 0, 'f', 1)
                           .arg(QLatin1String(colour));
            x += w;
        }
        svg += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"12\">%3</text>")
                   .arg(x + 6, 0, 'f', 1)
                   .arg(y + 15)
                   .arg(t.passed + t.failed + t.warned + t.other);
        y += rowHeight;
    }
    return svg + QStringLiteral("</svg>");
}

QString cell(qint64 n, const char *colour = nullptr)
{
    if (n > 0 && colour)
        return QStringLiteral("<td class=\"n\" style=\"color:%1\">%2</td>")
            .arg(QLatin1String(colour))
            .arg(n);
    return QStringLiteral("<td class=\"n\">%1</td>").arg(n);
}

} // namespace

QString reconciliationStatusText(const QString &status)
{
    if (status == QLatin1String("ok"))
        return RunText::tr("matches");
    if (status == QLatin1String("short"))
        return RunText::tr("records missing — window failed");
    if (status == QLatin1String("over"))
        return RunText::tr("more than reported");
    if (status == QLatin1String("unknown"))
        return RunText::tr("no total from the source");
    if (status == QLatin1String("limited"))
        return RunText::tr("stopped by --limit");
    return status;
}

QString qualityReportHtml(const RunInfo &run, const QualitySummary &summary)
{
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>"
                           "<style>body{font-family:sans-serif;margin:24px;color:#263238}"
                           "table{border-collapse:collapse;margin:8px 0 20px}"
                           "th,td{border:1px solid #cfd8dc;padding:4px 8px;text-align:left}"
                           "th{background:#eceff1}td.n{text-align:right}"
                           ".short{color:#c62828;font-weight:bold}.legend span{margin-right:16px}"
                           "</style></head><body>\n")
                .arg(esc(RunText::tr("Quality report: %1").arg(run.runId)));
    html += QStringLiteral("<h1>%1</h1>\n").arg(esc(RunText::tr("Quality report")));
    html += QStringLiteral("<p>%1<br>%2<br>%3</p>\n")
                .arg(esc(RunText::tr("Scheme %1, run %2").arg(summary.scheme, run.runId)),
                     esc(RunText::tr("Started %1, outcome %2")
                             .arg(run.startedAt.toLocalTime().toString(
                                      QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                  runOutcomeName(run.outcome))),
                     esc(RunText::tr("Read %1, written %2, skipped %3, failed %4")
                             .arg(run.counters.read)
                             .arg(run.counters.written)
                             .arg(run.counters.skipped)
                             .arg(run.counters.failed)));
    if (!run.message.isEmpty())
        html += QStringLiteral("<p>%1</p>\n").arg(esc(run.message));

    html += QStringLiteral("<h2>%1</h2>\n").arg(esc(RunText::tr("Reconciliation per window")));
    if (summary.windows.isEmpty()) {
        html +=
            QStringLiteral("<p>%1</p>\n").arg(esc(RunText::tr("No window was read to its end.")));
    } else {
        html += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th>"
                               "<th>%6</th></tr>\n")
                    .arg(esc(RunText::tr("Window")), esc(RunText::tr("Reported")),
                         esc(RunText::tr("Read")), esc(RunText::tr("Pages")),
                         esc(RunText::tr("Difference")), esc(RunText::tr("Result")));
        for (const WindowReconciliation &w : summary.windows) {
            const bool known = w.reported >= 0;
            html += QStringLiteral("<tr%1><td>%2 .. %3</td><td class=\"n\">%4</td>%5%6"
                                   "<td class=\"n\">%7</td><td>%8</td></tr>\n")
                        .arg(w.status == QLatin1String("short") ? QStringLiteral(" class=\"short\"")
                                                                : QString(),
                             when(w.windowStart), when(w.windowEnd),
                             known ? QString::number(w.reported) : QStringLiteral("—"),
                             cell(w.read), cell(w.pages),
                             known ? QString::number(w.read - w.reported) : QStringLiteral("—"),
                             esc(reconciliationStatusText(w.status)));
        }
        html += QStringLiteral("</table>\n");
    }

    html += QStringLiteral("<h2>%1</h2>\n").arg(esc(RunText::tr("Validate rules")));
    const QList<QualitySummary::RuleTotals> rules = summary.perRule();
    if (rules.isEmpty()) {
        html += QStringLiteral("<p>%1</p>\n").arg(esc(RunText::tr("The scheme checks no rules.")));
    } else {
        html +=
            QStringLiteral("<p class=\"legend\"><span style=\"color:%1\">■ %2</span>"
                           "<span style=\"color:%3\">■ %4</span><span style=\"color:%5\">■ "
                           "%6</span><span style=\"color:%7\">■ %8</span></p>\n")
                .arg(QLatin1String(kPassed), esc(RunText::tr("passed")), QLatin1String(kFailed),
                     esc(RunText::tr("failed")), QLatin1String(kWarned), esc(RunText::tr("warned")),
                     QLatin1String(kOther), esc(RunText::tr("other")));
        html += chartSvg(rules) + u'\n';
        const QString head = QStringLiteral("<th>%1</th><th>%2</th><th>%3</th><th>%4</th>")
                                 .arg(esc(RunText::tr("Passed")), esc(RunText::tr("Failed")),
                                      esc(RunText::tr("Warned")), esc(RunText::tr("Other")));
        const auto counts = [](const QualitySummary::FieldTotals &t) -> QString {
            return cell(t.passed) + cell(t.failed, kFailed) + cell(t.warned, kWarned) +
                   cell(t.other);
        };
        html += QStringLiteral("<table><tr><th>%1</th><th>%2</th><th>%3</th>%4</tr>\n")
                    .arg(esc(RunText::tr("Step")), esc(RunText::tr("Rule")),
                         esc(RunText::tr("Field")), head);
        for (const auto &r : rules)
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td>%4</tr>\n")
                        .arg(esc(r.step), esc(r.rule), esc(r.totals.field), counts(r.totals));
        html += QStringLiteral("</table>\n<h2>%1</h2>\n<table><tr><th>%2</th>%3</tr>\n")
                    .arg(esc(RunText::tr("Per field")), esc(RunText::tr("Field")), head);
        for (const auto &f : summary.perField())
            html += QStringLiteral("<tr><td>%1</td>%2</tr>\n").arg(esc(f.field), counts(f));
        html += QStringLiteral("</table>\n");
    }
    html += QStringLiteral("<p style=\"color:#78909c\">%1</p>\n</body></html>\n")
                .arg(esc(RunText::tr("Made by Weft on %1")
                             .arg(QDateTime::currentDateTime().toString(Qt::ISODate))));
    return html;
}

} // namespace weft
