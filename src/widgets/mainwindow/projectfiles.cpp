#include "widgets/mainwindow/projectfiles.h"

#include "core/model/projectio.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/recentprojects.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QUndoStack>

namespace weft {

ProjectFiles::ProjectFiles(ProjectDocument *doc, QWidget *window)
    : QObject(window)
    , m_doc(doc)
    , m_window(window)
{
    // A save under a new name puts that file on the list.
    connect(m_doc, &ProjectDocument::filePathChanged, this, [this](const QString &path) {
        if (!path.isEmpty())
            addRecent(path);
    });
}

bool ProjectFiles::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    // A new project nobody has touched yet holds nothing to lose (the start page opens an
    // example from there without a question).
    const Project &p = m_doc->project();
    if (m_doc->filePath().isEmpty() && m_doc->undoStack()->count() == 0 && p.schemes.isEmpty() &&
        p.connections.isEmpty())
        return true;
    // Own buttons: their texts follow the designer's language, not Qt's translations.
    QMessageBox box(
        QMessageBox::Warning, tr("Unsaved changes"),
        tr("The project “%1” has changes that are not saved.").arg(m_doc->displayName()),
        QMessageBox::NoButton, m_window);
    box.setInformativeText(tr("Save them before going on?"));
    QPushButton *save = box.addButton(tr("Save"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("Discard changes"), QMessageBox::DestructiveRole);
    box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(save);
    box.exec();
    if (box.clickedButton() == save)
        return this->save();
    return box.clickedButton() == discard;
}

void ProjectFiles::newProject(bool force)
{
    if (!force && !maybeSave())
        return;
    Project p;
    p.name = tr("New project");
    m_doc->reset(p);
}

bool ProjectFiles::open(const QString &path, bool force)
{
    if (!force && !maybeSave())
        return false;
    QString error;
    if (!m_doc->load(path, &error)) {
        QMessageBox::warning(m_window, tr("Cannot open project"),
                             tr("%1 could not be opened:\n%2").arg(path, error));
        return false;
    }
    addRecent(m_doc->filePath());
    Q_EMIT opened(m_doc->filePath());
    const int errors = errorCount(m_doc->diagnostics());
    Q_EMIT message(errors > 0 ? tr("Opened %1 — it has %2 error(s): see the Problems tab.")
                                    .arg(QFileInfo(path).fileName())
                                    .arg(errors)
                              : tr("Opened %1.").arg(QFileInfo(path).fileName()));
    return true;
}

bool ProjectFiles::openExample(const QString &resource, bool force)
{
    if (!force && !maybeSave())
        return false;
    QFile file(resource);
    const ProjectLoadResult loaded =
        file.open(QIODevice::ReadOnly) ? loadProject(file.readAll()) : ProjectLoadResult();
    if (!loaded.project) {
        QMessageBox::warning(
            m_window, tr("Cannot open example"),
            tr("The example %1 could not be read.").arg(QFileInfo(resource).fileName()));
        return false;
    }
    m_doc->reset(*loaded.project, QString(), loaded.diagnostics);
    Q_EMIT message(
        tr("Opened the example %1 — Save as… keeps a copy of it.").arg(loaded.project->name));
    return true;
}

bool ProjectFiles::save()
{
    if (m_doc->filePath().isEmpty())
        return saveAs();
    QString error;
    if (!m_doc->save(m_doc->filePath(), &error)) {
        QMessageBox::warning(m_window, tr("Cannot save"),
                             tr("The project was not saved: %1").arg(error));
        return false;
    }
    Q_EMIT message(tr("Saved %1.").arg(m_doc->filePath()));
    Q_EMIT saved(m_doc->filePath());
    return true;
}

bool ProjectFiles::saveAs(const QString &given)
{
    QString path = given;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(m_window, tr("Save project as"),
                                            m_doc->displayName() + QStringLiteral(".weft.json"),
                                            tr("Weft projects (*.weft.json)"));
        if (path.isEmpty())
            return false;
    }
    if (!path.endsWith(QLatin1String(".json")))
        path += QStringLiteral(".weft.json");
    QString error;
    if (!m_doc->save(path, &error)) {
        QMessageBox::warning(m_window, tr("Cannot save"),
                             tr("The project was not saved: %1").arg(error));
        return false;
    }
    Q_EMIT message(tr("Saved %1.").arg(path));
    Q_EMIT saved(m_doc->filePath());
    return true;
}

void ProjectFiles::setRecentMenu(QMenu *menu)
{
    m_recentMenu = menu;
    updateRecentMenu();
}

void ProjectFiles::addRecent(const QString &path)
{
    RecentProjects::add(path);
    updateRecentMenu();
}

void ProjectFiles::updateRecentMenu()
{
    if (m_recentMenu)
        RecentProjects::fill(m_recentMenu, [this](const QString &path) { open(path); });
}

} // namespace weft
