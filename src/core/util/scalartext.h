#pragma once

#include <QJsonValue>
#include <QString>

#include <limits>

namespace weft {

/// A JSON scalar as the text that record ids, numbers, names, query parameters and header
/// values are made of: a string as it is, an integral number exactly and without a fraction
/// ("42", not "42.0"), any other number with 17 significant digits (it reads back the same),
/// true/false; "" for null, undefined, arrays and objects.
///
/// Not the mapping language's text of a value (expr::detail::jsonToText: shortest doubles,
/// arrays and objects as JSON, for templates); this one names records and settings.
///
/// Record ids made this way are stored in the state store and compared between runs, so this
/// is the one spelling of them: change it and every stored double id reads as a new record.
inline QString scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        // Integers exactly, also beyond 2^53 (QJsonDocument keeps 64-bit ids as integers;
        // through a double, two snowflake ids could become one).
        constexpr qint64 kNone = std::numeric_limits<qint64>::min();
        const qint64 i = v.toInteger(kNone);
        if (i != kNone || v.toDouble() == double(kNone))
            return QString::number(i);
        return QString::number(v.toDouble(), 'g', 17);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

} // namespace weft
