#include "widgets/history/historyqualityview.h"

#include "core/state/qualityreport.h"
#include "core/state/statestore.h"
#include "widgets/common/stateservice.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace weft {

namespace {

// The outcomes' colours, as in the HTML report (qualityreport.cpp).
const QColor kPassed(0x2e7d32);
const QColor kFailed(0xc62828);
const QColor kWarned(0xef8f00);
const QColor kOther(0x78909c);

QTableWidget *makeTable(QWidget *parent)
{
    auto *table = new QTableWidget(parent);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    return table;
}

QTableWidgetItem *number(qint64 n, const QColor &colour = QColor())
{
    auto *item = new QTableWidgetItem(QLocale().toString(n));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (n > 0 && colour.isValid())
        item->setForeground(colour);
    return item;
}

QString when(qint64 secs)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QLocale::ShortFormat);
}

} // namespace

HistoryQualityView::HistoryQualityView(StateService *state, QWidget *parent)
    : QWidget(parent)
    , m_state(state)
    , m_title(new QLabel(this))
    , m_export(new QPushButton(this))
    , m_windowsLabel(new QLabel(this))
    , m_windows(makeTable(this))
    , m_rulesLabel(new QLabel(this))
    , m_rules(makeTable(this))
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart, this))
{
    setObjectName(QStringLiteral("historyQualityView"));
    m_windows->setObjectName(QStringLiteral("qualityWindows"));
    m_rules->setObjectName(QStringLiteral("qualityRules"));
    m_export->setObjectName(QStringLiteral("exportQualityReport"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_export->setEnabled(false);
    for (QLabel *label : {m_windowsLabel, m_rulesLabel})
        label->setStyleSheet(QStringLiteral("color: #607d8b"));

    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumWidth(320);

    auto *tables = new QWidget(this);
    auto *tablesLayout = new QVBoxLayout(tables);
    tablesLayout->setContentsMargins(0, 0, 0, 0);
    tablesLayout->addWidget(m_windowsLabel);
    tablesLayout->addWidget(m_windows, 2);
    tablesLayout->addWidget(m_rulesLabel);
    tablesLayout->addWidget(m_rules, 3);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(tables);
    splitter->addWidget(m_chartView);
    // The chart needs room for its legend in either language.
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({500, 420});

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title, 1);
    bar->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(m_export, &QPushButton::clicked, this, &HistoryQualityView::exportReport);
    rebuild();
}

void HistoryQualityView::showRun(const RunInfo &run)
{
    m_run = run;
    const quint64 generation = ++m_generation;
    if (!m_state) {
        setSummary({run.runId, run.scheme, {}, {}});
        return;
    }
    const QString runId = run.runId;
    m_state->query<QualitySummary>(
        this,
        [runId](StateStore *store) {
            return store ? QualityStore(store).load(runId) : QualitySummary{runId, {}, {}, {}};
        },
        [this, generation](const QualitySummary &summary) {
            if (generation == m_generation)
                setSummary(summary);
        });
}

void HistoryQualityView::setSummary(const QualitySummary &summary)
{
    m_summary = summary;
    m_summary.scheme = m_run.scheme;
    rebuild();
    Q_EMIT loaded();
}

void HistoryQualityView::rebuild()
{
    m_export->setText(tr("Export report…"));
    m_export->setToolTip(tr("Save the run's quality summary as an HTML report"));
    m_export->setEnabled(!m_run.runId.isEmpty());
    m_title->setText(m_run.runId.isEmpty()
                         ? tr("Select a run to see its quality summary.")
                         : tr("Quality of run %1 (%2)").arg(m_run.runId, m_run.scheme));
    m_windowsLabel->setText(tr("Records read against the source's total, per window"));
    m_rulesLabel->setText(tr("Validate rules: records per outcome"));

    m_windows->clear();
    m_windows->setColumnCount(5);
    m_windows->setHorizontalHeaderLabels(
        {tr("Window"), tr("Reported"), tr("Read"), tr("Pages"), tr("Result")});
    m_windows->setRowCount(int(m_summary.windows.size()));
    for (int row = 0; row < m_summary.windows.size(); ++row) {
        const WindowReconciliation &w = m_summary.windows.at(row);
        m_windows->setItem(row, 0,
                           new QTableWidgetItem(QStringLiteral("%1 – %2").arg(when(w.windowStart),
                                                                              when(w.windowEnd))));
        auto *reported = w.reported >= 0 ? number(w.reported) : new QTableWidgetItem(tr("—"));
        reported->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_windows->setItem(row, 1, reported);
        m_windows->setItem(row, 2, number(w.read));
        m_windows->setItem(row, 3, number(w.pages));
        auto *result = new QTableWidgetItem(reconciliationStatusText(w.status));
        if (w.status == QLatin1String("short"))
            result->setForeground(kFailed);
        else if (w.status == QLatin1String("ok"))
            result->setForeground(kPassed);
        else if (w.status == QLatin1String("over"))
            result->setForeground(kWarned);
        m_windows->setItem(row, 4, result);
    }
    m_windows->resizeColumnsToContents();

    const QList<QualitySummary::RuleTotals> rules = m_summary.perRule();
    m_rules->clear();
    m_rules->setColumnCount(7);
    m_rules->setHorizontalHeaderLabels({tr("Field"), tr("Rule"), tr("Step"), tr("Passed"),
                                        tr("Failed"), tr("Warned"), tr("Other")});
    m_rules->setRowCount(int(rules.size()));
    for (int row = 0; row < rules.size(); ++row) {
        const auto &r = rules.at(row);
        m_rules->setItem(row, 0, new QTableWidgetItem(r.totals.field));
        m_rules->setItem(row, 1, new QTableWidgetItem(r.rule));
        m_rules->setItem(row, 2, new QTableWidgetItem(r.step));
        m_rules->setItem(row, 3, number(r.totals.passed));
        m_rules->setItem(row, 4, number(r.totals.failed, kFailed));
        m_rules->setItem(row, 5, number(r.totals.warned, kWarned));
        m_rules->setItem(row, 6, number(r.totals.other));
    }
    m_rules->resizeColumnsToContents();

    // The chart: per field, its records by outcome, stacked.
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes())
        m_chart->removeAxis(axis);
    const QList<QualitySummary::FieldTotals> fields = m_summary.perField();
    m_chart->setTitle(fields.isEmpty() ? tr("No validate rules in this run") : tr("Per field"));
    if (fields.isEmpty())
        return;
    auto *series = new QHorizontalStackedBarSeries;
    const std::pair<QString, QColor> outcomes[] = {{tr("passed"), kPassed},
                                                   {tr("failed"), kFailed},
                                                   {tr("warned"), kWarned},
                                                   {tr("other"), kOther}};
    QStringList categories;
    QList<QBarSet *> sets;
    for (const auto &[name, colour] : outcomes) {
        auto *set = new QBarSet(name);
        set->setColor(colour);
        set->setBorderColor(colour);
        sets << set;
    }
    qint64 largest = 0;
    for (const auto &f : fields) {
        categories << f.field;
        *sets[0] << double(f.passed);
        *sets[1] << double(f.failed);
        *sets[2] << double(f.warned);
        *sets[3] << double(f.other);
        largest = std::max(largest, f.passed + f.failed + f.warned + f.other);
    }
    for (QBarSet *set : sets)
        series->append(set);
    m_chart->addSeries(series);
    auto *axisY = new QBarCategoryAxis;
    axisY->append(categories);
    m_chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    auto *axisX = new QValueAxis;
    axisX->setRange(0, double(std::max<qint64>(largest, 1)));
    axisX->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
}

bool HistoryQualityView::exportHtml(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(qualityReportHtml(m_run, m_summary).toUtf8()) < 0 || !file.flush()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void HistoryQualityView::exportReport()
{
    if (m_run.runId.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export quality report"), QStringLiteral("%1-quality.html").arg(m_run.runId),
        tr("HTML report (*.html)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportHtml(path, &error))
        QMessageBox::warning(this, tr("Export quality report"),
                             tr("%1 could not be written: %2").arg(path, error));
}

void HistoryQualityView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace weft
