#include "core/catalog/catalogreader.h"

#include "core/expr/expression.h"
#include "core/expr/parser.h"
#include "core/model/connection.h"
#include "core/util/textdistance.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

namespace weft {

namespace {

const QStringList kTypes = {"string",   "int",  "number", "float", "bool",
                            "datetime", "date", "array",  "object"};
const QStringList kRoles = {"page",        "pageSize",  "offset", "cursor",
                            "windowStart", "windowEnd", "filter"};
const QStringList kPagingKinds = {"page", "offset", "cursor", "none"};
const QStringList kWindowFormats = {"datetime", "date", "epochSeconds", "epochMillis"};
const QStringList kSupport = {"supported", "partial", "unsupported"};
const QStringList kErrorKinds = {
    "ok",         "signature", "tokenExpired", "sessionExpired", "ipRefused",       "clock",
    "permission", "throttled", "ipThrottled",  "quota",          "duplicateNumber", "rejected",
    "server",     "busy",      "login"};

/// Walks one JSON object of a catalogue file: typed reads that report what is wrong at
/// the key's pointer, and a final check that no key is unknown.
class Reader final
{
public:
    Reader(const QJsonObject &object, QString pointer, const QString *file, QStringList *errors)
        : m_o(object)
        , m_pointer(std::move(pointer))
        , m_file(file)
        , m_errors(errors)
    {}

    QString at(const QString &key) const { return m_pointer + u'/' + key; }
    void error(const QString &pointer, const QString &message) const
    {
        m_errors->append(QStringLiteral("%1:%2: %3").arg(*m_file, pointer, message));
    }
    void error(const QString &message) const { error(m_pointer, message); }
    bool has(const QString &key) const { return m_o.contains(key); }
    QJsonValue raw(const QString &key) const { return m_o.value(key); }
    Reader child(const QJsonObject &o, const QString &pointer) const
    {
        return Reader(o, pointer, m_file, m_errors);
    }

