#pragma once

#include "core/connectors/connector.h"
#include "core/engine/runtypes.h"
#include "core/expr/recordview.h"
#include "core/model/project.h"
#include "core/state/qualitystore.h"
#include "core/state/staterecords.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

namespace weft {

class StateStore;

/// System variables of one evaluation: the window, the page, the run.
struct TransformVars {
    qint64 lastSyncTime = 0; ///< LAST_SYNC_TIME: the window's start
    qint64 currentTime = 0;  ///< CURRENT_TIME: the window's end
    QString runId;
    int page = 1;            ///< PAGINATION_START_PAGE
    int pageSize = 50;       ///< PAGINATION_PAGE_SIZE
};

/// A record entering the pipeline after flattening, with who it is.
struct TransformInput {
    /// A beatFlat element stays a view of its header until something needs the one object
    /// (record.merged(): a stored failure, a lookup step, a grouped document).
    expr::RecordView record;
    QString id;
    QString number;
    QString name;
    /// Which record of its page a beatFlat element is a view of (elements of one record
    /// share it, so the mapping evaluates header-only fields once for all of them); -1 when
    /// unknown: a record that is no element, one a later step flattened or replaced, a retry.
    qint64 header = -1;
};

/// What one page became.
struct TransformOutput {
    QList<TransformInput> inputs;          ///< after flattening: the unit of the counters
    QList<TargetRecord> records;           ///< ready for the target
    QList<QList<int>> recordInputs;        ///< per target record: indices into inputs
    QList<FailedRecord> failures;          ///< stage transform, with their payloads
    qint64 skipped = 0;                    ///< filtered out (a filter, a validate rule)
    /// Records a validate rule with severity "warn" let pass: who, and the broken rule as
    /// the message (stage transform; not stored as failures).
    QList<FailedRecord> warnings;
    QList<StepCounters> steps;             ///< this page, per stage (Transform::stepCounters)
    /// Per validate rule and outcome, this page's records (only `rules` is filled).
    QualitySummary rules;
};

/// What became of one record at one stage: the preview's data at every node.
struct StageRecord {
    enum class Fate { Passed, Dropped, Failed };
    QJsonObject record; ///< as it left the stage; a dropped or failed one as it came
    QString id;
    Fate fate = Fate::Passed;
    QString reason;     ///< why it was dropped (a filter) or failed
    QStringList added;  ///< lookup: the fields the step set
    QStringList missed; ///< lookup: those of them it found nothing for (null or empty)
    /// validate: each rule's result, {"field", "rule", "ok", "severity", "message"}
    QJsonArray rules;
    /// map: the records of the stage before that this document (or row) was made of
    QList<int> inputs;
};

/// One stage's records as they leave it: the source, beatFlat, each enabled step, the mapping.
struct StageTrace {
    QString id;   ///< "source", "beatFlat", a step's id, "map"
    QString type; ///< "source", "beatFlat", a step type, "map"
    qint64 in = 0;
    qint64 out = 0;
    qint64 failed = 0;
    QList<StageRecord> records;
};

/// The compiled processing of one scheme — source request parameters, flattening, steps,
/// the target mapping with its parsers, and grouping into documents with detail lines.
/// Compiled once per run (architecture.md principle 8); applying it never throws: a record whose
/// evaluation fails becomes a failed record with the expression, the field and the reason.
class Transform
{
public:
    virtual ~Transform() = default;

    /// Compiles a scheme; returns nullptr and every problem found (with the scheme and field
    /// named) when an expression does not compile.
    /// With `values`, flat mappings give their records as field values (TargetRecord::values)
    /// instead of objects — for targets that accept rows.
    static std::unique_ptr<Transform> compile(const Project &project, const Scheme &scheme,
                                              StateStore *lookupStore, QStringList *errors,
                                              bool values = false);

    /// The source's request parameters for one page.
    virtual QJsonObject requestParams(const TransformVars &vars, QString *error) const = 0;
    /// Whether the source request depends on LAST_SYNC_TIME (an incremental source).
    virtual bool usesSyncTime() const = 0;

    /// The stages whose records TransformOutput::steps counts, in order, with zero counts:
    /// beatFlat (when the source flattens), the enabled steps, the mapping.
    virtual QList<StepCounters> stepCounters() const = 0;

    /// Whether apply() may run on another thread than the one that compiled the transform
    /// (while that thread goes on): true unless some expression holds a lookup, which reads
    /// the state store through the run's own connection.
    virtual bool runsOffThread() const = 0;

    /// Processes raw source records (flattening them first).
    virtual TransformOutput apply(const QList<QJsonObject> &page,
                                  const TransformVars &vars) const = 0;
    /// The same for a page as a source gave it: its objects, or the records on its tape
    /// (read from the text, the same output as for their objects).
    virtual TransformOutput apply(const Page &page, const TransformVars &vars) const = 0;
    /// apply() that also keeps every stage's records in `stages` (source first, mapping
    /// last) — for previews: it copies each record at each stage.
    virtual TransformOutput trace(const QList<QJsonObject> &page, const TransformVars &vars,
                                  QList<StageTrace> *stages) const = 0;
    /// Processes records that were already flattened (retries of stored failures).
    virtual TransformOutput applyFlattened(const QList<TransformInput> &inputs,
                                           const TransformVars &vars) const = 0;
};

} // namespace weft
