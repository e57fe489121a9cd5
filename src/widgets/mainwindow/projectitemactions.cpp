#include "widgets/mainwindow/projectitemactions.h"

#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/projectedits.h"
#include "widgets/connections/connectiondialog.h"

#include <QMessageBox>
#include <QUndoStack>

namespace weft {

ProjectItemActions::ProjectItemActions(ProjectDocument *doc, QWidget *window)
    : QObject(window)
    , m_doc(doc)
    , m_window(window)
{}

void ProjectItemActions::editConnection(const QString &name)
{
    const int index = name.isEmpty() ? -1 : m_doc->connectionIndex(name);
    const Connection *existing = index >= 0 ? &m_doc->project().connections.at(index) : nullptr;
    ConnectionDialog dialog(m_doc->project(), existing, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    applyConnectionEdit(m_doc, name, dialog.connection());
}

void ProjectItemActions::deleteConnection(const QString &name)
{
    const int index = m_doc->connectionIndex(name);
    if (index < 0)
        return;
    const QStringList users = connectionUsers(m_doc->project(), name);
    if (!users.isEmpty() &&
        QMessageBox::question(m_window, tr("Delete connection"),
                              tr("%1 is used by %2. Delete it anyway? (Undo brings it back.)")
                                  .arg(name, users.join(QStringLiteral(", ")))) != QMessageBox::Yes)
        return;
    m_doc->undoStack()->push(new ConnectionCommand(m_doc, ConnectionCommand::Kind::Remove, index,
                                                   {}, tr("Delete connection %1").arg(name)));
}

void ProjectItemActions::deleteScheme(const QString &name)
{
    const int index = m_doc->schemeIndex(name);
    if (index < 0)
        return;
    if (QMessageBox::question(m_window, tr("Delete scheme"),
                              tr("Delete the scheme %1 with its steps and mapping? (Undo brings "
                                 "it back.)")
                                  .arg(name)) != QMessageBox::Yes)
        return;
    m_doc->undoStack()->push(new RemoveSchemeCommand(m_doc, index));
}

} // namespace weft
