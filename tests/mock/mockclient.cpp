#include "mock/mockclient.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMessageAuthenticationCode>
#include <QNetworkCookieJar>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>
#include <cctype>

namespace weft::test {

QByteArray MockClient::Reply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

MockClient::MockClient(const QUrl &base)
    : m_base(base)
{
    m_nam.setCookieJar(new QNetworkCookieJar(&m_nam));
}

QUrl MockClient::url(const QString &path) const
{
    const qsizetype q = path.indexOf(u'?');
    QUrl u = m_base;
    u.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        u.setQuery(path.mid(q + 1), QUrl::StrictMode);
    return u;
}

MockClient::Reply MockClient::run(QNetworkReply *reply)
{
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(m_timeoutMs, &loop, [reply] { reply->abort(); });
    if (!reply->isFinished())
        loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    r.headers = reply->rawHeaderPairs();
    r.elapsedMs = timer.elapsed();
    reply->deleteLater();
    return r;
}

MockClient::Reply MockClient::get(const QString &path,
                                  const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(path));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    return run(m_nam.get(request));
}

MockClient::Reply MockClient::post(const QString &path, const QByteArray &body,
                                   const QByteArray &contentType,
                                   const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    return run(m_nam.post(request, body));
}

MockClient::Reply MockClient::postJson(const QString &path, const QJsonObject &body,
                                       const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
                headers);
}

QByteArray MockClient::jstSign(const QByteArray &secret,
                               const QList<QPair<QString, QString>> &fields)
{
    QList<QPair<QString, QString>> sorted;
    for (const auto &f : fields) {
        if (f.first != QLatin1String("sign") && !f.second.isEmpty())
            sorted.append(f);
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.first.toUtf8() < b.first.toUtf8(); });
    QByteArray text = secret;
    for (const auto &f : sorted)
        text += f.first.toUtf8() + f.second.toUtf8();
    return QCryptographicHash::hash(text, QCryptographicHash::Md5).toHex();
}

MockClient::Reply MockClient::jstArray(const QString &path, const QJsonArray &biz)
{
    return jstText(path, QJsonDocument(biz).toJson(QJsonDocument::Compact), {},
                   QStringLiteral("weft-jst-secret"), 0);
}

MockClient::Reply MockClient::jst(const QString &path, const QJsonObject &biz, const QString &token,
                                  const QString &secret, qint64 timestamp)
{
    return jstText(path, QJsonDocument(biz).toJson(QJsonDocument::Compact), token, secret,
                   timestamp);
}

MockClient::Reply MockClient::jstText(const QString &path, const QByteArray &biz,
                                      const QString &token, const QString &secret, qint64 timestamp)
{
    if (timestamp == 0)
        timestamp = QDateTime::currentSecsSinceEpoch();
    QList<QPair<QString, QString>> fields = {
        {QStringLiteral("app_key"), QStringLiteral("weft-jst-app")},
        {QStringLiteral("access_token"),
         token.isEmpty() ? QStringLiteral("weft-jst-token") : token},
        {QStringLiteral("timestamp"), QString::number(timestamp)},
        {QStringLiteral("charset"), QStringLiteral("utf-8")},
        {QStringLiteral("version"), QStringLiteral("2")},
        {QStringLiteral("biz"), QString::fromUtf8(biz)},
    };
    fields.append({QStringLiteral("sign"), QString::fromLatin1(jstSign(secret.toUtf8(), fields))});
    QUrlQuery form;
    QByteArray body;
    for (const auto &f : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
    }
    return post(QStringLiteral("/jushuitan") + path, body, "application/x-www-form-urlencoded");
}

