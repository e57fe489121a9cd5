#pragma once

#include <QObject>
#include <QPointer>

class QMenu;
class QWidget;

namespace weft {

class ProjectDocument;

/// The designer's project file commands: new, open, save, save as, the recent projects, and
/// asking about unsaved changes before anything replaces the project. Dialogs open over
/// `window`; the document does the reading and writing.
class ProjectFiles final : public QObject
{
    Q_OBJECT
public:
    ProjectFiles(ProjectDocument *doc, QWidget *window);

    /// Starts over with an empty project (after asking about unsaved changes unless `force`).
    void newProject(bool force = false);
    /// Opens a project file (after asking about unsaved changes unless `force`); a file that
    /// cannot be read is reported in a message box and the current project stays.
    bool open(const QString &path, bool force = false);
    /// Opens a bundled example (a resource path, see StartPage::examples()) as a new, unsaved
    /// project: Save asks where to keep the copy, the example itself stays as it is.
    bool openExample(const QString &resource, bool force = false);
    /// Saves to the project's file, or asks where when it has none.
    bool save();
    /// Saves to `path`, or to a file chosen in a dialog when `path` is empty.
    bool saveAs(const QString &path = QString());
    /// Asks whether to save unsaved changes: true when it is all right to go on.
    bool maybeSave();

    /// The menu that lists the recent projects (filled now, after an open, after a save as).
    void setRecentMenu(QMenu *menu);
    void updateRecentMenu();

Q_SIGNALS:
    /// A project file was opened (also the same file again).
    void opened(const QString &path);
    /// A line for the status bar.
    void message(const QString &text);
    /// The project was written to `path` (what is kept beside it follows: pinned samples).
    void saved(const QString &path);

private:
    void addRecent(const QString &path);

    ProjectDocument *m_doc;
    QWidget *m_window;
    QPointer<QMenu> m_recentMenu;
};

} // namespace weft
