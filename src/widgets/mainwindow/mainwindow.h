#pragma once

#include <QMainWindow>
#include <memory>

class QDockWidget;
class QLabel;

namespace spdlog::sinks {
class sink;
}

namespace weft {

class AlertsDialog;
class ApiUsagePanel;
class BottomPanel;
class EditorTabs;
class EngineHost;
class FailedRecordsPanel;
class HistoryPanel;
class LogModel;
class LogPanel;
class MainActions;
class MappingEditor;
class NodePalette;
class PipelineModel;
class PipelineScene;
class PipelineView;
class PreviewPanel;
class ProblemsPanel;
class ProjectDocument;
class ProjectExplorer;
class ProjectFiles;
class ProjectItemActions;
class PropertiesPanel;
class RunCoordinator;
class RunPanel;
class SampleCache;
class SchemeJump;
class ServerState;
class StartPage;
class NewIntegrationDialog;
class StateService;
struct FailedRecord;

/// The designer's main window: the project explorer and node palette on the left, the
/// canvas (and mapping editors) in the centre, properties on the right, and the Run, Log,
/// Failed records, History, API usage, Preview and Problems tabs at the bottom.
///
/// It owns the one ProjectDocument and the services every panel shares (engine host, state
/// service, sample cache, run coordinator, log model), builds the panels on them and keeps
/// them in step: a selection in one shows in the others. The work is elsewhere — file
/// commands in ProjectFiles, the centre tabs in EditorTabs, dialogs that edit connections
/// and schemes in ProjectItemActions, the edits themselves in undo commands.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a project file (after asking about unsaved changes unless `force`).
    bool openProject(const QString &path, bool force = false);
    bool saveProject();
    bool saveProjectAs(const QString &path = QString());
    void newProject(bool force = false);

    ProjectDocument *document() const { return m_doc; }
    PipelineModel *pipelineModel() const { return m_pipeline; }
    PipelineScene *scene() const { return m_scene; }
    PipelineView *view() const { return m_view; }
    ProjectExplorer *explorer() const { return m_explorer; }
    PropertiesPanel *properties() const { return m_properties; }
    RunPanel *runPanel() const { return m_runPanel; }
    LogPanel *logPanel() const { return m_logPanel; }
    FailedRecordsPanel *failedPanel() const { return m_failedPanel; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    PreviewPanel *previewPanel() const { return m_previewPanel; }
    ApiUsagePanel *usagePanel() const { return m_usagePanel; }
    EngineHost *engine() const { return m_engine; }
    RunCoordinator *runs() const { return m_runs; }
    SampleCache *samples() const { return m_samples; }
    StateService *state() const { return m_state; }
    ServerState *serverState() const { return m_serverState; }
    BottomPanel *bottomPanel() const { return m_bottom; }
    LogModel *logModel() const { return m_log; }
    MainActions *actions() const { return m_actions; }
    /// Shows the mapping editor of a scheme in a centre tab (creating it if needed).
    MappingEditor *openMapping(const QString &scheme);
    /// File → New integration…: opens the flow's dialog (window-modal) and returns it.
    NewIntegrationDialog *newIntegration();
    void showCanvas();
    /// Raises one of the bottom tabs: "run", "log", "failed", "history", "usage", "preview",
    /// "problems".
    void showBottomTab(const QString &name);
    /// Opens (or raises) the project's alerts editor.
    AlertsDialog *showAlerts();
    /// Opens the connection dialog for a new or an existing connection.
    void editConnection(const QString &name = QString());
    /// Opens the jump-to-scheme search over the canvas (Ctrl+J).
    SchemeJump *showSchemeJump();
    /// Shows a scheme on the canvas, readable, with its source selected.
    void jumpToScheme(const QString &scheme);
    /// Debug in the designer: pins the failed records' source payloads as their scheme's
    /// sample (replacing a pinned one; one undo step), selects the node where the first one
    /// failed and shows it selected in the Node data tab. All records are of one scheme.
    void debugFailures(const QList<FailedRecord> &records);
    void setLanguage(const QString &code);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createDocks();
    void wire();
    void wireCanvas();
    void wirePanels();
    void wireStartPage();
    void retranslate();
    void updateTitle();
    void onNodeSelected(const QString &scheme, const QString &key);
    void addScheme();
    void preview(const QString &scheme);
    void runSchemeOf(const QString &scheme);
    QString currentScheme() const;
    void showStatus(const QString &text);

    ProjectDocument *m_doc;
    PipelineModel *m_pipeline;
    PipelineScene *m_scene;
    PipelineView *m_view;
    StartPage *m_start = nullptr;
    EngineHost *m_engine;
    StateService *m_state;
    ServerState *m_serverState = nullptr;
    SampleCache *m_samples;
    RunCoordinator *m_runs;
    LogModel *m_log;
    std::shared_ptr<spdlog::sinks::sink> m_logSink;
    MainActions *m_actions;
    ProjectFiles *m_files;
    ProjectItemActions *m_items;
    EditorTabs *m_tabs;
    BottomPanel *m_bottom;
    NodePalette *m_palette;
    ProjectExplorer *m_explorer;
    PropertiesPanel *m_properties;
    RunPanel *m_runPanel;
    LogPanel *m_logPanel;
    FailedRecordsPanel *m_failedPanel;
    HistoryPanel *m_historyPanel;
    PreviewPanel *m_previewPanel;
    ApiUsagePanel *m_usagePanel;
    AlertsDialog *m_alerts = nullptr;
    SchemeJump *m_jump = nullptr;
    ProblemsPanel *m_problemsPanel;
    QDockWidget *m_explorerDock;
    QDockWidget *m_paletteDock;
    QDockWidget *m_propertiesDock;
    QDockWidget *m_bottomDock;
    QLabel *m_zoomLabel;
    QLabel *m_problemsLabel;
    QString m_selectedScheme;
};

} // namespace weft
