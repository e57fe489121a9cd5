#include "widgets/mainwindow/serverstate.h"

#include "core/engine/statelocation.h"
#include "widgets/common/projectdocument.h"

#include <QFutureWatcher>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QUrl>
#include <QtConcurrent>

namespace weft {

namespace {

struct Resolved {
    std::optional<QString> location;
    QString error;
};

} // namespace

ServerState::ServerState(ProjectDocument *doc, QObject *parent)
    : QObject(parent)
    , m_doc(doc)
{
    connect(doc, &ProjectDocument::projectReset, this, &ServerState::followProject);
}

void ServerState::chooseSessionStore(QWidget *parent)
{
    bool ok = false;
    const QString text =
        QInputDialog::getText(parent, tr("Open server state"),
                              tr("The shared state store of the servers, as a URL "
                                 "(mysql://user@host:3306/database). It is used for this "
                                 "session only; the project file is not changed."),
                              QLineEdit::Normal, displayStateLocation(m_session), &ok)
            .trimmed();
    if (!ok || text.isEmpty())
        return;
    QUrl url(text);
    if (!isSharedStateLocation(text) || !url.isValid() || url.host().isEmpty()) {
        QMessageBox::warning(parent, tr("Open server state"),
                             tr("%1 is not a mysql:// URL.").arg(text));
        return;
    }
    if (url.password().isEmpty()) {
        const QString password = QInputDialog::getText(
            parent, tr("Open server state"),
            tr("Password of %1 (empty: the WEFT_STATE_PASSWORD environment variable):")
                .arg(url.userName()),
            QLineEdit::Password, QString(), &ok);
        if (!ok)
            return;
        if (!password.isEmpty())
            url.setPassword(password);
    }
    setSessionStore(url.toString());
}

void ServerState::setSessionStore(const QString &location)
{
    m_session = location;
    if (location.isEmpty()) {
        followProject();
        return;
    }
    ++m_generation; // a project store still being resolved no longer matters
    m_doc->setStateOverride(location);
    Q_EMIT message(tr("State store for this session: %1").arg(displayStateLocation(location)));
}

void ServerState::followProject()
{
    if (!m_session.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_doc->setStateOverride(QString());
    const ProjectStateStore named = m_doc->project().state;
    if (!named.isSet())
        return;
    auto *watcher = new QFutureWatcher<Resolved>(this);
    connect(watcher, &QFutureWatcher<Resolved>::finished, this, [this, watcher, generation, named] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Resolved r = watcher->result();
        if (!r.location) {
            // Opened without the password, the store says why it cannot be read (or finds
            // WEFT_STATE_PASSWORD); the runs do not fall back to another store unnoticed.
            Q_EMIT message(tr("The state store's password: %1").arg(r.error));
            m_doc->setStateOverride(named.url);
            return;
        }
        m_doc->setStateOverride(*r.location);
    });
    watcher->setFuture(QtConcurrent::run([project = m_doc->project()] {
        Resolved r;
        r.location = resolveStateLocation(project, QString(), &r.error);
        return r;
    }));
}

} // namespace weft
