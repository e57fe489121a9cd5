#pragma once

#include "core/model/adaptermetadata.h"

#include <QJsonValue>
#include <QList>
#include <QString>

namespace weft {

struct Scheme;

/// One row of the mapping table: a target field (or a group such as K3's FEntity), with its
/// mapping value and parser.
struct TargetField {
    QString path; ///< "FEntity/FQty" for a child
    QString field;
    QString label;
    QString type;
    QString describe;
    QString value;       ///< the mapping value as text ("" = not mapped)
    QJsonValue rawValue; ///< as stored (a number or object stays one)
    QString parser;      ///< parser name, "" for none
    QJsonObject parserJson;
    int depth = 0;
    bool isGroup = false; ///< has children: its value is built from theirs
    bool required = false;
    /// A column of the MySQL target table that the metadata does not list yet.
    bool columnOnly = false;

    bool isMapped() const { return !value.trimmed().isEmpty(); }
};

/// The target metadata's request[] flattened depth-first (groups before their children).
QList<TargetField> targetFieldsOf(const AdapterMetadata &metadata);

/// Whether a target field must have a value: marked `"required": true` (or `must`), said
/// so in its description (必填 / required), or the target's id/number field.
bool isRequiredField(const RequestField &field, const AdapterMetadata &metadata);

/// A mapping value as text: strings as they are, other JSON compact.
QString valueText(const QJsonValue &value);
/// Text back to a mapping value: kept a string (templates, _function, literals).
QJsonValue valueFromText(const QString &text);

} // namespace weft
