#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace weft {

class ProjectDocument;

/// Which state store the designer works on: the project's shared store (its `state` entry,
/// the password resolved off the GUI thread, as a keychain may answer slowly) or one opened
/// for this session with File → Open server state…, which wins until it is dropped. Without
/// either, the SQLite file beside the project. It sets ProjectDocument::setStateOverride(), so
/// runs, retries and every panel follow.
class ServerState final : public QObject
{
    Q_OBJECT
public:
    explicit ServerState(ProjectDocument *doc, QObject *parent = nullptr);

    /// Asks for a mysql:// URL (and its password) and opens it for this session.
    void chooseSessionStore(QWidget *parent);
    /// Opens `location` for this session ("" drops it: back to the project's store).
    void setSessionStore(const QString &location);
    QString sessionStore() const { return m_session; }

Q_SIGNALS:
    void message(const QString &text);

private:
    void followProject();

    ProjectDocument *m_doc;
    QString m_session;
    quint64 m_generation = 0;
};

} // namespace weft
