#include "widgets/run/previewpanel.h"

#include "ui_previewpanel.h"
#include "widgets/run/jsontreemodel.h"
#include "widgets/run/previewtablemodel.h"
#include "widgets/run/samplecache.h"

#include <QHeaderView>

namespace weft {

PreviewPanel::PreviewPanel(SampleCache *samples, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::PreviewPanel>())
    , m_samples(samples)
    , m_raw(new JsonTreeModel(this))
    , m_mapped(new PreviewTableModel(this))
{
    setObjectName(QStringLiteral("previewPanel"));
    m_ui->setupUi(this);
    m_ui->raw->setModel(m_raw);
    m_ui->raw->header()->resizeSection(0, 200);
    m_ui->raw->header()->resizeSection(1, 220);
    m_ui->mapped->setModel(m_mapped);
    m_ui->mapped->verticalHeader()->hide();
    m_ui->split->setStretchFactor(0, 2);
    m_ui->split->setStretchFactor(1, 3);
    m_ui->limit->setValue(20);
    m_ui->fetch->setIcon(QIcon(QStringLiteral(":/icons/preview.svg")));
    m_ui->cancel->setIcon(QIcon(QStringLiteral(":/icons/stop.svg")));
    connect(m_ui->fetch, &QPushButton::clicked, this, &PreviewPanel::fetch);
    connect(m_ui->cancel, &QPushButton::clicked, this, [this] { m_samples->cancel(scheme()); });
    connect(m_ui->scheme, &QComboBox::currentIndexChanged, this, &PreviewPanel::showResult);
    connect(samples, &SampleCache::fetchStarted, this, [this](const QString &s) {
        if (s == scheme())
            showResult();
    });
    connect(samples, &SampleCache::updated, this, [this](const QString &s) {
        if (s == scheme())
            showResult();
    });
    showResult();
}

PreviewPanel::~PreviewPanel() = default;

void PreviewPanel::setSchemes(const QStringList &schemes)
{
    const QString current = scheme();
    const QSignalBlocker block(m_ui->scheme);
    m_ui->scheme->clear();
    m_ui->scheme->addItems(schemes);
    m_ui->scheme->setCurrentIndex(std::max(0, m_ui->scheme->findText(current)));
    showResult();
}

void PreviewPanel::setScheme(const QString &scheme)
{
    const int i = m_ui->scheme->findText(scheme);
    if (i >= 0)
        m_ui->scheme->setCurrentIndex(i);
}

QString PreviewPanel::scheme() const
{
    return m_ui->scheme->currentText();
}

void PreviewPanel::fetch()
{
    if (!scheme().isEmpty())
        m_samples->fetch(scheme(), m_ui->limit->value());
}

void PreviewPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        showResult();
    }
    QWidget::changeEvent(event);
}

void PreviewPanel::showResult()
{
    const QString s = scheme();
    const bool fetching = m_samples->isFetching(s);
    m_ui->fetch->setEnabled(!s.isEmpty() && !fetching);
    m_ui->cancel->setEnabled(fetching);
    const PreviewResult *r = m_samples->result(s);
    if (!r) {
        m_raw->setRecords({});
        m_mapped->clear();
        m_ui->state->setText(fetching ? tr("Fetching…") : tr("No preview of this scheme yet."));
        return;
    }
    m_raw->setRecords(r->sourceRecords, m_samples->sourceLabels(s));
    m_mapped->setResult(*r);
    m_ui->mapped->resizeColumnsToContents();
    if (fetching)
        m_ui->state->setText(tr("Fetching…"));
    else if (!r->error.isEmpty())
        m_ui->state->setText(tr("Could not fetch: %1").arg(r->error));
    else
        m_ui->state->setText((m_samples->isPinned(s) ? tr("Pinned sample: ") : QString()) +
                             tr("%1 source record(s) · %2 mapped · %3 failed · %4 skipped")
                                 .arg(r->sourceRecords.size())
                                 .arg(r->output.records.size())
                                 .arg(r->output.failures.size())
                                 .arg(r->output.skipped));
    m_ui->state->setStyleSheet(!r->error.isEmpty() || !r->output.failures.isEmpty()
                                   ? QStringLiteral("color: #c62828")
                                   : QString());
}

} // namespace weft
