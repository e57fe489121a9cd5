#include "core/expr/fieldref.h"

#include "core/expr/datetime.h"
#include "core/expr/evalcontext.h"
#include "core/expr/sqlvalue.h"
#include "core/util/textdistance.h"

#include <QJsonArray>
#include <cmath>

namespace weft::expr::detail {

namespace {

struct SystemVarName {
    const char *name;
    SystemVar var;
};
constexpr SystemVarName kSystemVars[] = {
    {"LAST_SYNC_TIME", SystemVar::LastSyncTime},
    {"CURRENT_TIME", SystemVar::CurrentTime},
    {"PAGINATION_START_PAGE", SystemVar::PaginationStartPage},
    {"PAGINATION_PAGE_SIZE", SystemVar::PaginationPageSize},
    {"RUN_ID", SystemVar::RunId},
};

struct FilterName {
    const char *name;
    Filter filter;
};
constexpr FilterName kFilters[] = {
    {"datetime", Filter::DateTime},
    {"date", Filter::Date},
    {"timestamp", Filter::Timestamp},
    {"timestamp_ms", Filter::TimestampMs},
};

bool isNameChar(QChar c)
{
    return c == QLatin1Char('_') || c == QLatin1Char('$') || c.isLetterOrNumber() ||
           (c.unicode() >= 0x80 && !c.isSpace());
}

void addError(QList<ExprError> *errors, QString message, int position, int length,
              QString suggestion = {})
{
    if (errors)
        errors->append({std::move(message), position, length, std::move(suggestion)});
}

// Resolves `segments[from…]` below `v`; `mapped` is set when an array was mapped over.
QJsonValue resolveFrom(const QJsonValue &v, const QList<PathSegment> &segs, qsizetype from,
                       bool *mapped)
{
    if (from == segs.size())
        return v;
    const PathSegment &seg = segs[from];
    if (v.isObject()) {
        const QJsonValue next = v.toObject().value(seg.key);
        if (next.isUndefined())
            return next;
        return resolveFrom(next, segs, from + 1, mapped);
    }
    if (v.isArray()) {
        const QJsonArray array = v.toArray();
        if (seg.index >= 0) {
            if (seg.index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            return resolveFrom(array.at(seg.index), segs, from + 1, mapped);
        }
        QJsonArray out;
        for (const QJsonValue &element : array) {
            bool inner = false;
            const QJsonValue r = resolveFrom(element, segs, from, &inner);
            if (inner && r.isArray()) {
                for (const QJsonValue &x : r.toArray())
                    out.append(x);
            } else {
                out.append(r.isUndefined() ? QJsonValue(QJsonValue::Null) : r);
            }
        }
        *mapped = true;
        return out;
    }
    return QJsonValue(QJsonValue::Undefined);
}

FieldRef parseFieldRef(QStringView content, int position, int length, int contentOffset,
                       QList<ExprError> *errors)
{
    FieldRef ref;
    ref.source = content.toString();
    ref.position = position;
    ref.length = length;
    const QList<QStringView> pieces = content.split(QLatin1Char('|'));
    const QStringView pathText = pieces.first().trimmed();
    if (pathText.isEmpty()) {
        addError(errors, QStringLiteral("empty template"), position, length,
                 QStringLiteral("write a field name between the braces, e.g. {{id}}"));
        return ref;
    }
    ref.path = parsePath(pathText);
    for (const PathSegment &seg : ref.path.segments) {
        if (seg.key.isEmpty()) {
            addError(errors, QStringLiteral("empty name in the path '%1'").arg(pathText),
                     contentOffset, int(content.size()), QStringLiteral("remove the extra '.'"));
            break;
        }
    }
    if (ref.path.segments.size() > 1 && ref.path.segments.first().key == QLatin1String("list")) {
        ref.list = true;
        ref.path.segments.removeFirst();
        ref.path.text = pathText.mid(5).toString();
    } else if (ref.path.segments.size() == 1) {
        const QString &name = ref.path.segments.first().key;
        for (const SystemVarName &s : kSystemVars) {
            if (name == QLatin1String(s.name))
                ref.system = s.var;
        }
        if (name.startsWith(QLatin1String("DAYS_AGO_"))) {
            bool ok = false;
            const int n = name.mid(9).toInt(&ok);
            if (ok && n >= 0 && n <= 100000) {
                ref.system = SystemVar::DaysAgo;
                ref.daysAgo = n;
            }
        }
    }
    int filterOffset = contentOffset + int(pieces.first().size()) + 1;
    for (qsizetype k = 1; k < pieces.size(); ++k) {
        const QStringView name = pieces[k].trimmed();
        bool found = false;
        for (const FilterName &f : kFilters) {
            if (name.compare(QLatin1String(f.name), Qt::CaseInsensitive) == 0) {
                ref.filters.append(f.filter);
                found = true;
            }
        }
        if (!found) {
            const QString nearest = nearestName(name.toString(), filterNames());
            addError(errors, QStringLiteral("unknown filter |%1").arg(name), filterOffset - 1,
                     int(pieces[k].size()) + 1,
                     nearest.isEmpty() ? QStringLiteral("filters are |%1")
                                             .arg(filterNames().join(QStringLiteral(", |")))
                                       : QStringLiteral("did you mean |%1?").arg(nearest));
        }
        filterOffset += int(pieces[k].size()) + 1;
    }
    return ref;
}

// The instant a filter input stands for, in milliseconds since 1970 UTC.
std::optional<qint64> instantOf(const QJsonValue &v, const EvalContext &ctx)
{
    auto fromNumber = [](double d) -> std::optional<qint64> {
        if (!std::isfinite(d) || std::fabs(d) > 4e14)
            return std::nullopt;
        // Numbers from 10^11 on are milliseconds: as seconds they would be after year 5000.
        return std::fabs(d) >= 1e11 ? qint64(std::llround(d)) : qint64(std::llround(d * 1000));
    };
    if (v.isDouble())
        return fromNumber(v.toDouble());
    if (v.isString()) {
        const QString s = v.toString().trimmed();
        if (auto lit = parseNumberLiteral(s))
            return fromNumber(toDouble(*lit));
        auto parsed = dt::parse(s);
        if (!parsed || !dt::isValidDate(*parsed))
            return std::nullopt;
        const qint64 utc = ctx.wallToUtc(dt::toEpochSeconds(*parsed));
        return utc * 1000 + parsed->micro / 1000;
    }
    return std::nullopt;
}

std::optional<QJsonValue> applyFilter(const QJsonValue &v, Filter filter, const FieldRef &ref,
                                      const EvalContext &ctx, ExprError *error)
{
    if (v.isNull() || v.isUndefined())
        return v;
    const auto ms = instantOf(v, ctx);
    if (!ms) {
        QString name;
        for (const FilterName &f : kFilters) {
            if (f.filter == filter)
                name = QLatin1String(f.name);
        }
        if (error) {
            *error = {QStringLiteral("|%1 cannot read %2 as a time")
                          .arg(name, v.isString()
                                         ? QLatin1Char('\'') + v.toString() + QLatin1Char('\'')
                                         : jsonToText(v)),
                      ref.position, ref.length,
                      QStringLiteral("the value must be Unix seconds, milliseconds or "
                                     "YYYY-MM-DD HH:MM:SS")};
        }
        return std::nullopt;
    }
    const qint64 seconds = *ms >= 0 ? *ms / 1000 : -((-*ms + 999) / 1000);
    switch (filter) {
    case Filter::Timestamp:
        return QJsonValue(seconds);
    case Filter::TimestampMs:
        return QJsonValue(*ms);
    case Filter::DateTime:
    case Filter::Date: {
        const DateTime wall = dt::fromEpochSeconds(seconds + ctx.offsetAtUtc(seconds));
        return QJsonValue(dt::toString(wall, filter == Filter::DateTime));
    }
    }
    return v;
}

} // namespace

QString FieldRef::fieldName() const
{
    if (system != SystemVar::None || path.segments.isEmpty())
        return {};
    return path.segments.first().key;
}

FieldPath parsePath(QStringView text)
{
    FieldPath path;
    path.text = text.toString();
    for (QStringView piece : text.split(QLatin1Char('.'))) {
        PathSegment seg;
        seg.key = piece.trimmed().toString();
        bool ok = false;
        const int index = seg.key.toInt(&ok);
        if (ok && index >= 0 && !seg.key.startsWith(QLatin1Char('+')))
            seg.index = index;
        path.segments.append(seg);
    }
    return path;
}

namespace {

/// resolvePath over any root that answers value(key) for its top-level fields.
template<typename Root>
QJsonValue resolveIn(const Root &root, const FieldPath &path)
{
    if (path.segments.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonValue first = root.value(path.segments.first().key);
    if (path.segments.size() == 1)
        return first;
    bool mapped = false;
    QJsonValue v = first.isUndefined() ? first : resolveFrom(first, path.segments, 1, &mapped);
    if (v.isUndefined()) {
        const QJsonValue whole = root.value(path.text);
        if (!whole.isUndefined())
            return whole;
    }
    return v;
}

} // namespace

QJsonValue resolvePath(const QJsonObject &root, const FieldPath &path)
{
    return resolveIn(root, path);
}

QJsonValue resolvePath(const RecordView &root, const FieldPath &path)
{
    return resolveIn(root, path);
}

/// The record's fields as the context sees them (a view's element included).
struct ContextRecord {
    const EvalContext &ctx;
    QJsonValue value(QStringView key) const { return ctx.recordValue(key); }
};

QStringList systemVariableNames()
{
    QStringList names;
    for (const SystemVarName &s : kSystemVars)
        names << QLatin1String(s.name);
    names << QStringLiteral("DAYS_AGO_1");
    return names;
}

QStringList filterNames()
{
    QStringList names;
    for (const FilterName &f : kFilters)
        names << QLatin1String(f.name);
    return names;
}

bool parseTemplateAt(QStringView text, qsizetype i, int offset, QList<ExprError> *errors,
                     FieldRef *ref, qsizetype *next)
{
    const qsizetype n = text.size();
    const bool twoBraces = i + 1 < n && text[i + 1] == QLatin1Char('{');
    if (!twoBraces && !(i + 1 < n && isNameChar(text[i + 1])))
        return false; // "{" before a quote or a space: literal text such as JSON
    const qsizetype contentStart = i + (twoBraces ? 2 : 1);
    qsizetype j = contentStart;
    while (j < n && text[j] != QLatin1Char('}') && text[j] != QLatin1Char('{'))
        ++j;
    const int position = offset + int(i);
    const QString closer = twoBraces ? QStringLiteral("}}") : QStringLiteral("}");
    if (j >= n || text[j] == QLatin1Char('{')) {
        addError(errors, QStringLiteral("unclosed template"), position, int(j - i),
                 j >= n ? QStringLiteral("close it with %1").arg(closer)
                        : QStringLiteral("close it with %1 before the next {").arg(closer));
        *ref = parseFieldRef(text.mid(contentStart, j - contentStart), position, int(j - i),
                             offset + int(contentStart), nullptr);
        *next = j;
        return true;
    }
    qsizetype closeLength = 1;
    if (twoBraces) {
        if (j + 1 < n && text[j + 1] == QLatin1Char('}'))
            closeLength = 2;
        else
            addError(errors, QStringLiteral("template opened with {{ is closed with }"),
                     offset + int(j), 1, QStringLiteral("write }}"));
    }
    *ref = parseFieldRef(text.mid(contentStart, j - contentStart), position,
                         int(j + closeLength - i), offset + int(contentStart), errors);
    *next = j + closeLength;
    return true;
}

QList<TemplatePart> parseTemplate(QStringView text, int offset, QList<ExprError> *errors)
{
    QList<TemplatePart> parts;
    QString literal;
    auto flush = [&] {
        if (literal.isEmpty())
            return;
        TemplatePart part;
        part.literal = literal;
        parts.append(part);
        literal.clear();
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text[i];
        FieldRef ref;
        qsizetype next = 0;
        if (c != QLatin1Char('{') || !parseTemplateAt(text, i, offset, errors, &ref, &next)) {
            literal += c;
            ++i;
            continue;
        }
        flush();
        TemplatePart part;
        part.isField = true;
        part.field = std::move(ref);
        parts.append(part);
        i = next;
    }
    flush();
    return parts;
}

std::optional<QJsonValue> evaluateFieldRef(const FieldRef &ref, const EvalContext &ctx,
                                           ExprError *error)
{
    QJsonValue v;
    auto unset = [&](const char *name) -> std::optional<QJsonValue> {
        if (error)
            *error = {QStringLiteral("%1 is not set here").arg(QLatin1String(name)), ref.position,
                      ref.length,
                      QStringLiteral("the runner sets it for each request; a preview must set "
                                     "it in the preview settings")};
        return std::nullopt;
    };
    // Only the time variables need it: a record field is read far more often.
    const auto nowSeconds = [&ctx] { return ctx.now().toSecsSinceEpoch(); };
    switch (ref.system) {
    case SystemVar::LastSyncTime:
        if (!ctx.lastSyncTime())
            return unset("LAST_SYNC_TIME");
        v = QJsonValue(*ctx.lastSyncTime());
        break;
    case SystemVar::CurrentTime:
        v = QJsonValue(nowSeconds());
        break;
    case SystemVar::DaysAgo:
        v = QJsonValue(nowSeconds() - qint64(ref.daysAgo) * 86400);
        break;
    case SystemVar::PaginationStartPage:
        if (!ctx.paginationStartPage())
            return unset("PAGINATION_START_PAGE");
        v = QJsonValue(*ctx.paginationStartPage());
        break;
    case SystemVar::PaginationPageSize:
        if (!ctx.paginationPageSize())
            return unset("PAGINATION_PAGE_SIZE");
        v = QJsonValue(*ctx.paginationPageSize());
        break;
    case SystemVar::RunId:
        if (ctx.runId().isEmpty())
            return unset("RUN_ID");
        v = QJsonValue(ctx.runId());
        break;
    case SystemVar::None:
        if (ref.list) {
            if (const QJsonObject *row = ctx.listRow()) {
                v = resolvePath(*row, ref.path);
            } else if (!ctx.recordValue(u"list").isUndefined()) {
                v = resolveIn(ContextRecord{ctx},
                              parsePath(QString(QLatin1String("list.") + ref.path.text)));
            } else {
                if (error)
                    *error = {QStringLiteral("{{list.%1}} reads a detail row, but this value is "
                                             "not evaluated per detail row")
                                  .arg(ref.path.text),
                              ref.position, ref.length,
                              QStringLiteral("use {{%1}} for the record's own field, or map it "
                                             "in a child list such as FEntity")
                                  .arg(ref.path.text)};
                return std::nullopt;
            }
        } else {
            v = resolveIn(ContextRecord{ctx}, ref.path);
        }
        break;
    }
    for (Filter f : ref.filters) {
        auto next = applyFilter(v, f, ref, ctx, error);
        if (!next)
            return std::nullopt;
        v = *next;
    }
    return v;
}

std::optional<QJsonValue> evaluateTemplate(const QList<TemplatePart> &parts, const EvalContext &ctx,
                                           ExprError *error)
{
    if (parts.size() == 1 && parts.first().isField) {
        auto v = evaluateFieldRef(parts.first().field, ctx, error);
        if (v && v->isUndefined())
            return QJsonValue(QJsonValue::Null);
        return v;
    }
    QString text;
    text.reserve(24 * parts.size()); // one allocation for most: "{io_id}-{items_ioi_id}"
    if (!appendTemplateText(parts, ctx, text, error))
        return std::nullopt;
    return QJsonValue(text);
}

bool appendTemplateText(const QList<TemplatePart> &parts, const EvalContext &ctx, QString &out,
                        ExprError *error)
{
    for (const TemplatePart &part : parts) {
        if (!part.isField) {
            out += part.literal;
            continue;
        }
        const auto v = evaluateFieldRef(part.field, ctx, error);
        if (!v)
            return false;
        if (v->isString())
            out += v->toString();
        else
            out += jsonToText(*v);
    }
    return true;
}

} // namespace weft::expr::detail
