#pragma once

#include "core/model/diagnostic.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace weft::detail {

/// "a string", "an array", … — how a problem names the JSON type it found.
QString jsonTypeName(const QJsonValue &value);

/// Reads the keys of one JSON object of a project file, reporting wrong types, values out of
/// range and unknown keys into a sink as it goes: a reader answers the fallback for a key it
/// cannot use, so loading goes on and every problem of a file is reported at once.
class ObjectReader
{
public:
    /// `known`: the keys this version reads; the others are reported by unknownKeys().
    ObjectReader(const QJsonObject &object, DiagnosticSink sink, QStringList known);

    const DiagnosticSink &sink() const { return m_sink; }
    bool has(const QString &key) const { return m_o.contains(key); }
    QJsonValue raw(const QString &key) const { return m_o.value(key); }

    /// A required key must be there and not blank.
    QString string(const QString &key, bool required = false, const QString &fallback = {});
    bool boolean(const QString &key, bool fallback);
    double number(const QString &key, double fallback, double min, double max);
    int integer(const QString &key, int fallback, int min, int max);
    QJsonObject object(const QString &key);
    QJsonArray array(const QString &key);
    QStringList stringList(const QString &key);

    /// Keys this version does not know: a warning each (with a suggestion), kept verbatim so
    /// that saving the file does not lose them.
    QJsonObject unknownKeys() const;

private:
    QJsonObject m_o;
    DiagnosticSink m_sink;
    QStringList m_known;
};

} // namespace weft::detail
