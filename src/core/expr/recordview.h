#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringView>

namespace weft::expr {

/// A record as expressions read it: an object, optionally with one `beatFlat` element seen
/// through it. `<prefix><key>` reads the element's `key` first; every other name, and an
/// element key that is absent, reads the object. Those are exactly the answers of the merged
/// object beatFlat() makes (its element fields overwrite header fields of the same name), but
/// the header is shared by all elements of its record and nothing is copied per element —
/// the runner keeps flattened records as views until something needs the object itself.
struct RecordView {
    RecordView() = default;
    // Implicit: an object is a view without an element.
    RecordView(QJsonObject record) // NOLINT(google-explicit-constructor)
        : object(std::move(record))
    {}
    RecordView(QJsonObject header, QJsonObject elementFields, QString elementPrefix)
        : object(std::move(header))
        , element(std::move(elementFields))
        , prefix(std::move(elementPrefix))
    {}

    QJsonObject object;  ///< the record, or the header of a flattened element
    QJsonObject element; ///< the element's own fields (a scalar element as {"value": x})
    QString prefix;      ///< "<array>_"; empty when there is no element

    bool hasElement() const { return !prefix.isEmpty(); }
    QJsonValue value(QStringView key) const;
    /// The same answer as value(key), quicker for records of one shape: `elementSlot` and
    /// `objectSlot` (start at -1) remember where the key was found, and the next record's
    /// key at that position is compared before searching.
    QJsonValue value(QStringView key, int *elementSlot, int *objectSlot) const;
    /// The one object: the header with the element's fields inserted as `<prefix><key>`.
    QJsonObject merged() const;
};

} // namespace weft::expr
