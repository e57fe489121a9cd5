#pragma once

#include "core/connectors/connectorerror.h"
#include "core/connectors/ratelimiter.h"
#include "core/connectors/resolvedconnection.h"
#include "core/model/scheme.h"
#include "core/state/staterecords.h"
#include "core/util/jsontape.h"

#include <QByteArray>
#include <QThreadPool>
#include <QJsonDocument>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <variant>

class QNetworkAccessManager;

namespace weft {

/// The largest answer HttpClient reads: 128 MiB. Pages are a few MB (a 24 MB page of big text
/// fields reads fine); an answer beyond this is a server that streams without end or a page
/// size far too large, and buffering it would exhaust the machine's memory. A larger answer
/// is refused (as soon as its Content-Length announces it, else when the bytes received pass
/// the limit) with a Config error: retrying would only fetch it again.
inline constexpr qint64 kMaxResponseBytes = qint64(128) << 20;

/// One HTTP request, as a value: connectors build it (fresh signature each attempt).
struct HttpRequest {
    QByteArray verb = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString endpoint; ///< short name for statistics and logs, e.g. "/open/purchasein/query"
};

/// What came back (or did not).
struct HttpResponse {
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;
    /// Set (to the deadline) when the whole request took longer than the connection allows.
    qint64 exceededDeadlineMs = 0;
    /// Set (to the limit) when the answer was abandoned for being larger than the limit.
    qint64 exceededLimitBytes = 0;
    qint64 latencyMs = 0;

    QByteArray header(const QByteArray &name) const;
};

/// Collects one sample per API call; the engine flushes them to the state store.
class ApiStatsCollector
{
public:
    void add(ApiCallSample sample) { m_samples.append(std::move(sample)); }
    /// Counts records against the newest call of `endpoint` (known only once it is parsed).
    void addRecords(const QString &endpoint, int records)
    {
        for (auto it = m_samples.rbegin(); it != m_samples.rend(); ++it) {
            if (it->endpoint == endpoint) {
                it->records += records;
                return;
            }
        }
    }
    QList<ApiCallSample> take() { return std::exchange(m_samples, {}); }
    /// Puts taken samples back (ahead of newer ones) when they could not be stored.
    void giveBack(const QList<ApiCallSample> &samples) { m_samples = samples + m_samples; }

private:
    QList<ApiCallSample> m_samples;
};

/// The outcome a connector's parser gives a response: the useful JSON (as a document, or as
/// a tape for parsers that read one: HttpClient::parseTape), or an error.
using ParseResult =
    std::variant<QJsonDocument, ConnectorError, std::shared_ptr<const JsonTape>>;

/// Sends HTTP requests for one connection: rate limited, with timeouts and TLS settings
/// from the connection, retries with back-off for retryable failures, re-login on
/// authentication errors, and a statistics sample per call. Asynchronous: results arrive on
/// the thread the client lives on (the runner's), never blocking it. Responses are parsed
/// (`Parse`) on a worker thread of the client's own, so a parser must be a pure function of
/// the response: it reads nothing the connector may change meanwhile.
///
/// A connection with `"verifyTls": false` gets a QNetworkAccessManager of its own instead of
/// the shared `network`: a manager keeps TLS connections open for reuse, and one whose
/// certificate this connection accepted must never carry the calls of a connection that
/// verifies (nor share its cookies).
class HttpClient final : public QObject
{
    Q_OBJECT
public:
    HttpClient(const ResolvedConnection &connection, QNetworkAccessManager *network,
               std::shared_ptr<RateLimiter> limiter, ApiStatsCollector *stats,
               QObject *parent = nullptr);
    /// Abandons the requests still in flight without calling their callbacks (their owner is
    /// going away).
    ~HttpClient() override;

    /// Builds the request anew for every attempt, parses each response (on a worker: a page
    /// of JSON is the largest single piece of work of a run's thread), retries what is
    /// retryable per `policy`, calls `reauthenticate` once on an Auth error, and finally
    /// calls `done` with the parsed document or the last error.
    using Build = std::function<HttpRequest()>;
    using Parse = std::function<ParseResult(const HttpResponse &)>;
    using Reauthenticate = std::function<void(std::function<void(std::optional<ConnectorError>)>)>;
    void call(Build build, Parse parse, std::function<void(ParseResult)> done,
              Reauthenticate reauthenticate = {});

    /// One raw exchange: rate limited, timed out, counted; no retries.
    void send(const HttpRequest &request, std::function<void(HttpResponse)> done);

    /// The largest answer read (kMaxResponseBytes unless changed, e.g. by tests).
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    qint64 maxResponseBytes() const { return m_maxResponseBytes; }
    /// The manager requests go through: the shared one, or the client's own (see above).
    QNetworkAccessManager *network() const { return m_network; }

    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    RetryPolicy retryPolicy() const { return m_retry; }
    const ResolvedConnection &connection() const { return m_connection; }
    /// Cancels every request in flight and waiting; their callbacks get Cancelled.
    void cancelAll();
    bool isCancelled() const { return m_cancelled; }

    /// Parses a body as JSON, classifying failures (empty, truncated, HTML error page).
    static ParseResult parseJson(const HttpResponse &response);
    /// Reads a body as a JsonTape; a body the tape does not read goes to parseJson, which
    /// gives the document (JSON beyond strict JSON) or says what is wrong with it.
    static ParseResult parseTape(const HttpResponse &response);
    /// Classifies transport-level failures (network, timeout, HTTP status); nullopt = fine.
    static std::optional<ConnectorError> transportError(const HttpResponse &response);

Q_SIGNALS:
    /// A retry is scheduled: for the log and the run panel.
    void retrying(const QString &endpoint, const QString &reason, int attempt, int delayMs);

private:
    struct CallState;
    void attempt(std::shared_ptr<CallState> state);
    void handleParsed(const std::shared_ptr<CallState> &state, const QString &endpoint,
                      qint64 latencyMs, ParseResult result);
    int backoffMs(int attempt, const ConnectorError &error) const;

    ResolvedConnection m_connection;
    QPointer<QNetworkAccessManager> m_network;
    std::shared_ptr<RateLimiter> m_limiter;
    ApiStatsCollector *m_stats;
    RetryPolicy m_retry;
    qint64 m_maxResponseBytes = kMaxResponseBytes;
    bool m_cancelled = false;
    QList<QPointer<QNetworkReply>> m_inFlight;
    /// Declared last, so destroyed first: waits for parsers still running (they post back
    /// to this object).
    std::unique_ptr<QThreadPool> m_parsePool;
};

} // namespace weft
