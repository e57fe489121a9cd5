#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

namespace weft::test {

/// A small synchronous HTTP client and the four systems' signing, for the weft-mock tests.
///
/// Written from the systems' published contracts (docs/mock.md) alone and independent of
/// src/mock: if both sides shared a bug, the tests would not see it.
class MockClient final
{
public:
    struct Reply
    {
        int status = 0;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        qint64 elapsedMs = 0;

        QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
        QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
        QByteArray header(const QByteArray &name) const;
    };

    explicit MockClient(const QUrl &base);

    Reply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply post(const QString &path, const QByteArray &body, const QByteArray &contentType,
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply postJson(const QString &path, const QJsonObject &body,
                   const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply getJson(const QString &path) { return get(path); }

    // --- Jushuitan -------------------------------------------------------------------------
    /// Signs and posts a form to /jushuitan<path> with the default credentials.
    Reply jst(const QString &path, const QJsonObject &biz, const QString &token = {},
              const QString &secret = QStringLiteral("weft-jst-secret"), qint64 timestamp = 0);
    /// The same with a biz that is an array (the shipping upload takes one).
    Reply jstArray(const QString &path, const QJsonArray &biz);
    static QByteArray jstSign(const QByteArray &secret,
                              const QList<QPair<QString, QString>> &fields);

    // --- Kingdee JDY -----------------------------------------------------------------------
    static QByteArray percent(const QString &text);
    static QByteArray jdySignature(const QByteArray &secret, const QByteArray &method,
                                   const QString &path, const QList<QPair<QString, QString>> &query,
                                   const QByteArray &nonce, const QByteArray &timestamp);
    /// A signed call to /jdy<path> (path is the real one, e.g. /jdy/v2/bd/customer).
    Reply jdy(const QByteArray &method, const QString &path,
              const QList<QPair<QString, QString>> &query, const QByteArray &body = {},
              const QString &appToken = {},
              const QByteArray &clientSecret = "weft-jdy-client-secret", qint64 timestamp = 0);
    /// Fetches an app-token with the default credentials ("" on failure).
    QString jdyAppToken();

    // --- K3Cloud ---------------------------------------------------------------------------
    static QString k3Path(const QString &service);
    /// LoginByAppSecret with the default credentials; keeps the session cookie.
    bool k3Login();
    Reply k3(const QString &service, const QJsonObject &body);

    // --- DingTalk --------------------------------------------------------------------------
    QString ddToken();

    QNetworkAccessManager &nam() { return m_nam; }
    QUrl url(const QString &path) const;
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    Reply run(QNetworkReply *reply);
    Reply jstText(const QString &path, const QByteArray &biz, const QString &token,
                  const QString &secret, qint64 timestamp);

    QUrl m_base;
    QNetworkAccessManager m_nam;
    int m_timeoutMs = 30000;
};

} // namespace weft::test
