#include "core/expr/shaping.h"

#include "core/expr/sqlvalue.h"

#include <QJsonDocument>

namespace weft::expr {

namespace {

// An array field as elements: arrays as they are, JSON text decoded, DingTalk tables as rows.
QJsonArray elementsOf(const QJsonValue &value)
{
    QJsonArray array;
    if (value.isArray()) {
        array = value.toArray();
    } else if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (!text.startsWith(QLatin1Char('[')))
            return {};
        array = QJsonDocument::fromJson(text.toUtf8()).array();
    } else {
        return {};
    }
    bool table = !array.isEmpty();
    for (const QJsonValue &row : array)
        table =
            table && row.isObject() && row.toObject().value(QLatin1String("rowValue")).isArray();
    return table ? decodeDingTalkTable(array) : array;
}

QJsonObject tableRow(const QJsonArray &cells)
{
    QJsonObject row;
    for (const QJsonValue &cell : cells) {
        const QJsonObject c = cell.toObject();
        QString label = c.value(QLatin1String("label")).toString();
        if (label.isEmpty())
            label = c.value(QLatin1String("key")).toString();
        if (label.isEmpty() || row.contains(label))
            continue;
        row.insert(label, c.value(QLatin1String("value")));
    }
    return row;
}

} // namespace

QList<FlatView> beatFlatViews(const QJsonObject &record, const QStringList &arrays,
                              const QString &idField, int sourceIndex)
{
    QJsonObject header = record;
    for (const QString &name : arrays)
        header.remove(name);
    const QString baseId =
        idField.isEmpty() ? QString() : detail::jsonToText(record.value(idField));
    QList<FlatView> out;
    int index = 0;
    for (const QString &name : arrays) {
        const QJsonArray elements = elementsOf(record.value(name));
        const QString prefix = name + QLatin1Char('_');
        for (const QJsonValue &element : elements) {
            FlatView flat;
            flat.record = RecordView(header,
                                     element.isObject()
                                         ? element.toObject()
                                         : QJsonObject{{QStringLiteral("value"), element}},
                                     prefix);
            flat.id = baseId + QLatin1Char('-') + QString::number(index);
            flat.sourceIndex = sourceIndex;
            flat.element = index;
            flat.array = name;
            out.append(std::move(flat));
            ++index;
        }
    }
    if (out.isEmpty()) {
        FlatView flat;
        flat.record = header;
        flat.id = baseId;
        flat.sourceIndex = sourceIndex;
        out.append(std::move(flat));
    }
    return out;
}

QList<FlatRecord> beatFlat(const QJsonObject &record, const QStringList &arrays,
                           const QString &idField, int sourceIndex)
{
    QList<FlatRecord> out;
    for (const FlatView &view : beatFlatViews(record, arrays, idField, sourceIndex))
        out.append({view.record.merged(), view.id, view.sourceIndex, view.element, view.array});
    return out;
}

QList<FlatRecord> beatFlat(const QList<QJsonObject> &records, const QStringList &arrays,
                           const QString &idField)
{
    QList<FlatRecord> out;
    out.reserve(records.size());
    for (qsizetype i = 0; i < records.size(); ++i)
        out += beatFlat(records[i], arrays, idField, int(i));
    return out;
}

QJsonArray decodeDingTalkTable(const QJsonValue &value)
{
    QJsonArray rows;
    if (value.isString()) {
        const QJsonDocument doc = QJsonDocument::fromJson(value.toString().toUtf8());
        if (!doc.isArray())
            return {};
        rows = doc.array();
    } else if (value.isArray()) {
        rows = value.toArray();
    } else {
        return {};
    }
    QJsonArray out;
    for (const QJsonValue &row : rows) {
        const QJsonObject r = row.toObject();
        const QJsonValue cells = r.value(QLatin1String("rowValue"));
        if (cells.isArray())
            out.append(tableRow(cells.toArray()));
        else if (row.isObject())
            out.append(r);
    }
    return out;
}

QJsonObject decodeDingTalkForm(const QJsonArray &formComponentValues)
{
    QJsonObject record;
    for (const QJsonValue &entry : formComponentValues) {
        const QJsonObject c = entry.toObject();
        QString name = c.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            name = c.value(QLatin1String("id")).toString();
        if (name.isEmpty() || record.contains(name))
            continue;
        const QJsonValue value = c.value(QLatin1String("value"));
        const QString type = c.value(QLatin1String("component_type")).toString();
        if (type == QLatin1String("TableField")) {
            record.insert(name, decodeDingTalkTable(value));
            continue;
        }
        record.insert(name, value.isUndefined() ? QJsonValue(QJsonValue::Null) : value);
    }
    return record;
}

QJsonObject decodeDingTalkInstance(const QJsonObject &processInstance)
{
    QJsonObject record =
        decodeDingTalkForm(processInstance.value(QLatin1String("form_component_values")).toArray());
    for (auto it = processInstance.begin(); it != processInstance.end(); ++it) {
        if (it.key() != QLatin1String("form_component_values"))
            record.insert(it.key(), it.value());
    }
    return record;
}

} // namespace weft::expr
