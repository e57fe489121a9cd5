#include "core/expr/recordview.h"

namespace weft::expr {

QJsonValue RecordView::value(QStringView key) const
{
    if (hasElement() && key.startsWith(prefix)) {
        const QJsonValue v = element.value(key.mid(prefix.size()));
        if (!v.isUndefined())
            return v;
    }
    return object.value(key);
}

namespace {
/// o.value(key), looking first at the position the key had in the object read before: a
/// page's records have the same keys (kept sorted), and comparing one key is cheaper than
/// the binary search.
QJsonValue valueAtSlot(const QJsonObject &o, QStringView key, int *slot)
{
    if (*slot >= 0 && *slot < o.size()) {
        const auto at = o.constBegin() + *slot;
        if (at.key() == key)
            return at.value();
    }
    const auto it = o.constFind(key);
    if (it == o.constEnd())
        return QJsonValue(QJsonValue::Undefined);
    *slot = int(it - o.constBegin());
    return it.value();
}
} // namespace

QJsonValue RecordView::value(QStringView key, int *elementSlot, int *objectSlot) const
{
    if (hasElement() && key.startsWith(prefix)) {
        const QJsonValue v = valueAtSlot(element, key.mid(prefix.size()), elementSlot);
        if (!v.isUndefined())
            return v;
    }
    return valueAtSlot(object, key, objectSlot);
}

QJsonObject RecordView::merged() const
{
    if (!hasElement())
        return object;
    QJsonObject out = object;
    for (auto it = element.begin(); it != element.end(); ++it)
        out.insert(prefix + it.key(), it.value());
    return out;
}

} // namespace weft::expr
