#include "widgets/common/stepsummary.h"

#include <QJsonArray>
#include <QStringList>

namespace weft {

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
