#include "core/connectors/kingdeejdy.h"

#include "core/log/logging.h"
#include "core/util/scalartext.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimer>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <algorithm>

namespace weft {

namespace {

// The gateway's own errors are 1030xxxxxx (client id, signature, timestamp, app-token);
// business errors of the API itself are 2000001xxx (one record's problem) and 2000002000
// (system error, worth retrying). The real gateway's exact numbers are not published; these
// are the ones weft-mock uses (docs/mock.md).
constexpr qint64 kTokenInvalid = 1030002006;
/// "JWT token has expired": what Kingdee's SDK guide shows a business call answered with
/// after the app-token expired (docs/catalog.md, error semantics).
constexpr qint64 kTokenExpired = 1000202001;
constexpr qint64 kDuplicateNumber = 2000001002; ///< a save's number is used by another document
bool isGatewayError(qint64 code)
{
    return code / 1000000 == 1030;
}

QString paramText(const QJsonValue &v)
{
    if (!v.isArray() && !v.isObject())
        return scalarText(v);
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

namespace detail {

JdyClient::JdyClient(const ConnectorContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_http(new HttpClient(context.connection, context.network, context.limiter, context.stats,
                            this))
    , m_tokenRenewal([this](CredentialRenewal::Done done) {
        m_appToken.clear(); // calls sent meanwhile would only be refused with the old one
        fetchAppToken(std::move(done));
    })
{
    m_http->setRetryPolicy(context.retry);
}

QByteArray JdyClient::signature(const QByteArray &secret, const QByteArray &text)
{
    return QMessageAuthenticationCode::hash(text, secret, QCryptographicHash::Sha256)
        .toHex()
        .toBase64();
}

QByteArray JdyClient::urlEncode(const QByteArray &text)
{
    // RFC 3986: unreserved characters (A-Z a-z 0-9 - . _ ~) kept, everything else %XX in upper
    // case, a space as %20 — what Kingdee's Python SDK (urllib quote) produces.
    return QUrl::toPercentEncoding(QString::fromUtf8(text));
}

QByteArray JdyClient::stringToSign(const QByteArray &method, const QString &path,
                                   QList<QPair<QString, QString>> query, const QByteArray &nonce,
                                   const QByteArray &timestamp)
{
    std::sort(query.begin(), query.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray q;
    for (const auto &[k, v] : query) {
        if (!q.isEmpty())
            q += '&';
        q += urlEncode(urlEncode(k.toUtf8())) + '=' + urlEncode(urlEncode(v.toUtf8()));
    }
    return method.toUpper() + '\n' + urlEncode(path.toUtf8()) + '\n' + q + '\n' +
           "x-api-nonce:" + nonce + '\n' + "x-api-timestamp:" + timestamp + '\n';
}

HttpRequest JdyClient::build(const QByteArray &method, const QString &path,
                             const QList<QPair<QString, QString>> &query,
                             const QByteArray &body) const
{
    const QByteArray timestamp = QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const QByteArray nonce = QByteArray::number(QRandomGenerator::global()->generate64() %
                                                9000000000ULL + 1000000000ULL);
    const QByteArray secret = m_context.connection.value(QStringLiteral("clientSecret")).toUtf8();
    HttpRequest r;
    r.verb = method;
    QUrl url(m_context.connection.baseUrl + path);
    // On the wire plain percent-encoding (spaces as %20 decode the same everywhere); only the
    // string to sign uses the SDK's encoding.
    QByteArray rawQuery;
    for (const auto &[k, v] : query) {
        if (!rawQuery.isEmpty())
            rawQuery += '&';
        rawQuery += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    url.setQuery(QString::fromLatin1(rawQuery), QUrl::StrictMode);
    r.url = url;
    r.endpoint = path;
    r.body = body;
    r.headers = {
        {"Content-Type", "application/json;charset=utf-8"},
        {"X-Api-ClientID", m_context.connection.value(QStringLiteral("clientId")).toUtf8()},
        {"X-Api-Auth-Version", "2.0"},
        {"X-Api-TimeStamp", timestamp},
        {"X-Api-Nonce", nonce},
        {"X-Api-SignHeaders", "X-Api-TimeStamp,X-Api-Nonce"},
        {"X-Api-Signature", signature(secret, stringToSign(method, path, query, nonce, timestamp))},
    };
    if (!m_appToken.isEmpty())
        r.headers.append({"app-token", m_appToken.toUtf8()});
    const QString router = m_context.connection.value(QStringLiteral("routerAddr"));
    if (!router.isEmpty())
        r.headers.append({"X-GW-Router-Addr", router.toUtf8()});
    return r;
}

namespace {
ParseResult parseEnvelope(const HttpResponse &response)
{
    ParseResult p = HttpClient::parseJson(response);
    auto *doc = std::get_if<QJsonDocument>(&p);
    if (!doc)
        return p;
    const QJsonObject o = doc->object();
    const qint64 code = o.value(QLatin1String("errcode")).toInteger(-1);
    if (code == 0)
        return p;
    const QString message = o.value(QLatin1String("description")).toString();
    const QString c = QString::number(code);
    if (code == kTokenInvalid || code == kTokenExpired)
        return ConnectorError{ConnectorError::Kind::Auth, c, message};
    if (isGatewayError(code))
        return ConnectorError{ConnectorError::Kind::Config, c,
                              message + QStringLiteral(" — the gateway refused the call: check "
                                                       "clientId, clientSecret and this "
                                                       "machine's clock")};
    if (code == 2000002000)
        return ConnectorError{ConnectorError::Kind::Server, c, message};
    if (!o.contains(QLatin1String("errcode")))
        return ConnectorError{ConnectorError::Kind::Malformed, QStringLiteral("envelope"),
                              QStringLiteral("the response has no \"errcode\"")};
    return ConnectorError{ConnectorError::Kind::Rejected, c, message};
}
} // namespace

void JdyClient::fetchAppToken(std::function<void(std::optional<ConnectorError>)> done)
{
    const QString appKey = m_context.connection.value(QStringLiteral("appKey"));
    const QByteArray appSignature = signature(
        m_context.connection.value(QStringLiteral("appSecret")).toUtf8(), appKey.toUtf8());
    const QString path = QStringLiteral("/jdyconnector/app_management/kingdee_auth_token");
    const QList<QPair<QString, QString>> query = {
        {QStringLiteral("app_key"), appKey},
        {QStringLiteral("app_signature"), QString::fromLatin1(appSignature)}};
    m_http->call([this, path, query]() { return build("GET", path, query, {}); }, parseEnvelope,
                 [this, done](ParseResult result) {
                     if (auto *e = std::get_if<ConnectorError>(&result)) {
                         ConnectorError error = *e;
                         error.message = QStringLiteral("getting the app-token failed: %1 — "
                                                        "check appKey and appSecret")
                                             .arg(error.message);
                         if (error.kind == ConnectorError::Kind::Rejected)
                             error.kind = ConnectorError::Kind::Auth;
                         done(error);
                         return;
                     }
                     const QJsonObject data = std::get<QJsonDocument>(result)
                                                  .object()
                                                  .value(QLatin1String("data"))
                                                  .toObject();
                     m_appToken = data.value(QLatin1String("app-token")).toString();
                     log::registerSecret(m_appToken);
                     done(std::nullopt);
                 });
}

void JdyClient::call(const QByteArray &method, const QString &path,
                     const QList<QPair<QString, QString>> &query, const QByteArray &body,
                     std::function<void(std::variant<QJsonValue, ConnectorError>)> done)
{
    // The token each attempt was sent with: when JDY refuses it, only a token other than
    // that one helps (another call may have fetched it already).
    auto sentWith = std::make_shared<QString>();
    auto send = [this, method, path, query, body, done, sentWith]() {
        m_http->call(
            [this, method, path, query, body, sentWith]() {
                *sentWith = m_appToken;
                return build(method, path, query, body);
            },
            parseEnvelope,
            [done](ParseResult result) {
                if (auto *e = std::get_if<ConnectorError>(&result))
                    done(*e);
                else
                    done(std::get<QJsonDocument>(result).object().value(QLatin1String("data")));
            },
            [this, sentWith](auto finished) {
                m_tokenRenewal.ensure(m_appToken, *sentWith, std::move(finished));
            });
    };
    m_tokenRenewal.ensure(m_appToken, QString(), [send, done](std::optional<ConnectorError> e) {
        if (e)
            done(*e);
        else
            send();
    });
}

} // namespace detail

JdySource::JdySource(const ConnectorContext &context, QObject *parent)
    : SourceConnector(parent)
    , m_context(context)
    , m_client(new detail::JdyClient(context, this))
{
    connect(m_client->http(), &HttpClient::retrying, this, &SourceConnector::retrying);
    const int wanted =
        paramText(context.adapter.metadata.requestField(QStringLiteral("page_size")).value).toInt();
    m_pageSize = wanted > 0 ? std::min(wanted, 100) : 50;
}

SourceTraits JdySource::traits() const
{
    SourceTraits t;
    t.pageSize = m_pageSize;
    t.firstPage = 1;
    t.maxConcurrentPages = 2;
    return t;
}

void JdySource::fetchPage(const PageRequest &request, std::function<void(PageResult)> done)
{
    QList<QPair<QString, QString>> query;
    for (auto it = request.params.begin(); it != request.params.end(); ++it) {
        if (it.key() == QLatin1String("page") || it.key() == QLatin1String("page_size"))
            continue;
        const QString value = paramText(it.value());
        if (!value.isEmpty())
            query.append({it.key(), value});
    }
    query.append({QStringLiteral("page"), QString::number(request.page)});
    query.append({QStringLiteral("page_size"), QString::number(m_pageSize)});
    m_client->call("GET", m_context.adapter.metadata.api(), query, {},
                   [this, done, page = request.page](std::variant<QJsonValue, ConnectorError> result) {
                       if (auto *e = std::get_if<ConnectorError>(&result)) {
                           done(*e);
                           return;
                       }
                       const QJsonObject data = std::get<QJsonValue>(result).toObject();
                       if (!data.value(QLatin1String("rows")).isArray()) {
                           done(ConnectorError{ConnectorError::Kind::Malformed,
                                               QStringLiteral("envelope"),
                                               QStringLiteral("the response has no data.rows "
                                                              "array")});
                           return;
                       }
                       Page p;
                       for (const QJsonValue &v : data.value(QLatin1String("rows")).toArray())
                           p.records.append(v.toObject());
                       p.pageCount = data.value(QLatin1String("total_page")).toInt(-1);
                       p.total = data.value(QLatin1String("count")).toInteger(-1);
                       p.hasMore = p.pageCount >= 0 ? page < p.pageCount : !p.records.isEmpty();
                       if (m_context.stats)
                           m_context.stats->addRecords(m_context.adapter.metadata.api(),
                                                       int(p.records.size()));
                       done(p);
                   });
}

JdyTarget::JdyTarget(const ConnectorContext &context, QObject *parent)
    : TargetConnector(parent)
    , m_context(context)
    , m_client(new detail::JdyClient(context, this))
{
    connect(m_client->http(), &HttpClient::retrying, this, &TargetConnector::retrying);
}

void JdyTarget::writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                           std::function<void(BatchResult)> done)
{
    Q_UNUSED(batchId);
    // One call per record (the save API takes one document). Every record gets its own
    // outcome — also when its call failed after retries — so the stores JDY did save are
    // counted as written even when others of the batch could not be sent.
    struct State {
        QList<WriteOutcome> outcomes;
        int pending = 0;
        std::function<void(BatchResult)> done;
    };
    auto state = std::make_shared<State>();
    state->outcomes.resize(batch.size());
    state->pending = int(batch.size());
    state->done = std::move(done);
    if (batch.isEmpty()) {
        state->done(state->outcomes);
        return;
    }
    const bool exactlyOnce = deliveryOf(m_context.adapter.metadata) == Delivery::ExactlyOnce;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        QJsonObject payload = batch.at(i).payload;
        if (!batch.at(i).previousTargetRef.isEmpty() && !payload.contains(QLatin1String("id")))
            payload.insert(QStringLiteral("id"), batch.at(i).previousTargetRef);
        auto settle = [state, i](WriteOutcome outcome) {
            state->outcomes[i] = std::move(outcome);
            if (--state->pending == 0)
                state->done(state->outcomes);
        };
        if (exactlyOnce && !payload.contains(QLatin1String("id")) &&
            identityOf(batch.at(i)).isEmpty()) {
            // Without its number JDY could not be asked later whether it saved this record (a
            // lost answer, a crash), and a second save would create it twice.
            QTimer::singleShot(0, this, [settle]() {
                settle(WriteOutcome{
                    false, QString(),
                    ConnectorError{ConnectorError::Kind::Rejected, QStringLiteral("exactly-once"),
                                   QStringLiteral("\"number\" is empty for this record, so Weft "
                                                  "could not check after a lost answer whether "
                                                  "JDY saved it; not sent. Give it a number (the "
                                                  "mapping of \"number\"), or declare "
                                                  "\"delivery\": \"at-least-once\"")},
                    {}});
            });
            continue;
        }
        saveOne(payload, settle);
    }
}

QString JdyTarget::identityOf(const TargetRecord &record) const
{
    return paramText(record.payload.value(QLatin1String("number"))).trimmed();
}

void JdyTarget::saveOne(const QJsonObject &payload, std::function<void(WriteOutcome)> done)
{
    const QByteArray body = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    m_client->call("POST", m_context.adapter.metadata.api(), {}, body,
                   [this, payload, done](std::variant<QJsonValue, ConnectorError> result) {
                       if (auto *e = std::get_if<ConnectorError>(&result)) {
                           // A refused create may be this record's own earlier save (its
                           // answer lost). The duplicate-number code JDY answers with is not
                           // published (docs/catalog.md), so any refusal of a new record with a
                           // number is checked by looking the number up, not only that code.
                           if ((e->code == QString::number(kDuplicateNumber) ||
                                e->kind == ConnectorError::Kind::Rejected) &&
                               !payload.contains(QLatin1String("id"))) {
                               findSaved(payload, *e, done);
                               return;
                           }
                           done(WriteOutcome{false, QString(), *e, {}});
                           return;
                       }
                       const QJsonObject data = std::get<QJsonValue>(result).toObject();
                       const QJsonArray ids = data.value(QLatin1String("ids")).toArray();
                       done(WriteOutcome{true, ids.isEmpty() ? QString() : paramText(ids.first()),
                                         {}, {}});
                   });
}

void JdyTarget::findNumber(const QString &number,
                           std::function<void(std::variant<QJsonObject, ConnectorError>)> done)
{
    const QList<QPair<QString, QString>> query = {{QStringLiteral("search"), number},
                                                  {QStringLiteral("page"), QStringLiteral("1")},
                                                  {QStringLiteral("page_size"),
                                                   QStringLiteral("100")}};
    m_client->call("GET", m_context.adapter.metadata.api(), query, {},
                   [number, done](std::variant<QJsonValue, ConnectorError> result) {
                       if (auto *e = std::get_if<ConnectorError>(&result)) {
                           done(*e);
                           return;
                       }
                       const QJsonArray rows = std::get<QJsonValue>(result)
                                                   .toObject()
                                                   .value(QLatin1String("rows"))
                                                   .toArray();
                       for (const QJsonValue &v : rows) {
                           const QJsonObject row = v.toObject();
                           if (paramText(row.value(QLatin1String("number"))).trimmed() == number) {
                               done(row);
                               return;
                           }
                       }
                       done(QJsonObject()); // no document has the number
                   });
}

void JdyTarget::findSaved(const QJsonObject &payload, const ConnectorError &duplicate,
                          std::function<void(WriteOutcome)> done)
{
    // "Number already exists" for a document Weft is creating has two causes: another
    // document holds the number (a real conflict, the record fails), or this very document
    // was saved by an earlier attempt whose answer was lost (a save retried after a damaged
    // answer). The list API finds the document with the number; when it holds what this
    // record would write, the earlier save counts (no second document, no false failure).
    const QString number = paramText(payload.value(QLatin1String("number"))).trimmed();
    if (number.isEmpty()) {
        done(WriteOutcome{false, QString(), duplicate, {}});
        return;
    }
    findNumber(number, [this, payload, number, duplicate,
                        done](std::variant<QJsonObject, ConnectorError> result) {
        if (auto *e = std::get_if<ConnectorError>(&result)) {
            ConnectorError error = duplicate;
            error.message += QStringLiteral(" (checking whether it is this record's own "
                                            "earlier save failed: %1)")
                                 .arg(e->toString());
            done(WriteOutcome{false, QString(), error, {}});
            return;
        }
        const QJsonObject row = std::get<QJsonObject>(result);
        if (row.isEmpty() || !holdsPayload(row, payload)) {
            done(WriteOutcome{false, QString(), duplicate, {}});
            return;
        }
        const QString id = paramText(row.value(QLatin1String("id")));
        log::info(QStringLiteral("%1: %2 was saved by an earlier attempt whose answer "
                                 "was lost (JDY id %3); not saved again")
                      .arg(m_context.connection.config.name, number, id));
        done(WriteOutcome{true, id, {}, {}});
    });
}

void JdyTarget::resolveInFlight(const InFlightBatch &batch,
                                std::function<void(InFlightResult)> done)
{
    // A batch that was out when the process died: each new record is looked up by its number
    // (one call each, like the saves). Found means JDY saved it — then the next save of a
    // changed record updates that document instead of colliding with its number. Updates of
    // known documents may simply be sent again.
    struct State {
        QList<std::optional<QString>> out;
        int pending = 0;
        std::optional<ConnectorError> error;
        std::function<void(InFlightResult)> done;
    };
    auto state = std::make_shared<State>();
    state->out.resize(batch.records.size());
    state->done = std::move(done);
    QList<qsizetype> lookups;
    for (qsizetype i = 0; i < batch.records.size(); ++i) {
        const InFlightRecord &r = batch.records.at(i);
        if (r.previousTargetRef.isEmpty() && !r.identity.isEmpty())
            lookups << i;
    }
    state->pending = int(lookups.size());
    if (lookups.isEmpty()) {
        state->done(state->out);
        return;
    }
    for (const qsizetype i : lookups) {
        findNumber(batch.records.at(i).identity,
                   [state, i](std::variant<QJsonObject, ConnectorError> result) {
                       if (auto *e = std::get_if<ConnectorError>(&result)) {
                           if (!state->error)
                               state->error = *e;
                       } else if (const QJsonObject row = std::get<QJsonObject>(result);
                                  !row.isEmpty()) {
                           state->out[i] = paramText(row.value(QLatin1String("id")));
                       }
                       if (--state->pending == 0) {
                           if (state->error)
                               state->done(*state->error);
                           else
                               state->done(state->out);
                       }
                   });
    }
}

bool JdyTarget::holdsPayload(const QJsonObject &document, const QJsonObject &payload)
{
    // Fields JDY returns are compared as text; fields it does not return cannot differ.
    for (auto it = payload.begin(); it != payload.end(); ++it) {
        if (it.key() == QLatin1String("id") || !document.contains(it.key()))
            continue;
        if (paramText(document.value(it.key())).trimmed() != paramText(it.value()).trimmed())
            return false;
    }
    return true;
}

} // namespace weft
