#pragma once

#include "core/state/qualitystore.h"
#include "core/state/staterecords.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QPushButton;
class QTableWidget;

namespace weft {

class StateService;

/// Beside the History panel's runs: the selected run's quality summary — each window's
/// records read against the source's total, each validate rule's outcomes (a table) and the
/// outcomes per field (a bar chart) — and the export of it as an HTML report.
class HistoryQualityView final : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryQualityView(StateService *state, QWidget *parent = nullptr);

    /// Shows `run`'s summary, read from the state store in the background (loaded()).
    void showRun(const RunInfo &run);
    const RunInfo &run() const { return m_run; }
    const QualitySummary &summary() const { return m_summary; }
    QTableWidget *windowsTable() const { return m_windows; }
    QTableWidget *rulesTable() const { return m_rules; }
    QChart *chart() const { return m_chart; }
    /// Writes the summary as a self-contained HTML report.
    bool exportHtml(const QString &path, QString *error) const;

Q_SIGNALS:
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void setSummary(const QualitySummary &summary);
    void rebuild();
    void exportReport();

    StateService *m_state;
    RunInfo m_run;
    QualitySummary m_summary;
    quint64 m_generation = 0;
    QLabel *m_title;
    QPushButton *m_export;
    QLabel *m_windowsLabel;
    QTableWidget *m_windows;
    QLabel *m_rulesLabel;
    QTableWidget *m_rules;
    QChart *m_chart;
    QChartView *m_chartView;
};

} // namespace weft
