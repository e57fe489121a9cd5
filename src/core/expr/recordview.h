#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <memory>

namespace weft {
class JsonTape;
}

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

    /// A record read from a page's JsonTape instead of objects (the runner's pages, see
    /// Page::tape): the header is the tape's `headerNode` without its flattened arrays
    /// (`hidden`), the element `elementNode` (-1: none), an object. `object` and `element`
    /// are empty then; every answer is the one the objects would give.
    static RecordView fromTape(std::shared_ptr<const JsonTape> tape, int headerNode,
                               int elementNode = -1, QString elementPrefix = {},
                               QStringList hidden = {});

    QJsonObject object;  ///< the record, or the header of a flattened element
    QJsonObject element; ///< the element's own fields (a scalar element as {"value": x})
    QString prefix;      ///< "<array>_"; empty when there is no element
    std::shared_ptr<const JsonTape> tape; ///< set for a record read from a tape
    int headerNode = -1;
    int elementNode = -1;
    QStringList hidden; ///< the header's flattened arrays, which the record no longer has

    bool hasElement() const { return !prefix.isEmpty(); }
    bool isTape() const { return bool(tape); }
    QJsonValue value(QStringView key) const;
    /// The same answer as value(key), quicker for records of one shape: `elementSlot` and
    /// `objectSlot` (start at -1) remember where the key was found, and the next record's
    /// key at that position is compared before searching.
    ///
    /// With `text`, a string value may come as its text there and a bare
    /// QJsonValue(QJsonValue::String) (a tape record's strings do: no QJsonValue of the text
    /// is made); otherwise `text` is left alone.
    QJsonValue value(QStringView key, int *elementSlot, int *objectSlot,
                     QString *text = nullptr) const;
    /// The one object: the header with the element's fields inserted as `<prefix><key>`.
    QJsonObject merged() const;

private:
    QJsonValue tapeValue(QStringView key, int *elementSlot, int *objectSlot,
                         QString *text) const;
};

} // namespace weft::expr
