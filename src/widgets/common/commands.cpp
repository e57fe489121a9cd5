#include "widgets/common/commands.h"

#include "widgets/common/projectdocument.h"

#include <QCoreApplication>
#include <QUndoStack>

namespace weft {

EditSchemeCommand::EditSchemeCommand(ProjectDocument *doc, const QString &scheme,
                                     const Scheme &after, const QString &text,
                                     const QString &mergeKey, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_doc(doc)
    , m_after(after)
    , m_mergeKey(mergeKey)
{
    const int index = doc->schemeIndex(scheme);
    Q_ASSERT(index >= 0);
    if (index >= 0)
        m_before = doc->project().schemes.at(index);
}

void EditSchemeCommand::undo()
{
    const int index = m_doc->schemeIndex(m_after.name);
    if (index >= 0)
        m_doc->replaceScheme(index, m_before);
}

void EditSchemeCommand::redo()
{
    const int index = m_doc->schemeIndex(m_before.name);
    if (index >= 0)
        m_doc->replaceScheme(index, m_after);
}

int EditSchemeCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : int(CommandId::EditScheme);
}

bool EditSchemeCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const EditSchemeCommand *>(other);
    if (o->m_mergeKey != m_mergeKey || o->m_before.name != m_after.name)
        return false;
    m_after = o->m_after;
    return true;
}

EditLayoutCommand::EditLayoutCommand(ProjectDocument *doc, const QHash<QString, QJsonObject> &after,
                                     const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_doc(doc)
    , m_after(after)
{
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        m_before.insert(it.key(), doc->schemeLayout(it.key()));
}

void EditLayoutCommand::undo()
{
    apply(m_before);
}

void EditLayoutCommand::redo()
{
    apply(m_after);
}

void EditLayoutCommand::apply(const QHash<QString, QJsonObject> &layouts)
{
    for (auto it = layouts.cbegin(); it != layouts.cend(); ++it)
        m_doc->setSchemeLayout(it.key(), it.value());
}

InsertSchemeCommand::InsertSchemeCommand(ProjectDocument *doc, int index, const Scheme &scheme,
                                         const QJsonObject &layout, const QString &text,
                                         QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_doc(doc)
    , m_index(index < 0 ? int(doc->project().schemes.size()) : index)
    , m_scheme(scheme)
    , m_layout(layout)
{}

void InsertSchemeCommand::undo()
{
    m_doc->removeScheme(m_index);
    m_doc->setSchemeLayout(m_scheme.name, {});
}

void InsertSchemeCommand::redo()
{
    m_doc->setSchemeLayout(m_scheme.name, m_layout);
    m_doc->insertScheme(m_index, m_scheme);
}

RemoveSchemeCommand::RemoveSchemeCommand(ProjectDocument *doc, int index, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_doc(doc)
    , m_index(index)
    , m_scheme(doc->project().schemes.at(index))
    , m_layout(doc->schemeLayout(m_scheme.name))
{
    setText(QCoreApplication::translate("weft::Commands", "Delete scheme %1").arg(m_scheme.name));
}

void RemoveSchemeCommand::undo()
{
    m_doc->setSchemeLayout(m_scheme.name, m_layout);
    m_doc->insertScheme(m_index, m_scheme);
}

void RemoveSchemeCommand::redo()
{
    m_doc->removeScheme(m_index);
    m_doc->setSchemeLayout(m_scheme.name, {});
}

ConnectionCommand::ConnectionCommand(ProjectDocument *doc, Kind kind, int index,
                                     const Connection &connection, const QString &text,
                                     QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_doc(doc)
    , m_kind(kind)
    , m_index(index)
    , m_after(connection)
{
    if (kind == Kind::Insert && m_index < 0)
        m_index = int(doc->project().connections.size());
    if (kind != Kind::Insert)
        m_before = doc->project().connections.at(index);
}

void ConnectionCommand::undo()
{
    switch (m_kind) {
    case Kind::Insert:
        m_doc->removeConnection(m_index);
        break;
    case Kind::Replace:
        m_doc->replaceConnection(m_index, m_before);
        break;
    case Kind::Remove:
        m_doc->insertConnection(m_index, m_before);
        break;
    }
}

void ConnectionCommand::redo()
{
    switch (m_kind) {
    case Kind::Insert:
        m_doc->insertConnection(m_index, m_after);
        break;
    case Kind::Replace:
        m_doc->replaceConnection(m_index, m_after);
        break;
    case Kind::Remove:
        m_doc->removeConnection(m_index);
        break;
    }
}

EditInfoCommand::EditInfoCommand(ProjectDocument *doc, const QString &name,
                                 const QString &description, const QString &timeZone,
                                 QUndoCommand *parent)
    : QUndoCommand(QCoreApplication::translate("weft::Commands", "Edit project settings"), parent)
    , m_doc(doc)
    , m_before({doc->project().name, doc->project().description, doc->project().timeZone})
    , m_after({name, description, timeZone})
{}

void EditInfoCommand::undo()
{
    m_doc->setProjectInfo(m_before.at(0), m_before.at(1), m_before.at(2));
}

void EditInfoCommand::redo()
{
    m_doc->setProjectInfo(m_after.at(0), m_after.at(1), m_after.at(2));
}

bool EditInfoCommand::mergeWith(const QUndoCommand *other)
{
    m_after = static_cast<const EditInfoCommand *>(other)->m_after;
    return true;
}

EditAlertsCommand::EditAlertsCommand(ProjectDocument *doc, const QJsonArray &after,
                                     const QString &text, const QString &mergeKey,
                                     QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_doc(doc)
    , m_before(doc->project().alerts)
    , m_after(after)
    , m_mergeKey(mergeKey)
{}

void EditAlertsCommand::undo()
{
    m_doc->setAlerts(m_before);
}

void EditAlertsCommand::redo()
{
    m_doc->setAlerts(m_after);
}

int EditAlertsCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : int(CommandId::EditAlerts);
}

bool EditAlertsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const EditAlertsCommand *>(other);
    if (o->m_mergeKey != m_mergeKey)
        return false;
    m_after = o->m_after;
    return true;
}

EditEnvironmentsCommand::EditEnvironmentsCommand(ProjectDocument *doc,
                                                 const QList<Environment> &after,
                                                 const QString &active, const QString &text,
                                                 const QString &mergeKey, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_doc(doc)
    , m_before(doc->project().environments)
    , m_after(after)
    , m_activeBefore(doc->project().activeEnvironment)
    , m_activeAfter(active)
    , m_mergeKey(mergeKey)
{}

void EditEnvironmentsCommand::undo()
{
    m_doc->setEnvironments(m_before, m_activeBefore);
}

void EditEnvironmentsCommand::redo()
{
    m_doc->setEnvironments(m_after, m_activeAfter);
}

int EditEnvironmentsCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : int(CommandId::EditEnvironments);
}

bool EditEnvironmentsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const EditEnvironmentsCommand *>(other);
    if (o->m_mergeKey != m_mergeKey)
        return false;
    m_after = o->m_after;
    m_activeAfter = o->m_activeAfter;
    return true;
}

bool pushSchemeEdit(ProjectDocument *doc, const QString &scheme, const QString &text,
                    const std::function<void(Scheme &)> &edit, const QString &mergeKey)
{
    const int index = doc->schemeIndex(scheme);
    if (index < 0)
        return false;
    Scheme after = doc->project().schemes.at(index);
    edit(after);
    if (after == doc->project().schemes.at(index))
        return true;
    doc->undoStack()->push(new EditSchemeCommand(doc, scheme, after, text, mergeKey));
    return true;
}

} // namespace weft
