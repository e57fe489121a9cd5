#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace weft::expr {

/// The project's code → value tables (`valueMaps`), read by `MAP('name', code)` inside
/// `_function` and by `_map name {{field}}`.
class ValueMaps
{
public:
    ValueMaps() = default;
    /// From the project's JSON: {"warehouse": {"WH01": "上海仓", …}, …}. Entries that are not
    /// objects are skipped (the project validator reports them).
    explicit ValueMaps(const QJsonObject &maps);

    void insert(const QString &name, const QJsonObject &table);
    bool contains(const QString &name) const { return m_maps.contains(name); }
    QStringList names() const;
    /// The value for `code` in map `name`; Undefined when the map or the code is missing.
    QJsonValue value(const QString &name, const QString &code) const;

private:
    QHash<QString, QJsonObject> m_maps;
};

} // namespace weft::expr
