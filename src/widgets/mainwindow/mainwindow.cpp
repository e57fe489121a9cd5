#include "widgets/mainwindow/mainwindow.h"

#include "core/engine/statelocation.h"
#include "core/log/logging.h"
#include "widgets/alerts/alertsdialog.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/nodekind.h"
#include "widgets/canvas/nodepalette.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinerunoverlay.h"
#include "widgets/canvas/pipelinescene.h"
#include "widgets/canvas/pipelineview.h"
#include "widgets/canvas/schemejump.h"
#include "widgets/common/language.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/resources.h"
#include "widgets/common/stateservice.h"
#include "widgets/failed/failedrecordspanel.h"
#include "widgets/failed/failuredebug.h"
#include "widgets/history/historypanel.h"
#include "widgets/mainwindow/bottompanel.h"
#include "widgets/mainwindow/editortabs.h"
#include "widgets/mainwindow/environmentswitcher.h"
#include "widgets/mainwindow/mainactions.h"
#include "widgets/mainwindow/problemspanel.h"
#include "widgets/mainwindow/projectexplorer.h"
#include "widgets/mainwindow/projectfiles.h"
#include "widgets/mainwindow/projectitemactions.h"
#include "widgets/mainwindow/propertiespanel.h"
#include "widgets/mainwindow/serverstate.h"
#include "widgets/mainwindow/startpage.h"
#include "widgets/mapping/mappingeditor.h"
#include "widgets/newintegration/newintegrationdialog.h"
#include "widgets/run/enginehost.h"
#include "widgets/run/logmodel.h"
#include "widgets/run/logpanel.h"
#include "widgets/run/nodedatapanel.h"
#include "widgets/run/previewpanel.h"
#include "widgets/run/runcoordinator.h"
#include "widgets/run/runpanel.h"
#include "widgets/run/samplecache.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace weft {

