#include "widgets/mainwindow/problemspanel.h"

#include "widgets/common/projectdocument.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace weft {

ProblemsPanel::ProblemsPanel(ProjectDocument *doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("problemsPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list);
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(3);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    connect(doc, &ProjectDocument::diagnosticsChanged, this, &ProblemsPanel::refresh);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QStringList parts = item->data(0, Qt::UserRole).toString().split(u'/');
        // "/schemes/3/…" or "/connections/1/…"
        if (parts.size() >= 3) {
            const int index = parts.at(2).toInt();
            if (parts.at(1) == QLatin1String("schemes") && index < m_doc->project().schemes.size())
                Q_EMIT schemeActivated(m_doc->project().schemes.at(index).name);
            if (parts.at(1) == QLatin1String("connections") &&
                index < m_doc->project().connections.size())
                Q_EMIT connectionActivated(m_doc->project().connections.at(index).name);
        }
    });
    refresh();
}

int ProblemsPanel::count() const
{
    return m_list->topLevelItemCount();
}

void ProblemsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        refresh();           // the headers and severities now
        m_doc->revalidate(); // the core's messages once validated again
    }
    QWidget::changeEvent(event);
}

void ProblemsPanel::refresh()
{
    m_list->setHeaderLabels({tr("Severity"), tr("Where"), tr("Problem")});
    m_list->clear();
    int errors = 0;
    int warnings = 0;
    for (const Diagnostic &d : m_doc->diagnostics()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, d.isError() ? tr("error") : tr("warning"));
        item->setIcon(0, style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical
                                                           : QStyle::SP_MessageBoxWarning));
        item->setText(1, d.pointer.isEmpty() ? tr("project") : d.pointer);
        item->setText(2, d.message);
        item->setToolTip(2, d.message);
        item->setData(0, Qt::UserRole, d.pointer);
        (d.isError() ? errors : warnings)++;
    }
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    Q_EMIT countChanged(errors, warnings);
}

} // namespace weft
