#include "core/connectors/httpclient.h"

#include "core/log/logging.h"

#include <QElapsedTimer>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace weft {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    }
    return {};
}

struct HttpClient::CallState {
    Build build;
    Parse parse;
    std::function<void(ParseResult)> done;
    Reauthenticate reauthenticate;
    int attempts = 0;       ///< attempts that count against the retry policy
    int throttleWaits = 0;  ///< throttled answers waited out (a separate, larger budget)
    bool reauthenticated = false;
};

HttpClient::HttpClient(const ResolvedConnection &connection, QNetworkAccessManager *network,
                       std::shared_ptr<RateLimiter> limiter, ApiStatsCollector *stats,
                       QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_network(network)
    , m_limiter(std::move(limiter))
    , m_stats(stats)
{
}

void HttpClient::cancelAll()
{
    m_cancelled = true;
    const auto replies = std::exchange(m_inFlight, {});
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (reply)
            reply->abort();
    }
}

void HttpClient::send(const HttpRequest &request, std::function<void(HttpResponse)> done)
{
    auto go = [this, request, done = std::move(done)]() mutable {
        if (m_cancelled || !m_network) {
            HttpResponse r;
            r.networkError = QNetworkReply::OperationCanceledError;
            r.errorString = QStringLiteral("cancelled");
            done(r);
            return;
        }
        QNetworkRequest nr(request.url);
        for (const auto &[k, v] : request.headers)
            nr.setRawHeader(k, v);
        nr.setTransferTimeout(m_connection.config.timeoutMs);
        nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                        QNetworkRequest::NoLessSafeRedirectPolicy);
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        QNetworkReply *reply = m_network->sendCustomRequest(nr, request.verb, request.body);
        m_inFlight.append(reply);
        if (!m_connection.config.verifyTls) {
            // The connection's explicit, validated-with-a-warning override.
            connect(reply, &QNetworkReply::sslErrors, reply,
                    [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
        }
        connect(reply, &QNetworkReply::finished, this, [this, reply, timer, done]() {
            m_inFlight.removeAll(reply);
            HttpResponse r;
            r.latencyMs = timer->elapsed();
            r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            r.body = reply->readAll();
            for (const auto &h : reply->rawHeaderPairs())
                r.headers.append({h.first, h.second});
            r.networkError = reply->error();
            r.errorString = reply->errorString();
            r.timedOut = !m_cancelled && (r.networkError == QNetworkReply::TimeoutError ||
                                          r.networkError == QNetworkReply::OperationCanceledError);
            reply->deleteLater();
            done(r);
        });
    };
    if (m_limiter)
        m_limiter->acquire(std::move(go));
    else
        go();
}

std::optional<ConnectorError> HttpClient::transportError(const HttpResponse &r)
{
    using Kind = ConnectorError::Kind;
    if (r.timedOut)
        return ConnectorError{Kind::Timeout, QStringLiteral("timeout"),
                              QStringLiteral("no answer within the connection's timeout")};
    if (r.status >= 500)
        return ConnectorError{Kind::Server, QStringLiteral("HTTP %1").arg(r.status),
                              QStringLiteral("server error")};
    if (r.status == 429) {
        const int after = r.header("Retry-After").toInt();
        return ConnectorError{Kind::Throttled, QStringLiteral("HTTP 429"),
                              QStringLiteral("too many requests"), after * 1000};
    }
    if (r.status == 401 || r.status == 403)
        return ConnectorError{Kind::Auth, QStringLiteral("HTTP %1").arg(r.status),
                              QStringLiteral("not authorised")};
    if (r.status >= 400)
        return ConnectorError{Kind::Rejected, QStringLiteral("HTTP %1").arg(r.status),
                              QString::fromUtf8(r.body.left(300))};
    if (r.networkError == QNetworkReply::NoError || r.status > 0)
        return std::nullopt;
    switch (r.networkError) {
    case QNetworkReply::OperationCanceledError:
        return ConnectorError{Kind::Cancelled, QString(), QStringLiteral("cancelled")};
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::InsecureRedirectError:
        return ConnectorError{Kind::Rejected, QStringLiteral("TLS"),
                              r.errorString + QStringLiteral(" — the server's certificate was "
                                                             "not accepted. Fix the certificate "
                                                             "or, only for a network you "
                                                             "trust, set \"verifyTls\": false "
                                                             "on this connection")};
    case QNetworkReply::HostNotFoundError:
        return ConnectorError{Kind::Network, QStringLiteral("DNS"),
                              r.errorString + QStringLiteral(" — check the connection's base "
                                                             "URL")};
    default:
        return ConnectorError{Kind::Network, QStringLiteral("network"), r.errorString};
    }
}

ParseResult HttpClient::parseJson(const HttpResponse &r)
{
    using Kind = ConnectorError::Kind;
    if (auto e = transportError(r))
        return *e;
    if (r.body.trimmed().isEmpty())
        return ConnectorError{Kind::Malformed, QStringLiteral("empty"),
                              QStringLiteral("the response body is empty")};
    QJsonParseError pe;
    QJsonDocument doc = QJsonDocument::fromJson(r.body, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const bool html = r.body.trimmed().startsWith('<');
        QString sample = QString::fromUtf8(r.body.left(120)).simplified();
        return ConnectorError{
            Kind::Malformed, QStringLiteral("invalid JSON"),
            html ? QStringLiteral("the server answered with an HTML page instead of JSON "
                                  "(often a gateway or per-IP limit): %1")
                       .arg(sample)
                 : QStringLiteral("the response is not valid JSON (%1 at byte %2 of %3): %4")
                       .arg(pe.errorString())
                       .arg(pe.offset)
                       .arg(r.body.size())
                       .arg(sample)};
    }
    return doc;
}

int HttpClient::backoffMs(int attempt, const ConnectorError &error) const
{
    double base;
    if (error.kind == ConnectorError::Kind::Throttled) {
        // A throttle answer means "slow down", not "something broke": wait about a second
        // (or what the system asked for), growing gently.
        base = std::max(error.retryAfterMs, 1000) * std::min(attempt, 10);
    } else {
        base = m_retry.initialDelayMs * std::pow(m_retry.multiplier, attempt - 1);
        base = std::min<double>(base, m_retry.maxDelayMs);
    }
    // ±20 % jitter so many runners do not retry in lockstep.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return int(base * jitter);
}

void HttpClient::call(Build build, Parse parse, std::function<void(ParseResult)> done,
                      Reauthenticate reauthenticate)
{
    auto state = std::make_shared<CallState>();
    state->build = std::move(build);
    state->parse = std::move(parse);
    state->done = std::move(done);
    state->reauthenticate = std::move(reauthenticate);
    attempt(state);
}

void HttpClient::attempt(std::shared_ptr<CallState> state)
{
    if (m_cancelled) {
        state->done(ConnectorError{ConnectorError::Kind::Cancelled, QString(),
                                   QStringLiteral("cancelled")});
        return;
    }
    HttpRequest request;
    try {
        request = state->build();
    } catch (const ConnectorError &e) {
        state->done(e);
        return;
    }
    send(request, [this, state, endpoint = request.endpoint](const HttpResponse &response) {
        ParseResult result = state->parse(response);
        ApiCallSample sample;
        sample.connection = m_connection.config.name;
        sample.endpoint = endpoint;
        sample.latencyMs = int(response.latencyMs);
        sample.at = QDateTime::currentDateTimeUtc();
        if (const auto *error = std::get_if<ConnectorError>(&result)) {
            sample.errorCode = error->code.isEmpty() ? ConnectorError::kindName(error->kind)
                                                     : error->code;
            sample.throttled = error->kind == ConnectorError::Kind::Throttled;
        }
        if (m_stats && !(std::holds_alternative<ConnectorError>(result) &&
                         std::get<ConnectorError>(result).kind ==
                             ConnectorError::Kind::Cancelled))
            m_stats->add(sample);

        const auto *error = std::get_if<ConnectorError>(&result);
        if (!error) {
            state->done(std::move(result));
            return;
        }
        if (error->kind == ConnectorError::Kind::Auth && state->reauthenticate &&
            !state->reauthenticated) {
            state->reauthenticated = true;
            log::info(QStringLiteral("%1 %2: %3; logging in again")
                          .arg(m_connection.config.name, endpoint, error->toString()));
            state->reauthenticate([this, state](std::optional<ConnectorError> loginError) {
                if (loginError)
                    state->done(*loginError);
                else
                    attempt(state);
            });
            return;
        }
        if (!error->isRetryable() || m_cancelled) {
            state->done(std::move(result));
            return;
        }
        const bool throttled = error->kind == ConnectorError::Kind::Throttled;
        const int n = throttled ? ++state->throttleWaits : ++state->attempts;
        const int budget = throttled ? 20 : m_retry.attempts - 1;
        if (n > budget) {
            state->done(std::move(result));
            return;
        }
        const int delay = backoffMs(n, *error);
        if (throttled && m_limiter)
            m_limiter->pause(delay);
        log::warn(QStringLiteral("%1 %2: %3; retry %4 in %5 ms")
                      .arg(m_connection.config.name, endpoint, error->toString())
                      .arg(n)
                      .arg(delay));
        Q_EMIT retrying(endpoint, error->toString(), n, delay);
        QTimer::singleShot(delay, this, [this, state]() { attempt(state); });
    });
}

} // namespace weft
