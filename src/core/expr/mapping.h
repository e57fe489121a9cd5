#pragma once

#include "core/expr/evalcontext.h"
#include "core/expr/expression.h"
#include "core/expr/parser.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace weft::expr {

/// One target field as the metadata describes it (the runner converts its RequestField).
struct FieldSpec {
    QString name;
    QJsonValue value;  ///< template, `_function`, literal or constant; Undefined: no value
    QJsonValue parser; ///< {"name": …, "params": …}; Undefined: none
    /// For a field with children: "array" or "object" forces the shape; otherwise children
    /// that read {{list.x}} make a child list (one entry per detail row), others an object.
    /// For a value: the type the target expects ("string", "int", "float", "bool" …); the
    /// value is converted to it (see convertToType).
    QString type;
    QList<FieldSpec> children;
};

/// A declared metadata type as convertToType() treats it (decided once per field).
enum class ValueType : quint8 { None, Text, Integer, Number, Bool, Other };
ValueType valueTypeOf(const QString &lowerCaseType);

/// A problem with one target field: at compile time, or evaluating it for one record.
struct FieldError {
    QString field; ///< "FDATE", or "FEntity/FCOMMENT" inside a child list
    QString text;  ///< the value as written
    ExprError error;
    int record = -1; ///< index of the input record it failed on (-1 at compile time)

    /// formatError() of it, e.g. "scheme 'x': target field FDATE: `…`: … at column 5".
    QString toString(const QString &scheme) const;
};

/// A target document and where it came from.
struct Document {
    QJsonObject payload;
    QList<int> records;       ///< input records it was built from, in order (a write error on this
                              ///< document fails all of them)
    QList<FieldError> errors; ///< evaluation errors: a document with errors must not be written
    bool ok() const { return errors.isEmpty(); }
};

/// What mapValues keeps from one record to the next of a page (one per thread, never shared).
/// Values between the elements of one flattened record: a field that reads only the header
/// (no `<array>_` field of the element, no detail row, no lookup) has the same value for every
/// element of it, so it is evaluated once per header. The caller names the header each record
/// is an element of; values are kept only for successful evaluations, and a new header,
/// another element prefix or a record that is no element starts afresh. And for any records,
/// where each plain field's key was found (see RecordView::value with slots).
class HeaderValues
{
public:
    /// The record the next views are elements of (any number unique among the caller's
    /// headers); -1 when unknown: nothing is reused.
    void setHeader(qint64 header)
    {
        if (header < 0 || header != m_header)
            m_values.clear();
        m_header = header;
    }

private:
    friend class Mapping;
    qint64 m_header = -1;
    QString m_prefix;           ///< the element prefix m_values and m_eligible are for
    QList<QJsonValue> m_values; ///< per top-level field; Undefined: not kept
    QList<QString> m_texts;     ///< per top-level field: the kept string value's text
    QList<bool> m_eligible;     ///< per top-level field: reads only the header
    // Per top-level plain field: where its key was in the last record's element and object
    // (RecordView::value with slots). Kept for any records, flattened or not.
    QList<int> m_elementSlots;
    QList<int> m_objectSlots;
};

/// The compiled target fields of a scheme: evaluates one record into one document, or a group
/// of flattened records into one document with a child list (K3 `FEntity`): header fields are
/// evaluated on the group's first record, each child-list entry on one record of the group
/// (`{{list.x}}` reads that record; SUM({{list.qty}}) in a header field sums the group).
class Mapping
{
public:
    Mapping() = default;
    static Mapping compile(const QList<FieldSpec> &fields, QList<FieldError> *errors = nullptr,
                           const CompileOptions &options = {});

    bool isValid() const { return m_errors.isEmpty(); }
    QList<FieldError> errors() const { return m_errors; }
    /// Whether some field is a child list (so records should be grouped into documents).
    bool hasChildLists() const { return m_hasChildLists; }

