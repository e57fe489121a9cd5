#include "core/catalog/integrationdraft.h"

#include "core/catalog/catalogmetadata.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace weft {

namespace {

/// Short names of the systems for scheme names.
QString shortSystem(const QString &system)
{
    if (system == QLatin1String("jushuitan"))
        return QStringLiteral("jst");
    if (system == QLatin1String("kingdee_jdy"))
        return QStringLiteral("jdy");
    if (system == QLatin1String("kingdee_k3cloud"))
        return QStringLiteral("k3");
    if (system == QLatin1String("dingtalk"))
        return QStringLiteral("dd");
    return system;
}

/// "purchaseout.query" → "purchaseout", "BD_Customer.save" → "bd_customer".
QString shortEndpoint(const CatalogEndpoint &e)
{
    QString id = e.id.section(u'.', 0, 0).toLower();
    id.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    return id;
}

bool hasCJK(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

QString typeOfColumn(const QString &sqlType)
{
    const QString t = sqlType.toLower();
    if (t.contains(QLatin1String("int")))
        return QStringLiteral("int");
    if (t.startsWith(QLatin1String("decimal")) || t.startsWith(QLatin1String("float")) ||
        t.startsWith(QLatin1String("double")))
        return QStringLiteral("number");
    return QStringLiteral("string");
}

/// Marks the request entry at `path` required, so the mapping editor flags it while empty.
void markRequired(QJsonArray *request, const QStringList &path)
{
    for (qsizetype i = 0; i < request->size(); ++i) {
        QJsonObject o = request->at(i).toObject();
        if (o.value(QLatin1String("field")).toString() != path.first())
            continue;
        if (path.size() > 1) {
            QJsonArray children = o.value(QLatin1String("children")).toArray();
            markRequired(&children, path.mid(1));
            o.insert(QStringLiteral("children"), children);
        } else {
            o.insert(QStringLiteral("required"), true);
        }
        request->replace(i, o);
        return;
    }
}

/// Fills the value of the request entry at `path` ("FEntity.FMaterialId") when it has none.
bool fillValue(QJsonArray *request, const QStringList &path, const QString &value)
{
    for (qsizetype i = 0; i < request->size(); ++i) {
        QJsonObject o = request->at(i).toObject();
        if (o.value(QLatin1String("field")).toString() != path.first())
            continue;
        if (path.size() > 1) {
            QJsonArray children = o.value(QLatin1String("children")).toArray();
            if (!fillValue(&children, path.mid(1), value))
                return false;
            o.insert(QStringLiteral("children"), children);
        } else {
            if (o.contains(QLatin1String("value")))
                return false;
            o.insert(QStringLiteral("value"), value);
        }
        request->replace(i, o);
        return true;
    }
    return false;
}

QString template1(const QString &field)
{
    return QStringLiteral("{{") + field + QStringLiteral("}}");
}

bool hasValue(const QJsonArray &request, const QStringList &path)
{
    for (const QJsonValue &v : request) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("field")).toString() != path.first())
            continue;
        if (path.size() > 1)
            return hasValue(o.value(QLatin1String("children")).toArray(), path.mid(1));
        const QJsonValue value = o.value(QLatin1String("value"));
        return !value.isUndefined() && !value.toString().isEmpty();
    }
    return false;
}

} // namespace

QList<LabelledField> columnFields(const QList<ColumnInfo> &columns)
{
    QList<LabelledField> out;
    for (const ColumnInfo &c : columns) {
        const bool zh = hasCJK(c.comment);
        out.append({c.name, zh ? c.comment : QString(), zh ? QString() : c.comment,
                    typeOfColumn(c.type), c.required});
    }
    return out;
}

QString draftTableName(const CatalogEndpoint &source)
{
    return shortSystem(source.system) + u'_' + shortEndpoint(source);
}

QString draftSchemeName(const IntegrationDraft &d, const QStringList &taken)
{
    QString target = QStringLiteral("mysql");
    if (d.target == IntegrationDraft::Target::Endpoint && d.targetEndpoint)
        target = shortSystem(d.targetEndpoint->system) + u'_' + shortEndpoint(*d.targetEndpoint);
    const QString base = d.source ? shortSystem(d.source->system) + u'_' +
                                        shortEndpoint(*d.source) + QStringLiteral("_to_") + target
                                  : QStringLiteral("integration");
    QString name = base;
    for (int n = 2; taken.contains(name); ++n)
        name = base + u'_' + QString::number(n);
    return name;
}

DraftResult draftScheme(const IntegrationDraft &d, const QString &name, const QString &title)
{
    DraftResult r;
    if (!d.source) {
        r.error = QStringLiteral("no source endpoint chosen");
        return r;
    }
    Scheme &s = r.scheme;
    s.name = name;
    s.title = title;
    s.source.connection = d.sourceConnection;
    s.source.metadata = catalogMetadata(*d.source);
    s.target.connection = d.targetConnection;
    s.sync.initialSince = QStringLiteral("DAYS_AGO_30");

    const QList<LabelledField> sources = flattenedRecordFields(*d.source);
    QList<LabelledField> targets;
    switch (d.target) {
    case IntegrationDraft::Target::Endpoint:
        if (!d.targetEndpoint || d.targetEndpoint->isQuery()) {
            r.error = QStringLiteral("no save endpoint chosen as the target");
            return r;
        }
        s.target.metadata = catalogMetadata(*d.targetEndpoint);
        targets = requestFields(*d.targetEndpoint);
        break;
    case IntegrationDraft::Target::ExistingTable: {
        targets = columnFields(d.columns);
        QList<ProposedColumn> columns;
        for (const LabelledField &f : targets)
            columns.append({f.name, QString(), f.zh.isEmpty() ? f.en : f.zh, QString(), f.type});
        QString key;
        for (const ColumnInfo &c : d.columns) {
            if (key.isEmpty() && c.required)
                key = c.name;
        }
        s.target.metadata = mysqlTargetMetadata(d.table, columns, key, QString());
        break;
    }
    case IntegrationDraft::Target::NewTable: {
        MySqlTableProposal p = proposeMySqlTable(*d.source, d.table);
        if (!p.error.isEmpty()) {
            r.error = p.error;
            return r;
        }
        // The proposal's columns are filled already (a new table is made for these fields).
        s.target.metadata =
            mysqlTargetMetadata(p.table, p.columns, p.keyColumn, d.ddl.isEmpty() ? p.ddl() : d.ddl);
        r.mapped = int(p.columns.size());
        return r;
    }
    }

    QJsonObject meta = s.target.metadata.json();
    QJsonArray request = meta.value(QLatin1String("request")).toArray();
    const QHash<QString, QString> matched = matchFields(targets, sources);
    for (const LabelledField &t : targets) {
        const QString source = matched.value(t.name);
        if (!source.isEmpty() && fillValue(&request, t.name.split(u'.'), template1(source)))
            ++r.mapped;
        if (t.required)
            markRequired(&request, t.name.split(u'.'));
        if (t.required && !hasValue(request, t.name.split(u'.')))
            r.unmappedRequired << t.name;
    }
    meta.insert(QStringLiteral("request"), request);
    s.target.metadata = AdapterMetadata(meta);
    return r;
}

} // namespace weft