QByteArray MockClient::percent(const QString &text)
{
    // encodeURIComponent-style: keep A-Z a-z 0-9 - _ . ~, upper-case hex for the rest.
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    for (const char c : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

QByteArray MockClient::jdySignature(const QByteArray &secret, const QByteArray &method,
                                    const QString &path,
                                    const QList<QPair<QString, QString>> &query,
                                    const QByteArray &nonce, const QByteArray &timestamp)
{
    QList<QPair<QString, QString>> sorted = query;
    std::sort(sorted.begin(), sorted.end());
    QByteArray q;
    for (const auto &kv : sorted) {
        if (!q.isEmpty())
            q += '&';
        q += percent(QString::fromLatin1(percent(kv.first))) + '=' +
             percent(QString::fromLatin1(percent(kv.second)));
    }
    const QByteArray text = method + '\n' + percent(path) + '\n' + q + '\n' +
                            "x-api-nonce:" + nonce + '\n' + "x-api-timestamp:" + timestamp + '\n';
    return QMessageAuthenticationCode::hash(text, secret, QCryptographicHash::Sha256)
        .toHex()
        .toBase64();
}

MockClient::Reply MockClient::jdy(const QByteArray &method, const QString &path,
                                  const QList<QPair<QString, QString>> &query,
                                  const QByteArray &body, const QString &appToken,
                                  const QByteArray &clientSecret, qint64 timestamp)
{
    if (timestamp == 0)
        timestamp = QDateTime::currentMSecsSinceEpoch();
    const QByteArray ts = QByteArray::number(timestamp);
    const QByteArray nonce = QByteArray::number(QRandomGenerator::global()->bounded(1000000000));
    QList<QPair<QByteArray, QByteArray>> headers = {
        {"X-Api-ClientID", "weft-jdy-client"},
        {"X-Api-Auth-Version", "2.0"},
        {"X-Api-TimeStamp", ts},
        {"X-Api-Nonce", nonce},
        {"X-Api-SignHeaders", "X-Api-TimeStamp,X-Api-Nonce"},
        {"X-Api-Signature", jdySignature(clientSecret, method, path, query, nonce, ts)},
    };
    if (!appToken.isEmpty())
        headers.append({"app-token", appToken.toUtf8()});
    QByteArray q;
    for (const auto &kv : query) {
        q += q.isEmpty() ? "?" : "&";
        q += percent(kv.first) + '=' + percent(kv.second);
    }
    QNetworkRequest request(
        QUrl(m_base.toString() + QStringLiteral("/jdy") + path + QString::fromLatin1(q)));
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    if (method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        return run(m_nam.post(request, body));
    }
    return run(m_nam.get(request));
}

QString MockClient::jdyAppToken()
{
    const QByteArray signature =
        QMessageAuthenticationCode::hash("weft-jdy-app", "weft-jdy-app-secret",
                                         QCryptographicHash::Sha256)
            .toHex()
            .toBase64();
    const Reply r = jdy("GET", QStringLiteral("/jdyconnector/app_management/kingdee_auth_token"),
                        {{QStringLiteral("app_key"), QStringLiteral("weft-jdy-app")},
                         {QStringLiteral("app_signature"), QString::fromLatin1(signature)}});
    return r.object()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("app-token"))
        .toString();
}

QString MockClient::k3Path(const QString &service)
{
    return QStringLiteral("/k3cloud/K3Cloud/Kingdee.BOS.WebApi.ServicesStub.%1.common.kdsvc")
        .arg(service);
}

bool MockClient::k3Login()
{
    const Reply r = postJson(
        k3Path(QStringLiteral("AuthService.LoginByAppSecret")),
        QJsonObject{
            {QStringLiteral("parameters"),
             QJsonArray{QStringLiteral("weft-acct"), QStringLiteral("administrator"),
                        QStringLiteral("weft-k3-app"), QStringLiteral("weft-k3-secret"), 2052}}});
    return r.object().value(QLatin1String("LoginResultType")).toInt() == 1;
}

MockClient::Reply MockClient::k3(const QString &service, const QJsonObject &body)
{
    return postJson(k3Path(service), body);
}

QString MockClient::ddToken()
{
    const Reply r =
        get(QStringLiteral("/dingtalk/gettoken?appkey=weft-dd-app&appsecret=weft-dd-secret"));
    return r.object().value(QLatin1String("access_token")).toString();
}

} // namespace weft::test
