#include "widgets/mainwindow/mainwindow.h"

#include "core/log/logging.h"
#include "widgets/alerts/alertsdialog.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/nodekind.h"
#include "widgets/canvas/nodepalette.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinescene.h"
#include "widgets/canvas/pipelineview.h"
#include "widgets/common/commands.h"
#include "widgets/common/language.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/projectedits.h"
#include "widgets/common/recentprojects.h"
#include "widgets/common/resources.h"
#include "widgets/common/stateservice.h"
#include "widgets/failed/failedrecordspanel.h"
#include "widgets/history/historypanel.h"
#include "widgets/mainwindow/bottompanel.h"
#include "widgets/mainwindow/mainactions.h"
#include "widgets/mainwindow/problemspanel.h"
#include "widgets/mainwindow/projectexplorer.h"
#include "widgets/mainwindow/propertiespanel.h"
#include "widgets/mapping/mappingeditor.h"
#include "widgets/run/enginehost.h"
#include "widgets/run/logmodel.h"
#include "widgets/run/logpanel.h"
#include "widgets/run/previewpanel.h"
#include "widgets/run/runcoordinator.h"
#include "widgets/run/runpanel.h"
#include "widgets/run/samplecache.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>

namespace weft {

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

    m_center = new QTabWidget(this);
    m_center->setObjectName(QStringLiteral("centerTabs"));
    m_center->setDocumentMode(true);
    m_center->setTabsClosable(true);
    m_center->addTab(m_view, QIcon(QStringLiteral(":/icons/scheme.svg")), QString());
    // The canvas stays; only mapping editors close.
    m_center->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_center->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    setCentralWidget(m_center);
    createDocks();
    m_zoomLabel = new QLabel(this);
    m_problemsLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_problemsLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    wire();
    retranslate();
    updateRecentMenu();
    resize(1440, 900);
    newProject(true);
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
    connect(a->newConnection, &QAction::triggered, this, [this] { editConnection(); });
    connect(a->newScheme, &QAction::triggered, this, &MainWindow::addScheme);
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
        if (currentScheme().isEmpty())
            return;
        m_previewPanel->setScheme(currentScheme());
        m_samples->fetch(currentScheme());
        showBottomTab(QStringLiteral("preview"));
    });
    connect(a->languages, &QActionGroup::triggered, this,
            [this](QAction *action) { setLanguage(action->data().toString()); });
    connect(a->about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Weft"),
                           tr("<b>Weft %1</b><br>A desktop integration designer for Chinese "
                              "business systems: Jushuitan, Kingdee JDY and K3Cloud, DingTalk, "
                              "MySQL and any JSON HTTP API.")
                               .arg(QStringLiteral(WEFT_VERSION)));
    });

    connect(m_doc, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &ProjectDocument::infoChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &ProjectDocument::filePathChanged, this, [this](const QString &path) {
        m_state->setLocation(m_doc->stateLocation());
        if (!path.isEmpty())
            addRecent(path);
        updateTitle();
    });
    auto schemesChanged = [this] {
        m_failedPanel->setSchemes(m_doc->project().schemeNames());
        m_previewPanel->setSchemes(m_doc->project().schemeNames());
    };
    connect(m_doc, &ProjectDocument::projectReset, this, schemesChanged);
    connect(m_doc, &ProjectDocument::schemeInserted, this, schemesChanged);
    connect(m_doc, &ProjectDocument::schemeRemoved, this, schemesChanged);
    connect(m_doc, &ProjectDocument::schemeChanged, this,
            [this, schemesChanged](int, const QString &o, const QString &n) {
                if (o != n)
                    schemesChanged();
            });

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
                               [this, scheme] {
                                   m_previewPanel->setScheme(scheme);
                                   m_samples->fetch(scheme);
                                   showBottomTab(QStringLiteral("preview"));
                               });
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
    connect(m_explorer, &ProjectExplorer::deleteSchemeRequested, this, &MainWindow::deleteScheme);
    connect(m_explorer, &ProjectExplorer::deleteConnectionRequested, this,
            &MainWindow::deleteConnection);
    connect(m_explorer, &ProjectExplorer::runSchemeRequested, this, &MainWindow::runSchemeOf);
    connect(m_explorer, &ProjectExplorer::previewSchemeRequested, this, [this](const QString &s) {
        m_previewPanel->setScheme(s);
        m_samples->fetch(s);
        showBottomTab(QStringLiteral("preview"));
    });
    connect(m_properties, &PropertiesPanel::openMappingRequested, this,
            [this](const QString &s) { openMapping(s); });
    connect(m_properties, &PropertiesPanel::editConnectionRequested, this,
            &MainWindow::editConnection);
    connect(m_properties, &PropertiesPanel::message, this, &MainWindow::showStatus);
    connect(m_properties, &PropertiesPanel::alertsRequested, this, &MainWindow::showAlerts);
    connect(a->alerts, &QAction::triggered, this, &MainWindow::showAlerts);

    connect(m_runPanel, &RunPanel::runProjectRequested, this,
            [this](const RunOptions &o) { m_runs->run({}, o); });
    connect(m_runPanel, &RunPanel::runSchemeRequested, this,
            [this](const QString &s, const RunOptions &o) { m_runs->run({s}, o); });
    connect(m_runPanel, &RunPanel::cancelRequested, m_runs, &RunCoordinator::cancel);
    connect(m_runs, &RunCoordinator::message, this, [this](const QString &text) {
        showStatus(text);
        m_view->showMessage(text);
    });
    connect(m_runs, &RunCoordinator::phaseChanged, this,
            [this](const QString &scheme, const QString &phase) {
                if (SchemeFrameItem *frame = m_scene->frameItem(scheme))
                    frame->setPhase(phase);
            });
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
    });
    connect(m_center, &QTabWidget::currentChanged, this, [this] {
        // The preview follows the scheme whose mapping is being edited.
        if (auto *editor = qobject_cast<MappingEditor *>(m_center->currentWidget()))
            m_previewPanel->setScheme(editor->scheme());
    });
    connect(m_center, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index > 0)
            delete m_center->widget(index);
    });
}