namespace {

/// A sample's counts on its scheme's nodes, as a finished run shows its own.
void showSampleCounts(PipelineModel *pipeline, const QString &scheme, const PreviewResult *r)
{
    if (!r || r->stages.isEmpty())
        return;
    // The run's counters from the sample's stages: "read" is what entered the steps
    // (beatFlat's lines), the mapping's output what a run would write.
    RunProgress p;
    p.scheme = scheme;
    p.phase = QStringLiteral("done");
    for (const StageTrace &stage : r->stages) {
        if (stage.type == QLatin1String("source") || stage.type == QLatin1String("beatFlat"))
            p.counters.read = stage.out;
        else
            p.steps.append({stage.id, stage.type, stage.in, stage.out, stage.failed});
        p.counters.failed += stage.failed;
        if (stage.type == QLatin1String("filter"))
            p.counters.skipped += stage.in - stage.out - stage.failed;
        if (stage.type == QLatin1String("map"))
            p.counters.written = stage.out;
    }
    pipeline->runOverlay()->applyProgress(p);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_doc(new ProjectDocument(this))
    , m_pipeline(new PipelineModel(m_doc, this))
    , m_scene(new PipelineScene(m_pipeline, this))
    , m_view(new PipelineView(m_scene))
    , m_engine(new EngineHost(this))
    , m_state(new StateService(this))
    , m_samples(new SampleCache(m_engine, m_doc, this))
    , m_runs(new RunCoordinator(m_doc, m_engine, m_state, m_pipeline, this))
    , m_log(new LogModel(this))
{
    initWidgetsResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/weft.svg")));
    m_logSink = m_log->sink();
    log::addSink(m_logSink);
    m_actions = new MainActions(this, m_doc->undoStack());
    m_actions->buildMenus();
    m_actions->toolBar()->addSeparator();
    m_actions->toolBar()->addWidget(new EnvironmentSwitcher(m_doc, this));
    m_files = new ProjectFiles(m_doc, this);
    m_files->setRecentMenu(m_actions->recentMenu());
    m_serverState = new ServerState(m_doc, this);
    m_items = new ProjectItemActions(m_doc, this);

    m_tabs = new EditorTabs(m_doc, m_samples, m_view, this);
    setCentralWidget(m_tabs);
    createDocks();
    m_zoomLabel = new QLabel(this);
    m_problemsLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_problemsLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    wire();
    wireCanvas();
    wirePanels();
    wireStartPage();
    retranslate();
    resize(1440, 900);
    newProject(true);
}

bool MainWindow::openProject(const QString &path, bool force)
{
    return m_files->open(path, force);
}

bool MainWindow::saveProject()
{
    return m_files->save();
}

bool MainWindow::saveProjectAs(const QString &path)
{
    return m_files->saveAs(path);
}

void MainWindow::newProject(bool force)
{
    m_files->newProject(force);
}

void MainWindow::editConnection(const QString &name)
{
    m_items->editConnection(name);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    if (m_runs->isRunning())
        m_runs->cancel();
    event->accept();
}

MainWindow::~MainWindow()
{
    log::removeSink(m_logSink);
}

void MainWindow::createDocks()
{
    auto dock = [this](const QString &name, QWidget *w, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(this);
        d->setObjectName(name);
        d->setWidget(w);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                       QDockWidget::DockWidgetClosable);
        addDockWidget(area, d);
        m_actions->viewMenu()->addAction(d->toggleViewAction());
        return d;
    };
    m_explorer = new ProjectExplorer(m_doc);
    m_palette = new NodePalette;
    m_properties = new PropertiesPanel(m_doc);
    m_properties->setStateService(m_state);
    m_explorerDock = dock(QStringLiteral("explorerDock"), m_explorer, Qt::LeftDockWidgetArea);
    m_paletteDock = dock(QStringLiteral("paletteDock"), m_palette, Qt::LeftDockWidgetArea);
    m_propertiesDock =
        dock(QStringLiteral("propertiesDock"), m_properties, Qt::RightDockWidgetArea);
    m_palette->setMaximumHeight(230);

    m_bottom = new BottomPanel(m_doc, m_engine, m_state, m_log, m_samples);
    m_runPanel = m_bottom->runPanel();
    m_logPanel = m_bottom->logPanel();
    m_failedPanel = m_bottom->failedPanel();
    m_historyPanel = m_bottom->historyPanel();
    m_usagePanel = m_bottom->usagePanel();
    m_previewPanel = m_bottom->previewPanel();
    m_problemsPanel = m_bottom->problemsPanel();
    m_bottomDock = dock(QStringLiteral("bottomDock"), m_bottom, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    resizeDocks({m_explorerDock, m_propertiesDock}, {260, 340}, Qt::Horizontal);
    resizeDocks({m_bottomDock}, {280}, Qt::Vertical);
}

void MainWindow::wire()
{
    MainActions *a = m_actions;
    connect(a->newProject, &QAction::triggered, this, [this] { newProject(); });
    connect(a->open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(),
                                                          tr("Weft projects (*.weft.json *.json)"));
        if (!path.isEmpty())
            openProject(path);
    });
    connect(a->save, &QAction::triggered, this, &MainWindow::saveProject);
    connect(a->saveAs, &QAction::triggered, this, [this] { saveProjectAs(); });
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->openServerState, &QAction::triggered, this,
            [this] { m_serverState->chooseSessionStore(this); });
    connect(a->useProjectState, &QAction::triggered, this,
            [this] { m_serverState->setSessionStore(QString()); });
    connect(m_serverState, &ServerState::message, this, &MainWindow::showStatus);
    connect(m_state, &StateService::opened, this, [this](const QString &, const QString &error) {
        updateTitle();
        if (!error.isEmpty())
            showStatus(error);
    });
    connect(a->deleteSelection, &QAction::triggered, m_scene, &PipelineScene::deleteSelection);
    m_view->addAction(a->deleteSelection);
    connect(a->find, &QAction::triggered, this, [this] {
        m_explorerDock->show();
        m_explorer->findChild<QLineEdit *>()->setFocus();
    });
    connect(a->zoomIn, &QAction::triggered, m_view, &PipelineView::zoomIn);
    connect(a->zoomOut, &QAction::triggered, m_view, &PipelineView::zoomOut);
    connect(a->resetZoom, &QAction::triggered, m_view, &PipelineView::resetZoom);
    connect(a->fit, &QAction::triggered, m_view, &PipelineView::fitAll);
    connect(a->autoLayout, &QAction::triggered, this, [this] { m_pipeline->autoLayout(); });
    connect(a->jumpToScheme, &QAction::triggered, this, &MainWindow::showSchemeJump);
    connect(a->showOverview, &QAction::toggled, m_view, &PipelineView::setOverviewEnabled);
    connect(a->newConnection, &QAction::triggered, this, [this] { editConnection(); });
    connect(a->newScheme, &QAction::triggered, this, &MainWindow::addScheme);
    connect(a->newIntegration, &QAction::triggered, this, &MainWindow::newIntegration);
    // A Source dropped on the bare canvas starts the same flow: the scheme it asks for is made
    // with its metadata from the catalogue (New scheme still makes a blank one).
    connect(m_view, &PipelineView::newSchemeRequested, this, [this] { newIntegration(); });
    connect(a->editMapping, &QAction::triggered, this, [this] {
        if (!currentScheme().isEmpty())
            openMapping(currentScheme());
    });
    connect(a->runProject, &QAction::triggered, this, [this] {
        if (m_runs->run({}, m_runPanel->options()))
            showBottomTab(QStringLiteral("run"));
    });
    connect(a->runScheme, &QAction::triggered, this, [this] { runSchemeOf(currentScheme()); });
    connect(a->cancelRun, &QAction::triggered, m_runs, &RunCoordinator::cancel);
    connect(a->preview, &QAction::triggered, this, [this] {
        if (!currentScheme().isEmpty())
            preview(currentScheme());
    });
    connect(a->languages, &QActionGroup::triggered, this,
            [this](QAction *action) { setLanguage(action->data().toString()); });
    connect(a->alerts, &QAction::triggered, this, &MainWindow::showAlerts);
    connect(a->about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Weft"),
                           tr("<b>Weft %1</b><br>A desktop integration designer for Chinese "
                              "business systems: Jushuitan, Kingdee JDY and K3Cloud, DingTalk, "
                              "MySQL and any JSON HTTP API.")
                               .arg(QStringLiteral(WEFT_VERSION)));
    });

    connect(m_files, &ProjectFiles::message, this, &MainWindow::showStatus);
    connect(m_files, &ProjectFiles::saved, this, [this](const QString &path) {
        QString error;
        if (!m_samples->writePinned(path, &error))
            QMessageBox::warning(this, tr("Cannot save"),
                                 tr("The pinned samples were not saved: %1").arg(error));
    });
    connect(m_files, &ProjectFiles::opened, this, [this] {
        // The same file opened again keeps its path: the state store's place is set anyway.
        m_state->setLocation(m_doc->stateLocation());
        showCanvas();
        m_view->fitAll();
    });
    connect(m_doc, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &ProjectDocument::infoChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &ProjectDocument::environmentsChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &ProjectDocument::filePathChanged, this, [this] {
        m_state->setLocation(m_doc->stateLocation());
        updateTitle();
    });
    connect(m_doc, &ProjectDocument::stateLocationChanged, m_state, &StateService::setLocation);
    connect(m_doc, &ProjectDocument::stateLocationChanged, this, &MainWindow::updateTitle);
    auto schemesChanged = [this] {
        m_failedPanel->setSchemes(m_doc->project().schemeNames());
        m_previewPanel->setSchemes(m_doc->project().schemeNames());
    };
    connect(m_doc, &ProjectDocument::projectReset, this, schemesChanged);
    connect(m_doc, &ProjectDocument::schemeInserted, this, schemesChanged);
    connect(m_doc, &ProjectDocument::schemeRemoved, this, schemesChanged);
    connect(m_doc, &ProjectDocument::schemeChanged, this,
            [schemesChanged](int, const QString &o, const QString &n) {
                if (o != n)
                    schemesChanged();
            });
}

