#include "widgets/connections/connectiontester.h"

#include "core/connectors/resolvedconnection.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtConcurrent>

namespace weft {

namespace {

struct Outcome {
    bool ok = false;
    QString message;
    QString baseUrl; ///< HTTP: where to knock next (resolution succeeded)
    bool needsHttp = false;
};

// Runs on a pool thread: resolving may read the keychain, a MySQL login may take seconds.
Outcome resolveAndProbe(const Connection &connection)
{
    Outcome out;
    QString error;
    const std::optional<ResolvedConnection> resolved = resolveConnection(connection, &error);
    if (!resolved) {
        out.message = error;
        return out;
    }
    if (connection.type == ConnectorType::LocalStore) {
        out.ok = true;
        out.message = ConnectionTester::tr("The local store needs no connection.");
        return out;
    }
    if (connection.type != ConnectorType::MySql) {
        out.needsHttp = true;
        out.baseUrl = resolved->baseUrl;
        return out;
    }
    const QString name = QStringLiteral("weft-test-") + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), name);
        db.setHostName(resolved->value(QStringLiteral("host"), QStringLiteral("127.0.0.1")));
        db.setPort(resolved->value(QStringLiteral("port"), QStringLiteral("3306")).toInt());
        db.setUserName(resolved->value(QStringLiteral("user")));
        db.setPassword(resolved->value(QStringLiteral("password")));
        db.setDatabaseName(resolved->value(QStringLiteral("database")));
        db.setConnectOptions(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=8"));
        QElapsedTimer timer;
        timer.start();
        if (!db.open()) {
            out.message =
                ConnectionTester::tr("Could not log in to MySQL: %1").arg(db.lastError().text());
        } else {
            QSqlQuery q(db);
            const QString version = q.exec(QStringLiteral("SELECT VERSION()")) && q.next()
                                        ? q.value(0).toString()
                                        : QString();
            out.ok = true;
            out.message = ConnectionTester::tr("Connected to MySQL %1 (database %2) in %3 ms.")
                              .arg(version, db.databaseName())
                              .arg(timer.elapsed());
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

} // namespace

ConnectionTester::ConnectionTester(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{}

ConnectionTester::~ConnectionTester()
{
    cancel();
}

void ConnectionTester::start(const Connection &connection)
{
    cancel();
    m_running = true;
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this,
            [this, watcher, generation, connection] {
                watcher->deleteLater();
                if (generation != m_generation)
                    return;
                const Outcome o = watcher->result();
                if (o.needsHttp)
                    resolved(connection, o.baseUrl, QString());
                else
                    finish(o.ok, o.message);
            });
    watcher->setFuture(QtConcurrent::run([connection] { return resolveAndProbe(connection); }));
}

void ConnectionTester::resolved(const Connection &connection, const QString &baseUrl,
                                const QString &)
{
    const QUrl url(baseUrl);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        finish(false, tr("The base URL “%1” is not a valid http(s) address.").arg(baseUrl));
        return;
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(std::max(1000, std::min(connection.timeoutMs, 15000)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    m_reply = m_network->get(request);
    if (!connection.verifyTls)
        m_reply->ignoreSslErrors();
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply, timer, url] {
        reply->deleteLater();
        if (reply != m_reply)
            return;
        m_reply = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status > 0) {
            // Any HTTP answer means the system is there; the account is checked by a run or
            // a preview (the open APIs have no side-effect-free "who am I" call in common).
            finish(true, tr("%1 answered (HTTP %2) in %3 ms; the account settings resolve.")
                             .arg(url.host())
                             .arg(status)
                             .arg(timer->elapsed()));
            return;
        }
        finish(false, tr("%1 did not answer: %2").arg(url.toString(), reply->errorString()));
    });
}

void ConnectionTester::cancel()
{
    ++m_generation;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort();
    }
    m_running = false;
}

void ConnectionTester::finish(bool ok, const QString &message)
{
    m_running = false;
    Q_EMIT finished(ok, message);
}

} // namespace weft
