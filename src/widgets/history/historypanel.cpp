#include "widgets/history/historypanel.h"

#include "core/state/opsstore.h"
#include "ui_historypanel.h"
#include "widgets/common/stateservice.h"
#include "widgets/history/historyqualityview.h"
#include "widgets/history/runhistorymodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>

namespace weft {

HistoryPanel::HistoryPanel(StateService *state, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistoryPanel>())
    , m_model(new RunHistoryModel(state, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_state(state)
    , m_quality(new HistoryQualityView(state, this))
{
    setObjectName(QStringLiteral("historyPanel"));
    m_ui->setupUi(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_ui->runs->setModel(m_proxy);
    m_ui->runs->verticalHeader()->hide();
    m_ui->runs->horizontalHeader()->setStretchLastSection(true);
    m_ui->runs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_ui->refresh->setIcon(QIcon(QStringLiteral(":/icons/retry.svg")));
    m_ui->hint->setStyleSheet(QStringLiteral("color: #607d8b"));
    connect(m_ui->filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_ui->refresh, &QPushButton::clicked, m_model, &RunHistoryModel::refresh);
    connect(m_ui->runs, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QModelIndex source = m_proxy->mapToSource(index);
        Q_EMIT runActivated(source.data(RunHistoryModel::RunIdRole).toString(),
                            source.data(RunHistoryModel::SchemeRole).toString());
    });
    connect(m_model, &RunHistoryModel::loaded, this,
            [this] { m_ui->runs->resizeColumnsToContents(); });
    // Beside the runs: the selected run's quality summary and its log lines, a tab each.
    m_details = new QTabWidget(this);
    m_details->setObjectName(QStringLiteral("historyDetails"));
    m_ui->split->replaceWidget(1, m_details);
    m_details->addTab(m_quality, QString());
    m_details->addTab(m_ui->runLog, QString());
    retranslateDetails();
    connect(m_ui->runs->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QModelIndex source = m_proxy->mapToSource(current);
                showRunLog(source.data(RunHistoryModel::RunIdRole).toString());
                if (source.isValid())
                    m_quality->showRun(m_model->run(source.row()));
            });
    m_ui->split->setStretchFactor(0, 3);
    m_ui->split->setStretchFactor(1, 2);
}

void HistoryPanel::retranslateDetails()
{
    m_details->setTabText(0, tr("Quality"));
    m_details->setTabText(1, tr("Log"));
}

void HistoryPanel::selectRun(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_ui->runs->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
}
void HistoryPanel::showRunLog(const QString &runId)
{
    m_logRun = runId;
    m_ui->runLog->clear();
    if (runId.isEmpty() || !m_state)
        return;
    m_state->query<QList<RunLogLine>>(
        this,
        [runId](StateStore *store) {
            return store ? OperationsStore(store).runLog(runId) : QList<RunLogLine>();
        },
        [this, runId](const QList<RunLogLine> &lines) {
            if (runId != m_logRun)
                return; // another run was selected meanwhile
            QStringList text;
            for (const RunLogLine &l : lines) {
                text << QStringLiteral("%1 %2 %3")
                            .arg(l.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                 l.level, l.message);
            }
            if (lines.isEmpty())
                text << tr("No log lines are kept for this run (runs of versions before "
                           "this one, or previews, keep none).");
            m_ui->runLog->setPlainText(text.join(u'\n'));
            Q_EMIT runLogShown(runId, int(lines.size()));
        });
}

QString HistoryPanel::runLogText() const
{
    return m_ui->runLog->toPlainText();
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslateDetails();
    }
    QWidget::changeEvent(event);
}

} // namespace weft