void MainWindow::wireCanvas()
{
    connect(m_scene, &PipelineScene::currentNodeChanged, this, &MainWindow::onNodeSelected);
    connect(m_scene, &PipelineScene::message, this, &MainWindow::showStatus);
    connect(m_scene, &PipelineScene::nodeActivated, this,
            [this](const QString &scheme, const QString &key) {
                if (key == QLatin1String("map"))
                    openMapping(scheme);
                else
                    m_propertiesDock->raise();
            });
    connect(m_scene, &PipelineScene::contextMenuForNode, this,
            [this](const QString &scheme, const QString &key, const QPoint &pos) {
                QMenu menu(this);
                menu.addAction(QIcon(QStringLiteral(":/icons/node-map.svg")), tr("Edit mapping"),
                               this, [this, scheme] { openMapping(scheme); });
                menu.addAction(QIcon(QStringLiteral(":/icons/preview.svg")), tr("Preview"), this,
                               [this, scheme] { preview(scheme); });
                menu.addAction(QIcon(QStringLiteral(":/icons/run-scheme.svg")), tr("Run scheme"),
                               this, [this, scheme] { runSchemeOf(scheme); });
                menu.addSeparator();
                QAction *del =
                    menu.addAction(QIcon(QStringLiteral(":/icons/edit-delete.svg")), tr("Delete"),
                                   m_scene, &PipelineScene::deleteSelection);
                del->setEnabled(m_pipeline->canRemoveNode(m_pipeline->nodeFor(scheme, key)).ok);
                menu.exec(pos);
            });
    connect(m_view, &PipelineView::zoomChanged, this,
            [this](double z) { m_zoomLabel->setText(tr("Zoom %1%").arg(qRound(z * 100))); });
    connect(m_runs, &RunCoordinator::message, this, [this](const QString &text) {
        showStatus(text);
        m_view->showMessage(text);
    });
    connect(m_runs, &RunCoordinator::phaseChanged, this,
            [this](const QString &scheme, const QString &phase) {
                if (SchemeFrameItem *frame = m_scene->frameItem(scheme))
                    frame->setPhase(phase);
            });
}

