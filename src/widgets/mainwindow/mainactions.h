#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QToolBar;
class QUndoStack;

namespace weft {

/// The main window's actions with their shortcuts and icons, its menus and its toolbar —
/// kept apart so the window itself is only layout and behaviour. Texts are set in
/// retranslate(), so a language switch renames everything at once.
class MainActions final : public QObject
{
    Q_OBJECT
public:
    MainActions(QMainWindow *window, QUndoStack *undo);

    void retranslate();
    void buildMenus();
    QToolBar *toolBar() const { return m_toolBar; }
    QMenu *recentMenu() const { return m_recent; }
    QMenu *viewMenu() const { return m_view; }

    QAction *newProject;
    QAction *newIntegration;
    QAction *open;
    QAction *save;
    QAction *saveAs;
    QAction *quit;
    QAction *openServerState; ///< File → Open server state… (a shared store for the session)
    QAction *useProjectState; ///< drops the session's store
    QAction *undo;
    QAction *redo;
    QAction *deleteSelection;
    QAction *find;
    QAction *zoomIn;
    QAction *zoomOut;
    QAction *resetZoom;
    QAction *fit;
    QAction *autoLayout;
    QAction *jumpToScheme;
    QAction *showOverview;
    QAction *newConnection;
    QAction *newScheme;
    QAction *editMapping;
    QAction *alerts;
    QAction *runProject;
    QAction *runScheme;
    QAction *preview;
    QAction *cancelRun;
    QActionGroup *languages;
    QAction *about;

private:
    QMainWindow *m_window;
    QUndoStack *m_undoStack;
    QToolBar *m_toolBar;
    QMenu *m_file = nullptr;
    QMenu *m_recent = nullptr;
    QMenu *m_edit = nullptr;
    QMenu *m_view = nullptr;
    QMenu *m_project = nullptr;
    QMenu *m_run = nullptr;
    QMenu *m_settings = nullptr;
    QMenu *m_language = nullptr;
    QMenu *m_help = nullptr;
};

} // namespace weft
