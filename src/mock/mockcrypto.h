#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

/// The signing primitives of the four systems, written for the mock alone.
///
/// Nothing here is shared with weft_core, so a signing bug in the connectors cannot hide
/// behind the same bug in the mock; both are held to the systems' public test vectors
/// (docs/mock.md, "Public test vectors"; tests/mock/tst_mocksigning.cpp).
namespace weft::mock::crypto {

QByteArray md5Hex(const QByteArray &data);
QByteArray sha256Hex(const QByteArray &data);
QByteArray hmacSha256Hex(const QByteArray &key, const QByteArray &message);
/// base64(hex(HMAC-SHA256(key, message))): JDY's X-Api-Signature and app_signature.
QByteArray hmacHexBase64(const QByteArray &key, const QByteArray &message);

/// Jushuitan: lowercase hex MD5 of secret + k1v1k2v2… over the fields sorted by key, without
/// `sign` and without empty values.
QByteArray jushuitanSign(const QByteArray &secret, const QList<QPair<QString, QString>> &fields);

/// RFC 3986 percent-encoding (unreserved "-_.~" kept, hex upper case), like
/// encodeURIComponent: JDY encodes the path once and query keys and values twice.
QByteArray jdyEncode(const QString &text);

/// JDY's string to sign: METHOD\n enc(path)\n sorted double-encoded query\n
/// x-api-nonce:N\n x-api-timestamp:T\n.
QByteArray jdyStringToSign(const QByteArray &method, const QString &path,
                           const QList<QPair<QString, QString>> &query, const QByteArray &nonce,
                           const QByteArray &timestamp);

/// K3Cloud LoginBySign: sha256 hex of the five values sorted and concatenated.
QByteArray k3LoginSign(const QStringList &values);

/// Constant-time comparison of two signatures.
bool sameSignature(const QByteArray &a, const QByteArray &b);

} // namespace weft::mock::crypto
