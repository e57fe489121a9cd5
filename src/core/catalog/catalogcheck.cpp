#include "core/catalog/catalogcheck.h"

#include "core/model/connection.h"
#include "core/util/textdistance.h"
#include "core/util/translation.h"

namespace weft {

namespace {

const CatalogParam *findParam(const QList<CatalogParam> &params, const QString &field)
{
    for (const CatalogParam &p : params) {
        if (p.field == field)
            return &p;
    }
    return nullptr;
}

bool knowsField(const QList<CatalogField> &fields, const QString &key)
{
    for (const CatalogField &f : fields) {
        // K3Cloud field keys are case-insensitive (FUseOrgId.fnumber = FUseOrgId.FNumber).
        if (f.name.compare(key, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QStringList paramNames(const QList<CatalogParam> &params)
{
    QStringList names;
    for (const CatalogParam &p : params)
        names << p.field;
    return names;
}

/// Request entries of the metadata against the catalogue's parameters, recursively.
void compareRequest(const QList<RequestField> &fields, const QList<CatalogParam> &params,
                    const QString &ref, const DiagnosticSink &metadata)
{
    for (const RequestField &f : fields) {
        if (f.field.isEmpty())
            continue;
        const CatalogParam *p = findParam(params, f.field);
        if (!p) {
            metadata.atPointer(f.pointer)
                .at(QStringLiteral("field"))
                .warning(ProjectText::tr("\"%1\" is not a parameter or field of %2 in the "
                                         "catalogue%3")
                             .arg(f.field, ref, didYouMean(f.field, paramNames(params))));
            continue;
        }
        if (!f.children.isEmpty())
            compareRequest(f.children, p->children, ref, metadata);
    }
}

void checkAdapter(const Project &project, const Adapter &adapter, bool isSource,
                  const Catalog &catalog, const DiagnosticSink &sink)
{
    const QJsonValue refValue = adapter.metadata.json().value(QLatin1String("catalog"));
    if (refValue.isUndefined())
        return;
    const DiagnosticSink metadata = sink.at(QStringLiteral("metadata"));
    const DiagnosticSink at = metadata.at(QStringLiteral("catalog"));
    if (!refValue.isString()) {
        at.error(ProjectText::tr("\"catalog\" names a catalogue entry as \"<system>/<endpoint>\""));
        return;
    }
    const QString ref = refValue.toString();
    const CatalogEndpoint *e = catalog.endpoint(ref);
    if (!e) {
        at.error(ProjectText::tr("unknown catalogue entry \"%1\"%2 (docs/catalog.md lists them)")
                     .arg(ref, didYouMean(ref, catalog.refs())));
        return;
    }
    const AdapterMetadata &meta = adapter.metadata;
    const CatalogSystem *system = catalog.system(e->system);
    if (const Connection *c = project.connection(adapter.connection);
        c && c->unknownType.isEmpty() && system &&
        connectorTypeName(c->type) != system->connectionType) {
        at.warning(ProjectText::tr("%1 is an entry for %2 connections; connection \"%3\" is %4")
                       .arg(ref, system->connectionType, c->name, connectorTypeName(c->type)));
    }
    const QString role = isSource ? QStringLiteral("source") : QStringLiteral("target");
    if (e->effect != (isSource ? QLatin1String("QUERY") : QLatin1String("EXECUTE")))
        at.warning(
            ProjectText::tr("%1 is a %2 entry, used here as the %3").arg(ref, e->effect, role));
    auto differs = [&](const QString &key, const QString &mine, const QString &theirs) {
        if (mine.compare(theirs, Qt::CaseInsensitive) != 0)
            metadata.at(key).warning(ProjectText::tr("%1 is \"%2\"; the catalogue's %3 says "
                                                     "\"%4\"")
                                         .arg(key, mine, ref, theirs));
    };
    differs(QStringLiteral("api"), meta.api(), e->api);
    differs(QStringLiteral("method"), meta.method(), e->method);
    const QString form = e->other(QStringLiteral("FormId"));
    if (!form.isEmpty()) {
        const QString mine = meta.setting(QStringLiteral("FormId")).toString();
        if (mine.compare(form, Qt::CaseInsensitive) != 0)
            metadata.atPointer(meta.settingPointer(QStringLiteral("FormId")))
                .warning(ProjectText::tr("FormId is \"%1\"; the catalogue's %2 says \"%3\"")
                             .arg(mine, ref, form));
    }
    const QList<RequestField> request = meta.request();
    compareRequest(request, e->request, ref, metadata);
    for (const CatalogParam &p : e->request) {
        if (p.required && meta.requestField(p.field).field.isEmpty())
            metadata.at(QStringLiteral("request"))
                .warning(ProjectText::tr("%1 requires \"%2\" (%3), which the request does not "
                                         "give")
                             .arg(ref, p.field, p.label.zh));
    }
    const QString keys = meta.setting(QStringLiteral("FieldKeys")).toString();
    if (isSource && !keys.isEmpty()) {
        const DiagnosticSink keysAt =
            metadata.atPointer(meta.settingPointer(QStringLiteral("FieldKeys")));
        for (const QString &raw : keys.split(u',', Qt::SkipEmptyParts)) {
            const QString key = raw.trimmed();
            if (!knowsField(e->fields, key))
                keysAt.warning(ProjectText::tr("FieldKeys names %1, which %2 in the catalogue "
                                               "does not list")
                                   .arg(key, ref));
        }
    }
}

} // namespace

void checkCatalogReferences(const Project &project, const Catalog &catalog,
                            const DiagnosticSink &root)
{
    for (qsizetype i = 0; i < project.schemes.size(); ++i) {
        const Scheme &s = project.schemes.at(i);
        const DiagnosticSink at = root.at(QStringLiteral("schemes")).at(i);
        checkAdapter(project, s.source, true, catalog, at.at(QStringLiteral("source")));
        checkAdapter(project, s.target, false, catalog, at.at(QStringLiteral("target")));
    }
}

} // namespace weft
