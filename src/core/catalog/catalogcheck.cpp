#include "core/catalog/catalogcheck.h"

#include "core/catalog/catalogmetadata.h"
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

const CatalogField *fieldNamed(const QList<CatalogField> &fields, const QString &name)
{
    for (const CatalogField &f : fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
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
        // The project keeps its own copy: a type the catalogue has since changed (or the
        // user edited) is worth knowing, since the connector converts values by it.
        const QString theirs = catalogMetadataType(p->type);
        if (!f.type.isEmpty() && !theirs.isEmpty() && f.type != theirs)
            metadata.atPointer(f.pointer)
                .at(QStringLiteral("type"))
                .warning(ProjectText::tr("\"%1\" is of type %2 here; the catalogue's %3 says %4")
                             .arg(f.field, f.type, ref, theirs));
        if (!f.children.isEmpty())
            compareRequest(f.children, p->children, ref, metadata);
    }
}

/// A target's fields the catalogue lists but the request does not (the catalogue gained
/// them, or they were removed): they cannot be mapped until they are added.
void missingTargetFields(const AdapterMetadata &meta, const CatalogEndpoint &e,
                         const DiagnosticSink &metadata)
{
    QStringList missing;
    for (const CatalogParam &p : e.request) {
        // A missing required field has a warning of its own.
        if (!p.required && meta.requestField(p.field).field.isEmpty())
            missing << p.field;
    }
    if (!missing.isEmpty())
        metadata.at(QStringLiteral("request"))
            .warning(ProjectText::tr("the catalogue's %1 lists fields the request does not: %2")
                         .arg(e.ref(), missing.join(QStringLiteral(", "))));
}

/// The response side of a source: where the records are, the arrays to explode, the keys.
void compareResponse(const AdapterMetadata &meta, const CatalogEndpoint &e,
                     const DiagnosticSink &metadata)
{
    const QJsonValue path = meta.setting(QStringLiteral("responsePath"));
    if (path.isString() && path.toString() != e.recordPath)
        metadata.atPointer(meta.settingPointer(QStringLiteral("responsePath")))
            .warning(ProjectText::tr("responsePath is \"%1\"; the catalogue's %2 has the records "
                                     "at \"%3\"")
                         .arg(path.toString(), e.ref(), e.recordPath));
    const QStringList arrays = meta.beatFlat();
    for (const QString &name : arrays) {
        const CatalogField *f = fieldNamed(e.fields, name);
        if (!f || f->type != QLatin1String("array"))
            metadata.atPointer(meta.settingPointer(QStringLiteral("beatFlat")))
                .warning(ProjectText::tr("beatFlat names %1, which is not an array of the "
                                         "records of %2 in the catalogue")
                             .arg(name, e.ref()));
    }
    // DingTalk forms fill their fields from the answer; their keys are the form's own.
    if (e.autoFillResponse)
        return;
    for (const QString &key :
         {QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("name")}) {
        const QJsonValue v = meta.json().value(key);
        if (!v.isString() || v.toString().isEmpty())
            continue;
        // A key inside an exploded array is written "<array>.<field>" by some seeds.
        const QString name = v.toString();
        const qsizetype dot = name.indexOf(u'.');
        const CatalogField *array = dot > 0 ? fieldNamed(e.fields, name.left(dot)) : nullptr;
        const bool known =
            fieldNamed(e.fields, name) || (array && fieldNamed(array->fields, name.mid(dot + 1)));
        if (!known)
            metadata.at(key).warning(ProjectText::tr("%1 field \"%2\" is not a record field of "
                                                     "%3 in the catalogue")
                                         .arg(key, name, e.ref()));
    }
}

/// A page size above the catalogue's published maximum: the system refuses or truncates.
void comparePaging(const AdapterMetadata &meta, const CatalogEndpoint &e,
                   const DiagnosticSink &metadata)
{
    if (!e.paging || e.paging->maxPageSize <= 0)
        return;
    const int max = e.paging->maxPageSize;
    auto check = [&](const QJsonValue &v, const QString &pointer) {
        bool ok = v.isDouble();
        const int size = ok ? v.toInt() : v.toString().toInt(&ok);
        if (ok && size > max)
            metadata.atPointer(pointer).warning(
                ProjectText::tr("a page of %1 records; the catalogue's %2 allows at most %3")
                    .arg(size)
                    .arg(e.ref())
                    .arg(max));
    };
    // Where the paging names its size setting (K3Cloud's Limit, written "limit" by the seeds).
    const QString sizeParam = e.paging->json.value(QLatin1String("sizeParam")).toString();
    for (const QString &name : {sizeParam, sizeParam.toLower()}) {
        const QString pointer = name.isEmpty() ? QString() : meta.settingPointer(name);
        if (!pointer.isEmpty()) {
            check(meta.setting(name), pointer);
            break;
        }
    }
    for (const CatalogParam &p : e.request) {
        if (p.role != QLatin1String("pageSize"))
            continue;
        const RequestField f = meta.requestField(p.field);
        if (!f.field.isEmpty())
            check(f.value, f.pointer + QStringLiteral("/value"));
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
    if (isSource) {
        compareResponse(meta, *e, metadata);
        comparePaging(meta, *e, metadata);
    } else {
        missingTargetFields(meta, *e, metadata);
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
