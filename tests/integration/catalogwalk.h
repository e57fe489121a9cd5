#pragma once
// Helpers of tst_catalog_walk: projects made from catalogue entries, the records' check
// against the declared fields, and the values a walk writes.

#include "core/catalog/catalog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <QTimeZone>
#include <cmath>
#include <optional>

namespace weft::test {

/// The mount of a system in weft-mock (docs/mock.md).
inline QString mountOf(const QString &system)
{
    if (system == QLatin1String("kingdee_jdy"))
        return QStringLiteral("/jdy");
    if (system == QLatin1String("kingdee_k3cloud"))
        return QStringLiteral("/k3cloud");
    return u'/' + system;
}

/// A connection of the system's type to weft-mock, with its credentials (docs/mock.md).
inline QJsonObject mockConnection(const QString &name, const QString &system)
{
    QJsonObject c{
        {QStringLiteral("name"), name},
        {QStringLiteral("type"), system},
        {QStringLiteral("baseUrl"), QString(QStringLiteral("${WEFT_MOCK_URL}") + mountOf(system))}};
    QJsonObject account;
    if (system == QLatin1String("jushuitan")) {
        account = {{QStringLiteral("appKey"), QStringLiteral("weft-jst-app")},
                   {QStringLiteral("appSecret"), QJsonObject{{"env", "JST_APP_SECRET"}}},
                   {QStringLiteral("accessToken"), QJsonObject{{"env", "JST_ACCESS_TOKEN"}}},
                   {QStringLiteral("refreshToken"), QJsonObject{{"env", "JST_REFRESH_TOKEN"}}}};
    } else if (system == QLatin1String("kingdee_jdy")) {
        account = {{QStringLiteral("appKey"), QStringLiteral("weft-jdy-app")},
                   {QStringLiteral("appSecret"), QJsonObject{{"env", "JDY_APP_SECRET"}}},
                   {QStringLiteral("clientId"), QStringLiteral("weft-jdy-client")},
                   {QStringLiteral("clientSecret"), QJsonObject{{"env", "JDY_CLIENT_SECRET"}}}};
    } else if (system == QLatin1String("kingdee_k3cloud")) {
        account = {{QStringLiteral("acctId"), QStringLiteral("weft-acct")},
                   {QStringLiteral("user"), QStringLiteral("administrator")},
                   {QStringLiteral("loginMethod"), QStringLiteral("appSecret")},
                   {QStringLiteral("appId"), QStringLiteral("weft-k3-app")},
                   {QStringLiteral("appSecret"), QJsonObject{{"env", "K3_APP_SECRET"}}},
                   {QStringLiteral("lcid"), QStringLiteral("2052")}};
    } else {
        account = {{QStringLiteral("appKey"), QStringLiteral("weft-dd-app")},
                   {QStringLiteral("appSecret"), QJsonObject{{"env", "DINGTALK_APP_SECRET"}}}};
    }
    c.insert(QStringLiteral("account"), account);
    return c;
}

/// A project of one scheme "walk" from `source` to `target` over the given connections.
inline QJsonObject walkProject(const QJsonArray &connections, const QJsonObject &source,
                               const QJsonObject &target)
{
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("weft-project")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("name"), QStringLiteral("catalogue walk")},
        {QStringLiteral("connections"), connections},
        {QStringLiteral("schemes"),
         QJsonArray{QJsonObject{
             {QStringLiteral("name"), QStringLiteral("walk")},
             {QStringLiteral("source"), source},
             {QStringLiteral("target"), target},
             {QStringLiteral("retry"), QJsonObject{{QStringLiteral("attempts"), 2},
                                                   {QStringLiteral("initialDelayMs"), 500}}},
             {QStringLiteral("sync"),
              QJsonObject{{QStringLiteral("initialSince"), QStringLiteral("DAYS_AGO_30")}}}}}}};
}

