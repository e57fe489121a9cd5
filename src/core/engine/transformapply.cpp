#include "core/engine/schemetransform.h"
#include "core/expr/shaping.h"
#include "core/expr/sqlvalue.h"
#include "core/state/statestore.h"
#include "core/util/jsontape.h"

#include <QJsonArray>
#include <functional>
#include <optional>

namespace weft::detail {

using expr::EvalContext;
using expr::ExprError;
using expr::Expression;

TransformInput SchemeTransform::identify(const expr::RecordView &record) const
{
    TransformInput in;
    in.record = record;
    in.id = scalarText(record.value(m_idField));
    // Sources often name one field for all three (seed 002: io_id): read and converted once.
    const auto text = [&](const QString &field) {
        if (field.isEmpty())
            return QString();
        if (field == m_idField)
            return in.id;
        return scalarText(record.value(field));
    };
    in.number = text(m_numberField);
    in.name = m_nameField == m_numberField ? in.number : text(m_nameField);
    return in;
}

QList<TransformInput> SchemeTransform::flatten(const TransformInput &input,
                                               const QStringList &arrays) const
{
    QList<TransformInput> out;
    // Elements stay views of their header: nothing is copied per element.
    const QJsonObject whole = input.record.merged();
    for (expr::FlatView &flat : expr::beatFlatViews(whole, arrays, m_idField)) {
        TransformInput in = input;
        in.record = std::move(flat.record);
        in.header = -1; // apply() names the header of the source's own beatFlat
        // The element's index suffixes the id this record already has, so a second flatten
        // (a step after beatFlat) keeps ids unique: "io1-0-2".
        if (flat.element >= 0)
            in.id = input.id.isEmpty() ? flat.id
                                       : input.id + u'-' + QString::number(flat.element);
        out.append(std::move(in));
    }
    return out;
}

QByteArray SchemeTransform::hashOf(const TargetRecord &record) const
{
    // What idCheck compares between runs: the record's content, without the fields that
    // change every run anyway (a sync time would make every re-read record "changed").
    if (record.fields ? m_unhashedValues.isEmpty() : m_unhashedFields.isEmpty())
        return record.wholeContentHash();
    if (record.fields) {
        QList<QJsonValue> values = record.values;
        for (const int i : m_unhashedValues) {
            if (i >= 0 && i < values.size())
                values[i] = QJsonValue(QJsonValue::Undefined);
        }
        return contentHash(*record.fields, values, record.texts);
    }
    // Paths into objects ("main_params/sync_time"): removed level by level.
    const std::function<void(QJsonObject &, QStringView)> remove = [&remove](QJsonObject &o,
                                                                             QStringView path) {
        const qsizetype slash = path.indexOf(u'/');
        if (slash < 0) {
            o.remove(path);
            return;
        }
        const QString key = path.left(slash).toString();
        if (!o.value(key).isObject())
            return;
        QJsonObject inner = o.value(key).toObject();
        remove(inner, path.mid(slash + 1));
        o.insert(key, inner);
    };
    QJsonObject payload = record.payload;
    for (const QString &path : m_unhashedFields)
        remove(payload, path);
    return contentHash(payload);
}

FailedRecord SchemeTransform::failure(const TransformInput &input, const QString &message,
                                      const QJsonObject &payload) const
{
    FailedRecord f;
    f.scheme = m_scheme;
    f.stage = FailureStage::Transform;
    f.recordId = input.id;
    f.recordNumber = input.number;
    f.recordName = input.name;
    f.errorCode = QStringLiteral("mapping");
    f.message = message;
    f.sourcePayload = input.record.merged();
    f.targetPayload = payload;
    return f;
}

QList<TransformInput> SchemeTransform::flattenPage(const QList<QJsonObject> &page) const
{
    QList<TransformInput> inputs;
    inputs.reserve(page.size() * (m_beatFlat.isEmpty() ? 1 : 3));
    for (qsizetype p = 0; p < page.size(); ++p) {
        TransformInput parent = identify(page.at(p));
        if (m_beatFlat.isEmpty()) {
            inputs.append(std::move(parent));
            continue;
        }
        for (TransformInput &element : flatten(parent, m_beatFlat)) {
            element.header = p;
            inputs.append(std::move(element));
        }
    }
    return inputs;
}

TransformOutput SchemeTransform::apply(const QList<QJsonObject> &page,
                                       const TransformVars &vars) const
{
    return applyPage(flattenPage(page), page.size(), vars);
}

TransformOutput SchemeTransform::apply(const Page &page, const TransformVars &vars) const
{
    if (!page.tape)
        return apply(page.records, vars);
    const JsonTape &tape = *page.tape;
    QList<TransformInput> inputs;
    inputs.reserve(page.recordNodes.size() * (m_beatFlat.isEmpty() ? 1 : 3));
    for (qsizetype p = 0; p < page.recordNodes.size(); ++p) {
        const int node = page.recordNodes.at(p);
        TransformInput parent = identify(expr::RecordView::fromTape(page.tape, node));
        if (m_beatFlat.isEmpty()) {
            inputs.append(std::move(parent));
        } else if (!flattenTape(parent, tape, page.tape, node, p, &inputs)) {
            // Arrays the tape's views do not flatten are flattened as objects.
            parent.record = tape.object(node);
            for (TransformInput &element : flatten(parent, m_beatFlat)) {
                element.header = p;
                inputs.append(std::move(element));
            }
        }
    }
    return applyPage(inputs, page.recordNodes.size(), vars);
}

bool SchemeTransform::flattenTape(const TransformInput &parent, const JsonTape &tape,
                                  const std::shared_ptr<const JsonTape> &shared, int node,
                                  qint64 header, QList<TransformInput> *out) const
{
    // What beatFlatViews() makes of the record's objects, as views of its nodes: possible
    // when each flattened array is an array of objects and no DingTalk table. JSON text
    // that holds an array, scalar elements and tables are left to the object path (false).
    QList<int> arrays;
    arrays.reserve(m_beatFlat.size());
    for (const QByteArray &name : m_beatFlatUtf8) {
        const int value = tape.find(node, name);
        if (value >= 0 && tape.type(value) == JsonTape::Type::String)
            return false;
        if (value < 0 || !tape.isArray(value)) {
            arrays.append(-1); // no elements, as beatFlatViews() finds none
            continue;
        }
        bool table = tape.size(value) > 0;
        for (int e = value + 1, i = 0; i < tape.size(value); ++i, e = tape.next(e)) {
            if (!tape.isObject(e))
                return false;
            const int rowValue = tape.find(e, "rowValue");
            table = table && rowValue >= 0 && tape.isArray(rowValue);
        }
        if (table)
            return false;
        arrays.append(value);
    }
    const qsizetype before = out->size();
    int index = 0;
    for (qsizetype a = 0; a < arrays.size(); ++a) {
        const int array = arrays.at(a);
        if (array < 0)
            continue;
        const QString prefix = m_beatFlat.at(a) + QLatin1Char('_');
        for (int e = array + 1, i = 0; i < tape.size(array); ++i, e = tape.next(e), ++index) {
            TransformInput in = parent;
            in.record = expr::RecordView::fromTape(shared, node, e, prefix, m_beatFlat);
            // flatten()'s ids: the element's index after the record's id.
            in.id = parent.id.isEmpty()
                        ? expr::detail::jsonToText(parent.record.value(m_idField)) + u'-' +
                              QString::number(index)
                        : parent.id + u'-' + QString::number(index);
            in.header = header;
            out->append(std::move(in));
        }
    }
    if (out->size() == before) { // no element: the header alone, without its arrays
        TransformInput in = parent;
        in.record = expr::RecordView::fromTape(shared, node, -1, {}, m_beatFlat);
        in.header = header;
        out->append(std::move(in));
    }
    return true;
}

TransformOutput SchemeTransform::applyPage(const QList<TransformInput> &inputs,
                                           qsizetype pageSize, const TransformVars &vars) const
{
    const qsizetype lines = inputs.size();
    TransformOutput out = applyFlattened(inputs, vars);
    if (!m_beatFlat.isEmpty()) {
        StepCounters &beat = out.steps.first();
        beat.in = pageSize;
        beat.out = lines;
    }
    return out;
}

QString SchemeTransform::identity(const QString &setting, const Expression &e,
                                  const TargetRecord &record, const expr::RecordView &source,
                                  const EvalContext &ctx, const QString &fallback) const
{
    // "1" (seed 000) or nothing: the source record's own; a template: evaluated on the
    // source record; otherwise the name of a target field.
    if (setting.isEmpty() || setting == QLatin1String("1"))
        return fallback;
    if (e.isValid()) {
        EvalContext c = ctx;
        c.setRecord(source);
        return scalarText(e.evaluate(c));
    }
    QJsonValue v;
    if (record.fields) {
        const qsizetype i = record.fields->indexOf(setting);
        if (i < 0)
            return fallback;
        // A string's text is the mapping's (TargetRecord::texts): scalarText() of it.
        if (i < record.values.size() && i < record.texts.size() && record.values.at(i).isString())
            return record.texts.at(i);
        v = record.values.value(i);
    } else {
        v = record.payload.value(setting);
    }
    return v.isUndefined() ? fallback : scalarText(v);
}

void SchemeTransform::mapAsValues(const QList<TransformInput> &records, const EvalContext &base,
                                  int firstMapped, TransformOutput *out) const
{
    QList<expr::FieldError> errors;
    expr::HeaderValues header;
    for (int i = 0; i < records.size(); ++i) {
        const TransformInput &in = records.at(i);
        TargetRecord record;
        record.fields = m_valueFields;
        errors.clear();
        header.setHeader(in.header);
        if (!m_target.mapValues(in.record, base, &record.values, &errors, i, &header,
                                &record.texts)) {
            out->failures.append(
                failure(in, describeMappingErrors(m_scheme, QStringLiteral("target field"), errors),
                        record.object()));
            continue;
        }
        EvalContext ctx = base;
        ctx.setRecord(in.record);
        record.recordId = identity(m_targetId, m_targetIdExpr, record, in.record, ctx, in.id);
        record.number =
            identity(m_targetNumber, m_targetNumberExpr, record, in.record, ctx, in.number);
        record.name = identity(m_targetName, m_targetNameExpr, record, in.record, ctx, in.name);
        record.contentHash = hashOf(record);
        out->records.append(std::move(record));
        out->recordInputs.append(QList<int>{firstMapped + i});
    }
}

bool SchemeTransform::validate(const CompiledStep &step, const TransformInput &in,
                               const EvalContext &ctx, RuleMemory *memory, TransformOutput *out,
                               QJsonArray *results) const
{
    // Every rule is checked (the trace shows them all); the first that fails or skips the
    // record decides its fate, warnings are all kept.
    QString failed;
    QString skipped;
    // Every rule is checked, also after one broke, so that the run's quality summary counts
    // each rule's outcome ("passed", or what its severity makes of a broken rule).
    for (const ValidateRule &rule : step.rules) {
        const QString broken = rule.check(in.record, ctx, memory);
        if (results)
            results->append(rule.result(broken));
        out->rules.count(step.id, rule.name(), rule.field(),
                         broken.isEmpty()                        ? QStringLiteral("passed")
                         : rule.severity() == RuleSeverity::Fail ? QStringLiteral("failed")
                         : rule.severity() == RuleSeverity::Skip ? QStringLiteral("skipped")
                                                                 : QStringLiteral("warned"));
        if (broken.isEmpty())
            continue;
        const QString message =
            QStringLiteral("scheme '%1': validate step %2: %3").arg(m_scheme, step.id, broken);
        switch (rule.severity()) {
        case RuleSeverity::Fail:
            if (failed.isEmpty() && skipped.isEmpty())
                failed = message;
            break;
        case RuleSeverity::Skip:
            if (failed.isEmpty() && skipped.isEmpty())
                skipped = message;
            break;
        case RuleSeverity::Warn:
            out->warnings.append(failure(in, message));
            break;
        }
    }
    if (!failed.isEmpty()) {
        out->failures.append(failure(in, failed));
        return false;
    }
    if (!skipped.isEmpty()) {
        ++out->skipped;
        return false;
    }
    return true;
}

bool SchemeTransform::keep(const CompiledStep &step, TransformInput &in, const EvalContext &base,
                           TransformOutput *out, RuleMemory *memory, QJsonArray *ruleResults) const
{
    EvalContext ctx = base;
    ctx.setRecord(in.record);
    switch (step.type) {
    case StepType::Flatten:
        return true; // handled by the caller
    case StepType::Filter: {
        ExprError error;
        const QJsonValue keep = step.condition.evaluate(ctx, &error);
        if (!error.isEmpty()) {
            out->failures.append(
                failure(in, expr::formatError(m_scheme, QStringLiteral("filter step ") + step.id,
                                              step.condition.text(), error)));
            return false;
        }
        const bool yes = conditionHolds(keep);
        if (!yes)
            ++out->skipped;
        return yes;
    }
    case StepType::Lookup: {
        QJsonObject record = in.record.merged();
        const expr::Document doc = step.fields.map(record, base);
        if (!doc.ok()) {
            out->failures.append(
                failure(in, describeMappingErrors(
                                m_scheme, QStringLiteral("lookup step ") + step.id, doc.errors)));
            return false;
        }
        for (auto it = doc.payload.begin(); it != doc.payload.end(); ++it)
            record.insert(it.key(), it.value());
        in.record = std::move(record);
        in.header = -1; // no longer a view of the header
        return true;
    }
    case StepType::Validate:
        return validate(step, in, ctx, memory, out, ruleResults);
    }
    return true;
}

TransformOutput SchemeTransform::applyFlattened(const QList<TransformInput> &given,
                                                const TransformVars &vars) const
{
    return applyStages(given, vars, nullptr, &m_ruleMemory);
}

TransformOutput SchemeTransform::applyStages(const QList<TransformInput> &given,
                                             const TransformVars &vars, QList<StageTrace> *trace,
                                             RuleMemory *memory) const
{
    TransformOutput out;
    const EvalContext base = context(vars);
    // Counted per stage from the sizes before and after it, so the per-record path stays as
    // it was: a step's failures are the ones it appended.
    out.steps = m_counters;
    StepCounters *counters = out.steps.data();

    // Steps, record by record; records leave by a filter (skipped) or a failure.
    QList<TransformInput> records = given;
    for (qsizetype s = 0; s < m_steps.size(); ++s) {
        const CompiledStep &step = m_steps.at(s);
        StepCounters &counted = counters[m_firstStepCounter + s];
        const qsizetype failuresBefore = out.failures.size();
        counted.in = records.size();
        QList<TransformInput> next;
        next.reserve(records.size());
        StageTrace *stage = nullptr;
        if (trace) {
            trace->append({step.id, stepTypeName(step.type), 0, 0, 0, {}});
            stage = &trace->last();
        }
        for (TransformInput &in : records) {
            // The trace needs the record as it came and the counts before the step.
            const std::optional<TransformInput> before =
                stage ? std::optional<TransformInput>(in) : std::nullopt;
            const qsizetype keptBefore = next.size();
            const qsizetype failedBefore = out.failures.size();
            const qint64 skippedBefore = out.skipped;
            QJsonArray ruleResults;
            if (step.type == StepType::Flatten) {
                next += flatten(in, step.arrays);
            } else if (keep(step, in, base, &out, memory, stage ? &ruleResults : nullptr)) {
                next.append(std::move(in));
            } else {
                out.inputs.append(in); // counted: read, then skipped or failed
            }
            if (stage)
                traceStep(step, *before, next, keptBefore, out, failedBefore, skippedBefore,
                          ruleResults, stage);
        }
        counted.out = next.size();
        counted.failed = out.failures.size() - failuresBefore;
        if (stage) {
            stage->in = counted.in;
            stage->out = counted.out;
            stage->failed = counted.failed;
        }
        records = std::move(next);
    }

    // The mapping hands on every record it did not fail (rows, also when grouped).
    StepCounters &mapped = counters[out.steps.size() - 1];
    const qsizetype failuresBefore = out.failures.size();
    mapped.in = records.size();
    const auto countMapped = [&] {
        mapped.failed = out.failures.size() - failuresBefore;
        mapped.out = mapped.in - mapped.failed;
    };

    const int firstMapped = int(out.inputs.size());
    out.inputs += records;
    const qsizetype recordsBefore = out.records.size();
    // The mapping's stage in the trace: its documents (or rows), then the records it failed.
    const auto traceMapping = [&] {
        if (!trace)
            return;
        StageTrace stage{
            QStringLiteral("map"), QStringLiteral("map"), mapped.in, mapped.out, mapped.failed, {}};
        for (qsizetype r = recordsBefore; r < out.records.size(); ++r) {
            const TargetRecord &record = out.records.at(r);
            StageRecord s;
            s.record = record.object();
            s.id = record.recordId;
            for (const int i : out.recordInputs.at(r))
                s.inputs.append(i - firstMapped);
            stage.records.append(std::move(s));
        }
        for (qsizetype f = failuresBefore; f < out.failures.size(); ++f) {
            const FailedRecord &failed = out.failures.at(f);
            StageRecord s;
            s.record = failed.targetPayload.isEmpty() ? failed.sourcePayload : failed.targetPayload;
            s.id = failed.recordId;
            s.fate = StageRecord::Fate::Failed;
            s.reason = failed.message;
            stage.records.append(std::move(s));
        }
        trace->append(std::move(stage));
    };
    if (m_valueFields && !m_grouped) {
        mapAsValues(records, base, firstMapped, &out);
        countMapped();
        traceMapping();
        return out;
    }
    QList<QJsonObject> rows;
    rows.reserve(records.size());
    for (const TransformInput &in : records)
        rows.append(in.record.merged());

    // One document per record, or per group of records sharing a document key (K3 FEntity).
    QList<expr::Document> docs;
    QList<QString> keys;
    if (m_passThrough) {
        for (int i = 0; i < rows.size(); ++i)
            docs.append(expr::Document{rows.at(i), {i}, {}});
    } else if (m_grouped) {
        docs = m_target.buildDocuments(rows, m_documentKey, base);
    } else {
        docs.reserve(rows.size());
        for (int i = 0; i < rows.size(); ++i)
            docs.append(m_target.map(rows.at(i), base, i));
    }

    for (const expr::Document &doc : docs) {
        const TransformInput &first = records.at(doc.records.first());
        if (!doc.ok()) {
            const QString message =
                describeMappingErrors(m_scheme, QStringLiteral("target field"), doc.errors);
            for (const int i : doc.records)
                out.failures.append(failure(records.at(i), message, doc.payload));
            continue;
        }
        EvalContext ctx = base;
        ctx.setRecord(first.record);
        QString fallbackId = first.id;
        if (m_grouped) {
            // A document's own id is its key (the instance id for DingTalk → K3).
            const QString key = scalarText(m_documentKey.evaluate(ctx));
            if (!key.isEmpty())
                fallbackId = key;
        }
        TargetRecord record;
        record.payload = doc.payload;
        record.recordId = identity(m_targetId, m_targetIdExpr, record, first.record, ctx,
                                   fallbackId);
        record.number = identity(m_targetNumber, m_targetNumberExpr, record, first.record,
                                 ctx, first.number);
        record.name = identity(m_targetName, m_targetNameExpr, record, first.record, ctx,
                               first.name);
        record.contentHash = hashOf(record);
        QList<int> indices;
        indices.reserve(doc.records.size());
        for (const int i : doc.records)
            indices.append(firstMapped + i);
        out.records.append(std::move(record));
        out.recordInputs.append(std::move(indices));
    }
    countMapped();
    traceMapping();
    return out;
}

} // namespace weft::detail
