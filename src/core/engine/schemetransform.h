#pragma once

// The Transform of one scheme (transform.h), private to the engine: transform.cpp compiles it
// from the project, transformapply.cpp applies it to pages. Split because the two are
// different concerns: what a scheme's metadata means, and what happens to each record.

#include "core/engine/storelookup.h"
#include "core/engine/transform.h"
#include "core/expr/expression.h"
#include "core/expr/mapping.h"
#include "core/expr/valuemaps.h"
#include "core/util/scalartext.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <memory>

namespace weft {

class JsonTape;

namespace detail {

/// The first error of a mapped document, named the way people read the metadata.
QString describeMappingErrors(const QString &scheme, const QString &role,
                              const QList<expr::FieldError> &errors);

/// A validate rule's name in traces and quality summaries: "required", "maxLength 20", …
QString validateRuleName(const QJsonObject &rule);

/// The Transform of one scheme (see transform.h), built on the mapping language.
class SchemeTransform final : public Transform
{
public:
    bool compile(const Project &project, const Scheme &scheme, StateStore *state,
                 QStringList *errors, bool values);

    QJsonObject requestParams(const TransformVars &vars, QString *error) const override;
    bool usesSyncTime() const override { return m_usesSyncTime; }
    QList<StepCounters> stepCounters() const override { return m_counters; }
    bool runsOffThread() const override { return !m_usesLookups; }
    TransformOutput apply(const QList<QJsonObject> &page, const TransformVars &vars) const override;
    TransformOutput apply(const Page &page, const TransformVars &vars) const override;
    TransformOutput applyFlattened(const QList<TransformInput> &inputs,
                                   const TransformVars &vars) const override;
    TransformOutput trace(const QList<QJsonObject> &page, const TransformVars &vars,
                          QList<StageTrace> *stages) const override;

private:
    struct CompiledStep {
        StepType type;
        QString id;
        QStringList arrays;                 // flatten
        expr::Expression condition;         // filter
        expr::Mapping fields;               // lookup
        QList<QJsonObject> rules;           // validate
        QList<QRegularExpression> patterns; // validate, per rule
        QStringList ruleNames;              // validate, per rule: its name in the summaries
    };

    bool compileMapping(const QList<RequestField> &fields, const QString &role, expr::Mapping *out,
                        QStringList *errors) const;
    expr::EvalContext context(const TransformVars &vars) const;
    QList<TransformInput> flattenPage(const QList<QJsonObject> &page) const;
    TransformOutput applyStages(const QList<TransformInput> &inputs, const TransformVars &vars,
                                QList<StageTrace> *trace) const;
    void traceStep(const CompiledStep &step, const TransformInput &before,
                   const QList<TransformInput> &kept, qsizetype keptBefore,
                   const TransformOutput &out, qsizetype failuresBefore, qint64 skippedBefore,
                   StageTrace *stage) const;
    QString brokenRule(const CompiledStep &step, qsizetype rule,
                       const expr::RecordView &record) const;
    QList<TransformInput> flatten(const TransformInput &input, const QStringList &arrays) const;
    TransformInput identify(const expr::RecordView &record) const;
    bool flattenTape(const TransformInput &parent, const JsonTape &tape,
                     const std::shared_ptr<const JsonTape> &shared, int node, qint64 header,
                     QList<TransformInput> *out) const;
    TransformOutput applyPage(const QList<TransformInput> &inputs, qsizetype pageSize,
                              const TransformVars &vars) const;
    QString identity(const QString &setting, const expr::Expression &e, const TargetRecord &record,
                     const expr::RecordView &source, const expr::EvalContext &ctx,
                     const QString &fallback) const;
    void mapAsValues(const QList<TransformInput> &records, const expr::EvalContext &base,
                     int firstMapped, TransformOutput *out) const;
    bool keep(const CompiledStep &step, TransformInput &input, const expr::EvalContext &base,
              TransformOutput *out) const;
    FailedRecord failure(const TransformInput &input, const QString &message,
                         const QJsonObject &payload = {}) const;
    QByteArray hashOf(const TargetRecord &record) const;

    QString m_scheme;
    QTimeZone m_zone;
    expr::Mapping m_request;
    bool m_usesSyncTime = false;
    QString m_idField, m_numberField, m_nameField;
    QStringList m_beatFlat;
    QList<QByteArray> m_beatFlatUtf8; ///< m_beatFlat's names, to find them on a tape
    QList<CompiledStep> m_steps;
    expr::Mapping m_target;
    std::shared_ptr<const QStringList> m_valueFields; ///< set when records go as values
    bool m_passThrough = false; ///< a target without field mapping takes records as they come
    bool m_grouped = false;
    expr::Expression m_documentKey;
    QString m_targetId, m_targetNumber, m_targetName;
    expr::Expression m_targetIdExpr, m_targetNumberExpr, m_targetNameExpr;
    expr::ValueMaps m_valueMaps;
    std::unique_ptr<StateStoreLookup> m_lookup;
    /// The stages counted per page, zeroed: copied into every output, so the ids travel
    /// without being looked up per record.
    QList<StepCounters> m_counters;
    int m_firstStepCounter = 0; ///< index of m_steps' first stage (1 after beatFlat)
    bool m_usesLookups = false;
    /// Target fields that do not read the record (CURRENT_TIME …): left out of content hashes.
    QStringList m_unhashedFields;
    QList<int> m_unhashedValues; ///< their indices in m_valueFields
};

} // namespace detail
} // namespace weft
