#include "core/connectors/jushuitan.h"

#include "core/log/logging.h"
#include "core/util/scalartext.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace weft {

namespace {

constexpr int kMaxPageSize = 50;
constexpr qint64 kMaxWindowSeconds = 7 * 86400;

} // namespace

JushuitanSource::JushuitanSource(const ConnectorContext &context, QObject *parent)
    : SourceConnector(parent)
    , m_context(context)
    , m_http(new HttpClient(context.connection, context.network, context.limiter, context.stats,
                            this))
    , m_tokenRenewal([this](CredentialRenewal::Done done) { refreshToken(std::move(done)); })
{
    m_http->setRetryPolicy(context.retry);
    connect(m_http, &HttpClient::retrying, this, &SourceConnector::retrying);
    m_accessToken = context.connection.value(QStringLiteral("accessToken"));
    m_refreshToken = context.connection.value(QStringLiteral("refreshToken"));
    const RequestField size = context.adapter.metadata.requestField(QStringLiteral("page_size"));
    const int wanted = scalarText(size.value).toInt();
    // The seeds write {PAGINATION_PAGE_SIZE}: the engine then passes the system's maximum.
    m_pageSize = wanted > 0 ? std::min(wanted, kMaxPageSize) : kMaxPageSize;
}

SourceTraits JushuitanSource::traits() const
{
    SourceTraits t;
    t.pageSize = m_pageSize;
    t.firstPage = 1;
    t.maxWindowSeconds = kMaxWindowSeconds;
    t.maxConcurrentPages = 3;
    return t;
}

QByteArray JushuitanSource::sign(const QList<QPair<QString, QString>> &fields,
                                 const QString &secret)
{
    QList<QPair<QString, QString>> sorted = fields;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray text = secret.toUtf8();
    for (const auto &[key, value] : sorted) {
        if (key == QLatin1String("sign") || value.isEmpty())
            continue;
        text += key.toUtf8();
        text += value.toUtf8();
    }
    return QCryptographicHash::hash(text, QCryptographicHash::Md5).toHex();
}

