#include "core/model/delivery.h"

#include "core/util/translation.h"

namespace weft {

namespace {

/// Whether the target's request maps `field` at its top level to something (a value).
bool maps(const AdapterMetadata &target, const QString &field)
{
    for (const RequestField &f : target.request()) {
        if (f.field == field) {
            const QJsonValue v = f.value;
            return !(v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()));
        }
    }
    return false;
}

} // namespace

Delivery deliveryOf(const AdapterMetadata &target)
{
    const QString text = target.setting(QStringLiteral("delivery")).toString().trimmed();
    return text.compare(QLatin1String("at-least-once"), Qt::CaseInsensitive) == 0
               ? Delivery::AtLeastOnce
               : Delivery::ExactlyOnce;
}

QString identityFieldOf(ConnectorType type, const AdapterMetadata &target)
{
    switch (type) {
    case ConnectorType::KingdeeK3Cloud:
        if (maps(target, QStringLiteral("FBillNo")))
            return QStringLiteral("FBillNo");
        if (maps(target, QStringLiteral("FNumber")))
            return QStringLiteral("FNumber");
        return QString();
    case ConnectorType::KingdeeJdy:
        return maps(target, QStringLiteral("number")) ? QStringLiteral("number") : QString();
    default: return QString();
    }
}

QString exactlyOnceProblem(ConnectorType type, const AdapterMetadata &target)
{
    if (deliveryOf(target) == Delivery::AtLeastOnce)
        return QString();
    const QString declare =
        ProjectText::tr("— or, if the target tolerates a record sent twice, declare \"delivery\": "
                        "\"at-least-once\" on the target");
    switch (type) {
    case ConnectorType::KingdeeK3Cloud:
        if (!identityFieldOf(type, target).isEmpty())
            return QString();
        return ProjectText::tr("K3Cloud numbers new documents itself: after a crash or a lost "
                               "answer Weft could not tell whether K3Cloud saved a document, and "
                               "saving it again would book it twice. Map FBillNo (documents) or "
                               "FNumber (base data) from a unique source value, so that Weft can "
                               "look the document up %1")
            .arg(declare);
    case ConnectorType::KingdeeJdy:
        if (!identityFieldOf(type, target).isEmpty())
            return QString();
        return ProjectText::tr("JDY numbers new documents itself: after a crash or a lost answer "
                               "Weft could not tell whether JDY saved a record, and saving it "
                               "again would create it twice. Map \"number\" from a unique source "
                               "value, so that Weft can look the record up %1")
            .arg(declare);
    case ConnectorType::HttpJson:
        return ProjectText::tr("an HTTP JSON target cannot be asked whether a record arrived: "
                               "after a crash or a lost answer Weft may send it again (with the "
                               "same Idempotency-Key header). Declare \"delivery\": "
                               "\"at-least-once\" on the target once the receiving service "
                               "tolerates that (for example, it ignores a key it has seen)");
    default: return QString();
    }
}

} // namespace weft
