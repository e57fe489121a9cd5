#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

class QHttpServerRequest;

namespace weft::mock {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// One HTTP request, copied out of Qt's parser so a reply may be produced later.
struct MockRequest
{
    QByteArray method;   // "GET", "POST", …
    QString path;        // decoded path, e.g. "/jushuitan/open/purchasein/query"
    QString subPath;     // path below the system's mount, e.g. "/open/purchasein/query"
    QByteArray rawQuery; // as sent, percent-encoded
    HeaderList headers;
    QByteArray body;

    static MockRequest from(const QHttpServerRequest &request);

    /// Header value by case-insensitive name; empty when absent.
    QByteArray header(QByteArrayView name) const;
    QByteArray cookie(QByteArrayView name) const;
    /// Query parameters, decoded, in the order sent.
    QList<QPair<QString, QString>> queryItems() const;
    QString queryValue(const QString &key) const;
    /// application/x-www-form-urlencoded body, decoded ('+' is a space).
    QMap<QString, QString> formFields() const;
    /// "POST /jushuitan/open/purchasein/query": the key the statistics use.
    QString endpointKey() const;
};

/// Decodes "a=1&b=%E4%B8%AD" pairs; '+' becomes a space only when plusIsSpace is set.
QList<QPair<QString, QString>> decodePairs(const QByteArray &encoded, bool plusIsSpace);

/// One HTTP reply, plus what it means for the statistics.
struct MockReply
{
    enum class Kind {
        Ok,          // the call did what was asked
        ApiError,    // the system refused (signature, token, parameters, validation)
        RateLimited, // refused by a rate limit
    };

    int status = 200;
    QByteArray contentType = "application/json;charset=UTF-8";
    QByteArray body;
    HeaderList headers;
    Kind kind = Kind::Ok;

    static MockReply json(const QJsonObject &object, Kind kind = Kind::Ok, int status = 200);
    static MockReply json(const QJsonArray &array, Kind kind = Kind::Ok, int status = 200);
    static MockReply text(int status, const QByteArray &body,
                          const QByteArray &contentType = "text/plain;charset=UTF-8");
};

/// Compact JSON text of a value (faster than QJsonDocument::toJson for large pages).
QByteArray toJson(const QJsonValue &value);

/// Serialises a reply into raw HTTP/1.1 bytes (status line, headers, blank line, body).
QByteArray httpHead(const MockReply &reply, qint64 contentLength, bool close);
QByteArray reasonPhrase(int status);

} // namespace weft::mock