void MainWindow::retranslate()
{
    m_actions->retranslate();
    m_center->setTabText(0, tr("Canvas"));
    for (int i = 1; i < m_center->count(); ++i) {
        if (auto *editor = qobject_cast<MappingEditor *>(m_center->widget(i)))
            m_center->setTabText(i, tr("Mapping: %1").arg(editor->scheme()));
    }
    m_explorerDock->setWindowTitle(tr("Project"));
    m_paletteDock->setWindowTitle(tr("Nodes (drag onto the canvas)"));
    m_propertiesDock->setWindowTitle(tr("Properties"));
    m_bottomDock->setWindowTitle(tr("Run and results"));
    for (QAction *action : m_actions->languages->actions())
        action->setChecked(action->data().toString() == Language::current());
    m_zoomLabel->setText(tr("Zoom %1%").arg(qRound(m_view->zoom() * 100)));
    updateRecentMenu();
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
    setWindowTitle(tr("%1[*] — Weft").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
}

void MainWindow::showStatus(const QString &text)
{
    statusBar()->showMessage(text, 8000);
}

QString MainWindow::currentScheme() const
{
    if (auto *editor = qobject_cast<MappingEditor *>(m_center->currentWidget()))
        return editor->scheme();
    return m_selectedScheme;
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
}

void MainWindow::showCanvas()
{
    m_center->setCurrentIndex(0);
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

MappingEditor *MainWindow::openMapping(const QString &scheme)
{
    for (int i = 1; i < m_center->count(); ++i) {
        auto *editor = qobject_cast<MappingEditor *>(m_center->widget(i));
        if (editor && editor->scheme() == scheme) {
            m_center->setCurrentIndex(i);
            return editor;
        }
    }
    auto *editor = new MappingEditor(m_doc, m_samples);
    editor->setScheme(scheme);
    m_previewPanel->setScheme(scheme);
    connect(editor, &MappingEditor::message, this, &MainWindow::showStatus);
    connect(editor, &MappingEditor::previewRequested, this, [this](const QString &s) {
        m_previewPanel->setScheme(s);
        m_samples->fetch(s);
    });
    connect(m_doc, &ProjectDocument::schemeRemoved, editor, [this, editor](int, const QString &s) {
        if (s == editor->scheme())
            editor->deleteLater();
    });
    const int index = m_center->addTab(editor, QIcon(QStringLiteral(":/icons/node-map.svg")),
                                       tr("Mapping: %1").arg(scheme));
    m_center->setCurrentIndex(index);
    return editor;
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

// ---- project files ----------------------------------------------------------------------

} // namespace weft
