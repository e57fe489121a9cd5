#include "widgets/operations/operationspanel.h"

#include "core/engine/statelocation.h"
#include "widgets/common/stateservice.h"
#include "widgets/operations/operationsmodel.h"

#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace weft {

namespace {

QGroupBox *boxWith(QWidget *content)
{
    auto *box = new QGroupBox;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return box;
}

} // namespace

OperationsPanel::OperationsPanel(StateService *state, ProjectDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_state(state)
    , m_model(new OperationsModel(state, doc, this))
    , m_location(new QLabel)
    , m_status(new QLabel)
    , m_runNow(new QPushButton(QIcon(QStringLiteral(":/icons/run.svg")), QString()))
    , m_pause(new QPushButton)
    , m_resume(new QPushButton)
    , m_cancel(new QPushButton)
    , m_refresh(new QPushButton(QIcon(QStringLiteral(":/icons/retry.svg")), QString()))
{
    setObjectName(QStringLiteral("operationsPanel"));
    m_schemes = makeTable(m_model->schemes());
    m_schemes->setObjectName(QStringLiteral("operationsSchemes"));
    m_running = makeTable(m_model->running());
    m_running->setObjectName(QStringLiteral("operationsRunning"));
    QTableView *processes = makeTable(m_model->processes());
    processes->setObjectName(QStringLiteral("operationsProcesses"));
    QTableView *alerts = makeTable(m_model->alerts());
    alerts->setObjectName(QStringLiteral("operationsAlerts"));
    m_schemesBox = boxWith(m_schemes);
    m_runningBox = boxWith(m_running);
    m_processesBox = boxWith(processes);
    m_alertsBox = boxWith(alerts);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_runNow);
    bar->addWidget(m_pause);
    bar->addWidget(m_resume);
    bar->addWidget(m_cancel);
    bar->addWidget(m_refresh);
    bar->addSpacing(12);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_location);
    m_location->setStyleSheet(QStringLiteral("color: #607d8b"));

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_runningBox);
    right->addWidget(m_processesBox);
    right->addWidget(m_alertsBox);
    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_schemesBox);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    auto follow = [this](QTableView *table) {
        connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
                [this, table](const QModelIndex &current) {
                    const QString scheme =
                        current.siblingAtColumn(0).data(OperationsModel::SchemeRole).toString();
                    if (!scheme.isEmpty() && scheme != m_scheme) {
                        m_scheme = scheme;
                        if (table == m_running)
                            selectScheme(scheme);
                        updateButtons();
                    }
                });
    };
    follow(m_schemes);
    follow(m_running);
    connect(m_runNow, &QPushButton::clicked, this,
            [this] { requestAction(ControlAction::RunNow); });
    connect(m_pause, &QPushButton::clicked, this, [this] { requestAction(ControlAction::Pause); });
    connect(m_resume, &QPushButton::clicked, this,
            [this] { requestAction(ControlAction::Resume); });
    connect(m_cancel, &QPushButton::clicked, this,
            [this] { requestAction(ControlAction::Cancel); });
    connect(m_refresh, &QPushButton::clicked, m_model, &OperationsModel::refresh);
    connect(m_model, &OperationsModel::refreshed, this, [this] {
        // The selection survives the tables being filled anew.
        if (!m_scheme.isEmpty())
            selectScheme(m_scheme);
        m_schemes->resizeColumnsToContents();
        updateButtons();
        m_status->setText(m_model->overview().error);
    });
    connect(m_model, &OperationsModel::runningChanged, this,
            [this] { m_running->resizeColumnsToContents(); });
    connect(m_model, &OperationsModel::requested, this,
            [this](const QString &scheme, ControlAction action, qint64 id, const QString &error) {
                m_status->setText(
                    id > 0 ? tr("%1 '%2': request #%3 stored; a serve process carries it out "
                                "at its next tick.")
                                 .arg(controlActionName(action), scheme)
                                 .arg(id)
                           : tr("%1 '%2' was not stored: %3")
                                 .arg(controlActionName(action), scheme, error));
            });
    connect(state, &StateService::opened, this, [this] { updateLocation(); });
    retranslate();
}

QTableView *OperationsPanel::makeTable(QAbstractItemModel *model)
{
    auto *table = new QTableView;
    table->setModel(model);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    return table;
}

void OperationsPanel::selectScheme(const QString &scheme)
{
    QStandardItemModel *schemes = m_model->schemes();
    for (int row = 0; row < schemes->rowCount(); ++row) {
        if (schemes->item(row, 0)->data(OperationsModel::SchemeRole).toString() == scheme) {
            m_scheme = scheme;
            const QSignalBlocker block(m_schemes->selectionModel());
            m_schemes->selectRow(row);
            updateButtons();
            return;
        }
    }
}

void OperationsPanel::requestAction(ControlAction action)
{
    if (!m_scheme.isEmpty())
        m_model->request(m_scheme, action);
}

void OperationsPanel::updateButtons()
{
    bool paused = false;
    bool running = false;
    for (const SchemeOperations &s : m_model->overview().schemes) {
        if (s.name == m_scheme)
            paused = s.paused;
    }
    for (const RunSnapshot &r : m_model->overview().running)
        running = running || r.scheme == m_scheme;
    const bool any = !m_scheme.isEmpty();
    m_runNow->setEnabled(any && !running);
    m_pause->setEnabled(any && !paused);
    m_resume->setEnabled(any && paused);
    m_cancel->setEnabled(any && running);
}

void OperationsPanel::updateLocation()
{
    const QString location = displayStateLocation(m_state->location());
    m_location->setText(isSharedStateLocation(m_state->location())
                            ? tr("State: %1").arg(location)
                            : tr("State: this computer's store (no serve process shares it)"));
    m_location->setToolTip(location);
}

void OperationsPanel::retranslate()
{
    m_runNow->setText(tr("Run now"));
    m_pause->setText(tr("Pause"));
    m_pause->setToolTip(tr("Hold the scheme's schedule on every server until it is resumed"));
    m_resume->setText(tr("Resume"));
    m_cancel->setText(tr("Cancel run"));
    m_cancel->setToolTip(tr("Stop the scheme's running run after its current batch"));
    m_refresh->setText(tr("Refresh"));
    m_schemesBox->setTitle(tr("Schemes"));
    m_runningBox->setTitle(tr("Runs in progress"));
    m_processesBox->setTitle(tr("Serve processes"));
    m_alertsBox->setTitle(tr("Alerts sent"));
    m_model->retranslate();
    updateLocation();
    updateButtons();
}

void OperationsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void OperationsPanel::showEvent(QShowEvent *event)
{
    m_model->setActive(true);
    QWidget::showEvent(event);
}

void OperationsPanel::hideEvent(QHideEvent *event)
{
    m_model->setActive(false);
    QWidget::hideEvent(event);
}

} // namespace weft
