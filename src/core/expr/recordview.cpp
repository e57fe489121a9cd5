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
