#include "core/connectors/httpclient.h"

#include "core/log/logging.h"

#include <QElapsedTimer>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
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
    , m_parsePool(std::make_unique<QThreadPool>())
{
    m_parsePool->setMaxThreadCount(1); // answers are parsed in the order they came
    m_parsePool->setObjectName(QStringLiteral("weft-http-parse"));
    if (network && !m_connection.config.verifyTls) {
        // Its own manager, a child living on this thread: the TLS connections (and cookies)
        // of this unverified connection stay here; the shared manager never sees them.
        auto *own = new QNetworkAccessManager(this);
        own->setProxy(network->proxy());
        m_network = own;
    }
}

HttpClient::~HttpClient()
{
    m_parsePool->clear();
    m_parsePool->waitForDone();
    // Replies of the shared manager would outlive this client; their callbacks belong to
    // connectors being destroyed, so they are cut off first, then the transfer stopped.
    const auto replies = std::exchange(m_inFlight, {});
    for (const QPointer<QNetworkReply> &reply : replies) {
        if (!reply)
            continue;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
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
    // The rate limiter is shared by every client of the connection and may start `go` after
    // this client is gone.
    // The ticket: the limiter counts the call as starting "now" until its request has left
    // (QNetworkReply::requestSent), as the manager may queue it behind busy connections.
    std::weak_ptr<RateLimiter> limiter = m_limiter;
    auto go = [this, self = QPointer<HttpClient>(this), request, done = std::move(done),
               limiter](RateLimiter::Ticket ticket) mutable {
        auto left = std::make_shared<bool>(false);
        auto leftAt = std::make_shared<QElapsedTimer>();
        const auto markSent = [limiter, ticket, left, leftAt]() {
            if (std::exchange(*left, true))
                return;
            leftAt->start();
            if (const auto l = limiter.lock())
                l->sent(ticket);
        };
        // The round trip from the request leaving to the answer's headers sizes the
        // limiter's margin for network jitter.
        const auto answered = [limiter, leftAt]() {
            if (!leftAt->isValid())
                return;
            if (const auto l = limiter.lock())
                l->observeRoundTrip(leftAt->elapsed());
            leftAt->invalidate();
        };
        if (!self) {
            markSent();
            return;
        }
        if (m_cancelled || !m_network) {
            markSent();
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
        connect(reply, &QNetworkReply::requestSent, reply, markSent);
        if (!m_connection.config.verifyTls) {
            // The connection's explicit, validated-with-a-warning override.
            connect(reply, &QNetworkReply::sslErrors, reply,
                    [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
        }
        // An answer larger than the limit is abandoned instead of buffered: refused as soon as
        // its Content-Length announces it, else once the bytes buffered pass the limit (a
        // chunked or unannounced stream). readyRead, not downloadProgress: the latter is
        // throttled to a few per second, in which a fast stream brings hundreds of MB.
        const qint64 limit = m_maxResponseBytes;
        auto tooLarge = std::make_shared<bool>(false);
        // The transfer timeout ends a silence; this ends the request, however it trickles
        // (a server sending a byte just inside the timeout would otherwise hold it forever).
        const qint64 deadline = m_connection.config.deadlineMs;
        auto pastDeadline = std::make_shared<bool>(false);
        if (deadline > 0) {
            QTimer::singleShot(std::chrono::milliseconds(deadline), reply,
                               [reply, pastDeadline]() {
                                   if (reply->isRunning()) {
                                       *pastDeadline = true;
                                       reply->abort();
                                   }
                               });
        }
        auto refuseIfTooLarge = [reply, limit, tooLarge](qint64 bytes) {
            if (limit > 0 && bytes > limit && !*tooLarge) {
                *tooLarge = true;
                reply->abort();
            }
        };
        connect(reply, &QNetworkReply::metaDataChanged, reply,
                [reply, refuseIfTooLarge, answered]() {
                    answered();
                    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
                    if (length.isValid())
                        refuseIfTooLarge(length.toLongLong());
                });
        connect(reply, &QNetworkReply::readyRead, reply,
                [reply, refuseIfTooLarge]() { refuseIfTooLarge(reply->bytesAvailable()); });
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, timer, done, limit, tooLarge, deadline, pastDeadline, markSent]() {
                    markSent(); // an answer without requestSent (refused, aborted, cached)
                    m_inFlight.removeAll(reply);
                    HttpResponse r;
                    r.latencyMs = timer->elapsed();
                    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    // Of an answer too large, what arrived is a useless fragment: dropped. An
                    // aborted reply is closed (reading it would only warn).
                    if (*tooLarge)
                        r.exceededLimitBytes = limit;
                    else if (*pastDeadline)
                        r.exceededDeadlineMs = deadline;
                    else if (reply->isOpen())
                        r.body = reply->readAll();
                    for (const auto &h : reply->rawHeaderPairs())
                        r.headers.append({h.first, h.second});
                    r.networkError = reply->error();
                    r.errorString = reply->errorString();
                    r.timedOut = !m_cancelled && !*tooLarge && !*pastDeadline &&
                                 (r.networkError == QNetworkReply::TimeoutError ||
                                  r.networkError == QNetworkReply::OperationCanceledError);
                    reply->deleteLater();
                    done(r);
                });
    };
    if (m_limiter)
        m_limiter->acquireUntilSent(std::move(go));
    else
        go(0);
}

std::optional<ConnectorError> HttpClient::transportError(const HttpResponse &r)
{
    using Kind = ConnectorError::Kind;
    if (r.exceededLimitBytes > 0) {
        // Not retryable: the same request would bring the same flood again.
        return ConnectorError{
            Kind::Config, QStringLiteral("too large"),
            QStringLiteral("the answer exceeded %1 and was not read — ask for fewer records "
                           "per call: set a smaller page size in the source's request (a "
                           "number instead of {PAGINATION_PAGE_SIZE}) or a narrower query")
                .arg(r.exceededLimitBytes >= (1 << 20)
                         ? QStringLiteral("%1 MiB").arg(r.exceededLimitBytes >> 20)
                         : QStringLiteral("%1 bytes").arg(r.exceededLimitBytes))};
    }
    if (r.timedOut)
        return ConnectorError{Kind::Timeout, QStringLiteral("timeout"),
                              QStringLiteral("no answer within the connection's timeout")};
    if (r.exceededDeadlineMs > 0)
        return ConnectorError{Kind::Timeout, QStringLiteral("deadline"),
                              QStringLiteral("the answer did not complete within %1 s (the "
                                             "connection's deadlineMs): the server is sending "
                                             "it too slowly")
                                  .arg(r.exceededDeadlineMs / 1000.0)};
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
                              bodySample(r.body, 300)};
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
        // For a token or login call the body holds the new token: quoted redacted.
        const QString sample = bodySample(r.body, 120);
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

ParseResult HttpClient::parseTape(const HttpResponse &r)
{
    if (auto e = transportError(r))
        return *e;
    auto tape = std::make_shared<JsonTape>();
    if (tape->parse(r.body))
        return std::shared_ptr<const JsonTape>(std::move(tape));
    return parseJson(r);
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
        m_parsePool->start([this, state, endpoint, response] {
            ParseResult result = state->parse(response);
            QMetaObject::invokeMethod(
                this,
                [this, state, endpoint, latency = response.latencyMs,
                 result = std::move(result)]() mutable {
                    handleParsed(state, endpoint, latency, std::move(result));
                },
                Qt::QueuedConnection);
        });
    });
}

void HttpClient::handleParsed(const std::shared_ptr<CallState> &state, const QString &endpoint,
                              qint64 latencyMs, ParseResult result)
{
    if (m_cancelled && !std::holds_alternative<ConnectorError>(result)) {
        // Cancelled while the answer was being parsed: nothing more is handed on.
        state->done(ConnectorError{ConnectorError::Kind::Cancelled, QString(),
                                   QStringLiteral("cancelled")});
        return;
    }
    ApiCallSample sample;
    sample.connection = m_connection.config.name;
    sample.endpoint = endpoint;
    sample.latencyMs = int(latencyMs);
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
}

} // namespace weft
