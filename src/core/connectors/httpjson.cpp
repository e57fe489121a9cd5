#include "core/connectors/httpjson.h"

#include "core/util/jsontape.h"
#include "core/util/scalartext.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <algorithm>

namespace weft {

namespace {

QUrl resolveUrl(const QString &base, const QString &api)
{
    if (api.startsWith(QLatin1String("http://")) || api.startsWith(QLatin1String("https://")))
        return QUrl(api);
    return QUrl(base + (api.startsWith(u'/') || api.isEmpty() ? api : u'/' + api));
}

} // namespace

QList<QPair<QByteArray, QByteArray>> httpJsonHeaders(const ResolvedConnection &c)
{
    QList<QPair<QByteArray, QByteArray>> headers = {{"Accept", "application/json"}};
    const QString auth = c.value(QStringLiteral("auth"), QStringLiteral("none"));
    if (auth == QLatin1String("bearer")) {
        headers.append({"Authorization", "Bearer " + c.value(QStringLiteral("token")).toUtf8()});
    } else if (auth == QLatin1String("basic")) {
        const QByteArray pair = c.value(QStringLiteral("username")).toUtf8() + ':' +
                                c.value(QStringLiteral("password")).toUtf8();
        headers.append({"Authorization", "Basic " + pair.toBase64()});
    } else if (auth == QLatin1String("header")) {
        headers.append({c.value(QStringLiteral("headerName"), QStringLiteral("X-Api-Key")).toUtf8(),
                        c.value(QStringLiteral("token")).toUtf8()});
    }
    const QJsonObject extra = c.config.options.value(QLatin1String("headers")).toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it)
        headers.append({it.key().toUtf8(), scalarText(it.value()).toUtf8()});
    return headers;
}