    QString string(const QString &key, bool required = false) const
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined()) {
            if (required)
                error(QStringLiteral("\"%1\" is required").arg(key));
            return {};
        }
        if (!v.isString()) {
            error(at(key), QStringLiteral("must be a string"));
            return {};
        }
        if (required && v.toString().trimmed().isEmpty())
            error(at(key), QStringLiteral("must not be empty"));
        return v.toString();
    }
    QString oneOf(const QString &key, const QStringList &allowed, bool required) const
    {
        const QString s = string(key, required);
        if (!s.isEmpty() && !allowed.contains(s)) {
            error(at(key), QStringLiteral("\"%1\" is not one of %2%3")
                               .arg(s, allowed.join(QStringLiteral(", ")), didYouMean(s, allowed)));
        }
        return s;
    }
    bool boolean(const QString &key, bool fallback) const
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool())
            error(at(key), QStringLiteral("must be true or false"));
        return v.toBool(fallback);
    }
    double number(const QString &key) const
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined())
            return 0;
        if (!v.isDouble() || v.toDouble() < 0) {
            error(at(key), QStringLiteral("must be a number ≥ 0"));
            return 0;
        }
        return v.toDouble();
    }
    QJsonArray array(const QString &key, bool required = false) const
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined()) {
            if (required)
                error(QStringLiteral("\"%1\" is required").arg(key));
            return {};
        }
        if (!v.isArray())
            error(at(key), QStringLiteral("must be an array"));
        return v.toArray();
    }
    QStringList strings(const QString &key) const
    {
        QStringList out;
        const QJsonArray a = array(key);
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (!a.at(i).isString())
                error(at(key) + u'/' + QString::number(i), QStringLiteral("must be a string"));
            else
                out << a.at(i).toString();
        }
        return out;
    }
    std::optional<QJsonObject> object(const QString &key, bool required = false) const
    {
        const QJsonValue v = m_o.value(key);
        if (v.isUndefined()) {
            if (required)
                error(QStringLiteral("\"%1\" is required").arg(key));
            return std::nullopt;
        }
        if (!v.isObject()) {
            error(at(key), QStringLiteral("must be an object"));
            return std::nullopt;
        }
        return v.toObject();
    }
    CatalogText text(const QString &key, bool required) const
    {
        const auto o = object(key, required);
        if (!o)
            return {};
        const Reader r = child(*o, at(key));
        CatalogText t{r.string(QStringLiteral("zh_CN"), true),
                      r.string(QStringLiteral("en"), true)};
        r.known({"zh_CN", "en"});
        return t;
    }
    QString url(const QString &key, bool required) const
    {
        const QString s = string(key, required);
        if (!s.isEmpty()) {
            const QUrl u(s, QUrl::StrictMode);
            if (!u.isValid() ||
                (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")) ||
                u.host().isEmpty())
                error(at(key), QStringLiteral("\"%1\" is not an http(s) URL").arg(s));
        }
        return s;
    }
    /// "confirmed" and "note": an unconfirmed fact must say why.
    CatalogDoubt doubt() const
    {
        CatalogDoubt d{boolean(QStringLiteral("confirmed"), true), string(QStringLiteral("note"))};
        if (!d.confirmed && d.note.trimmed().isEmpty())
            error(QStringLiteral("\"confirmed\": false needs a \"note\" saying what is not "
                                 "confirmed and why"));
        return d;
    }
    void known(std::initializer_list<const char *> keys) const
    {
        QStringList names;
        for (const char *k : keys)
            names << QString::fromLatin1(k);
        for (auto it = m_o.begin(); it != m_o.end(); ++it) {
            if (!names.contains(it.key()))
                error(at(it.key()), QStringLiteral("unknown key \"%1\"%2; known keys: %3")
                                        .arg(it.key(), didYouMean(it.key(), names),
                                             names.join(QStringLiteral(", "))));
        }
    }

private:
    QJsonObject m_o;
    QString m_pointer;
    const QString *m_file;
    QStringList *m_errors;
};

void checkValue(const Reader &r, const QJsonValue &value)
{
    if (value.isString()) {
        QList<expr::ExprError> errors;
        expr::Expression::compile(value.toString(), &errors);
        for (const expr::ExprError &e : errors)
            r.error(r.at(QStringLiteral("value")),
                    QStringLiteral("`%1`: %2").arg(value.toString(), e.toString()));
    } else if (!value.isUndefined() && !value.isDouble() && !value.isBool()) {
        r.error(r.at(QStringLiteral("value")), QStringLiteral("must be a string, number or bool"));
    }
}

QList<CatalogParam> readParams(const Reader &parent, const QString &key)
{
    QList<CatalogParam> out;
    const QJsonArray a = parent.array(key);
    QSet<QString> seen;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString ptr = parent.at(key) + u'/' + QString::number(i);
        if (!a.at(i).isObject()) {
            parent.error(ptr, QStringLiteral("must be an object"));
            continue;
        }
        const Reader r = parent.child(a.at(i).toObject(), ptr);
        CatalogParam p;
        p.field = r.string(QStringLiteral("field"), true);
        p.label = r.text(QStringLiteral("label"), true);
        p.type = r.oneOf(QStringLiteral("type"), kTypes, true);
        p.required = r.boolean(QStringLiteral("required"), false);
        p.describe = r.string(QStringLiteral("describe"));
        p.value = r.raw(QStringLiteral("value"));
        checkValue(r, p.value);
        p.role = r.oneOf(QStringLiteral("role"), kRoles, false);
        p.items = r.oneOf(QStringLiteral("items"), kTypes, false);
        p.parser = r.raw(QStringLiteral("parser"));
        if (!p.parser.isUndefined()) {
            expr::ExprError e;
            if (!expr::Parser::compile(p.parser, &e).isValid())
                r.error(r.at(QStringLiteral("parser")), e.toString());
        }
        p.children = readParams(r, QStringLiteral("children"));
        if (!p.children.isEmpty() && p.type != QLatin1String("array") &&
            p.type != QLatin1String("object"))
            r.error(r.at(QStringLiteral("children")),
                    QStringLiteral("only an array or object parameter has children"));
        p.doubt = r.doubt();
        if (!p.field.isEmpty() && seen.contains(p.field))
            r.error(r.at(QStringLiteral("field")),
                    QStringLiteral("\"%1\" is listed twice").arg(p.field));
        seen.insert(p.field);
        r.known({"field", "label", "type", "required", "describe", "value", "role", "parser",
                 "items", "children", "confirmed", "note"});
        out << p;
    }
    return out;
}

