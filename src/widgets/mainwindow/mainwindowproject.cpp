// The main window's project-file commands (new, open, save, save as, recent files, closing
// with unsaved changes) and its edits of connections and schemes.
#include "widgets/mainwindow/mainwindow.h"

#include "widgets/canvas/nodekind.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinescene.h"
#include "widgets/canvas/pipelineview.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/projectedits.h"
#include "widgets/common/recentprojects.h"
#include "widgets/common/stateservice.h"
#include "widgets/connections/connectiondialog.h"
#include "widgets/mainwindow/mainactions.h"
#include "widgets/mainwindow/projectexplorer.h"
#include "widgets/mainwindow/propertiespanel.h"
#include "widgets/run/runcoordinator.h"

#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>

namespace weft {

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified())
        return true;
    // Own buttons: their texts follow the designer's language, not Qt's translations.
    QMessageBox box(
        QMessageBox::Warning, tr("Unsaved changes"),
        tr("The project “%1” has changes that are not saved.").arg(m_doc->displayName()),
        QMessageBox::NoButton, this);
    box.setInformativeText(tr("Save them before going on?"));
    QPushButton *save = box.addButton(tr("Save"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("Discard changes"), QMessageBox::DestructiveRole);
    box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(save);
    box.exec();
    if (box.clickedButton() == save)
        return saveProject();
    return box.clickedButton() == discard;
}

void MainWindow::newProject(bool force)
{
    if (!force && !maybeSave())
        return;
    Project p;
    p.name = tr("New project");
    m_doc->reset(p);
    m_state->setLocation(QString());
    while (m_center->count() > 1)
        delete m_center->widget(1);
    updateTitle();
}

bool MainWindow::openProject(const QString &path, bool force)
{
    if (!force && !maybeSave())
        return false;
    QString error;
    if (!m_doc->load(path, &error)) {
        QMessageBox::warning(this, tr("Cannot open project"),
                             tr("%1 could not be opened:\n%2").arg(path, error));
        return false;
    }
    while (m_center->count() > 1)
        delete m_center->widget(1);
    m_state->setLocation(m_doc->stateLocation());
    addRecent(m_doc->filePath());
    showCanvas();
    m_view->fitAll();
    const int errors = errorCount(m_doc->diagnostics());
    showStatus(errors > 0 ? tr("Opened %1 — it has %2 error(s): see the Problems tab.")
                                .arg(QFileInfo(path).fileName())
                                .arg(errors)
                          : tr("Opened %1.").arg(QFileInfo(path).fileName()));
    return true;
}

bool MainWindow::saveProject()
{
    if (m_doc->filePath().isEmpty())
        return saveProjectAs();
    QString error;
    if (!m_doc->save(m_doc->filePath(), &error)) {
        QMessageBox::warning(this, tr("Cannot save"),
                             tr("The project was not saved: %1").arg(error));
        return false;
    }
    showStatus(tr("Saved %1.").arg(m_doc->filePath()));
    return true;
}

bool MainWindow::saveProjectAs(const QString &given)
{
    QString path = given;
    if (path.isEmpty()) {
        path = QFileDialog::getSaveFileName(this, tr("Save project as"),
                                            m_doc->displayName() + QStringLiteral(".weft.json"),
                                            tr("Weft projects (*.weft.json)"));
        if (path.isEmpty())
            return false;
    }
    if (!path.endsWith(QLatin1String(".json")))
        path += QStringLiteral(".weft.json");
    QString error;
    if (!m_doc->save(path, &error)) {
        QMessageBox::warning(this, tr("Cannot save"),
                             tr("The project was not saved: %1").arg(error));
        return false;
    }
    showStatus(tr("Saved %1.").arg(path));
    return true;
}

void MainWindow::addRecent(const QString &path)
{
    RecentProjects::add(path);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (QMenu *menu = m_actions->recentMenu())
        RecentProjects::fill(menu, [this](const QString &path) { openProject(path); });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (m_runs->isRunning())
        m_runs->cancel();
    event->accept();
}

// ---- connections and schemes ------------------------------------------------------------

void MainWindow::editConnection(const QString &name)
{
    const int index = name.isEmpty() ? -1 : m_doc->connectionIndex(name);
    const Connection *existing = index >= 0 ? &m_doc->project().connections.at(index) : nullptr;
    ConnectionDialog dialog(m_doc->project(), existing, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    applyConnectionEdit(m_doc, name, dialog.connection());
}

void MainWindow::deleteConnection(const QString &name)
{
    const int index = m_doc->connectionIndex(name);
    if (index < 0)
        return;
    const QStringList users = connectionUsers(m_doc->project(), name);
    if (!users.isEmpty() &&
        QMessageBox::question(this, tr("Delete connection"),
                              tr("%1 is used by %2. Delete it anyway? (Undo brings it back.)")
                                  .arg(name, users.join(QStringLiteral(", ")))) != QMessageBox::Yes)
        return;
    m_doc->undoStack()->push(new ConnectionCommand(m_doc, ConnectionCommand::Kind::Remove, index,
                                                   {}, tr("Delete connection %1").arg(name)));
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

void MainWindow::deleteScheme(const QString &name)
{
    const int index = m_doc->schemeIndex(name);
    if (index < 0)
        return;
    if (QMessageBox::question(this, tr("Delete scheme"),
                              tr("Delete the scheme %1 with its steps and mapping? (Undo brings "
                                 "it back.)")
                                  .arg(name)) != QMessageBox::Yes)
        return;
    m_doc->undoStack()->push(new RemoveSchemeCommand(m_doc, index));
}

} // namespace weft
