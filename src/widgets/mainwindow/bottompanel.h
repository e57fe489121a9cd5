#pragma once

#include <QTabWidget>

namespace weft {

class ApiUsagePanel;
class EngineHost;
class FailedRecordsPanel;
class HistoryPanel;
class LogModel;
class LogPanel;
class NodeDataPanel;
class OperationsPanel;
class PreviewPanel;
class ProblemsPanel;
class ProjectDocument;
class RunPanel;
class SampleCache;
class StateService;

/// The main window's bottom tabs: Run, Log, Failed records, History, Operations, API usage,
/// Preview, Node data and Problems — each a panel of its own, named here so the names follow a
/// language switch.
class BottomPanel final : public QTabWidget
{
    Q_OBJECT
public:
    BottomPanel(ProjectDocument *doc, EngineHost *engine, StateService *state, LogModel *log,
                SampleCache *samples, QWidget *parent = nullptr);

    /// Raises a tab by name: "run", "log", "failed", "history", "operations", "usage", "preview",
    /// "nodedata", "problems"; false for another name.
    bool showTab(const QString &name);
    /// Marks the Failed records tab until it is looked at (a run left failures behind).
    void markFailedRecords();

    RunPanel *runPanel() const { return m_run; }
    LogPanel *logPanel() const { return m_log; }
    FailedRecordsPanel *failedPanel() const { return m_failed; }
    HistoryPanel *historyPanel() const { return m_history; }
    OperationsPanel *operationsPanel() const { return m_operations; }
    ApiUsagePanel *usagePanel() const { return m_usage; }
    PreviewPanel *previewPanel() const { return m_preview; }
    NodeDataPanel *nodeDataPanel() const { return m_nodeData; }
    ProblemsPanel *problemsPanel() const { return m_problems; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    RunPanel *m_run;
    LogPanel *m_log;
    FailedRecordsPanel *m_failed;
    HistoryPanel *m_history;
    OperationsPanel *m_operations;
    ApiUsagePanel *m_usage;
    PreviewPanel *m_preview;
    NodeDataPanel *m_nodeData;
    ProblemsPanel *m_problems;
    bool m_failedMarked = false;
};

} // namespace weft
