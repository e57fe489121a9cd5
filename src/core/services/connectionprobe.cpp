#include "core/services/connectionprobe.h"

#include "core/connectors/mysqlsql.h"
#include "core/connectors/resolvedconnection.h"
#include "core/services/background.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

namespace weft {

namespace {

/// What the pool thread found: a result, or (an HTTP system) the base URL to knock on.
struct FirstStage {
    ProbeResult result;
    std::optional<QString> baseUrl;
};

/// The blocking part, on a pool thread.
FirstStage resolveAndLogIn(const Connection &connection, const EnvLookup &environment)
{
    using Outcome = ProbeResult::Outcome;
    FirstStage stage;
    ProbeResult &out = stage.result;
    const std::optional<ResolvedConnection> resolved =
        resolveConnection(connection, &out.detail, environment);
    if (!resolved)
        return stage;
    if (connection.type == ConnectorType::LocalStore) {
        out.outcome = Outcome::NothingToReach;
        return stage;
    }
    if (connection.type != ConnectorType::MySql) {
        stage.baseUrl = resolved->baseUrl;
        return stage;
    }
    const QString name = QStringLiteral("weft-probe-") + QUuid::createUuid().toString();
    {
        QElapsedTimer timer;
        timer.start();
        QSqlDatabase db;
        out.outcome = Outcome::LoginFailed;
        if (openMySql(*resolved, name, &db, &out.detail)) {
            QSqlQuery q(db);
            out.outcome = Outcome::LoggedIn;
            out.detail = q.exec(QStringLiteral("SELECT VERSION()")) && q.next()
                             ? q.value(0).toString()
                             : QString();
            out.where = db.databaseName();
            out.elapsedMs = timer.elapsed();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return stage;
}

} // namespace

ConnectionProbe::ConnectionProbe(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{}

ConnectionProbe::~ConnectionProbe()
{
    cancel();
}

void ConnectionProbe::start(const Connection &connection, EnvLookup environment)
{
    cancel();
    m_running = true;
    const quint64 generation = ++m_generation;
    runInBackground<FirstStage>(
        this, [connection, environment] { return resolveAndLogIn(connection, environment); },
        [this, generation, connection](const FirstStage &stage) {
            if (generation != m_generation)
                return;
            if (stage.baseUrl)
                knock(connection, *stage.baseUrl);
            else
                finish(stage.result);
        });
}

void ConnectionProbe::knock(const Connection &connection, const QString &baseUrl)
{
    using Outcome = ProbeResult::Outcome;
    const QUrl url(baseUrl);
    if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty()) {
        ProbeResult result;
        result.outcome = Outcome::BadUrl;
        result.where = baseUrl;
        finish(result);
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
        ProbeResult result;
        result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.elapsedMs = timer->elapsed();
        if (result.httpStatus > 0) {
            result.outcome = Outcome::Answered;
            result.where = url.host();
        } else {
            result.outcome = Outcome::NoAnswer;
            result.where = url.toString();
            result.detail = reply->errorString();
        }
        finish(result);
    });
}

void ConnectionProbe::cancel()
{
    ++m_generation;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->abort();
    }
    m_running = false;
}

void ConnectionProbe::finish(const ProbeResult &result)
{
    m_running = false;
    Q_EMIT finished(result);
}

} // namespace weft
