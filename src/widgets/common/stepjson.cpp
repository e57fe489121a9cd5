#include "widgets/common/stepjson.h"

#include <QJsonArray>
#include <QStringList>

namespace weft {

QJsonObject stepToJson(const Step &step)
{
    QJsonObject o = step.settings;
    o.insert(QStringLiteral("type"),
             step.unknownType.isEmpty() ? stepTypeName(step.type) : step.unknownType);
    if (!step.title.isEmpty())
        o.insert(QStringLiteral("title"), step.title);
    if (!step.enabled)
        o.insert(QStringLiteral("enabled"), false);
    return o;
}

Step stepFromJson(const QString &id, const QJsonObject &json)
{
    Step s;
    s.id = id;
    QJsonObject settings = json;
    const QString type = settings.take(QStringLiteral("type")).toString();
    if (const auto t = stepTypeFromName(type))
        s.type = *t;
    else
        s.unknownType = type;
    s.title = settings.take(QStringLiteral("title")).toString();
    s.enabled = settings.take(QStringLiteral("enabled")).toBool(true);
    settings.remove(QStringLiteral("id"));
    s.settings = settings;
    return s;
}

QString stepSummary(const Step &step)
{
    const QJsonObject &o = step.settings;
    switch (step.type) {
    case StepType::Flatten: {
        QStringList arrays;
        for (const QJsonValue &v : o.value(QLatin1String("arrays")).toArray())
            arrays << v.toString();
        return arrays.join(QStringLiteral(", "));
    }
    case StepType::Filter:
        return o.value(QLatin1String("condition")).toString().simplified();
    case StepType::Lookup: {
        QStringList fields;
        for (const QJsonValue &v : o.value(QLatin1String("fields")).toArray())
            fields << v.toObject().value(QLatin1String("field")).toString();
        return fields.join(QStringLiteral(", "));
    }
    case StepType::Validate: {
        QStringList fields;
        for (const QJsonValue &v : o.value(QLatin1String("rules")).toArray())
            fields << v.toObject().value(QLatin1String("field")).toString();
        return fields.join(QStringLiteral(", "));
    }
    }
    return {};
}

} // namespace weft
