#pragma once

#include "core/model/diagnostic.h"
#include "core/model/project.h"

#include <QObject>
#include <QString>

class QUndoStack;
class QTimer;

namespace weft {

/// One open project: the model, its file, its undo stack and what is wrong with it.
///
/// Views never change the project directly: they push undo commands (commands.h), and the
/// commands call the mutators below, which emit fine-grained signals so each view updates
/// only what changed (a 1 500-node canvas must not rebuild on every edit).
class ProjectDocument final : public QObject
{
    Q_OBJECT
public:
    explicit ProjectDocument(QObject *parent = nullptr);
    ~ProjectDocument() override;

    const Project &project() const { return m_project; }
    QString filePath() const { return m_filePath; }
    /// The state store beside the project file ("" for a project never saved).
    QString stateLocation() const;
    QString displayName() const;
    QUndoStack *undoStack() const { return m_undo; }
    bool isModified() const;

    /// Starts over with `project` (a new or a loaded one); clears the undo history.
    void reset(const Project &project, const QString &filePath = QString(),
               const Diagnostics &loadDiagnostics = {});
    /// Loads a file. A file with errors still opens (so it can be fixed here) as long as it
    /// is a readable project; false and a message otherwise.
    bool load(const QString &path, QString *error);
    /// Writes atomically (temporary file, then rename) and marks the stack clean.
    bool save(const QString &path, QString *error);

    /// Load problems plus the validator's findings, refreshed shortly after every edit.
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    int schemeIndex(const QString &name) const;
    int connectionIndex(const QString &name) const;

    // Mutators: called by undo commands (and tests), never by views.
    void replaceScheme(int index, const Scheme &scheme);
    void insertScheme(int index, const Scheme &scheme);
    void removeScheme(int index);
    void replaceConnection(int index, const Connection &connection);
    void insertConnection(int index, const Connection &connection);
    void removeConnection(int index);
    /// Node positions (and detached nodes) of one scheme; an empty object removes the entry.
    void setSchemeLayout(const QString &scheme, const QJsonObject &nodes);
    QJsonObject schemeLayout(const QString &scheme) const;
    void setProjectInfo(const QString &name, const QString &description, const QString &timeZone);
    /// The project's alert rules (`alerts`, JSON objects as in docs/operations.md).
    void setAlerts(const QJsonArray &alerts);

Q_SIGNALS:
    void projectReset();
    void schemeChanged(int index, const QString &oldName, const QString &newName);
    void schemeInserted(int index);
    void schemeRemoved(int index, const QString &name);
    void connectionsChanged();
    void layoutChanged(const QString &scheme);
    void infoChanged();
    void alertsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    void diagnosticsChanged();

private:
    void scheduleValidation();
    void validateNow();

    Project m_project;
    QString m_filePath;
    QUndoStack *m_undo;
    QTimer *m_validateTimer;
    Diagnostics m_loadDiagnostics;
    Diagnostics m_diagnostics;
    bool m_neverSaved = false;
    quint64 m_validateGeneration = 0;
};

} // namespace weft
