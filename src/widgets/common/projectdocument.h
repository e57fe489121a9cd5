#pragma once

#include "core/model/diagnostic.h"
#include "core/model/project.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <memory>
#include <vector>

class QUndoStack;
class QTimer;

namespace weft {

/// One open project: the Project, its file, its undo stack and what is wrong with it.
///
/// The document is the only owner of the project the designer shows. Everything else —
/// the canvas's PipelineModel, the mapping models, the explorer, the property pages — reads
/// project() and follows the signals below; none of them keeps a copy it edits.
///
/// Changes go one way. A view pushes an undo command (commands.h) on undoStack(); the
/// command's redo() and undo() call the private mutators (the commands are friends), and each
/// mutator emits one fine-grained signal saying what changed, so that every view updates only
/// that (a canvas of 1 500 nodes must not rebuild on an edit). reset(), load() and save() are
/// the exceptions: they replace or write the whole project and clear (or mark clean) the
/// undo history, announced by projectReset() and filePathChanged().
///
/// The document lives on the GUI thread and is only used there. Validation runs on a copy of
/// the project on a pool thread, a moment after the last edit; its answer replaces
/// diagnostics() unless a newer edit overtook it. A run gets a copy of project() too, so
/// edits during a run do not reach it.
class ProjectDocument final : public QObject
{
    Q_OBJECT
public:
    explicit ProjectDocument(QObject *parent = nullptr);
    ~ProjectDocument() override;

    const Project &project() const { return m_project; }
    QString filePath() const { return m_filePath; }
    /// The state store: beside the project file; for a project never saved a temporary one, so
    /// it can be previewed and run before it has a name. The first save carries that store's
    /// runs over beside the new file (once no run writes it: see setStateInUse()).
    QString stateLocation() const;
    /// A store that replaces the one beside the file: the project's shared `state` entry
    /// (its password resolved) or one opened with File → Open server state…; "" drops it.
    /// Runs, retries and every panel then use it. Emits stateLocationChanged().
    void setStateOverride(const QString &location);
    QString stateOverride() const { return m_stateOverride; }
    /// A run or retry writes the state store now (RunCoordinator says so). While it does, the
    /// carry-over of a first save waits, and stateLocation() stays the temporary store.
    void setStateInUse(bool inUse);
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
    /// Validates again without an edit: the messages are made in the language of the moment,
    /// so a language switch asks for them anew.
    void revalidate() { scheduleValidation(); }
    int schemeIndex(const QString &name) const;
    int connectionIndex(const QString &name) const;

    /// Node positions (and detached nodes) of one scheme, as the canvas keeps them.
    QJsonObject schemeLayout(const QString &scheme) const;

Q_SIGNALS:
    void projectReset();
    void schemeChanged(int index, const QString &oldName, const QString &newName);
    void schemeInserted(int index);
    void schemeRemoved(int index, const QString &name);
    void connectionsChanged();
    void layoutChanged(const QString &scheme);
    void infoChanged();
    void alertsChanged();
    /// The environments, their variables or the active one changed.
    void environmentsChanged();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);
    /// stateLocation() is another store now (a first save's carry-over, a new project).
    void stateLocationChanged(const QString &location);
    void diagnosticsChanged();

private:
    // The mutators: only the undo commands change the project (each a friend here), so every
    // change is an undo step and emits the signals the views follow.
    friend class EditSchemeCommand;
    friend class EditLayoutCommand;
    friend class InsertSchemeCommand;
    friend class RemoveSchemeCommand;
    friend class ConnectionCommand;
    friend class EditInfoCommand;
    friend class EditAlertsCommand;
    friend class EditEnvironmentsCommand;
    void replaceScheme(int index, const Scheme &scheme);
    void insertScheme(int index, const Scheme &scheme);
    void removeScheme(int index);
    void replaceConnection(int index, const Connection &connection);
    void insertConnection(int index, const Connection &connection);
    void removeConnection(int index);
    /// An empty object removes the scheme's entry.
    void setSchemeLayout(const QString &scheme, const QJsonObject &nodes);
    void setProjectInfo(const QString &name, const QString &description, const QString &timeZone);
    /// The project's alert rules (`alerts`, JSON objects as in docs/operations.md).
    void setAlerts(const QJsonArray &alerts);
    void setEnvironments(const QList<Environment> &environments, const QString &active);

    void scheduleValidation();
    void validateNow();

    Project m_project;
    QString m_filePath;
    QUndoStack *m_undo;
    QTimer *m_validateTimer;
    Diagnostics m_loadDiagnostics;
    Diagnostics m_diagnostics;
    bool m_neverSaved = false;
    void carryOverScratchState();
    /// The temporary stores of projects never saved; kept until the document goes, as a run
    /// may still write one after the project was replaced.
    mutable std::vector<std::unique_ptr<QTemporaryDir>> m_scratch;
    bool m_carryOverPending = false;
    bool m_stateInUse = false;
    QString m_stateOverride;
    quint64 m_validateGeneration = 0;
};

} // namespace weft