HttpRequest JushuitanSource::buildRequest(const QString &path,
                                          QList<QPair<QString, QString>> fields) const
{
    fields.append({QStringLiteral("app_key"), m_context.connection.value(QStringLiteral("appKey"))});
    fields.append({QStringLiteral("timestamp"), QString::number(QDateTime::currentSecsSinceEpoch())});
    fields.append({QStringLiteral("charset"), QStringLiteral("utf-8")});
    fields.append({QStringLiteral("version"), QStringLiteral("2")});
    const QByteArray signature =
        sign(fields, m_context.connection.value(QStringLiteral("appSecret")));
    fields.append({QStringLiteral("sign"), QString::fromLatin1(signature)});
    // application/x-www-form-urlencoded, every value percent-encoded (UTF-8).
    QByteArray form;
    for (const auto &[k, v] : fields) {
        if (!form.isEmpty())
            form += '&';
        form += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    HttpRequest r;
    r.verb = "POST";
    r.url = QUrl(m_context.connection.baseUrl + path);
    r.headers = {{"Content-Type", "application/x-www-form-urlencoded;charset=utf-8"}};
    r.body = form;
    r.endpoint = path;
    return r;
}

namespace {

/// The envelope of a page: the document, or for a page read as a tape the document it
/// holds with data.datas left empty (an empty array where the page has one, its node in
/// `datasNode`): the records stay on the tape.
QJsonObject pageEnvelope(const ParseResult &page, int *datasNode)
{
    if (datasNode)
        *datasNode = -1;
    if (const auto *doc = std::get_if<QJsonDocument>(&page))
        return doc->object();
    const JsonTape &tape = *std::get<std::shared_ptr<const JsonTape>>(page);
    QJsonObject root;
    // Members in the text's order, inserted one by one: of a repeated key the last counts,
    // as in a QJsonDocument.
    for (const int k : tape.keys(JsonTape::root())) {
        const QString key = tape.string(k);
        if (key != QLatin1String("data") || !tape.isObject(k + 1)) {
            root.insert(key, tape.value(k + 1));
            if (key == QLatin1String("data") && datasNode)
                *datasNode = -1;
            continue;
        }
        QJsonObject data;
        int datas = -1;
        for (const int d : tape.keys(k + 1)) {
            const QString name = tape.string(d);
            const bool records = name == QLatin1String("datas") && tape.isArray(d + 1);
            data.insert(name, records ? QJsonValue(QJsonArray()) : tape.value(d + 1));
            if (name == QLatin1String("datas"))
                datas = records ? d + 1 : -1;
        }
        root.insert(key, data);
        if (datasNode)
            *datasNode = datas;
    }
    return root;
}

/// What is wrong with a page's envelope, if anything.
std::optional<ConnectorError> pageEnvelopeError(const QJsonObject &o)
{
    if (!o.contains(QLatin1String("code")))
        return ConnectorError{ConnectorError::Kind::Malformed, QStringLiteral("envelope"),
                              QStringLiteral("the response has no \"code\"")};
    const int code = o.value(QLatin1String("code")).toInt(-1);
    if (code != 0)
        return JushuitanSource::errorFor(code, o.value(QLatin1String("msg")).toString());
    const QJsonValue data = o.value(QLatin1String("data"));
    if (!data.isObject() || !data.toObject().value(QLatin1String("datas")).isArray()) {
        // "datas" may be null on an empty page; anything else is not what the API
        // promises and must not be taken for "no records".
        if (data.isObject() && data.toObject().value(QLatin1String("datas")).isNull() &&
            data.toObject().value(QLatin1String("data_count")).toInt() == 0)
            return std::nullopt;
        return ConnectorError{ConnectorError::Kind::Malformed, QStringLiteral("envelope"),
                              QStringLiteral("the response has no data.datas array")};
    }
    return std::nullopt;
}

} // namespace

ConnectorError JushuitanSource::errorFor(int code, const QString &message)
{
    using Kind = ConnectorError::Kind;
    const QString c = QString::number(code);
    switch (code) {
    case 10:
        return {Kind::Rejected, c, message + QStringLiteral(" — the signature was refused: check "
                                                            "the connection's appSecret")};
    case 100: return {Kind::Auth, c, message};
    case 110:
        return {Kind::Rejected, c, message + QStringLiteral(" — this machine's IP address is not "
                                                            "on the app's whitelist")};
    case 140:
        return {Kind::Rejected, c, message + QStringLiteral(" — this machine's clock is more than "
                                                            "15 minutes off: fix the system time")};
    case 190: return {Kind::Rejected, c, message + QStringLiteral(" — the app has no permission "
                                                                  "for this API")};
    case 199:
    case 200: return {Kind::Throttled, c, message, code == 200 ? 5000 : 1000};
    default: return {Kind::Rejected, c, message};
    }
}

void JushuitanSource::refreshToken(std::function<void(std::optional<ConnectorError>)> done)
{
    if (m_refreshToken.isEmpty()) {
        done(ConnectorError{ConnectorError::Kind::Auth, QStringLiteral("100"),
                            QStringLiteral("the access token is invalid or expired and the "
                                           "connection has no refreshToken to renew it")});
        return;
    }
    const QString path = QStringLiteral("/openWeb/auth/refreshToken");
    m_http->call(
        [this, path]() {
            return buildRequest(path, {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                       {QStringLiteral("refresh_token"), m_refreshToken},
                                       {QStringLiteral("scope"), QStringLiteral("all")}});
        },
        [](const HttpResponse &r) -> ParseResult {
            ParseResult p = HttpClient::parseJson(r);
            if (auto *doc = std::get_if<QJsonDocument>(&p)) {
                const QJsonObject o = doc->object();
                const int code = o.value(QLatin1String("code")).toInt(-1);
                if (code != 0) {
                    ConnectorError error = errorFor(code, o.value(QLatin1String("msg")).toString());
                    // The refresh call counts against the rate limits like any other: a
                    // throttled refresh is waited out; anything else means the refresh token
                    // is no good.
                    if (error.kind != ConnectorError::Kind::Throttled)
                        error.kind = ConnectorError::Kind::Auth;
                    error.message = QStringLiteral("refreshing the token failed: ") + error.message;
                    return error;
                }
            }
            return p;
        },
        [this, done](ParseResult result) {
            if (auto *e = std::get_if<ConnectorError>(&result)) {
                done(*e);
                return;
            }
            const QJsonObject data =
                std::get<QJsonDocument>(result).object().value(QLatin1String("data")).toObject();
            m_accessToken = data.value(QLatin1String("access_token")).toString();
            const QString refresh = data.value(QLatin1String("refresh_token")).toString();
            if (!refresh.isEmpty())
                m_refreshToken = refresh;
            log::registerSecret(m_accessToken);
            log::registerSecret(m_refreshToken);
            log::info(QStringLiteral("connection '%1': access token renewed")
                          .arg(m_context.connection.config.name));
            done(std::nullopt);
        });
}

void JushuitanSource::fetchPage(const PageRequest &request, std::function<void(PageResult)> done)
{
    // Business parameters go into `biz` as compact JSON; paging is Weft's to control.
    QJsonObject biz = request.params;
    biz.insert(QStringLiteral("page_index"), request.page);
    biz.insert(QStringLiteral("page_size"), m_pageSize);
    const QString path = m_context.adapter.metadata.api();
    const QString bizText = QString::fromUtf8(QJsonDocument(biz).toJson(QJsonDocument::Compact));
    auto sentWith = std::make_shared<QString>(); // the token this page's last attempt used
    m_http->call(
        [this, path, bizText, sentWith]() {
            *sentWith = m_accessToken;
            return buildRequest(path, {{QStringLiteral("access_token"), m_accessToken},
                                       {QStringLiteral("biz"), bizText}});
        },
        [](const HttpResponse &r) -> ParseResult {
            // Read as a tape: a page's records are read field by field later, without
            // building their objects (Page::tape).
            ParseResult p = HttpClient::parseTape(r);
            if (std::holds_alternative<ConnectorError>(p))
                return p;
            if (auto error = pageEnvelopeError(pageEnvelope(p, nullptr)))
                return *error;
            return p;
        },
        [this, done, path](ParseResult result) {
            if (auto *e = std::get_if<ConnectorError>(&result)) {
                done(*e);
                return;
            }
            int datas = -1;
            const QJsonObject data = pageEnvelope(result, &datas).value(QLatin1String("data")).toObject();
            Page page;
            if (auto *tape = std::get_if<std::shared_ptr<const JsonTape>>(&result)) {
                page.tape = *tape;
                if (datas >= 0)
                    page.recordNodes = page.tape->elements(datas);
            } else {
                for (const QJsonValue &v : data.value(QLatin1String("datas")).toArray())
                    page.records.append(v.toObject());
            }
            page.hasMore = data.value(QLatin1String("has_next")).toBool();
            page.pageCount = data.value(QLatin1String("page_count")).toInt(-1);
            page.total = data.value(QLatin1String("data_count")).toInteger(-1);
            if (m_context.stats)
                m_context.stats->addRecords(path, int(page.size()));
            done(page);
        },
        [this, sentWith](auto finished) {
            m_tokenRenewal.ensure(m_accessToken, *sentWith, std::move(finished));
        });
}

void JushuitanSource::cancel()
{
    m_http->cancelAll();
}

} // namespace weft
