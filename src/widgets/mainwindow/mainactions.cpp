#include "widgets/mainwindow/mainactions.h"

#include "widgets/common/language.h"

#include <QAction>
#include <QActionGroup>
#include <QMainWindow>
#include <QMenuBar>
#include <QToolBar>
#include <QUndoStack>

namespace weft {

namespace {

QAction *make(QObject *parent, const char *icon, const QKeySequence &key = {})
{
    auto *a = new QAction(parent);
    if (icon)
        a->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(icon))));
    if (!key.isEmpty())
        a->setShortcut(key);
    return a;
}

} // namespace

MainActions::MainActions(QMainWindow *window, QUndoStack *undoStack)
    : QObject(window)
    , m_window(window)
    , m_toolBar(new QToolBar(window))
{
    newProject = make(this, "document-new", QKeySequence::New);
    open = make(this, "document-open", QKeySequence::Open);
    save = make(this, "document-save", QKeySequence::Save);
    saveAs = make(this, nullptr, QKeySequence::SaveAs);
    quit = make(this, nullptr, QKeySequence::Quit);
    openServerState = make(this, nullptr);
    useProjectState = make(this, nullptr);
    // Own undo/redo actions (not QUndoStack's): their texts follow a language switch.
    undo = make(this, "edit-undo", QKeySequence::Undo);
    redo = make(this, "edit-redo");
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(undo, &QAction::triggered, undoStack, &QUndoStack::undo);
    connect(redo, &QAction::triggered, undoStack, &QUndoStack::redo);
    connect(undoStack, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    connect(undoStack, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    connect(undoStack, &QUndoStack::undoTextChanged, this, &MainActions::retranslate);
    connect(undoStack, &QUndoStack::redoTextChanged, this, &MainActions::retranslate);
    undo->setEnabled(false);
    redo->setEnabled(false);
    m_undoStack = undoStack;
    deleteSelection = make(this, "edit-delete", QKeySequence::Delete);
    deleteSelection->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    find = make(this, nullptr, QKeySequence::Find);
    zoomIn = make(this, "zoom-in", QKeySequence::ZoomIn);
    zoomOut = make(this, "zoom-out", QKeySequence::ZoomOut);
    resetZoom = make(this, nullptr, QKeySequence(Qt::CTRL | Qt::Key_1));
    fit = make(this, "zoom-fit", QKeySequence(Qt::CTRL | Qt::Key_0));
    autoLayout = make(this, "auto-layout", QKeySequence(Qt::CTRL | Qt::Key_L));
    jumpToScheme = make(this, nullptr, QKeySequence(Qt::CTRL | Qt::Key_J));
    showOverview = make(this, nullptr);
    showOverview->setCheckable(true);
    showOverview->setChecked(true);
    newConnection = make(this, "connection", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    newScheme = make(this, "scheme", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    newIntegration = make(this, "scheme", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    editMapping = make(this, "node-map", QKeySequence(Qt::CTRL | Qt::Key_M));
    alerts = make(this, "alert");
    runProject = make(this, "run", QKeySequence(Qt::Key_F5));
    runScheme = make(this, "run-scheme", QKeySequence(Qt::CTRL | Qt::Key_F5));
    preview = make(this, "preview", QKeySequence(Qt::Key_F6));
    cancelRun = make(this, "stop", QKeySequence(Qt::SHIFT | Qt::Key_F5));
    about = make(this, "weft");
    languages = new QActionGroup(this);
    for (const QString &code : Language::available()) {
        QAction *a = languages->addAction(Language::nativeName(code));
        a->setData(code);
        a->setCheckable(true);
    }

    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setIconSize(QSize(20, 20));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(newProject);
    m_toolBar->addAction(open);
    m_toolBar->addAction(save);
    m_toolBar->addSeparator();
    m_toolBar->addAction(undo);
    m_toolBar->addAction(redo);
    m_toolBar->addSeparator();
    m_toolBar->addAction(newConnection);
    m_toolBar->addAction(newScheme);
    m_toolBar->addAction(editMapping);
    m_toolBar->addSeparator();
    m_toolBar->addAction(fit);
    m_toolBar->addAction(autoLayout);
    m_toolBar->addSeparator();
    m_toolBar->addAction(preview);
    m_toolBar->addAction(runProject);
    m_toolBar->addAction(runScheme);
    m_toolBar->addAction(cancelRun);
    window->addToolBar(m_toolBar);
}

void MainActions::buildMenus()
{
    QMenuBar *bar = m_window->menuBar();
    m_file = bar->addMenu(QString());
    m_file->addAction(newProject);
    m_file->addAction(newIntegration);
    m_file->addAction(open);
    m_recent = m_file->addMenu(QString());
    m_file->addSeparator();
    m_file->addAction(save);
    m_file->addAction(saveAs);
    m_file->addSeparator();
    m_file->addAction(openServerState);
    m_file->addAction(useProjectState);
    m_file->addSeparator();
    m_file->addAction(quit);
    m_edit = bar->addMenu(QString());
    m_edit->addAction(undo);
    m_edit->addAction(redo);
    m_edit->addSeparator();
    m_edit->addAction(deleteSelection);
    m_edit->addAction(find);
    m_view = bar->addMenu(QString());
    m_view->addAction(zoomIn);
    m_view->addAction(zoomOut);
    m_view->addAction(resetZoom);
    m_view->addAction(fit);
    m_view->addAction(autoLayout);
    m_view->addAction(jumpToScheme);
    m_view->addAction(showOverview);
    m_view->addSeparator();
    m_project = bar->addMenu(QString());
    m_project->addAction(newConnection);
    m_project->addAction(newScheme);
    m_project->addAction(editMapping);
    m_project->addSeparator();
    m_project->addAction(alerts);
    m_run = bar->addMenu(QString());
    m_run->addAction(preview);
    m_run->addAction(runProject);
    m_run->addAction(runScheme);
    m_run->addAction(cancelRun);
    m_settings = bar->addMenu(QString());
    m_language = m_settings->addMenu(QIcon(QStringLiteral(":/icons/language.svg")), QString());
    m_language->addActions(languages->actions());
    m_help = bar->addMenu(QString());
    m_help->addAction(about);
    retranslate();
}

void MainActions::retranslate()
{
    newProject->setText(tr("&New project"));
    open->setText(tr("&Open…"));
    save->setText(tr("&Save"));
    saveAs->setText(tr("Save &as…"));
    quit->setText(tr("&Quit"));
    openServerState->setText(tr("Open server &state…"));
    openServerState->setToolTip(tr("Work on the shared state store of the servers (a MySQL "
                                   "URL) for this session: history, failed records, API usage "
                                   "and operations of every host"));
    useProjectState->setText(tr("Use the project's state store"));
    undo->setText(m_undoStack->undoText().isEmpty() ? tr("&Undo")
                                                    : tr("&Undo %1").arg(m_undoStack->undoText()));
    redo->setText(m_undoStack->redoText().isEmpty() ? tr("&Redo")
                                                    : tr("&Redo %1").arg(m_undoStack->redoText()));
    // The toolbar shows the short form; the menu says what would be undone.
    undo->setIconText(tr("Undo"));
    redo->setIconText(tr("Redo"));
    deleteSelection->setText(tr("&Delete"));
    find->setText(tr("&Find scheme or connection"));
    zoomIn->setText(tr("Zoom &in"));
    zoomOut->setText(tr("Zoom &out"));
    resetZoom->setText(tr("Actual &size"));
    fit->setText(tr("&Fit to view"));
    autoLayout->setText(tr("&Auto-layout"));
    jumpToScheme->setText(tr("&Jump to scheme…"));
    showOverview->setText(tr("O&verview"));
    newConnection->setText(tr("New &connection…"));
    newScheme->setText(tr("New &scheme"));
    newIntegration->setText(tr("New &integration…"));
    editMapping->setText(tr("Edit &mapping"));
    alerts->setText(tr("&Alerts…"));
    runProject->setText(tr("&Run project"));
    runScheme->setText(tr("Run &scheme"));
    preview->setText(tr("&Preview"));
    cancelRun->setText(tr("&Cancel run"));
    about->setText(tr("&About Weft"));
    // Tooltips name the shortcut: the designer is meant to be driven from the keyboard too.
    for (QAction *a : {newProject, open, save, undo, redo, zoomIn, zoomOut, fit, autoLayout,
                       jumpToScheme, newConnection, newScheme, newIntegration, editMapping,
                       runProject, runScheme, preview, cancelRun}) {
        const QString text = a->text().remove(u'&');
        a->setToolTip(a->shortcut().isEmpty()
                          ? text
                          : QStringLiteral("%1 (%2)").arg(
                                text, a->shortcut().toString(QKeySequence::NativeText)));
    }
    m_toolBar->setWindowTitle(tr("Main toolbar"));
    if (!m_file)
        return;
    m_file->setTitle(tr("&File"));
    m_recent->setTitle(tr("Open &recent"));
    m_edit->setTitle(tr("&Edit"));
    m_view->setTitle(tr("&View"));
    m_project->setTitle(tr("&Project"));
    m_run->setTitle(tr("&Run"));
    m_settings->setTitle(tr("&Settings"));
    m_language->setTitle(tr("&Language"));
    m_help->setTitle(tr("&Help"));
}

} // namespace weft
