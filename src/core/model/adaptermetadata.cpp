#include "core/model/adaptermetadata.h"

#include "core/util/scalartext.h"

namespace weft {

namespace {

bool toBool(const QJsonValue &v, bool fallback)
{
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() != 0;
    if (v.isString()) {
        const QString s = v.toString().trimmed().toLower();
        if (s == QLatin1String("true") || s == QLatin1String("1"))
            return true;
        if (s == QLatin1String("false") || s == QLatin1String("0"))
            return false;
    }
    return fallback;
}

} // namespace

QList<RequestField> parseRequestFields(const QJsonArray &array, const QString &pointer)
{
    QList<RequestField> fields;
    fields.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        RequestField f;
        f.pointer = pointer + u'/' + QString::number(i);
        f.field = o.value(QLatin1String("field")).toString();
        f.label = o.value(QLatin1String("label")).toString();
        f.type = o.value(QLatin1String("type")).toString();
        f.describe = o.value(QLatin1String("describe")).toString();
        f.value = o.value(QLatin1String("value"));
        f.parser = o.value(QLatin1String("parser"));
        if (o.value(QLatin1String("children")).isArray()) {
            f.children = parseRequestFields(o.value(QLatin1String("children")).toArray(),
                                            f.pointer + QStringLiteral("/children"));
        }
        fields.append(f);
    }
    return fields;
}

QString AdapterMetadata::stringKey(const QString &key) const
{
    return scalarText(m_json.value(key));
}

QString AdapterMetadata::api() const
{
    return stringKey(QStringLiteral("api"));
}

QString AdapterMetadata::effect() const
{
    QString e = stringKey(QStringLiteral("effect"));
    if (e.isEmpty())
        e = stringKey(QStringLiteral("type"));
    return e.toUpper();
}

QString AdapterMetadata::method() const
{
    return stringKey(QStringLiteral("method")).toUpper();
}

bool AdapterMetadata::idCheck() const
{
    return toBool(m_json.value(QLatin1String("idCheck")), true);
}

bool AdapterMetadata::autoFillResponse() const
{
    return toBool(m_json.value(QLatin1String("autoFillResponse")), false);
}

QList<RequestField> AdapterMetadata::request() const
{
    return parseRequestFields(m_json.value(QLatin1String("request")).toArray(),
                              QStringLiteral("/request"));
}

QList<RequestField> AdapterMetadata::otherRequest() const
{
    return parseRequestFields(m_json.value(QLatin1String("otherRequest")).toArray(),
                              QStringLiteral("/otherRequest"));
}

QJsonValue AdapterMetadata::setting(const QString &name) const
{
    if (m_json.contains(name))
        return m_json.value(name);
    const QJsonArray other = m_json.value(QLatin1String("otherRequest")).toArray();
    for (const QJsonValue &entry : other) {
        const QJsonObject o = entry.toObject();
        if (o.value(QLatin1String("field")).toString() == name)
            return o.value(QLatin1String("value"));
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString AdapterMetadata::settingPointer(const QString &name) const
{
    if (m_json.contains(name))
        return u'/' + name;
    const QJsonArray other = m_json.value(QLatin1String("otherRequest")).toArray();
    for (qsizetype i = 0; i < other.size(); ++i) {
        if (other.at(i).toObject().value(QLatin1String("field")).toString() == name)
            return QStringLiteral("/otherRequest/%1/value").arg(i);
    }
    return {};
}

QStringList AdapterMetadata::beatFlat() const
{
    const QJsonValue v = setting(QStringLiteral("beatFlat"));
    QStringList arrays;
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray()) {
            if (!e.toString().trimmed().isEmpty())
                arrays << e.toString().trimmed();
        }
    } else if (v.isString()) {
        for (const QString &part : v.toString().split(u',', Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                arrays << part.trimmed();
        }
    }
    return arrays;
}

QString AdapterMetadata::mainSql() const
{
    return scalarText(setting(QStringLiteral("main_sql"))).trimmed();
}

int AdapterMetadata::limit(int fallback) const
{
    const QJsonValue v = setting(QStringLiteral("limit"));
    bool ok = false;
    const int n = v.isDouble() ? v.toInt() : scalarText(v).trimmed().toInt(&ok);
    if (v.isDouble())
        return n > 0 ? n : fallback;
    return ok && n > 0 ? n : fallback;
}

RequestField AdapterMetadata::requestField(const QString &path) const
{
    const QStringList parts = path.split(u'/');
    QList<RequestField> level = request();
    RequestField found;
    for (const QString &part : parts) {
        found = {};
        for (const RequestField &f : level) {
            if (f.field == part) {
                found = f;
                break;
            }
        }
        if (found.field.isEmpty())
            return {};
        level = found.children;
    }
    return found;
}

namespace {

bool isEmptyValue(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()) ||
           (v.isArray() && v.toArray().isEmpty());
}

/// The walk down a request tree (`field` names, then `children`), shared by every edit of a
/// request entry.
bool setKeyIn(QJsonArray &list, QStringList parts, const QString &key, const QJsonValue &value)
{
    const QString name = parts.takeFirst();
    for (qsizetype i = 0; i < list.size(); ++i) {
        QJsonObject o = list.at(i).toObject();
        if (o.value(QLatin1String("field")).toString() != name)
            continue;
        if (parts.isEmpty()) {
            if (value.isUndefined())
                o.remove(key);
            else
                o.insert(key, value);
        } else {
            QJsonArray children = o.value(QLatin1String("children")).toArray();
            if (!setKeyIn(children, parts, key, value))
                return false;
            o.insert(QStringLiteral("children"), children);
        }
        list.replace(i, o);
        return true;
    }
    if (!parts.isEmpty() || value.isUndefined())
        return false;
    list.append(QJsonObject{{QStringLiteral("field"), name}, {key, value}});
    return true;
}

} // namespace

bool AdapterMetadata::setRequestKey(const QString &path, const QString &key,
                                    const QJsonValue &value)
{
    QJsonArray list = m_json.value(QLatin1String("request")).toArray();
    if (!setKeyIn(list, path.split(u'/'), key, value))
        return false;
    m_json.insert(QStringLiteral("request"), list);
    return true;
}

void AdapterMetadata::setSetting(const QString &name, const QJsonValue &value)
{
    if (!m_json.contains(name)) {
        QJsonArray other = m_json.value(QLatin1String("otherRequest")).toArray();
        for (qsizetype i = 0; i < other.size(); ++i) {
            QJsonObject o = other.at(i).toObject();
            if (o.value(QLatin1String("field")).toString() != name)
                continue;
            if (isEmptyValue(value)) {
                other.removeAt(i);
            } else {
                o.insert(QStringLiteral("value"), value);
                other.replace(i, o);
            }
            m_json.insert(QStringLiteral("otherRequest"), other);
            return;
        }
    }
    if (isEmptyValue(value))
        m_json.remove(name);
    else
        m_json.insert(name, value);
}

} // namespace weft
