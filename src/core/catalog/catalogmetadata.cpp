#include "core/catalog/catalogmetadata.h"

#include <QJsonArray>

namespace weft {

QString catalogMetadataType(const QString &catalogType)
{
    if (catalogType == QLatin1String("number"))
        return QStringLiteral("float");
    if (catalogType == QLatin1String("datetime") || catalogType == QLatin1String("date"))
        return QStringLiteral("string");
    return catalogType;
}

namespace {

/// A request entry as the seeds write it. Labels are Chinese, like the seeds' (the
/// catalogue keeps the English one for the designer).
QJsonObject requestEntry(const CatalogParam &p, bool allChildren)
{
    QJsonObject o{{QStringLiteral("field"), p.field},
                  {QStringLiteral("label"), p.label.zh},
                  {QStringLiteral("type"), catalogMetadataType(p.type)}};
    if (!p.describe.isEmpty())
        o.insert(QStringLiteral("describe"), p.describe);
    if (!p.value.isUndefined())
        o.insert(QStringLiteral("value"), p.value);
    if (!p.parser.isUndefined())
        o.insert(QStringLiteral("parser"), p.parser);
    if (!p.children.isEmpty()) {
        QJsonArray children;
        for (const CatalogParam &c : p.children) {
            if (allChildren || c.required || !c.value.isUndefined())
                children.append(requestEntry(c, allChildren));
        }
        o.insert(QStringLiteral("children"), children);
    }
    return o;
}

} // namespace

AdapterMetadata catalogMetadata(const CatalogEndpoint &e)
{
    QJsonObject m{{QStringLiteral("api"), e.api},
                  {QStringLiteral("effect"), e.effect},
                  {QStringLiteral("method"), e.method},
                  {QStringLiteral("idCheck"), true},
                  {QStringLiteral("catalog"), e.ref()}};
    if (!e.numberField.isEmpty())
        m.insert(QStringLiteral("number"), e.numberField);
    if (!e.idField.isEmpty())
        m.insert(QStringLiteral("id"), e.idField);
    if (!e.nameField.isEmpty())
        m.insert(QStringLiteral("name"), e.nameField);
    // A source sends the parameters it has a value for (or must send); the optional ones
    // stay in the catalogue for the designer to offer. A target lists every field, so the
    // mapping editor can map them; fields without a value are not written.
    const bool target = !e.isQuery();
    QJsonArray request;
    for (const CatalogParam &p : e.request) {
        if (target || p.required || !p.value.isUndefined())
            request.append(requestEntry(p, target));
    }
    m.insert(QStringLiteral("request"), request);
    if (!e.otherRequest.isEmpty()) {
        QJsonArray other;
        for (const CatalogParam &p : e.otherRequest)
            other.append(requestEntry(p, true));
        m.insert(QStringLiteral("otherRequest"), other);
    }
    if (!e.beatFlat.isEmpty())
        m.insert(QStringLiteral("beatFlat"), QJsonArray::fromStringList(e.beatFlat));
    if (e.autoFillResponse)
        m.insert(QStringLiteral("autoFillResponse"), true);
    if (!e.documentKey.isEmpty())
        m.insert(QStringLiteral("documentKey"), e.documentKey);
    if (!e.recordPath.isEmpty())
        m.insert(QStringLiteral("responsePath"), e.recordPath);
    return AdapterMetadata(m);
}

} // namespace weft
