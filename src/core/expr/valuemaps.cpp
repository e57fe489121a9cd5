#include "core/expr/valuemaps.h"

namespace weft::expr {

ValueMaps::ValueMaps(const QJsonObject &maps)
{
    for (auto it = maps.begin(); it != maps.end(); ++it) {
        if (it.value().isObject())
            m_maps.insert(it.key(), it.value().toObject());
    }
}

void ValueMaps::insert(const QString &name, const QJsonObject &table)
{
    m_maps.insert(name, table);
}

QStringList ValueMaps::names() const
{
    QStringList names = m_maps.keys();
    names.sort();
    return names;
}

QJsonValue ValueMaps::value(const QString &name, const QString &code) const
{
    const auto it = m_maps.constFind(name);
    if (it == m_maps.cend())
        return QJsonValue(QJsonValue::Undefined);
    return it->value(code);
}

} // namespace weft::expr
