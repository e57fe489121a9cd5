#include "widgets/mainwindow/bottompanel.h"

#include "widgets/failed/failedrecordspanel.h"
#include "widgets/history/historypanel.h"
#include "widgets/mainwindow/problemspanel.h"
#include "widgets/operations/operationspanel.h"
#include "widgets/run/logpanel.h"
#include "widgets/run/nodedatapanel.h"
#include "widgets/run/previewpanel.h"
#include "widgets/run/runpanel.h"
#include "widgets/usage/apiusagepanel.h"

#include <QEvent>

namespace weft {

namespace {

const QStringList kNames = {
    QStringLiteral("run"),     QStringLiteral("log"),        QStringLiteral("failed"),
    QStringLiteral("history"), QStringLiteral("operations"), QStringLiteral("usage"),
    QStringLiteral("preview"), QStringLiteral("nodedata"),   QStringLiteral("problems")};

} // namespace

BottomPanel::BottomPanel(ProjectDocument *doc, EngineHost *engine, StateService *state,
                         LogModel *log, SampleCache *samples, QWidget *parent)
    : QTabWidget(parent)
    , m_run(new RunPanel(engine))
    , m_log(new LogPanel(log))
    , m_failed(new FailedRecordsPanel(state))
    , m_history(new HistoryPanel(state))
    , m_operations(new OperationsPanel(state, doc))
    , m_usage(new ApiUsagePanel(state))
    , m_preview(new PreviewPanel(samples))
    , m_nodeData(new NodeDataPanel(samples))
    , m_problems(new ProblemsPanel(doc))
{
    setObjectName(QStringLiteral("bottomTabs"));
    setDocumentMode(true);
    addTab(m_run, QIcon(QStringLiteral(":/icons/run.svg")), QString());
    addTab(m_log, QString());
    addTab(m_failed, QIcon(QStringLiteral(":/icons/retry.svg")), QString());
    addTab(m_history, QString());
    addTab(m_operations, QString());
    addTab(m_usage, QIcon(QStringLiteral(":/icons/api-usage.svg")), QString());
    addTab(m_preview, QIcon(QStringLiteral(":/icons/preview.svg")), QString());
    addTab(m_nodeData, QString());
    addTab(m_problems, QString());
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == indexOf(m_failed) && m_failedMarked) {
            m_failedMarked = false;
            retranslate();
        }
    });
    retranslate();
}

bool BottomPanel::showTab(const QString &name)
{
    const qsizetype i = kNames.indexOf(name);
    if (i < 0)
        return false;
    setCurrentIndex(int(i));
    return true;
}

void BottomPanel::markFailedRecords()
{
    if (currentWidget() == m_failed)
        return;
    m_failedMarked = true;
    retranslate();
}

void BottomPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QTabWidget::changeEvent(event);
}

void BottomPanel::retranslate()
{
    setTabText(indexOf(m_run), tr("Run"));
    setTabText(indexOf(m_log), tr("Log"));
    setTabText(indexOf(m_failed),
               tr("Failed records") + (m_failedMarked ? QStringLiteral(" •") : QString()));
    setTabText(indexOf(m_history), tr("History"));
    setTabText(indexOf(m_operations), tr("Operations"));
    setTabText(indexOf(m_usage), tr("API usage"));
    setTabText(indexOf(m_preview), tr("Preview"));
    setTabText(indexOf(m_nodeData), tr("Node data"));
    setTabText(indexOf(m_problems), tr("Problems"));
}

} // namespace weft