QJsonValue HttpJsonSource::valueAt(const QJsonValue &root, const QString &path)
{
    QJsonValue v = root;
    if (path.isEmpty())
        return v;
    for (const QString &part : path.split(u'.')) {
        if (v.isObject()) {
            v = v.toObject().value(part);
        } else if (v.isArray()) {
            bool ok = false;
            const int i = part.toInt(&ok);
            v = ok ? v.toArray().at(i) : QJsonValue(QJsonValue::Undefined);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return v;
}

int HttpJsonSource::nodeAt(const JsonTape &tape, const QString &path)
{
    int node = JsonTape::root();
    if (path.isEmpty())
        return node;
    for (const QString &part : path.split(u'.')) {
        if (tape.isObject(node)) {
            node = tape.find(node, part.toUtf8()); // the last of duplicate keys, as QJsonObject
        } else if (tape.isArray(node)) {
            bool ok = false;
            const int i = part.toInt(&ok);
            if (!ok || i < 0 || i >= tape.size(node))
                return -1;
            node = tape.elements(node).at(i);
        } else {
            return -1;
        }
        if (node < 0)
            return -1;
    }
    return node;
}

std::optional<ConnectorError>
HttpJsonSource::refusal(const std::function<QJsonValue(const QString &)> &valueOf) const
{
    // Many APIs answer an error with HTTP 200 and a code in the body; read as a page, such an
    // answer would be an empty one and the cursor would move past the window. The source
    // says how success looks (successPath + successValue) or where an error shows
    // (errorPath); either rule failing fails the page, and the cursor stays.
    const AdapterMetadata &meta = m_context.adapter.metadata;
    const QString successPath = scalarText(meta.setting(QStringLiteral("successPath")));
    const QString errorPath = scalarText(meta.setting(QStringLiteral("errorPath")));
    const auto message = [&]() {
        QStringList paths;
        const QString configured = scalarText(meta.setting(QStringLiteral("messagePath")));
        if (!configured.isEmpty())
            paths << configured;
        paths << QStringLiteral("msg") << QStringLiteral("message") << QStringLiteral("errmsg")
              << QStringLiteral("error_description") << QStringLiteral("error");
        for (const QString &at : paths) {
            const QJsonValue v = valueOf(at);
            if (v.isString() && !v.toString().isEmpty())
                return v.toString();
        }
        return QString();
    };
    if (!successPath.isEmpty()) {
        const QJsonValue got = valueOf(successPath);
        const QJsonValue want = meta.setting(QStringLiteral("successValue"));
        const QJsonArray accepted = want.isArray() ? want.toArray() : QJsonArray{want};
        const bool ok = std::any_of(accepted.begin(), accepted.end(), [&](const QJsonValue &a) {
            return !got.isUndefined() && scalarText(a) == scalarText(got);
        });
        if (!ok) {
            const QString text = message();
            return ConnectorError{
                ConnectorError::Kind::Server,
                QStringLiteral("%1 = %2").arg(successPath,
                                              got.isUndefined() ? QStringLiteral("(missing)")
                                                                : scalarText(got)),
                QStringLiteral("the answer is not a success (%1 is %2, not %3)%4")
                    .arg(successPath,
                         got.isUndefined() ? QStringLiteral("missing") : scalarText(got),
                         QString::fromUtf8(QJsonDocument(accepted).toJson(QJsonDocument::Compact)),
                         text.isEmpty() ? QString() : QStringLiteral(": ") + text)};
        }
    }
    if (!errorPath.isEmpty()) {
        const QJsonValue error = valueOf(errorPath);
        const bool present = !(error.isUndefined() || error.isNull() ||
                               (error.isBool() && !error.toBool()) ||
                               (error.isString() && error.toString().isEmpty()) ||
                               (error.isArray() && error.toArray().isEmpty()) ||
                               (error.isObject() && error.toObject().isEmpty()));
        if (present) {
            const QString text = error.isString() ? error.toString() : message();
            return ConnectorError{
                ConnectorError::Kind::Server, errorPath,
                QStringLiteral("the answer reports an error at %1: %2")
                    .arg(errorPath,
                         text.isEmpty()
                             ? bodySample(error.isObject()
                                              ? QJsonDocument(error.toObject()).toJson(QJsonDocument::Compact)
                                              : QJsonDocument(error.toArray()).toJson(QJsonDocument::Compact),
                                          200)
                             : text)};
        }
    }
    return std::nullopt;
}

HttpJsonSource::HttpJsonSource(const ConnectorContext &context, QObject *parent)
    : SourceConnector(parent)
    , m_context(context)
    , m_http(new HttpClient(context.connection, context.network, context.limiter, context.stats,
                            this))
{
    m_http->setRetryPolicy(context.retry);
    connect(m_http, &HttpClient::retrying, this, &SourceConnector::retrying);
    m_paging = context.adapter.metadata.setting(QStringLiteral("paging")).toObject();
    m_type = m_paging.value(QLatin1String("type")).toString(QStringLiteral("none"));
    m_size = m_paging.value(QLatin1String("size")).toInt(50);
}

SourceTraits HttpJsonSource::traits() const
{
    SourceTraits t;
    t.pageSize = m_size;
    t.firstPage = m_paging.value(QLatin1String("firstPage")).toInt(1);
    return t;
}

void HttpJsonSource::fetchPage(const PageRequest &request, std::function<void(PageResult)> done)
{
    QJsonObject params = request.params;
    const int index = request.page - traits().firstPage; // 0-based page index
    if (m_type == QLatin1String("page")) {
        params.insert(m_paging.value(QLatin1String("pageParam")).toString(QStringLiteral("page")),
                      request.page);
        params.insert(m_paging.value(QLatin1String("sizeParam")).toString(QStringLiteral("page_size")),
                      m_size);
    } else if (m_type == QLatin1String("offset")) {
        params.insert(m_paging.value(QLatin1String("offsetParam")).toString(QStringLiteral("offset")),
                      qint64(index) * m_size);
        params.insert(m_paging.value(QLatin1String("sizeParam")).toString(QStringLiteral("limit")),
                      m_size);
    } else if (m_type == QLatin1String("cursor") && !request.cursor.isEmpty()) {
        params.insert(m_paging.value(QLatin1String("cursorParam")).toString(QStringLiteral("cursor")),
                      request.cursor);
    }
    const QString method = m_context.adapter.metadata.method().isEmpty()
                               ? QStringLiteral("GET")
                               : m_context.adapter.metadata.method();
    const bool nextLink = m_type == QLatin1String("next") && !request.cursor.isEmpty();
    const QString api = m_context.adapter.metadata.api();
    m_http->call(
        [this, params, method, nextLink, cursor = request.cursor, api]() {
            HttpRequest r;
            r.verb = method.toUtf8();
            r.endpoint = api;
            r.headers = httpJsonHeaders(m_context.connection);
            if (nextLink) {
                // The server's own link to the next page, often relative to the API's URL.
                r.url = resolveUrl(m_context.connection.baseUrl, api).resolved(QUrl(cursor));
            } else {
                QUrl url = resolveUrl(m_context.connection.baseUrl, api);
                if (method == QLatin1String("GET")) {
                    QUrlQuery q(url);
                    for (auto it = params.begin(); it != params.end(); ++it)
                        q.addQueryItem(it.key(), scalarText(it.value()));
                    url.setQuery(q);
                } else {
                    r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json;charset=utf-8")));
                    r.body = QJsonDocument(params).toJson(QJsonDocument::Compact);
                }
                r.url = url;
            }
            return r;
        },
        // Read as a tape: the records are read field by field later, their objects never
        // built (Page::tape); a body the tape refuses is read by QJsonDocument.
        HttpClient::parseTape,
        [this, done](ParseResult result) {
            if (auto *e = std::get_if<ConnectorError>(&result)) {
                done(*e);
                return;
            }
            const QString path =
                m_context.adapter.metadata.setting(QStringLiteral("responsePath")).toString();
            std::shared_ptr<const JsonTape> tape;
            if (auto *t = std::get_if<std::shared_ptr<const JsonTape>>(&result))
                tape = *t;
            QJsonValue root;
            if (tape && path.isEmpty() && tape->isObject(JsonTape::root())) {
                // "Its first array" is the first in QJsonObject's key order: read as objects.
                root = tape->value(JsonTape::root());
                tape.reset();
            } else if (!tape) {
                const QJsonDocument doc = std::get<QJsonDocument>(result);
                root = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
            }
            const auto valueOf = [&](const QString &at) {
                if (!tape)
                    return valueAt(root, at);
                const int node = nodeAt(*tape, at);
                return node < 0 ? QJsonValue(QJsonValue::Undefined) : tape->value(node);
            };
            const auto noRecords = [&] {
                done(ConnectorError{ConnectorError::Kind::Malformed, QStringLiteral("records"),
                                    QStringLiteral("no record array at \"%1\" in the response")
                                        .arg(path.isEmpty() ? QStringLiteral("(root)") : path)});
            };
            if (auto refused = refusal(valueOf)) {
                done(*refused);
                return;
            }
            Page page;
            if (tape) {
                const int list = nodeAt(*tape, path);
                if (list < 0 || !tape->isArray(list))
                    return noRecords();
                const QList<int> elements = tape->elements(list);
                if (std::all_of(elements.begin(), elements.end(),
                                [&](int e) { return tape->isObject(e); })) {
                    page.tape = tape;
                    page.recordNodes = elements;
                } else {
                    for (const int e : elements) // what QJsonValue::toObject() makes of each
                        page.records.append(tape->value(e).toObject());
                }
            } else {
                QJsonValue list = valueAt(root, path);
                if (path.isEmpty() && root.isObject()) {
                    for (const QJsonValue &v : root.toObject()) {
                        if (v.isArray()) {
                            list = v;
                            break;
                        }
                    }
                }
                if (!list.isArray())
                    return noRecords();
                for (const QJsonValue &v : list.toArray())
                    page.records.append(v.toObject());
            }
            if (m_context.stats)
                m_context.stats->addRecords(m_context.adapter.metadata.api(), int(page.size()));
            if (m_type == QLatin1String("cursor")) {
                page.nextCursor = scalarText(valueOf(m_paging.value(QLatin1String("cursorPath"))
                                                         .toString(QStringLiteral("next_cursor"))));
                page.hasMore = !page.nextCursor.isEmpty() && page.size() > 0;
            } else if (m_type == QLatin1String("next")) {
                page.nextCursor = scalarText(valueOf(
                    m_paging.value(QLatin1String("nextPath")).toString(QStringLiteral("next"))));
                page.hasMore = !page.nextCursor.isEmpty();
            } else if (m_type == QLatin1String("page") || m_type == QLatin1String("offset")) {
                page.hasMore = page.size() >= m_size;
            }
            done(page);
        });
}

HttpJsonTarget::HttpJsonTarget(const ConnectorContext &context, QObject *parent)
    : TargetConnector(parent)
    , m_context(context)
    , m_http(
          new HttpClient(context.connection, context.network, context.limiter, context.stats, this))
{
    m_http->setRetryPolicy(context.retry);
    connect(m_http, &HttpClient::retrying, this, &TargetConnector::retrying);
}

void HttpJsonTarget::writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                                std::function<void(BatchResult)> done)
{
    Q_UNUSED(batchId);
    struct State {
        QList<WriteOutcome> outcomes;
        int pending = 0;
        std::optional<ConnectorError> fatal;
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
    const QString method = m_context.adapter.metadata.method().isEmpty()
                               ? QStringLiteral("POST")
                               : m_context.adapter.metadata.method();
    const QString api = m_context.adapter.metadata.api();
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const TargetRecord &record = batch.at(i);
        const QByteArray body = QJsonDocument(record.payload).toJson(QJsonDocument::Compact);
        // The same record with the same content always carries the same key, in every run:
        // a receiver that remembers keys recognises a record sent again after a lost answer
        // or a crash (at-least-once delivery; docs/project-format.md).
        QCryptographicHash key(QCryptographicHash::Sha256);
        key.addData(m_context.scheme.toUtf8());
        key.addData(QByteArrayView("\x1f"));
        key.addData(record.recordId.toUtf8());
        key.addData(QByteArrayView("\x1f"));
        key.addData(record.contentHash.isEmpty() ? record.wholeContentHash() : record.contentHash);
        const QByteArray idempotencyKey = key.result().toHex().left(40);
        m_http->call(
            [this, method, api, body, idempotencyKey]() {
                HttpRequest r;
                r.verb = method.toUtf8();
                r.url = resolveUrl(m_context.connection.baseUrl, api);
                r.headers = httpJsonHeaders(m_context.connection);
                r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json;charset=utf-8")));
                r.headers.append(qMakePair(QByteArray("Idempotency-Key"), idempotencyKey));
                r.body = body;
                r.endpoint = api;
                return r;
            },
            [](const HttpResponse &r) -> ParseResult {
                if (auto e = HttpClient::transportError(r))
                    return *e;
                return QJsonDocument::fromJson(r.body);
            },
            [state, i](ParseResult result) {
                if (auto *e = std::get_if<ConnectorError>(&result)) {
                    if (e->kind == ConnectorError::Kind::Rejected)
                        state->outcomes[i] = WriteOutcome{false, QString(), *e};
                    else if (!state->fatal)
                        state->fatal = *e;
                } else {
                    const QJsonObject o = std::get<QJsonDocument>(result).object();
                    state->outcomes[i] =
                        WriteOutcome{true, scalarText(o.value(QLatin1String("id"))), {}};
                }
                if (--state->pending == 0) {
                    if (state->fatal)
                        state->done(*state->fatal);
                    else
                        state->done(state->outcomes);
                }
            });
    }
}

} // namespace weft
