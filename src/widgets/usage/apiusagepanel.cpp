#include "widgets/usage/apiusagepanel.h"

#include "ui_apiusagepanel.h"
#include "widgets/common/stateservice.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>

namespace weft {

namespace {

QString barLabel(const ApiUsage &u)
{
    // Long endpoints would squeeze the bars: keep both ends, they tell endpoints apart.
    QString endpoint = u.endpoint;
    if (endpoint.size() > 30)
        endpoint = endpoint.left(10) + QStringLiteral("…") + endpoint.right(19);
    return QStringLiteral("%1 · %2").arg(u.connection, endpoint);
}

} // namespace

ApiUsagePanel::ApiUsagePanel(StateService *state, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ApiUsagePanel>())
    , m_state(state)
    , m_model(new ApiUsageModel(state, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_chart(new QChart)
    , m_chartView(new QChartView(m_chart))
{
    setObjectName(QStringLiteral("apiUsagePanel"));
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ApiUsageModel::SortRole);
    m_ui->table->setModel(m_proxy);
    m_ui->table->verticalHeader()->hide();
    m_ui->table->horizontalHeader()->setStretchLastSection(true);
    m_ui->table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->table->setTextElideMode(Qt::ElideMiddle);
    m_ui->table->sortByColumn(int(ApiUsageModel::Column::Calls), Qt::DescendingOrder);
    m_ui->refresh->setIcon(QIcon(QStringLiteral(":/icons/retry.svg")));
    m_ui->summary->setStyleSheet(QStringLiteral("color: #607d8b"));
    m_ui->period->setCurrentIndex(int(m_model->period()));

    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumWidth(320);
    m_ui->chartLayout->addWidget(m_chartView);
    // The table has more columns than the chart needs width.
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({750, 250});

    connect(m_ui->period, &QComboBox::activated, this,
            [this](int index) { setPeriod(ApiUsageModel::Period(index)); });
    connect(m_ui->refresh, &QPushButton::clicked, m_model, &ApiUsageModel::refresh);
    connect(m_model, &ApiUsageModel::loaded, this, [this] {
        m_ui->table->resizeColumnsToContents();
        // Long endpoints are elided in the middle (the tooltip has them whole): the numbers
        // matter more than the width of one path.
        const int endpoint = int(ApiUsageModel::Column::Endpoint);
        m_ui->table->setColumnWidth(endpoint, std::min(m_ui->table->columnWidth(endpoint), 220));
        rebuildChart();
        updateSummary();
    });
    if (state) {
        connect(state, &StateService::opened, this, [this] { updateSummary(); });
        m_model->refresh();
    }
    rebuildChart();
    updateSummary();
}

ApiUsagePanel::~ApiUsagePanel() = default;

void ApiUsagePanel::setPeriod(ApiUsageModel::Period period)
{
    m_ui->period->setCurrentIndex(int(period));
    m_model->setPeriod(period);
}

void ApiUsagePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        rebuildChart();
        updateSummary();
    }
    QWidget::changeEvent(event);
}

void ApiUsagePanel::updateSummary()
{
    if (m_state && m_state->location().isEmpty()) {
        m_ui->summary->setText(tr("Save the project first: its state store counts every API "
                                  "call of runs and previews."));
        return;
    }
    const QLocale locale;
    m_ui->summary->setText(
        tr("Calls: %1 · errors: %2 · throttled: %3 (counted per hour in the state store)")
            .arg(locale.toString(m_model->totalCalls()), locale.toString(m_model->totalErrors()),
                 locale.toString(m_model->totalThrottled())));
}

void ApiUsagePanel::rebuildChart()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }

    QList<ApiUsage> busiest;
    for (int row = 0; row < m_model->rowCount(); ++row)
        busiest << m_model->usage(row);
    std::stable_sort(busiest.begin(), busiest.end(),
                     [](const ApiUsage &a, const ApiUsage &b) { return a.calls > b.calls; });
    if (busiest.size() > kChartEndpoints)
        busiest.resize(kChartEndpoints);
    if (busiest.isEmpty()) {
        m_chart->setTitle(tr("No API calls in this period"));
        m_chart->legend()->hide();
        return;
    }
    m_chart->setTitle(
        tr("Calls and errors of the %n busiest endpoint(s)", nullptr, int(busiest.size())));
    m_chart->legend()->show();

    auto *calls = new QBarSet(tr("Calls"));
    auto *errors = new QBarSet(tr("Errors"));
    calls->setColor(QColor(0x1565c0));
    calls->setBorderColor(QColor(0x1565c0));
    errors->setColor(QColor(0xc62828));
    errors->setBorderColor(QColor(0xc62828));
    // A horizontal bar chart draws its first category at the bottom: the busiest goes last.
    QStringList axisLabels;
    qint64 maximum = 0;
    for (qsizetype i = busiest.size() - 1; i >= 0; --i) {
        const ApiUsage &u = busiest.at(i);
        axisLabels << barLabel(u);
        *calls << qreal(u.calls);
        *errors << qreal(u.errors);
        maximum = std::max(maximum, u.calls);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(calls);
    series->append(errors);
    series->setBarWidth(0.8);
    m_chart->addSeries(series);

    auto *categories = new QBarCategoryAxis;
    categories->append(axisLabels);
    m_chart->addAxis(categories, Qt::AlignLeft);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setRange(0, std::max<qreal>(1, qreal(maximum)));
    values->setLabelFormat(QStringLiteral("%d"));
    values->applyNiceNumbers();
    m_chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);

    const QStringList labels = axisLabels;
    connect(series, &QHorizontalBarSeries::hovered, this,
            [labels, calls, errors](bool on, int index, QBarSet *) {
                if (!on || index < 0 || index >= labels.size()) {
                    QToolTip::hideText();
                    return;
                }
                const QLocale locale;
                QToolTip::showText(QCursor::pos(),
                                   tr("%1\n%2 calls, %3 errors")
                                       .arg(labels.at(index),
                                            locale.toString(qint64(calls->at(index))),
                                            locale.toString(qint64(errors->at(index)))));
            });
}

} // namespace weft
