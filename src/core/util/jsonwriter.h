#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <functional>

namespace weft {

/// Orders the keys of one JSON object: lower rank first, equal ranks alphabetically.
/// `parentPointer` is the JSON pointer of the object whose keys are being ordered.
using JsonKeyRank = std::function<int(const QString &parentPointer, const QString &key)>;

/// Writes JSON with a 2-space indent and a caller-defined, stable key order.
///
/// QJsonDocument always sorts keys alphabetically and indents by 4; project files are meant to
/// be read and diffed by people, so they keep a schema order ("name" before "request") instead.
/// Numbers that are whole print without a fraction; strings keep their UTF-8 text unescaped.
QByteArray writeJson(const QJsonValue &value, const JsonKeyRank &rank = {});

/// Escapes one JSON pointer token ("~" → "~0", "/" → "~1").
QString jsonPointerToken(const QString &key);

} // namespace weft
