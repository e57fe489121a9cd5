#pragma once

#include "core/model/connection.h"
#include "core/util/envexpand.h"

#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

namespace weft {

/// What probing a connection found; the caller puts it in words.
struct ProbeResult {
    enum class Outcome {
        Unresolved,     ///< a reference did not resolve; detail says which and why
        NothingToReach, ///< the local store: no system behind it
        BadUrl,         ///< the base URL is not an http(s) address; where: the URL
        Answered,       ///< the HTTP system answered; where: its host, httpStatus
        NoAnswer,       ///< it did not; where: the URL, detail: the network error
        LoggedIn,       ///< MySQL took the login; detail: its version, where: the database
        LoginFailed,    ///< MySQL refused or was not reached; detail: why
    };
    Outcome outcome = Outcome::Unresolved;
    QString detail;
    QString where;
    int httpStatus = 0;
    qint64 elapsedMs = 0;

    bool ok() const
    {
        return outcome == Outcome::NothingToReach || outcome == Outcome::Answered ||
               outcome == Outcome::LoggedIn;
    }
};

/// "Test connection": checks that a connection's references resolve (environment variables
/// set, keychain entries readable) and that the system answers — for HTTP systems a GET of
/// the base URL (any HTTP answer counts: the open APIs have no side-effect-free "who am I"
/// call in common; the account is checked by a run or a preview), for MySQL a login on a
/// session opened like every MySQL session of Weft (openMySql) and SELECT VERSION().
///
/// Asynchronous: resolving (which may read the keychain) and the MySQL login run on a pool
/// thread, the HTTP request on the calling thread's event loop; `finished` comes on the
/// calling thread. Nothing blocks it.
class ConnectionProbe final : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionProbe(QObject *parent = nullptr);
    ~ConnectionProbe() override;

    /// Starts a probe; one still under way is cancelled. `environment` resolves the
    /// connection's variables (the designer passes the project's active environment).
    void start(const Connection &connection, EnvLookup environment = processEnvironment());
    /// Forgets the probe under way: no `finished` for it.
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void finished(const weft::ProbeResult &result);

private:
    void knock(const Connection &connection, const QString &baseUrl);
    void finish(const ProbeResult &result);

    QNetworkAccessManager *m_network;
    QNetworkReply *m_reply = nullptr;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace weft