/// Whether `v` is a value of the catalogue type (integers are numbers without a fraction).
inline bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("int"))
        return v.isDouble() && std::floor(v.toDouble()) == v.toDouble();
    if (type == QLatin1String("number") || type == QLatin1String("float"))
        return v.isDouble();
    if (type == QLatin1String("bool"))
        return v.isBool();
    if (type == QLatin1String("array"))
        return v.isArray();
    if (type == QLatin1String("object"))
        return v.isObject();
    return v.isString(); // string, datetime, date
}

/// What of `fields` a record lacks or holds with another type, into `problems` ("items[].qty:
/// missing"); arrays' and objects' own fields are checked in every element. `typeExempt`
/// names fields ("io_id", "items[].tax_rate") whose type is not checked.
inline void checkFields(const QJsonObject &record, const QList<CatalogField> &fields,
                        const QString &where, const QSet<QString> &skip,
                        const QSet<QString> &typeExempt, QStringList *problems)
{
    for (const CatalogField &f : fields) {
        const QString path = where + f.name;
        if (skip.contains(path))
            continue;
        if (!record.contains(f.name)) {
            problems->append(path + QStringLiteral(": missing"));
            continue;
        }
        const QJsonValue v = record.value(f.name);
        if (!typeExempt.contains(path) && !hasType(v, f.type)) {
            problems->append(
                QStringLiteral("%1: %2 is not of type %3")
                    .arg(path,
                         QString::fromUtf8(
                             QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)),
                         f.type));
            continue;
        }
        if (f.fields.isEmpty())
            continue;
        if (v.isObject())
            checkFields(v.toObject(), f.fields, path + u'.', skip, typeExempt, problems);
        for (const QJsonValue &e : v.toArray())
            checkFields(e.toObject(), f.fields, path + QStringLiteral("[]."), skip, typeExempt,
                        problems);
    }
}

/// "yyyy-MM-dd HH:mm:ss" in China time (the systems' and the mock's zone), `secs` from now.
inline QString chinaTime(qint64 secs = 0)
{
    return QDateTime::currentDateTimeUtc()
        .addSecs(secs)
        .toTimeZone(QTimeZone(8 * 3600))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

/// The base data a walk's saves refer to: what exists in weft-mock (docs/mock.md).
struct References {
    QString material; ///< a K3Cloud material number (read from the mock)
};

/// The value a walk writes into a save's field, or nothing for fields it leaves to the
/// catalogue's default (or unset: the JDY "id" of an update, arrays without fields).
inline std::optional<QJsonValue> walkValue(const CatalogEndpoint &e, const CatalogParam &p,
                                           const QString &number, const References &refs)
{
    if (!p.value.isUndefined() || p.field == QLatin1String("id"))
        return std::nullopt;
    if (p.field == e.numberField)
        return number;
    const QString f = p.field.toLower();
    if (!p.parser.isUndefined()) {
        // K3Cloud base data: a number that exists (organisations, customers, materials are
        // checked by the mock as K3Cloud checks them).
        if (f.contains(QLatin1String("org")))
            return QStringLiteral("100");
        if (f.contains(QLatin1String("cust")) || f.contains(QLatin1String("contactunit")))
            return QStringLiteral("CUST0001");
        if (f.contains(QLatin1String("material")))
            return refs.material;
        if (f.contains(QLatin1String("curr")))
            return QStringLiteral("PRE001");
        if (f.contains(QLatin1String("unit")))
            return QStringLiteral("Pcs");
        return QStringLiteral("YW001");
    }
    if (p.type == QLatin1String("float") || p.type == QLatin1String("number"))
        return 12.5;
    if (p.type == QLatin1String("int"))
        return 7;
    if (p.type == QLatin1String("bool"))
        return false;
    if (p.type == QLatin1String("array") || p.type == QLatin1String("object"))
        return std::nullopt;
    if (f.contains(QLatin1String("date")))
        return chinaTime().left(10);
    return QStringLiteral("walk %1").arg(p.field);
}

/// Text of a scalar for comparisons (12.5 and "12.5" compare equal).
inline QString walkText(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isObject()) // K3Cloud base data
        return v.toObject().value(QLatin1String("FNumber")).toString();
    return v.toString();
}

} // namespace weft::test
