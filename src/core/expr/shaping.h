#pragma once

#include "core/expr/recordview.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace weft::expr {

/// One record made by beatFlat(), with the id the runner dedupes and logs it by.
struct FlatRecord {
    QJsonObject record;
    QString id;          ///< source id + "-<index>" (index from 0); the bare id when no element
    int sourceIndex = 0; ///< which input record it came from
    int element = -1;    ///< running element index; -1 for a header-only record
    QString array;       ///< the array the element came from; empty for a header-only record
};

/// `beatFlat`: one record per element of each listed array. Element fields become
/// `<array>_<field>` (a scalar element becomes `<array>_value`); the other fields of the record
/// (the header) are copied into every one; the listed arrays themselves are left out. The
/// records of the second array follow those of the first, and the index in the id runs over
/// all of them so ids stay unique. The id field keeps its original value in the record (so
/// grouping and templates such as `{io_id}-{items_ioi_id}` see the document's id); the
/// suffixed id is FlatRecord::id.
///
/// An array that is absent or empty gives nothing; when no listed array has an element, one
/// record with the header fields only is kept (id without suffix), so a document without
/// lines is not lost. An array written as JSON text is decoded first, and DingTalk table rows
/// (`[{"rowValue": [{"label", "key", "value"}]}]`) become objects {label: value}, so a table
/// "表格" flattens to `表格_客户编码` and so on.
QList<FlatRecord> beatFlat(const QJsonObject &record, const QStringList &arrays,
                           const QString &idField, int sourceIndex = 0);
QList<FlatRecord> beatFlat(const QList<QJsonObject> &records, const QStringList &arrays,
                           const QString &idField);

/// beatFlat() without merging: each element as a RecordView of the header (shared by the
/// record's elements) and the element's fields. `record.merged()` is FlatRecord::record.
struct FlatView {
    RecordView record;
    QString id;
    int sourceIndex = 0;
    int element = -1;
    QString array;
};
QList<FlatView> beatFlatViews(const QJsonObject &record, const QStringList &arrays,
                              const QString &idField, int sourceIndex = 0);

/// DingTalk `form_component_values` (`[{name, value, component_type, …}]`) as a record
/// {name: value}: table components (TableField) become arrays of {label: value} objects,
/// other values stay as DingTalk sends them. The first component of a name wins.
QJsonObject decodeDingTalkForm(const QJsonArray &formComponentValues);
/// The rows of a DingTalk table value (JSON text or an array) as [{label: value}, …].
/// Anything that is not a table gives an empty array.
QJsonArray decodeDingTalkTable(const QJsonValue &value);
/// A DingTalk process instance as one record: its own fields plus the decoded form values
/// (`form_component_values` itself is left out; an instance field wins over a form field of
/// the same name).
QJsonObject decodeDingTalkInstance(const QJsonObject &processInstance);

} // namespace weft::expr
