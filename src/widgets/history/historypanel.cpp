#include "widgets/history/historypanel.h"

#include "ui_historypanel.h"
#include "widgets/history/runhistorymodel.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace weft {

HistoryPanel::HistoryPanel(StateService *state, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistoryPanel>())
    , m_model(new RunHistoryModel(state, this))
    , m_proxy(new QSortFilterProxyModel(this))
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
}

HistoryPanel::~HistoryPanel() = default;

void HistoryPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_ui->retranslateUi(this);
    QWidget::changeEvent(event);
}

} // namespace weft