QList<CatalogField> readFields(const Reader &parent, const QString &key)
{
    QList<CatalogField> out;
    const QJsonArray a = parent.array(key);
    QSet<QString> seen;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString ptr = parent.at(key) + u'/' + QString::number(i);
        if (!a.at(i).isObject()) {
            parent.error(ptr, QStringLiteral("must be an object"));
            continue;
        }
        const Reader r = parent.child(a.at(i).toObject(), ptr);
        CatalogField f;
        f.name = r.string(QStringLiteral("name"), true);
        f.label = r.text(QStringLiteral("label"), true);
        f.type = r.oneOf(QStringLiteral("type"), kTypes, true);
        f.describe = r.string(QStringLiteral("describe"));
        f.items = r.oneOf(QStringLiteral("items"), kTypes, false);
        f.entry = r.string(QStringLiteral("entry"));
        f.fields = readFields(r, QStringLiteral("fields"));
        if (!f.fields.isEmpty() && f.type != QLatin1String("array") &&
            f.type != QLatin1String("object"))
            r.error(r.at(QStringLiteral("fields")),
                    QStringLiteral("only an array or object field has fields"));
        f.doubt = r.doubt();
        if (!f.name.isEmpty() && seen.contains(f.name))
            r.error(r.at(QStringLiteral("name")),
                    QStringLiteral("\"%1\" is listed twice").arg(f.name));
        seen.insert(f.name);
        r.known(
            {"name", "label", "type", "describe", "items", "entry", "fields", "confirmed", "note"});
        out << f;
    }
    return out;
}

