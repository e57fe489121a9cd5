#include "widgets/common/projectedits.h"

#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace weft {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("weft::Commands", text);
}
} // namespace

void applyConnectionEdit(ProjectDocument *doc, const QString &oldName, const Connection &connection)
{
    QUndoStack *undo = doc->undoStack();
    const int index = oldName.isEmpty() ? -1 : doc->connectionIndex(oldName);
    if (index < 0) {
        undo->push(new ConnectionCommand(doc, ConnectionCommand::Kind::Insert, -1, connection,
                                         tr("Add connection %1").arg(connection.name)));
        return;
    }
    if (connection == doc->project().connections.at(index))
        return;
    undo->beginMacro(tr("Edit connection %1").arg(connection.name));
    undo->push(new ConnectionCommand(doc, ConnectionCommand::Kind::Replace, index, connection,
                                     tr("Edit connection %1").arg(connection.name)));
    if (connection.name != oldName) {
        for (const QString &scheme : connectionUsers(doc->project(), oldName)) {
            pushSchemeEdit(doc, scheme, tr("Rename connection"), [&](Scheme &s) {
                if (s.source.connection == oldName)
                    s.source.connection = connection.name;
                if (s.target.connection == oldName)
                    s.target.connection = connection.name;
            });
        }
    }
    undo->endMacro();
}

QStringList connectionUsers(const Project &project, const QString &connection)
{
    QStringList users;
    for (const Scheme &s : project.schemes) {
        if (s.source.connection == connection || s.target.connection == connection)
            users << s.name;
    }
    return users;
}

} // namespace weft
