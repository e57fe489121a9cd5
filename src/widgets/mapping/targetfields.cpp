#include "widgets/mapping/targetfields.h"

#include <QJsonDocument>

namespace weft {

namespace {

void flatten(const QList<RequestField> &fields, int depth, const QString &prefix,
             const AdapterMetadata &metadata, QList<TargetField> *out)
{
    for (const RequestField &f : fields) {
        TargetField t;
        t.path = prefix.isEmpty() ? f.field : prefix + u'/' + f.field;
        t.field = f.field;
        t.label = f.label;
        t.type = f.type;
        t.describe = f.describe;
        t.rawValue = f.value;
        t.value = valueText(f.value);
        t.parserJson = f.parser.toObject();
        t.parser = t.parserJson.value(QLatin1String("name")).toString();
        t.depth = depth;
        t.isGroup = f.hasChildren();
        t.required = !t.isGroup && isRequiredField(f, metadata);
        out->append(t);
        if (f.hasChildren())
            flatten(f.children, depth + 1, t.path, metadata, out);
    }
}

} // namespace

QList<TargetField> targetFieldsOf(const AdapterMetadata &metadata)
{
    QList<TargetField> out;
    flatten(metadata.request(), 0, QString(), metadata, &out);
    return out;
}

bool isRequiredField(const RequestField &field, const AdapterMetadata &metadata)
{
    // The typed view does not keep "required": read it from the entry itself.
    const QJsonObject entry = [&] {
        QJsonValue v = QJsonValue(metadata.json());
        for (const QString &token : field.pointer.split(u'/', Qt::SkipEmptyParts))
            v = v.isArray() ? v.toArray().at(token.toInt()) : v.toObject().value(token);
        return v.toObject();
    }();
    if (entry.value(QLatin1String("required")).toBool() ||
        entry.value(QLatin1String("must")).toBool())
        return true;
    const QString text = field.describe + u' ' + field.label;
    if (text.contains(QStringLiteral("必填")) || text.contains(QStringLiteral("必须")) ||
        text.contains(QLatin1String("required"), Qt::CaseInsensitive))
        return !text.contains(QStringLiteral("非必填"));
    const QString id = metadata.idField();
    return (!id.isEmpty() && id != QLatin1String("1") && field.field == id);
}

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Undefined:
    case QJsonValue::Null:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

QJsonValue valueFromText(const QString &text)
{
    if (text.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    return QJsonValue(text);
}

} // namespace weft
