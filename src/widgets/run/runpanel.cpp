#include "widgets/run/runpanel.h"

#include "ui_runpanel.h"
#include "widgets/run/enginehost.h"
#include "widgets/run/runprogressmodel.h"

#include <QApplication>
#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QStyledItemDelegate>

namespace weft {

namespace {

/// Paints the Progress column as a bar (busy stripes while the total is unknown).
class ProgressDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const int percent = index.data(RunProgressModel::PercentRole).toInt();
        const bool busy = index.data(RunProgressModel::BusyRole).toBool();
        const bool failed = index.data(RunProgressModel::FailedRole).toBool();
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(3, 4, -3, -4);
        bar.minimum = 0;
        bar.maximum = 100;
        bar.progress = percent < 0 ? 0 : percent;
        bar.textVisible = percent >= 0;
        bar.text = percent >= 0 ? QStringLiteral("%1%").arg(percent) : QString();
        bar.state = QStyle::State_Enabled | QStyle::State_Horizontal;
        if (failed)
            bar.palette.setColor(QPalette::Highlight, QColor(0xef6c00));
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
        if (percent < 0 && busy) {
            // Unknown total: a moving-looking striped fill says "working".
            painter->save();
            painter->setClipRect(bar.rect.adjusted(1, 1, -1, -1));
            painter->setPen(Qt::NoPen);
            painter->setBrush(QBrush(QColor(0x64b5f6), Qt::BDiagPattern));
            painter->drawRect(bar.rect);
            painter->restore();
        }
    }
};

} // namespace

RunPanel::RunPanel(EngineHost *engine, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RunPanel>())
    , m_engine(engine)
    , m_model(new RunProgressModel(this))
{
    setObjectName(QStringLiteral("runPanel"));
    m_ui->setupUi(this);
    m_ui->runProject->setIcon(QIcon(QStringLiteral(":/icons/run.svg")));
    m_ui->runScheme->setIcon(QIcon(QStringLiteral(":/icons/run-scheme.svg")));
    m_ui->cancel->setIcon(QIcon(QStringLiteral(":/icons/stop.svg")));
    m_ui->progress->setModel(m_model);
    m_ui->progress->setItemDelegateForColumn(int(RunProgressModel::Column::Progress),
                                             new ProgressDelegate(this));
    m_ui->progress->verticalHeader()->hide();
    m_ui->progress->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->progress->horizontalHeader()->setSectionResizeMode(
        int(RunProgressModel::Column::Progress), QHeaderView::Stretch);

    connect(m_ui->runProject, &QPushButton::clicked, this,
            [this] { Q_EMIT runProjectRequested(options()); });
    connect(m_ui->runScheme, &QPushButton::clicked, this, [this] {
        if (!m_scheme.isEmpty())
            Q_EMIT runSchemeRequested(m_scheme, options());
    });
    connect(m_ui->cancel, &QPushButton::clicked, this, &RunPanel::cancelRequested);

    connect(engine, &EngineHost::runStarted, this, [this](const QStringList &schemes, bool) {
        m_finalMessage.clear();
        m_model->start(schemes);
        updateButtons();
        updateSummary();
    });
    connect(engine, &EngineHost::schemeStarted, m_model, &RunProgressModel::schemeStarted);
    connect(engine, &EngineHost::progress, this, [this](const RunProgress &p) {
        m_model->update(p);
        updateSummary();
    });
    connect(engine, &EngineHost::schemeFinished, this, [this](const RunInfo &info) {
        m_model->finish(info);
        updateSummary();
    });
    connect(engine, &EngineHost::runFinished, this, [this](int code, const QString &error) {
        m_model->runEnded();
        if (!error.isEmpty())
            m_finalMessage = tr("Could not run: %1").arg(error);
        else if (code == 0)
            m_finalMessage = tr("Finished: every record done.");
        else if (code == 1)
            m_finalMessage = tr("Finished with failed records: see the Failed records tab.");
        else
            m_finalMessage = tr("Stopped (exit code %1): see the log.").arg(code);
        updateButtons();
        updateSummary();
    });
    updateButtons();
    updateSummary();
}

RunPanel::~RunPanel() = default;

void RunPanel::setCurrentScheme(const QString &scheme)
{
    m_scheme = scheme;
    updateButtons();
}

RunOptions RunPanel::options() const
{
    RunOptions o;
    o.dryRun = m_ui->dryRun->isChecked();
    o.full = m_ui->full->isChecked();
    o.limit = m_ui->limit->value() > 0 ? m_ui->limit->value() : -1;
    o.trigger = QStringLiteral("manual");
    return o;
}

void RunPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        updateButtons();
        updateSummary();
    }
    QWidget::changeEvent(event);
}

void RunPanel::updateButtons()
{
    const bool running = m_engine->isRunning();
    m_ui->runProject->setEnabled(!running);
    m_ui->runScheme->setEnabled(!running && !m_scheme.isEmpty());
    m_ui->runScheme->setText(m_scheme.isEmpty() ? tr("Run scheme")
                                                : tr("Run scheme %1").arg(m_scheme));
    m_ui->cancel->setEnabled(running);
}

QString RunPanel::summaryText() const
{
    return m_ui->summary->text();
}

void RunPanel::updateSummary()
{
    if (m_model->rowCount() == 0) {
        m_ui->summary->setText(tr("Nothing has run yet. Run the project or a scheme; progress "
                                  "appears here and on the canvas."));
        return;
    }
    const QLocale l;
    const RunCounters t = m_model->totals();
    QString text = tr("Total: read %1 · written %2 · skipped %3 · failed %4")
                       .arg(l.toString(t.read), l.toString(t.written), l.toString(t.skipped),
                            l.toString(t.failed));
    if (!m_finalMessage.isEmpty())
        text += QStringLiteral("  —  ") + m_finalMessage;
    m_ui->summary->setText(text);
}

} // namespace weft
