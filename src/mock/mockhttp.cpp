#include "mockhttp.h"

#include "jsonsink.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QLocale>
#include <QUrl>
#include <cmath>

namespace weft::mock {

MockRequest MockRequest::from(const QHttpServerRequest &request)
{
    MockRequest r;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        r.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        r.method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        r.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        r.method = "DELETE";
        break;
    case QHttpServerRequest::Method::Head:
        r.method = "HEAD";
        break;
    case QHttpServerRequest::Method::Options:
        r.method = "OPTIONS";
        break;
    case QHttpServerRequest::Method::Patch:
        r.method = "PATCH";
        break;
    default:
        r.method = "OTHER";
        break;
    }
    const QUrl url = request.url();
    r.path = url.path(QUrl::FullyDecoded);
    r.rawQuery = url.query(QUrl::FullyEncoded).toUtf8();
    r.headers = request.headers();
    r.body = request.body();
    return r;
}

QByteArray MockRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (name.compare(h.first, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray MockRequest::cookie(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView("cookie").compare(h.first, Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &part : h.second.split(';')) {
            const QByteArray p = part.trimmed();
            const qsizetype eq = p.indexOf('=');
            if (eq > 0 && name.compare(p.left(eq), Qt::CaseInsensitive) == 0)
                return p.mid(eq + 1);
        }
    }
    return {};
}

QList<QPair<QString, QString>> decodePairs(const QByteArray &encoded, bool plusIsSpace)
{
    QList<QPair<QString, QString>> out;
    for (const QByteArray &part : encoded.split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        QByteArray k = eq < 0 ? part : part.left(eq);
        QByteArray v = eq < 0 ? QByteArray() : part.mid(eq + 1);
        if (plusIsSpace) {
            k.replace('+', ' ');
            v.replace('+', ' ');
        }
        out.append({QString::fromUtf8(QByteArray::fromPercentEncoding(k)),
                    QString::fromUtf8(QByteArray::fromPercentEncoding(v))});
    }
    return out;
}

QList<QPair<QString, QString>> MockRequest::queryItems() const
{
    return decodePairs(rawQuery, false);
}

QString MockRequest::queryValue(const QString &key) const
{
    for (const auto &kv : queryItems()) {
        if (kv.first == key)
            return kv.second;
    }
    return {};
}

QMap<QString, QString> MockRequest::formFields() const
{
    QMap<QString, QString> out;
    for (const auto &kv : decodePairs(body, true))
        out.insert(kv.first, kv.second);
    return out;
}

QString MockRequest::endpointKey() const
{
    return QString::fromLatin1(method) + u' ' + path;
}

namespace {

} // namespace

namespace {

void writeValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        appendJsonNumber(out, value.toDouble());
        break;
    case QJsonValue::String:
        appendJsonString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        bool first = true;
        for (const QJsonValue &v : value.toArray()) {
            if (!first)
                out += ',';
            first = false;
            writeValue(out, v);
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        out += '{';
        const QJsonObject o = value.toObject();
        bool first = true;
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!first)
                out += ',';
            first = false;
            appendJsonString(out, it.key());
            out += ':';
            writeValue(out, it.value());
        }
        out += '}';
        break;
    }
    }
}

} // namespace

QByteArray toJson(const QJsonValue &value)
{
    QByteArray out;
    out.reserve(4096);
    writeValue(out, value);
    return out;
}

MockReply MockReply::json(const QJsonObject &object, Kind kind, int status)
{
    MockReply r;
    r.body = toJson(object);
    r.kind = kind;
    r.status = status;
    return r;
}

MockReply MockReply::json(const QJsonArray &array, Kind kind, int status)
{
    MockReply r;
    r.body = toJson(array);
    r.kind = kind;
    r.status = status;
    return r;
}

MockReply MockReply::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    MockReply r;
    r.status = status;
    r.body = body;
    r.contentType = contentType;
    r.kind = Kind::ApiError;
    return r;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray httpHead(const MockReply &reply, qint64 contentLength, bool close)
{
    QByteArray head;
    head.reserve(256);
    head += "HTTP/1.1 ";
    head += QByteArray::number(reply.status);
    head += ' ';
    head += reasonPhrase(reply.status);
    head += "\r\nContent-Type: ";
    head += reply.contentType;
    head += "\r\nContent-Length: ";
    head += QByteArray::number(contentLength);
    head += "\r\n";
    for (const auto &h : reply.headers) {
        head += h.first;
        head += ": ";
        head += h.second;
        head += "\r\n";
    }
    if (close)
        head += "Connection: close\r\n";
    head += "\r\n";
    return head;
}

} // namespace weft::mock
