#include "core/model/jsonobjectreader.h"

#include "core/util/textdistance.h"
#include "core/util/translation.h"

namespace weft::detail {

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

ObjectReader::ObjectReader(const QJsonObject &o, DiagnosticSink sink, QStringList known)
    : m_o(o)
    , m_sink(std::move(sink))
    , m_known(std::move(known))
{}

QString ObjectReader::string(const QString &key, bool required, const QString &fallback)
{
    const QJsonValue v = m_o.value(key);
    if (v.isUndefined()) {
        if (required)
            m_sink.at(key).error(ProjectText::tr("required key \"%1\" is missing").arg(key));
        return fallback;
    }
    if (!v.isString()) {
        m_sink.at(key).error(ProjectText::tr("must be a string, not %1").arg(jsonTypeName(v)));
        return fallback;
    }
    if (required && v.toString().trimmed().isEmpty())
        m_sink.at(key).error(ProjectText::tr("must not be empty"));
    return v.toString();
}

bool ObjectReader::boolean(const QString &key, bool fallback)
{
    const QJsonValue v = m_o.value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool()) {
        m_sink.at(key).error(ProjectText::tr("must be true or false, not %1").arg(jsonTypeName(v)));
        return fallback;
    }
    return v.toBool();
}

double ObjectReader::number(const QString &key, double fallback, double min, double max)
{
    const QJsonValue v = m_o.value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isDouble()) {
        m_sink.at(key).error(ProjectText::tr("must be a number, not %1").arg(jsonTypeName(v)));
        return fallback;
    }
    const double d = v.toDouble();
    if (d < min || d > max) {
        m_sink.at(key).error(
            ProjectText::tr("must be between %1 and %2, not %3").arg(min).arg(max).arg(d));
        return fallback;
    }
    return d;
}

int ObjectReader::integer(const QString &key, int fallback, int min, int max)
{
    const double d = number(key, fallback, min, max);
    if (d != double(int(d))) {
        m_sink.at(key).error(ProjectText::tr("must be a whole number, not %1").arg(d));
        return fallback;
    }
    return int(d);
}

QJsonObject ObjectReader::object(const QString &key)
{
    const QJsonValue v = m_o.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isObject()) {
        m_sink.at(key).error(ProjectText::tr("must be an object, not %1").arg(jsonTypeName(v)));
        return {};
    }
    return v.toObject();
}

QJsonArray ObjectReader::array(const QString &key)
{
    const QJsonValue v = m_o.value(key);
    if (v.isUndefined())
        return {};
    if (!v.isArray()) {
        m_sink.at(key).error(ProjectText::tr("must be an array, not %1").arg(jsonTypeName(v)));
        return {};
    }
    return v.toArray();
}

QStringList ObjectReader::stringList(const QString &key)
{
    QStringList out;
    const QJsonArray a = array(key);
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString())
            m_sink.at(key).at(i).error(ProjectText::tr("must be a string"));
        else
            out << a.at(i).toString();
    }
    return out;
}

QJsonObject ObjectReader::unknownKeys() const
{
    QJsonObject extra;
    for (auto it = m_o.begin(); it != m_o.end(); ++it) {
        if (m_known.contains(it.key()))
            continue;
        m_sink.at(it.key()).warning(ProjectText::tr("unknown key \"%1\" is kept but ignored%2")
                                        .arg(it.key(), didYouMean(it.key(), m_known)));
        extra.insert(it.key(), it.value());
    }
    return extra;
}

} // namespace weft::detail