void MainWindow::wirePanels()
{
    connect(m_explorer, &ProjectExplorer::schemeSelected, this, [this](const QString &s) {
        m_selectedScheme = s;
        m_properties->showScheme(s);
        m_properties->setFields(m_samples->fields(s));
        m_runPanel->setCurrentScheme(s);
        m_view->centerOnScheme(s);
    });
    connect(m_explorer, &ProjectExplorer::connectionSelected, m_properties,
            &PropertiesPanel::showConnection);
    connect(m_explorer, &ProjectExplorer::projectSelected, m_properties,
            &PropertiesPanel::showProject);
    connect(m_explorer, &ProjectExplorer::schemeActivated, this,
            [this](const QString &s) { openMapping(s); });
    connect(m_explorer, &ProjectExplorer::connectionActivated, this,
            [this](const QString &c) { editConnection(c); });
    connect(m_explorer, &ProjectExplorer::addConnectionRequested, this,
            [this] { editConnection(); });
    connect(m_explorer, &ProjectExplorer::addSchemeRequested, this, &MainWindow::addScheme);
    connect(m_explorer, &ProjectExplorer::deleteSchemeRequested, m_items,
            &ProjectItemActions::deleteScheme);
    connect(m_explorer, &ProjectExplorer::deleteConnectionRequested, m_items,
            &ProjectItemActions::deleteConnection);
    connect(m_explorer, &ProjectExplorer::runSchemeRequested, this, &MainWindow::runSchemeOf);
    connect(m_explorer, &ProjectExplorer::previewSchemeRequested, this, &MainWindow::preview);
    connect(m_properties, &PropertiesPanel::openMappingRequested, this,
            [this](const QString &s) { openMapping(s); });
    connect(m_properties, &PropertiesPanel::editConnectionRequested, this,
            &MainWindow::editConnection);
    connect(m_properties, &PropertiesPanel::message, this, &MainWindow::showStatus);
    connect(m_properties, &PropertiesPanel::alertsRequested, this, &MainWindow::showAlerts);

    connect(m_runPanel, &RunPanel::runProjectRequested, this,
            [this](const RunOptions &o) { m_runs->run({}, o); });
    connect(m_runPanel, &RunPanel::runSchemeRequested, this,
            [this](const QString &s, const RunOptions &o) { m_runs->run({s}, o); });
    connect(m_runPanel, &RunPanel::cancelRequested, m_runs, &RunCoordinator::cancel);
    connect(m_runs, &RunCoordinator::runFinished, this, [this](int code) {
        if (code == 1)
            m_bottom->markFailedRecords();
    });
    connect(m_failedPanel, &FailedRecordsPanel::retryRequested, this,
            [this](const QString &scheme, const QStringList &ids) {
                m_runs->retry(scheme, ids);
                showBottomTab(QStringLiteral("run"));
            });
    connect(m_failedPanel, &FailedRecordsPanel::message, this, &MainWindow::showStatus);
    connect(m_failedPanel, &FailedRecordsPanel::debugRequested, this, &MainWindow::debugFailures);
    connect(m_historyPanel, &HistoryPanel::runActivated, this,
            [this](const QString &runId, const QString &scheme) {
                m_failedPanel->showRun(runId, scheme);
                m_logPanel->setFilterText(runId);
                showBottomTab(QStringLiteral("failed"));
                showStatus(tr("Showing the failed records and log lines of run %1.").arg(runId));
            });
    connect(m_problemsPanel, &ProblemsPanel::countChanged, this, [this](int errors, int warnings) {
        m_problemsLabel->setText(tr("%1 error(s), %2 warning(s)").arg(errors).arg(warnings));
        m_problemsLabel->setStyleSheet(errors > 0 ? QStringLiteral("color: #c62828") : QString());
    });
    connect(m_problemsPanel, &ProblemsPanel::schemeActivated, this, [this](const QString &s) {
        m_explorer->selectScheme(s);
        m_properties->showScheme(s);
        m_view->centerOnScheme(s);
    });
    connect(m_samples, &SampleCache::updated, this, [this](const QString &s) {
        if (s == m_selectedScheme)
            m_properties->setFields(m_samples->fields(s));
        // The sample's counts on the nodes, as a run shows them — not while a run shows its own.
        if (!m_engine->isRunning())
            showSampleCounts(m_pipeline, s, m_samples->result(s));
    });

    connect(m_tabs, &EditorTabs::message, this, &MainWindow::showStatus);
    // The preview follows the scheme whose mapping is being edited.
    connect(m_tabs, &EditorTabs::currentMappingChanged, this, [this](const QString &scheme) {
        if (!scheme.isEmpty())
            m_previewPanel->setScheme(scheme);
    });
    connect(m_tabs, &EditorTabs::previewRequested, this, [this](const QString &s) {
        m_previewPanel->setScheme(s);
        m_samples->fetch(s);
    });
}

