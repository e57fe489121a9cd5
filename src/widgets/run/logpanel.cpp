#include "widgets/run/logpanel.h"

#include "ui_logpanel.h"
#include "widgets/run/logmodel.h"

#include <QHeaderView>

namespace weft {

LogPanel::LogPanel(LogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::LogPanel>())
    , m_model(model)
    , m_filter(new LogFilterModel(this))
{
    setObjectName(QStringLiteral("logPanel"));
    m_ui->setupUi(this);
    m_filter->setSourceModel(model);
    m_ui->lines->setModel(m_filter);
    m_ui->lines->verticalHeader()->hide();
    m_ui->lines->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 4);
    m_ui->lines->horizontalHeader()->setStretchLastSection(true);
    m_ui->lines->horizontalHeader()->resizeSection(0, 100);
    m_ui->lines->horizontalHeader()->resizeSection(1, 70);
    m_ui->level->setCurrentIndex(1);
    m_ui->follow->setChecked(true);
    m_filter->setMinimumLevel(2);
    m_ui->clear->setIcon(QIcon(QStringLiteral(":/icons/clear.svg")));

    connect(m_ui->level, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_filter->setMinimumLevel(index + 1); });
    connect(m_ui->search, &QLineEdit::textChanged, m_filter, &LogFilterModel::setText);
    connect(m_ui->clear, &QPushButton::clicked, model, &LogModel::clearLines);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_ui->follow->isChecked())
            m_ui->lines->scrollToBottom();
    });
}

LogPanel::~LogPanel() = default;

void LogPanel::setFilterText(const QString &text)
{
    m_ui->search->setText(text);
}

void LogPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        const int level = m_ui->level->currentIndex();
        m_ui->retranslateUi(this);
        m_ui->level->setCurrentIndex(level);
    }
    QWidget::changeEvent(event);
}

} // namespace weft
