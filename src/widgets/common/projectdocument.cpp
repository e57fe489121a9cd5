#include "widgets/common/projectdocument.h"

#include "core/log/logging.h"
#include "core/model/projectio.h"
#include "core/model/projectvalidator.h"
#include "core/state/statestore.h"
#include "core/state/storecopy.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent>

namespace weft {

ProjectDocument::ProjectDocument(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
    , m_validateTimer(new QTimer(this))
{
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(400);
    connect(m_validateTimer, &QTimer::timeout, this, &ProjectDocument::validateNow);
    connect(m_undo, &QUndoStack::cleanChanged, this,
            [this](bool) { Q_EMIT modifiedChanged(isModified()); });
    connect(m_undo, &QUndoStack::indexChanged, this, &ProjectDocument::scheduleValidation);
}

ProjectDocument::~ProjectDocument() = default;

QString ProjectDocument::stateLocation() const
{
    if (!m_stateOverride.isEmpty())
        return m_stateOverride;
    if (!m_filePath.isEmpty() && !m_carryOverPending)
        return StateStore::defaultLocationFor(m_filePath);
    if (m_scratch.empty())
        m_scratch.push_back(std::make_unique<QTemporaryDir>());
    return m_scratch.back()->filePath(QStringLiteral("untitled.weft.state.sqlite"));
}

void ProjectDocument::setStateOverride(const QString &location)
{
    if (location == m_stateOverride)
        return;
    m_stateOverride = location;
    Q_EMIT stateLocationChanged(stateLocation());
}

void ProjectDocument::setStateInUse(bool inUse)
{
    m_stateInUse = inUse;
    if (!inUse && m_carryOverPending)
        carryOverScratchState();
}

void ProjectDocument::carryOverScratchState()
{
    // The runs made before the first save move beside the file. Where a store is there
    // already (the file replaced another project's), that one stays and the temporary store
    // is left where it was, with a line in the log saying so.
    m_carryOverPending = false;
    const QString from = m_scratch.back()->filePath(QStringLiteral("untitled.weft.state.sqlite"));
    const QString to = StateStore::defaultLocationFor(m_filePath);
    QString error;
    if (QFileInfo::exists(from) && !copySqliteStore(from, to, &error))
        log::warn(
            QStringLiteral("the runs of the unsaved project stay in %1: %2").arg(from, error));
    Q_EMIT stateLocationChanged(stateLocation());
}

QString ProjectDocument::displayName() const
{
    if (!m_project.name.isEmpty())
        return m_project.name;
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return tr("Untitled project");
}

bool ProjectDocument::isModified() const
{
    return m_neverSaved || !m_undo->isClean();
}

void ProjectDocument::reset(const Project &project, const QString &filePath,
                            const Diagnostics &loadDiagnostics)
{
    m_undo->clear();
    m_project = project;
    m_loadDiagnostics = loadDiagnostics;
    m_neverSaved = filePath.isEmpty();
    const bool pathChanged = m_filePath != filePath;
    m_filePath = filePath;
    // A new project never saved gets a temporary store of its own (the old one stays until
    // the document goes: a run may still be writing it).
    m_carryOverPending = false;
    if (filePath.isEmpty())
        m_scratch.push_back(std::make_unique<QTemporaryDir>());
    Q_EMIT projectReset();
    if (pathChanged)
        Q_EMIT filePathChanged(m_filePath);
    Q_EMIT stateLocationChanged(stateLocation());
    Q_EMIT modifiedChanged(isModified());
    validateNow();
}

bool ProjectDocument::load(const QString &path, QString *error)
{
    ProjectLoadResult result = loadProjectFile(path);
    if (!result.project) {
        QStringList lines;
        for (const Diagnostic &d : result.diagnostics)
            lines << d.toString(QFileInfo(path).fileName());
        if (error)
            *error = lines.join(u'\n');
        return false;
    }
    reset(*result.project, QFileInfo(path).absoluteFilePath(), result.diagnostics);
    return true;
}

bool ProjectDocument::save(const QString &path, QString *error)
{
    if (!saveProjectFile(m_project, path, error))
        return false;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const bool pathChanged = absolute != m_filePath;
    const bool firstSave = m_filePath.isEmpty();
    m_filePath = absolute;
    if (firstSave && !m_scratch.empty()) {
        m_carryOverPending = true;
        if (!m_stateInUse)
            carryOverScratchState();
    }
    m_neverSaved = false;
    m_undo->setClean();
    if (pathChanged)
        Q_EMIT filePathChanged(m_filePath);
    Q_EMIT modifiedChanged(isModified());
    return true;
}

int ProjectDocument::schemeIndex(const QString &name) const
{
    for (qsizetype i = 0; i < m_project.schemes.size(); ++i) {
        if (m_project.schemes.at(i).name == name)
            return int(i);
    }
    return -1;
}

int ProjectDocument::connectionIndex(const QString &name) const
{
    for (qsizetype i = 0; i < m_project.connections.size(); ++i) {
        if (m_project.connections.at(i).name == name)
            return int(i);
    }
    return -1;
}

void ProjectDocument::replaceScheme(int index, const Scheme &scheme)
{
    Q_ASSERT(index >= 0 && index < m_project.schemes.size());
    const QString oldName = m_project.schemes.at(index).name;
    m_project.schemes[index] = scheme;
    // The canvas layout is keyed by scheme name: a rename carries it along.
    if (oldName != scheme.name && m_project.layout.contains(oldName)) {
        const QJsonValue nodes = m_project.layout.take(oldName);
        m_project.layout.insert(scheme.name, nodes);
    }
    Q_EMIT schemeChanged(index, oldName, scheme.name);
}

void ProjectDocument::insertScheme(int index, const Scheme &scheme)
{
    index = std::clamp(index, 0, int(m_project.schemes.size()));
    m_project.schemes.insert(index, scheme);
    Q_EMIT schemeInserted(index);
}

void ProjectDocument::removeScheme(int index)
{
    Q_ASSERT(index >= 0 && index < m_project.schemes.size());
    const QString name = m_project.schemes.takeAt(index).name;
    Q_EMIT schemeRemoved(index, name);
}

void ProjectDocument::replaceConnection(int index, const Connection &connection)
{
    Q_ASSERT(index >= 0 && index < m_project.connections.size());
    m_project.connections[index] = connection;
    Q_EMIT connectionsChanged();
}

void ProjectDocument::insertConnection(int index, const Connection &connection)
{
    index = std::clamp(index, 0, int(m_project.connections.size()));
    m_project.connections.insert(index, connection);
    Q_EMIT connectionsChanged();
}

void ProjectDocument::removeConnection(int index)
{
    Q_ASSERT(index >= 0 && index < m_project.connections.size());
    m_project.connections.removeAt(index);
    Q_EMIT connectionsChanged();
}

void ProjectDocument::setSchemeLayout(const QString &scheme, const QJsonObject &nodes)
{
    if (nodes.isEmpty())
        m_project.layout.remove(scheme);
    else
        m_project.layout.insert(scheme, nodes);
    Q_EMIT layoutChanged(scheme);
}

QJsonObject ProjectDocument::schemeLayout(const QString &scheme) const
{
    return m_project.layout.value(scheme).toObject();
}

void ProjectDocument::setProjectInfo(const QString &name, const QString &description,
                                     const QString &timeZone)
{
    m_project.name = name;
    m_project.description = description;
    m_project.timeZone = timeZone;
    Q_EMIT infoChanged();
}

void ProjectDocument::setAlerts(const QJsonArray &alerts)
{
    m_project.alerts = alerts;
    Q_EMIT alertsChanged();
}

void ProjectDocument::setEnvironments(const QList<Environment> &environments, const QString &active)
{
    m_project.environments = environments;
    m_project.activeEnvironment = active;
    Q_EMIT environmentsChanged();
}

void ProjectDocument::scheduleValidation()
{
    m_validateTimer->start();
}

void ProjectDocument::validateNow()
{
    // Validation of a large project takes a while: it runs on a pool thread over a copy
    // (the model is implicitly shared, so the copy is cheap) and lands back here.
    const Project snapshot = m_project;
    const Diagnostics fromLoad = m_undo->count() == 0 ? m_loadDiagnostics : Diagnostics();
    const quint64 generation = ++m_validateGeneration;
    auto *watcher = new QFutureWatcher<Diagnostics>(this);
    connect(watcher, &QFutureWatcher<Diagnostics>::finished, this,
            [this, watcher, fromLoad, generation]() {
                watcher->deleteLater();
                if (generation != m_validateGeneration)
                    return; // a newer edit is being validated
                Diagnostics all = fromLoad;
                for (const Diagnostic &d : watcher->result()) {
                    const bool duplicate =
                        std::any_of(all.cbegin(), all.cend(), [&](const Diagnostic &o) {
                            return o.pointer == d.pointer && o.message == d.message;
                        });
                    if (!duplicate)
                        all.append(d);
                }
                m_diagnostics = all;
                Q_EMIT diagnosticsChanged();
            });
    // What would be saved, validated as `weft-run validate` validates the file: the same
    // problems in the Problems panel as on the command line.
    watcher->setFuture(QtConcurrent::run([snapshot]() {
        ValidateOptions options;
        options.checkEnvironment = true;
        return validateProjectJson(saveProject(snapshot), options);
    }));
}

} // namespace weft