void MainWindow::preview(const QString &scheme)
{
    m_previewPanel->setScheme(scheme);
    m_samples->fetch(scheme);
    showBottomTab(QStringLiteral("preview"));
}

void MainWindow::retranslate()
{
    m_actions->retranslate();
    m_explorerDock->setWindowTitle(tr("Project"));
    m_paletteDock->setWindowTitle(tr("Nodes (drag onto the canvas)"));
    m_propertiesDock->setWindowTitle(tr("Properties"));
    m_bottomDock->setWindowTitle(tr("Run and results"));
    for (QAction *action : m_actions->languages->actions())
        action->setChecked(action->data().toString() == Language::current());
    m_zoomLabel->setText(tr("Zoom %1%").arg(qRound(m_view->zoom() * 100)));
    m_files->updateRecentMenu();
    updateTitle();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_pipeline->retranslate();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::setLanguage(const QString &code)
{
    Language::apply(code);
    showStatus(tr("Language: %1").arg(Language::nativeName(code)));
}

void MainWindow::updateTitle()
{
    QString title =
        tr("%1[*] — Weft").arg(m_doc->displayName() + environmentInTitle(m_doc->project()));
    // Where the history, failed records and operations come from, when it is a shared store.
    const QString state = m_doc->stateLocation();
    if (isSharedStateLocation(state)) {
        const bool failed = m_state->location() == state && !m_state->openError().isEmpty();
        title +=
            QStringLiteral(" — ") + (failed ? tr("state: %1 (cannot be opened)") : tr("state: %1"))
                                        .arg(displayStateLocation(state));
    }
    setWindowTitle(title);
    setWindowModified(m_doc->isModified());
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

QString MainWindow::currentScheme() const
{
    const QString mapped = m_tabs->currentMappingScheme();
    return mapped.isEmpty() ? m_selectedScheme : mapped;
}

void MainWindow::onNodeSelected(const QString &scheme, const QString &key)
{
    if (scheme.isEmpty())
        return;
    m_selectedScheme = scheme;
    m_explorer->selectScheme(scheme);
    m_runPanel->setCurrentScheme(scheme);
    m_properties->setFields(m_samples->fields(scheme));
    m_properties->showNode(scheme, key);
    m_bottom->nodeDataPanel()->setNode(scheme, key);
}

void MainWindow::showCanvas()
{
    m_tabs->showCanvas();
}

void MainWindow::showBottomTab(const QString &name)
{
    if (m_bottom->showTab(name))
        m_bottomDock->show();
}

AlertsDialog *MainWindow::showAlerts()
{
    // Not modal: its edits are undo steps of the project like any other, and the canvas
    // stays usable beside it.
    if (!m_alerts)
        m_alerts = new AlertsDialog(m_doc, m_engine, this);
    m_alerts->show();
    m_alerts->raise();
    m_alerts->activateWindow();
    return m_alerts;
}

SchemeJump *MainWindow::showSchemeJump()
{
    if (!m_jump) {
        m_jump = new SchemeJump(m_doc, this);
        connect(m_jump, &SchemeJump::schemeChosen, this, &MainWindow::jumpToScheme);
    }
    showCanvas();
    m_jump->popup(m_view);
    return m_jump;
}

void MainWindow::jumpToScheme(const QString &scheme)
{
    if (m_doc->schemeIndex(scheme) < 0)
        return;
    showCanvas();
    m_view->showScheme(scheme);
    // Selecting its source shows the scheme in the explorer and its source's properties.
    m_scene->selectNode(scheme, QStringLiteral("source"));
    m_view->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::debugFailures(const QList<FailedRecord> &records)
{
    if (records.isEmpty())
        return;
    const FailedRecord &failed = records.first();
    const Scheme *scheme = m_doc->project().scheme(failed.scheme);
    if (!scheme) {
        // A shared state store holds the failures of every project run on it.
        showStatus(tr("Scheme %1 is not in this project: open the project it belongs to.")
                       .arg(failed.scheme));
        return;
    }
    const QString key = failureNodeKey(failed, *scheme);
    const bool pinned = failed.stage != FailureStage::Fetch &&
                        m_samples->pinRecords(failed.scheme, failurePayloads(records));
    showCanvas();
    m_view->showScheme(failed.scheme);
    m_scene->selectNode(failed.scheme, key);
    // Also when the node was selected already (no selection change to follow).
    NodeDataPanel *data = m_bottom->nodeDataPanel();
    data->setNode(failed.scheme, key);
    data->selectRecord(failed.recordId);
    showBottomTab(QStringLiteral("nodedata"));
    showStatus(pinned ? tr("Record %1 of %2 is the pinned sample now: fix the scheme, then retry "
                           "it in Failed records (undo restores the sample before).")
                            .arg(failed.recordId, failed.scheme)
                      : tr("Reading %1 failed: there is no record to pin; the source is shown.")
                            .arg(failed.recordId));
}

MappingEditor *MainWindow::openMapping(const QString &scheme)
{
    return m_tabs->openMapping(scheme);
}

void MainWindow::runSchemeOf(const QString &scheme)
{
    if (scheme.isEmpty()) {
        showStatus(tr("Select a scheme first (in the project explorer or on the canvas)."));
        return;
    }
    if (m_runs->run({scheme}, m_runPanel->options()))
        showBottomTab(QStringLiteral("run"));
}

void MainWindow::wireStartPage()
{
    // An empty project shows the first steps instead of a bare canvas.
    m_start = new StartPage(m_view);
    const auto update = [this] {
        const Project &p = m_doc->project();
        const bool empty = p.schemes.isEmpty() && p.connections.isEmpty();
        if (empty)
            m_start->refresh();
        m_start->setVisible(empty);
    };
    connect(m_doc, &ProjectDocument::projectReset, this, update);
    connect(m_doc, &ProjectDocument::schemeInserted, this, update);
    connect(m_doc, &ProjectDocument::schemeRemoved, this, update);
    connect(m_doc, &ProjectDocument::connectionsChanged, this, update);
    connect(m_start, &StartPage::newIntegrationRequested, this, &MainWindow::newIntegration);
    connect(m_start, &StartPage::newSchemeRequested, this, &MainWindow::addScheme);
    connect(m_start, &StartPage::newConnectionRequested, this, [this] { editConnection(); });
    connect(m_start, &StartPage::openRequested, m_actions->open, &QAction::trigger);
    connect(m_start, &StartPage::exampleRequested, this,
            [this](const QString &resource) { m_files->openExample(resource); });
    connect(m_start, &StartPage::recentRequested, this,
            [this](const QString &path) { openProject(path); });
    update();
}

void MainWindow::addScheme()
{
    // A new scheme goes below the others, as if a source had been dropped there.
    QRectF all;
    for (const Scheme &s : m_doc->project().schemes)
        all |= m_scene->schemeRect(s.name);
    const QPointF pos(all.isNull() ? 0.0 : all.left(), all.isNull() ? 0.0 : all.bottom() + 60);
    QString created;
    m_pipeline->addNode(NodeKind::Source, QString(), pos, &created);
    if (created.isEmpty())
        return;
    m_explorer->selectScheme(created);
    m_selectedScheme = created;
    m_properties->showScheme(created);
    QTimer::singleShot(0, this, [this, created] { m_view->centerOnScheme(created); });
}

NewIntegrationDialog *MainWindow::newIntegration()
{
    // Window-modal, not exec(): the flow's dialogs stay drivable (tests, screenshots).
    auto *dialog = new NewIntegrationDialog(m_doc, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewIntegrationDialog::created, this, [this](const QString &scheme) {
        m_explorer->selectScheme(scheme);
        m_selectedScheme = scheme;
        m_properties->showScheme(scheme);
        openMapping(scheme);
        // A sample when the scheme can read: the mapping editor then shows real values.
        const Scheme &s = m_doc->project().schemes.at(m_doc->schemeIndex(scheme));
        if (m_doc->connectionIndex(s.source.connection) >= 0)
            m_samples->fetch(scheme);
    });
    dialog->open();
    return dialog;
}

} // namespace weft
