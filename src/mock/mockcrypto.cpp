#include "mockcrypto.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QStringList>
#include <algorithm>

namespace weft::mock::crypto {

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray hmacSha256Hex(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toHex();
}

QByteArray hmacHexBase64(const QByteArray &key, const QByteArray &message)
{
    return hmacSha256Hex(key, message).toBase64();
}

QByteArray jushuitanSign(const QByteArray &secret, const QList<QPair<QString, QString>> &fields)
{
    QList<QPair<QByteArray, QByteArray>> sorted;
    for (const auto &f : fields) {
        if (f.first == QLatin1String("sign") || f.second.isEmpty())
            continue;
        sorted.append({f.first.toUtf8(), f.second.toUtf8()});
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray text = secret;
    for (const auto &f : sorted)
        text += f.first + f.second;
    return md5Hex(text);
}

QByteArray jdyEncode(const QString &text)
{
    // toPercentEncoding leaves exactly ALPHA / DIGIT / "-._~" alone and writes upper-case hex.
    return text.toUtf8().toPercentEncoding();
}

QByteArray jdyStringToSign(const QByteArray &method, const QString &path,
                           const QList<QPair<QString, QString>> &query, const QByteArray &nonce,
                           const QByteArray &timestamp)
{
    QList<QPair<QByteArray, QByteArray>> enc;
    for (const auto &kv : query) {
        enc.append({jdyEncode(QString::fromLatin1(jdyEncode(kv.first))),
                    jdyEncode(QString::fromLatin1(jdyEncode(kv.second)))});
    }
    std::sort(enc.begin(), enc.end());
    QByteArray q;
    for (const auto &kv : enc) {
        if (!q.isEmpty())
            q += '&';
        q += kv.first + '=' + kv.second;
    }
    return method.toUpper() + '\n' + jdyEncode(path) + '\n' + q + '\n' + "x-api-nonce:" + nonce +
           '\n' + "x-api-timestamp:" + timestamp + '\n';
}

QByteArray k3LoginSign(const QStringList &values)
{
    QStringList sorted = values;
    std::sort(sorted.begin(), sorted.end());
    return sha256Hex(sorted.join(QString()).toUtf8());
}

bool sameSignature(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= (unsigned char)(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace weft::mock::crypto
