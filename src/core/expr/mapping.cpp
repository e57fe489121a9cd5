#include "core/expr/mapping.h"

#include "core/expr/sqlvalue.h"

#include <QHash>
#include <QJsonArray>

#include <cmath>
#include <functional>

namespace weft::expr {

QString FieldError::toString(const QString &scheme) const
{
    QString out = formatError(scheme, field, text, error);
    if (record >= 0)
        out += QStringLiteral(" (record %1)").arg(record);
    return out;
}

Mapping::Field Mapping::compileField(const FieldSpec &spec, const QString &prefix,
                                     const CompileOptions &options, QList<FieldError> &errors)
{
    Field f;
    f.name = spec.name;
    f.path = prefix.isEmpty() ? spec.name : prefix + QLatin1Char('/') + spec.name;
    if (!spec.children.isEmpty()) {
        bool usesList = false;
        std::function<void(const Field &)> scan = [&](const Field &c) {
            usesList = usesList || c.value.usesListRows();
            for (const Field &g : c.children)
                scan(g);
        };
        for (const FieldSpec &child : spec.children) {
            f.children.append(compileField(child, f.path, options, errors));
            scan(f.children.last());
        }
        const QString type = spec.type.trimmed().toLower();
        f.isList = type == QLatin1String("array") || (type != QLatin1String("object") && usesList);
        return f;
    }
    if (spec.value.isUndefined())
        return f;
    f.hasValue = true;
    f.type = spec.type.trimmed().toLower();
    f.valueType = valueTypeOf(f.type);
    if (spec.value.isString()) {
        QList<ExprError> exprErrors;
        f.value = Expression::compile(spec.value.toString(), &exprErrors, options);
        for (const ExprError &e : exprErrors)
            errors.append({f.path, spec.value.toString(), e, -1});
    } else {
        f.value = Expression::constant(spec.value);
    }
    f.reads = f.value.referencedFields();
    f.plainField = f.value.plainField();
    ExprError parserError;
    f.parser = Parser::compile(spec.parser, &parserError);
    if (!f.parser.isValid())
        errors.append({f.path, detail::jsonToText(spec.parser), parserError, -1});
    return f;
}

Mapping Mapping::compile(const QList<FieldSpec> &fields, QList<FieldError> *errors,
                         const CompileOptions &options)
{
    Mapping m;
    for (const FieldSpec &spec : fields) {
        m.m_fields.append(compileField(spec, QString(), options, m.m_errors));
        m.m_flat = m.m_flat && m.m_fields.last().children.isEmpty();
        m.m_readsListRows = m.m_readsListRows || m.m_fields.last().value.usesListRows();
        std::function<bool(const Field &)> hasList = [&](const Field &f) {
            if (f.isList)
                return true;
            for (const Field &c : f.children) {
                if (hasList(c))
                    return true;
            }
            return false;
        };
        m.m_hasChildLists = m.m_hasChildLists || hasList(m.m_fields.last());
    }
    if (errors)
        *errors += m.m_errors;
    return m;
}

void Mapping::evalFields(const QList<Field> &fields, EvalContext &ctx,
                         const QList<QJsonObject> &rows, const QList<int> &indices, int row,
                         QJsonObject &out, QList<FieldError> &errors) const
{
    for (const Field &f : fields) {
        if (!f.children.isEmpty()) {
            if (f.isList) {
                QJsonArray list;
                for (int r = 0; r < rows.size(); ++r) {
                    ctx.setListRow(&rows[r]);
                    QJsonObject entry;
                    evalFields(f.children, ctx, rows, indices, r, entry, errors);
                    list.append(entry);
                }
                ctx.setListRow(&rows[row]);
                out.insert(f.name, list);
            } else {
                QJsonObject object;
                evalFields(f.children, ctx, rows, indices, row, object, errors);
                out.insert(f.name, object);
            }
            continue;
        }
        if (!f.hasValue)
            continue;
        ExprError error;
        QJsonValue v = f.value.evaluate(ctx, &error);
        if (v.isUndefined()) {
            errors.append({f.path, f.value.text(), error, indices.value(row, row)});
            continue;
        }
        ExprError typeError;
        if (!convertToValueType(f.valueType, f.type, &v, &typeError)) {
            errors.append({f.path, f.value.text(), typeError, indices.value(row, row)});
            continue;
        }
        if (!f.parser.isNull()) {
            ExprError parserError;
            v = f.parser.apply(v, &parserError);
            if (v.isUndefined()) {
                errors.append({f.path, f.value.text(), parserError, indices.value(row, row)});
                continue;
            }
        }
        out.insert(f.name, v);
    }
}

bool Mapping::usesLookups() const
{
    const std::function<bool(const QList<Field> &)> any = [&any](const QList<Field> &fields) {
        for (const Field &f : fields) {
            if ((f.hasValue && f.value.usesLookups()) || any(f.children))
                return true;
        }
        return false;
    };
    return any(m_fields);
}

QStringList Mapping::recordIndependentFields() const
{
    QStringList paths;
    const std::function<void(const QList<Field> &)> scan = [&](const QList<Field> &fields) {
        for (const Field &f : fields) {
            if (f.hasValue && f.children.isEmpty() && !f.value.isConstant() &&
                f.value.referencedFields().isEmpty())
                paths.append(f.path);
            else if (!f.isList) // a child list's entries are per row: left as they are
                scan(f.children);
        }
    };
    scan(m_fields);
    return paths;
}

QStringList Mapping::fieldNames() const
{
    QStringList names;
    names.reserve(m_fields.size());
    for (const Field &f : m_fields)
        names.append(f.name);
    return names;
}

bool Mapping::mapValues(const RecordView &record, const EvalContext &base,
                        QList<QJsonValue> *values, QList<FieldError> *errors,
                        int recordIndex, HeaderValues *header, QList<QString> *texts) const
{
    Q_ASSERT(m_flat);
    if (!m_errors.isEmpty()) {
        *errors += m_errors;
        return false;
    }
    // {{list.x}} reads the record as a detail row, which must be one object.
    if (m_readsListRows && (record.hasElement() || record.isTape()))
        return mapValues(RecordView(record.merged()), base, values, errors, recordIndex, nullptr,
                         texts);
    const qsizetype n = m_fields.size();
    // Fields that read only the header are kept for the header's next elements.
    const bool reuse = header && header->m_header >= 0 && record.hasElement();
    if (reuse && (header->m_prefix != record.prefix || header->m_eligible.size() != n)) {
        header->m_prefix = record.prefix;
        header->m_values.clear();
        header->m_eligible.resize(n);
        for (qsizetype i = 0; i < n; ++i) {
            const Field &f = m_fields.at(i);
            bool headerOnly = f.hasValue && !f.value.usesLookups() && !f.value.usesListRows();
            for (const QString &name : f.reads)
                headerOnly = headerOnly && !name.startsWith(record.prefix);
            header->m_eligible[i] = headerOnly;
        }
    }
    if (reuse && header->m_values.size() != n) {
        header->m_values = QList<QJsonValue>(n, QJsonValue(QJsonValue::Undefined));
        header->m_texts = QList<QString>(n);
    }
    if (header && header->m_objectSlots.size() != n) {
        header->m_elementSlots = QList<int>(n, -1);
        header->m_objectSlots = QList<int>(n, -1);
    }
    EvalContext ctx = base;
    ctx.setRecord(record);
    ctx.setListRow(&record.object);
    values->clear();
    values->reserve(n);
    if (texts) {
        texts->clear();
        texts->resize(n);
    }
    bool ok = true;
    for (qsizetype i = 0; i < n; ++i) {
        const Field &f = m_fields.at(i);
        if (!f.hasValue) {
            values->append(QJsonValue(QJsonValue::Undefined));
            continue;
        }
        const bool keep = reuse && header->m_eligible.at(i);
        if (keep && !header->m_values.at(i).isUndefined()) {
            const QJsonValue &kept = header->m_values.at(i);
            if (texts) {
                values->append(kept);
                (*texts)[i] = header->m_texts.at(i);
            } else {
                values->append(kept.isString() ? QJsonValue(header->m_texts.at(i)) : kept);
            }
            continue;
        }
        ExprError error;
        QJsonValue v;
        QString text;
        if (!f.plainField.isEmpty()) {
            // What evaluate() answers for it, without the evaluator: most values are this.
            // A string the conversion and parser leave as it is may come as its text alone
            // (from a tape record: no QJsonValue of it made), as if converted to text.
            const bool textAsIs = texts && f.parser.isNull() &&
                                  (f.valueType == ValueType::Text ||
                                   f.valueType == ValueType::None ||
                                   f.valueType == ValueType::Other);
            v = header ? record.value(f.plainField, &header->m_elementSlots[i],
                                      &header->m_objectSlots[i], textAsIs ? &text : nullptr)
                       : record.value(f.plainField);
            if (v.isUndefined())
                v = QJsonValue(QJsonValue::Null);
        } else {
            v = f.value.evaluate(ctx, &error);
            if (v.isUndefined()) {
                errors->append({f.path, f.value.text(), error, recordIndex});
                ok = false;
                values->append(v);
                continue;
            }
        }
        // A string is handed on as its text (in `texts`, or kept for the header's next
        // elements) and, with `texts`, a bare QJsonValue::String: no QJsonValue copy of the
        // text per field (TargetRecord::value() puts them together again).
        bool converted = convertToValueType(f.valueType, f.type, &v, &error, &text);
        bool bare = !text.isNull(); // a number or bool made text: `v` says only "a string"
        if (converted && !f.parser.isNull()) {
            if (bare)
                v = QJsonValue(text);
            v = f.parser.apply(v, &error);
            converted = !v.isUndefined();
            text = QString();
            bare = false;
        }
        if (!v.isString())
            text = QString();
        else if (!bare && (texts || keep))
            text = v.toString();
        if (v.isString() && texts)
            v = QJsonValue(QJsonValue::String);
        else if (bare)
            v = QJsonValue(text);
        if (!converted) {
            errors->append({f.path, f.value.text(), error, recordIndex});
            ok = false;
        } else if (keep) { // failures are evaluated again: each element reports its own
            header->m_values[i] = v;
            header->m_texts[i] = text;
        }
        if (texts)
            (*texts)[i] = std::move(text);
        values->append(std::move(v));
    }
    return ok;
}

Document Mapping::map(const QJsonObject &record, const EvalContext &base, int recordIndex) const
{
    return mapGroup({record}, {recordIndex}, base);
}

Document Mapping::mapGroup(const QList<QJsonObject> &records, const QList<int> &indices,
                           const EvalContext &base) const
{
    Document doc;
    doc.records = indices;
    if (!m_errors.isEmpty()) {
        doc.errors = m_errors;
        return doc;
    }
    if (records.isEmpty())
        return doc;
    EvalContext ctx = base;
    ctx.setRecord(records.first());
    ctx.setListRow(&records.first());
    ctx.setListRows(&records);
    evalFields(m_fields, ctx, records, indices, 0, doc.payload, doc.errors);
    return doc;
}

QList<Document> Mapping::buildDocuments(const QList<QJsonObject> &records,
                                        const Expression &documentKey,
                                        const EvalContext &base) const
{
    QList<FieldError> keyErrors;
    const QList<QList<int>> groups = groupRecords(records, documentKey, base, &keyErrors);
    QList<Document> docs;
    docs.reserve(groups.size());
    QList<QJsonObject> members;
    for (const QList<int> &group : groups) {
        members.clear();
        for (int i : group)
            members.append(records[i]);
        Document doc = mapGroup(members, group, base);
        for (const FieldError &e : keyErrors) {
            if (group.contains(e.record))
                doc.errors.prepend(e);
        }
        docs.append(std::move(doc));
    }
    return docs;
}

ValueType valueTypeOf(const QString &type)
{
    if (type.isEmpty())
        return ValueType::None;
    if (type == QLatin1String("string") || type == QLatin1String("text"))
        return ValueType::Text;
    if (type == QLatin1String("int") || type == QLatin1String("integer") ||
        type == QLatin1String("long") || type == QLatin1String("bigint"))
        return ValueType::Integer;
    if (type == QLatin1String("float") || type == QLatin1String("double") ||
        type == QLatin1String("decimal") || type == QLatin1String("number") ||
        type == QLatin1String("numeric"))
        return ValueType::Number;
    if (type == QLatin1String("bool") || type == QLatin1String("boolean"))
        return ValueType::Bool;
    return ValueType::Other;
}

bool convertToType(const QString &type, QJsonValue *value, ExprError *error)
{
    return convertToValueType(valueTypeOf(type), type, value, error);
}

namespace {
/// "-123…": an optional sign and digits only.
bool isIntegerText(QStringView t)
{
    if (t.startsWith(u'-') || t.startsWith(u'+'))
        t = t.mid(1);
    if (t.isEmpty())
        return false;
    for (const QChar c : t) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}
} // namespace

bool convertToValueType(ValueType kind, const QString &type, QJsonValue *value, ExprError *error,
                        QString *madeText)
{
    if (kind == ValueType::None || kind == ValueType::Other || value->isNull() ||
        value->isUndefined())
        return true;
    if (kind == ValueType::Text) {
        if (value->isDouble() || value->isBool()) {
            QString text = detail::jsonToText(*value);
            if (madeText) {
                *value = QJsonValue(QJsonValue::String);
                *madeText = std::move(text);
            } else {
                *value = text;
            }
        }
        return true;
    }
    if (kind == ValueType::Integer || kind == ValueType::Number) {
        if (value->isString()) {
            const QString t = value->toString().trimmed();
            if (t.isEmpty()) {
                *value = QJsonValue(QJsonValue::Null);
                return true;
            }
            // An integer is read as one: through a double, 1234567890123456789 would become
            // 1234567890123456768. One too long even for 64 bits keeps its digits as text
            // (a DECIMAL(38,0) column takes them exactly; a BIGINT one refuses them).
            bool ok = false;
            if (const qint64 n = t.toLongLong(&ok); ok) {
                *value = QJsonValue(n);
                return true;
            }
            if (isIntegerText(t)) {
                *value = QJsonValue(t);
                return true;
            }
            const double d = t.toDouble(&ok);
            if (!ok) {
                error->message = QStringLiteral("\"%1\" is not a number (the field's type is %2)")
                                     .arg(t.left(60), type);
                error->suggestion = QStringLiteral("map a numeric field, or declare the type "
                                                   "\"string\"");
                return false;
            }
            *value = d;
        } else if (value->isBool()) {
            *value = value->toBool() ? 1 : 0;
        }
        if (kind == ValueType::Integer && value->isDouble() &&
            value->toDouble() != std::floor(value->toDouble())) {
            error->message = QStringLiteral("%1 is not a whole number (the field's type is %2)")
                                 .arg(value->toDouble())
                                 .arg(type);
            error->suggestion = QStringLiteral("round it with _function ROUND(…), or declare the "
                                               "type \"float\"");
            return false;
        }
        return true;
    }
    // ValueType::Bool
    if (value->isString()) {
        const QString t = value->toString().trimmed().toLower();
        *value = !(t.isEmpty() || t == QLatin1String("false") || t == QLatin1String("0"));
    } else if (value->isDouble()) {
        *value = value->toDouble() != 0;
    }
    return true;
}

Expression Mapping::defaultDocumentKey(const QString &idField)
{
    return Expression::compile(QStringLiteral("{%1}").arg(idField));
}

QList<QList<int>> groupRecords(const QList<QJsonObject> &records, const Expression &key,
                               const EvalContext &base, QList<FieldError> *errors)
{
    QList<QList<int>> groups;
    QHash<QString, qsizetype> groupOf;
    EvalContext ctx = base;
    for (int i = 0; i < int(records.size()); ++i) {
        ctx.setRecord(records[i]);
        ctx.setListRow(&records[i]);
        ExprError error;
        const QJsonValue v = key.evaluate(ctx, &error);
        if (v.isUndefined() && errors)
            errors->append({QStringLiteral("document key"), key.text(), error, i});
        const QString text = (v.isUndefined() || v.isNull()) ? QString() : detail::jsonToText(v);
        if (text.isEmpty()) {
            groups.append(QList<int>{i});
            continue;
        }
        const auto it = groupOf.constFind(text);
        if (it == groupOf.cend()) {
            groupOf.insert(text, groups.size());
            groups.append(QList<int>{i});
        } else {
            groups[it.value()].append(i);
        }
    }
    return groups;
}

} // namespace weft::expr
