#pragma once

#include "core/catalog/catalog.h"

#include <QHash>
#include <QList>
#include <QString>

namespace weft {

/// A field on one side of a mapping, with what the catalogue (or a table's column comment)
/// calls it in each language. Either label may be empty.
struct LabelledField {
    QString name;
    QString zh;
    QString en;
    QString type;          ///< catalogue type (string, int, number, datetime…), "" if unknown
    bool required = false; ///< a target field that must be filled
};

/// The record fields an endpoint's answer gives a mapping once beatFlat has exploded its
/// arrays: scalar top-level fields by name, and each field of a flattened array as
/// `<array>_<field>` (what the engine's flatten names them). Arrays that are not flattened,
/// and objects, are left out: a column cannot hold them.
QList<LabelledField> flattenedRecordFields(const CatalogEndpoint &endpoint);

/// The fields a save (EXECUTE) endpoint takes: its request parameters, children of a group
/// as `<group>.<child>` (the mapping's path of a detail list's field).
QList<LabelledField> requestFields(const CatalogEndpoint &endpoint);

/// Auto-map across names and languages: for each target field, the one source field that
/// matches it, tried in this order, each pass only on fields still unmatched and only when
/// exactly one source field fits:
///  1. the same name (case-insensitive);
///  2. the same name once `_`, `-` and K3Cloud's leading `F` (FNumber → number) are dropped;
///  3. the same Chinese label; 4. the same English label;
///  5. across languages: a label of one side (either language) equal to the other side's
///     name — a column named 仓库名称 ↔ the source field `name` the catalogue labels 仓库名称,
///     a target labelled "Name" ↔ `name`.
/// Returns target name → source name.
QHash<QString, QString> matchFields(const QList<LabelledField> &targets,
                                    const QList<LabelledField> &sources);

} // namespace weft