const CatalogField *findField(const QList<CatalogField> &fields, const QString &name)
{
    for (const CatalogField &f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

const CatalogParam *findParam(const QList<CatalogParam> &params, const QString &field)
{
    for (const CatalogParam &p : params) {
        if (p.field == field)
            return &p;
    }
    return nullptr;
}

std::optional<CatalogPaging> readPaging(const Reader &e)
{
    const auto o = e.object(QStringLiteral("paging"));
    if (!o)
        return std::nullopt;
    const Reader r = e.child(*o, e.at(QStringLiteral("paging")));
    CatalogPaging p;
    p.json = *o;
    p.kind = r.oneOf(QStringLiteral("kind"), kPagingKinds, true);
    p.defaultPageSize = int(r.number(QStringLiteral("defaultPageSize")));
    p.maxPageSize = int(r.number(QStringLiteral("maxPageSize")));
    for (const char *k : {"firstPage", "firstOffset"})
        r.number(QString::fromLatin1(k));
    for (const char *k : {"firstCursor", "offsetParam", "sizeParam", "cursorParam", "hasMorePath",
                          "pageCountPath", "totalPath", "nextCursorPath"})
        r.string(QString::fromLatin1(k));
    if (p.maxPageSize > 0 && p.defaultPageSize > p.maxPageSize)
        r.error(QStringLiteral("defaultPageSize %1 is above maxPageSize %2")
                    .arg(p.defaultPageSize)
                    .arg(p.maxPageSize));
    r.doubt();
    r.known({"kind", "firstPage", "firstOffset", "firstCursor", "offsetParam", "sizeParam",
             "cursorParam", "defaultPageSize", "maxPageSize", "hasMorePath", "pageCountPath",
             "totalPath", "nextCursorPath", "confirmed", "note"});
    return p;
}

std::optional<CatalogWindow> readWindow(const Reader &e, const QList<CatalogParam> &request)
{
    const auto o = e.object(QStringLiteral("window"));
    if (!o)
        return std::nullopt;
    const Reader r = e.child(*o, e.at(QStringLiteral("window")));
    CatalogWindow w;
    w.json = *o;
    w.startParam = r.string(QStringLiteral("startParam"));
    w.endParam = r.string(QStringLiteral("endParam"));
    const QString filter = r.string(QStringLiteral("filterParam"));
    r.string(QStringLiteral("field"));
    w.format = r.oneOf(QStringLiteral("format"), kWindowFormats, true);
    w.maxSpanDays = r.number(QStringLiteral("maxSpanDays"));
    r.number(QStringLiteral("maxAgeDays"));
    r.boolean(QStringLiteral("inclusive"), true);
    r.url(QStringLiteral("source"), false);
    r.doubt();
    if (w.startParam.isEmpty() && filter.isEmpty())
        r.error(QStringLiteral("a window names its \"startParam\" (or the \"filterParam\" that "
                               "holds it)"));
    for (const QString &name : {w.startParam, w.endParam, filter}) {
        if (!name.isEmpty() && !findParam(request, name))
            r.error(QStringLiteral("\"%1\" is not a request parameter of the endpoint").arg(name));
    }
    r.known({"startParam", "endParam", "filterParam", "field", "format", "maxSpanDays",
             "maxAgeDays", "inclusive", "source", "confirmed", "note"});
    return w;
}

CatalogEndpoint readEndpoint(const Reader &r, const QString &system, const QString &connection)
{
    CatalogEndpoint e;
    e.system = system;
    e.id = r.string(QStringLiteral("id"), true);
    e.title = r.text(QStringLiteral("title"), true);
    e.api = r.string(QStringLiteral("api"), true);
    e.method = r.oneOf(QStringLiteral("method"), {"GET", "POST"}, true);
    e.effect = r.oneOf(QStringLiteral("effect"), {"QUERY", "EXECUTE"}, true);
    e.source = r.url(QStringLiteral("source"), true);
    e.sources = r.strings(QStringLiteral("sources"));
    for (qsizetype i = 0; i < e.sources.size(); ++i) {
        const QUrl u(e.sources.at(i), QUrl::StrictMode);
        if (!u.isValid() || !u.scheme().startsWith(QLatin1String("http")))
            r.error(r.at(QStringLiteral("sources")) + u'/' + QString::number(i),
                    QStringLiteral("\"%1\" is not an http(s) URL").arg(e.sources.at(i)));
    }
    e.request = readParams(r, QStringLiteral("request"));
    if (!r.has(QStringLiteral("request")))
        r.error(QStringLiteral("\"request\" is required (it may be empty)"));
    e.otherRequest = readParams(r, QStringLiteral("otherRequest"));
    e.paging = readPaging(r);
    e.window = readWindow(r, e.request);
    if (const auto resp = r.object(QStringLiteral("response"), e.isQuery())) {
        const Reader rr = r.child(*resp, r.at(QStringLiteral("response")));
        e.recordPath = rr.string(QStringLiteral("recordPath"));
        rr.string(QStringLiteral("rows"));
        rr.boolean(QStringLiteral("scalarRecords"), false);
        rr.string(QStringLiteral("note"));
        e.fields = readFields(rr, QStringLiteral("fields"));
        if (e.isQuery() && e.fields.isEmpty())
            rr.error(QStringLiteral("a QUERY endpoint lists its record fields"));
        rr.known({"recordPath", "rows", "scalarRecords", "fields", "note"});
    }
    if (const auto keys = r.object(QStringLiteral("keys"))) {
        const Reader kr = r.child(*keys, r.at(QStringLiteral("keys")));
        e.idField = kr.string(QStringLiteral("id"));
        e.numberField = kr.string(QStringLiteral("number"));
        e.nameField = kr.string(QStringLiteral("name"));
        kr.known({"id", "number", "name"});
        // A source's keys are record fields; a target's are its own request fields.
        for (const char *k : {"id", "number", "name"}) {
            const QString name = kr.string(QString::fromLatin1(k));
            if (name.isEmpty())
                continue;
            const bool found = e.isQuery() ? findField(e.fields, name) != nullptr
                                           : findParam(e.request, name) != nullptr;
            if (!found)
                kr.error(kr.at(QString::fromLatin1(k)),
                         QStringLiteral("\"%1\" is not a %2 of the endpoint")
                             .arg(name, e.isQuery() ? QStringLiteral("record field")
                                                    : QStringLiteral("request field")));
        }
    }
    e.beatFlat = r.strings(QStringLiteral("beatFlat"));
    for (qsizetype i = 0; i < e.beatFlat.size(); ++i) {
        const CatalogField *f = findField(e.fields, e.beatFlat.at(i));
        if (!f || f->type != QLatin1String("array") || f->fields.isEmpty())
            r.error(r.at(QStringLiteral("beatFlat")) + u'/' + QString::number(i),
                    QStringLiteral("\"%1\" is not an array of records in the response")
                        .arg(e.beatFlat.at(i)));
    }
    e.autoFillResponse = r.boolean(QStringLiteral("autoFillResponse"), false);
    e.documentKey = r.string(QStringLiteral("documentKey"));
    for (const char *k : {"body", "batch"}) {
        if (const auto o = r.object(QString::fromLatin1(k))) {
            const Reader br = r.child(*o, r.at(QString::fromLatin1(k)));
            br.string(QStringLiteral("kind"));
            br.number(QStringLiteral("maxRecords"));
            br.string(QStringLiteral("note"));
            br.known({"kind", "maxRecords", "note"});
        }
    }
    if (const auto s = r.object(QStringLiteral("connectorSupport"), true)) {
        const Reader sr = r.child(*s, r.at(QStringLiteral("connectorSupport")));
        e.support = sr.oneOf(QStringLiteral("status"), kSupport, true);
        e.supportNote = sr.string(QStringLiteral("note"));
        if (e.support != QLatin1String("supported") && e.supportNote.isEmpty())
            sr.error(QStringLiteral("say in a \"note\" what Weft's connector lacks"));
        sr.known({"status", "note"});
    }
    const QJsonArray unconfirmed = r.array(QStringLiteral("unconfirmed"));
    for (qsizetype i = 0; i < unconfirmed.size(); ++i) {
        const Reader ur = r.child(unconfirmed.at(i).toObject(),
                                  r.at(QStringLiteral("unconfirmed")) + u'/' + QString::number(i));
        e.unconfirmed.append(
            {ur.string(QStringLiteral("fact"), true), ur.string(QStringLiteral("note"), true)});
        ur.known({"fact", "note"});
    }
    r.doubt();
    if (e.isQuery() && connection == QLatin1String("kingdee_k3cloud") &&
        (e.other(QStringLiteral("FormId")).isEmpty() ||
         e.other(QStringLiteral("FieldKeys")).isEmpty()))
        r.error(QStringLiteral("a K3Cloud query names FormId and FieldKeys in otherRequest"));
    r.known({"id",          "title",    "api",     "method",           "effect",
             "source",      "sources",  "request", "otherRequest",     "paging",
             "window",      "response", "keys",    "beatFlat",         "autoFillResponse",
             "documentKey", "body",     "batch",   "connectorSupport", "unconfirmed",
             "confirmed",   "note"});
    return e;
}

CatalogError readError(const Reader &r)
{
    CatalogError e;
    e.code = r.string(QStringLiteral("code"));
    e.kind = r.oneOf(QStringLiteral("kind"), kErrorKinds, true);
    e.message = r.text(QStringLiteral("message"), false);
    e.retry = r.string(QStringLiteral("retry"));
    e.source = r.url(QStringLiteral("source"), false);
    e.doubt = r.doubt();
    if (e.doubt.confirmed && e.source.isEmpty())
        r.error(QStringLiteral("a confirmed error code cites its \"source\"; mark it "
                               "\"confirmed\": false with a note when there is none"));
    r.known({"code", "kind", "message", "retry", "source", "confirmed", "note"});
    return e;
}

QString positionOf(const QByteArray &bytes, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("%1:%2").arg(line).arg(column);
}

} // namespace

std::optional<CatalogSystem> readCatalogSystem(const QByteArray &bytes, const QString &file,
                                               QStringList *errors)
{
    const qsizetype before = errors->size();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        errors->append(QStringLiteral("%1:%2: not a JSON object: %3")
                           .arg(file, positionOf(bytes, parseError.offset),
                                parseError.error != QJsonParseError::NoError
                                    ? parseError.errorString()
                                    : QStringLiteral("the top level is not an object")));
        return std::nullopt;
    }
    const Reader r(doc.object(), QString(), &file, errors);
    if (r.string(QStringLiteral("format"), true) != QLatin1String("weft-catalog"))
        r.error(r.at(QStringLiteral("format")), QStringLiteral("must be \"weft-catalog\""));
    const QJsonValue version = r.raw(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() != 1)
        r.error(r.at(QStringLiteral("version")), QStringLiteral("must be 1"));
    CatalogSystem s;
    s.file = file;
    s.id = r.string(QStringLiteral("system"), true);
    s.connectionType = r.string(QStringLiteral("connectionType"), true);
    if (!s.connectionType.isEmpty() && !connectorTypeFromName(s.connectionType))
        r.error(r.at(QStringLiteral("connectionType")),
                QStringLiteral("unknown connection type \"%1\"%2")
                    .arg(s.connectionType, didYouMean(s.connectionType, connectorTypeNames())));
    s.title = r.text(QStringLiteral("title"), true);
    s.documentation = r.url(QStringLiteral("documentation"), false);
    s.describe = r.string(QStringLiteral("describe"));
    s.sources = r.strings(QStringLiteral("sources"));
    if (const auto rate = r.object(QStringLiteral("rateLimit"))) {
        s.rateLimit = *rate;
        const Reader rr = r.child(*rate, r.at(QStringLiteral("rateLimit")));
        rr.number(QStringLiteral("perSecond"));
        rr.number(QStringLiteral("perMinute"));
        rr.url(QStringLiteral("source"), true);
        rr.known({"perSecond", "perMinute", "source"});
    }
    const QJsonArray errorList = r.array(QStringLiteral("errors"));
    for (qsizetype i = 0; i < errorList.size(); ++i)
        s.errors << readError(
            r.child(errorList.at(i).toObject(), QStringLiteral("/errors/%1").arg(i)));
    const QJsonArray endpoints = r.array(QStringLiteral("endpoints"), true);
    QSet<QString> ids;
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        const QString ptr = QStringLiteral("/endpoints/%1").arg(i);
        if (!endpoints.at(i).isObject()) {
            r.error(ptr, QStringLiteral("must be an object"));
            continue;
        }
        CatalogEndpoint e =
            readEndpoint(r.child(endpoints.at(i).toObject(), ptr), s.id, s.connectionType);
        e.pointer = ptr;
        if (ids.contains(e.id))
            r.error(ptr + QStringLiteral("/id"),
                    QStringLiteral("another endpoint is also \"%1\"").arg(e.id));
        ids.insert(e.id);
        s.endpoints << e;
    }
    r.known({"format", "version", "system", "connectionType", "title", "documentation", "describe",
             "sources", "rateLimit", "errors", "endpoints"});
    if (errors->size() != before)
        return std::nullopt;
    return s;
}

} // namespace weft
