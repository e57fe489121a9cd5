#include "widgets/history/historypanel.h"

#include "ui_historypanel.h"
#include "widgets/history/historyqualityview.h"
#include "widgets/history/runhistorymodel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QSplitter>

namespace weft {

HistoryPanel::HistoryPanel(StateService *state, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistoryPanel>())
    , m_model(new RunHistoryModel(state, this))
    , m_proxy(new QSortFilterProxyModel(this))
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

    // The selected run's quality summary beside the runs.
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_ui->layout->replaceWidget(m_ui->runs, splitter);
    splitter->addWidget(m_ui->runs);
    splitter->addWidget(m_quality);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    connect(m_ui->runs->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                const QModelIndex source = m_proxy->mapToSource(current);
                if (source.isValid())
                    m_quality->showRun(m_model->run(source.row()));
            });
}

void HistoryPanel::selectRun(int row)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_ui->runs->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QWidget::changeEvent(event);
}

} // namespace weft
