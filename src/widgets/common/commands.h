#pragma once

#include "core/model/project.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUndoCommand>
#include <functional>

// The undo commands of the designer: the only code that changes a ProjectDocument's project.
// Each keeps what it needs to go both ways (the state before and after) and calls the
// document's mutators in redo() and undo(); the document's signals then tell the views.
// A command that merges (same id(), same merge key) makes a run of small edits — the
// keystrokes of one field — one undo step.

namespace weft {

class ProjectDocument;

/// Ids for QUndoCommand::id(): commands with the same id and merge key combine.
enum class CommandId { EditScheme = 1, EditConnection, EditInfo, EditAlerts, EditEnvironments };

/// Replaces one scheme (found by name) — steps, metadata, mapping, settings, even its name.
/// A non-empty merge key makes consecutive edits of the same property one undo step.
class EditSchemeCommand final : public QUndoCommand
{
public:
    EditSchemeCommand(ProjectDocument *doc, const QString &scheme, const Scheme &after,
                      const QString &text, const QString &mergeKey = QString(),
                      QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    ProjectDocument *m_doc;
    Scheme m_before;
    Scheme m_after;
    QString m_mergeKey;
};

/// Sets the canvas layout entries of one or more schemes (node moves, auto-layout, detached
/// nodes). Layout never affects a run, but it is part of the file, so it is undoable too.
class EditLayoutCommand final : public QUndoCommand
{
public:
    EditLayoutCommand(ProjectDocument *doc, const QHash<QString, QJsonObject> &after,
                      const QString &text, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    void apply(const QHash<QString, QJsonObject> &layouts);

    ProjectDocument *m_doc;
    QHash<QString, QJsonObject> m_before;
    QHash<QString, QJsonObject> m_after;
};

/// Adds a scheme (with its layout entry, if any) at an index.
class InsertSchemeCommand final : public QUndoCommand
{
public:
    InsertSchemeCommand(ProjectDocument *doc, int index, const Scheme &scheme,
                        const QJsonObject &layout, const QString &text,
                        QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ProjectDocument *m_doc;
    int m_index;
    Scheme m_scheme;
    QJsonObject m_layout;
};

/// Removes a scheme and its layout entry.
class RemoveSchemeCommand final : public QUndoCommand
{
public:
    RemoveSchemeCommand(ProjectDocument *doc, int index, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ProjectDocument *m_doc;
    int m_index;
    Scheme m_scheme;
    QJsonObject m_layout;
};

/// Adds (index = -1: appends), replaces or removes a connection.
class ConnectionCommand final : public QUndoCommand
{
public:
    enum class Kind { Insert, Replace, Remove };
    ConnectionCommand(ProjectDocument *doc, Kind kind, int index, const Connection &connection,
                      const QString &text, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;

private:
    ProjectDocument *m_doc;
    Kind m_kind;
    int m_index;
    Connection m_before;
    Connection m_after;
};

/// Project name, description and time zone.
class EditInfoCommand final : public QUndoCommand
{
public:
    EditInfoCommand(ProjectDocument *doc, const QString &name, const QString &description,
                    const QString &timeZone, QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override { return int(CommandId::EditInfo); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ProjectDocument *m_doc;
    QStringList m_before;
    QStringList m_after;
};

/// Replaces the project's environments and which one is active. A non-empty merge key makes
/// consecutive edits of the same variable one undo step (typing its value).
class EditEnvironmentsCommand final : public QUndoCommand
{
public:
    EditEnvironmentsCommand(ProjectDocument *doc, const QList<Environment> &after,
                            const QString &active, const QString &text,
                            const QString &mergeKey = QString(), QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    ProjectDocument *m_doc;
    QList<Environment> m_before;
    QList<Environment> m_after;
    QString m_activeBefore;
    QString m_activeAfter;
    QString m_mergeKey;
};

/// Replaces the project's alert rules (`alerts`). A non-empty merge key makes consecutive
/// edits of the same field of the same rule one undo step (typing a name, a threshold).
class EditAlertsCommand final : public QUndoCommand
{
public:
    EditAlertsCommand(ProjectDocument *doc, const QJsonArray &after, const QString &text,
                      const QString &mergeKey = QString(), QUndoCommand *parent = nullptr);
    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    ProjectDocument *m_doc;
    QJsonArray m_before;
    QJsonArray m_after;
    QString m_mergeKey;
};

/// Pushes a scheme edit: `edit` changes a copy of the scheme; nothing is pushed when the
/// result equals the current scheme. Returns false when the scheme does not exist.
bool pushSchemeEdit(ProjectDocument *doc, const QString &scheme, const QString &text,
                    const std::function<void(Scheme &)> &edit, const QString &mergeKey = QString());

} // namespace weft