    /// One record → one document (a child list gets one entry, from the record itself).
    Document map(const QJsonObject &record, const EvalContext &base, int recordIndex = 0) const;
    /// Records → one document: header from the first, one child-list entry per record.
    /// `indices` are the records' input indices (for Document::records and errors).
    Document mapGroup(const QList<QJsonObject> &records, const QList<int> &indices,
                      const EvalContext &base) const;
    /// Whether every field is a plain value (no children): such a mapping can give its values
    /// in field order instead of an object (mapValues), which is several times cheaper.
    bool isFlat() const { return m_flat; }
    /// The names of the top-level fields, in order (with a value or not).
    QStringList fieldNames() const;
    /// Whether some field's value (at any depth) holds a `_findCollection` lookup.
    bool usesLookups() const;
    /// The fields whose value reads nothing of the record yet is no literal —
    /// `{{CURRENT_TIME|datetime}}`, `_function NOW()`, `{{RUN_ID}}`: they differ from run to
    /// run whatever the record, so idCheck leaves them out of a record's content hash. As
    /// paths: "sync_time", or "main_params/sync_time" for a field of an object.
    QStringList recordIndependentFields() const;
    /// One record → the values of the top-level fields, in fieldNames() order (Undefined for
    /// a field without a value). Only for flat mappings. Returns false and appends errors when
    /// a field fails. The record may be a view of a beatFlat element (read without merging).
    /// With `header`, fields reading only the header of a flattened record are evaluated once
    /// for all its elements (see HeaderValues). With `texts`, it gets per value the text of a
    /// string value (a null string for other values): see TargetRecord::texts.
    bool mapValues(const RecordView &record, const EvalContext &base, QList<QJsonValue> *values,
                   QList<FieldError> *errors, int recordIndex = 0,
                   HeaderValues *header = nullptr, QList<QString> *texts = nullptr) const;

    /// Groups `records` by `documentKey` (see groupRecords) and maps each group.
    QList<Document> buildDocuments(const QList<QJsonObject> &records, const Expression &documentKey,
                                   const EvalContext &base) const;

    /// The key grouping flattened records back into documents by default: the source id
    /// field, which beatFlat() leaves unchanged (`{<idField>}`).
    static Expression defaultDocumentKey(const QString &idField);

private:
    struct Field {
        QString name;
        QString path;
        Expression value;
        Parser parser;
        QString type; ///< declared type, lower case
        ValueType valueType = ValueType::Other; ///< `type`, decided once
        QStringList reads; ///< record fields the value reads (Expression::referencedFields)
        QString plainField; ///< Expression::plainField(): read without evaluating
        bool hasValue = false;
        bool isList = false;
        QList<Field> children;
    };
    static Field compileField(const FieldSpec &spec, const QString &prefix,
                              const CompileOptions &options, QList<FieldError> &errors);
    void evalFields(const QList<Field> &fields, EvalContext &ctx, const QList<QJsonObject> &rows,
                    const QList<int> &indices, int row, QJsonObject &out,
                    QList<FieldError> &errors) const;

    QList<Field> m_fields;
    bool m_readsListRows = false; ///< a top-level value reads {{list.x}}
    QList<FieldError> m_errors;
    bool m_hasChildLists = false;
    bool m_flat = true;
};

/// Converts an evaluated value to a declared metadata type (see valueTypeOf), so a target
/// gets what its API expects: as convertToType() below, with the type decided beforehand.
/// With `madeText`, a number or bool made into a string gives its text there (set only then)
/// and leaves in `value` only that it is a string (QJsonValue(QJsonValue::String), no text):
/// a QJsonValue holding the text would cost an allocation the caller may not need.
bool convertToValueType(ValueType type, const QString &typeName, QJsonValue *value,
                        ExprError *error, QString *madeText = nullptr);

/// Converts an evaluated value to a declared metadata type, so a target gets what its API
/// expects: "string"/"text" makes 12000034 "12000034"; "int"/"integer"/"long"/"bigint" and
/// "float"/"double"/"decimal"/"number"/"numeric" parse numeric text ("" becomes null) and
/// refuse what is not a number (or not whole); "bool"/"boolean" reads "true"/"1"/"false"/"0".
/// Null stays null; other types (object, array, date…) leave the value as it is. Returns false
/// with *error when the value cannot be converted.
bool convertToType(const QString &type, QJsonValue *value, ExprError *error);

/// Groups records by the text of `key` evaluated on each, keeping first-seen order. A record
/// whose key is null or empty, or fails to evaluate (*errors gets the error), is a group of
/// its own: one bad record must not merge unrelated documents.
QList<QList<int>> groupRecords(const QList<QJsonObject> &records, const Expression &key,
                               const EvalContext &base, QList<FieldError> *errors = nullptr);

} // namespace weft::expr
