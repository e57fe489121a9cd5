#pragma once

#include "mockcatalog.h"

#include <QJsonObject>
#include <QJsonValue>
#include <functional>
#include <optional>

namespace weft::mock {

class MockClock;

/// K3Cloud base data other records refer to: the number and name of material j, of
/// customer j, and their counts (nullptr-free: empty functions when not wired).
struct GeneratorReferences {
    std::function<QString(qint64)> materialNumber;
    std::function<QString(qint64)> materialName;
    qint64 materials = 0;
    std::function<QString(qint64)> customerNumber;
    qint64 customers = 0;
};

/// Makes the records of a catalogue endpoint from its declared response fields.
///
/// Every declared field is present with a value of its declared type; arrays with fields get
/// 1–3 elements carrying their own fields. A value depends only on (seed, endpoint, record
/// index, field path), so record i is the same whatever else is asked for, and the same field
/// of a hand-written record (completed with complete()) is the same as in a generated one.
/// Names steer the values (docs/mock.md, "How catalogue records are made"): the id and
/// number keys are unique and invertible, time-like fields follow the record's time (so
/// windows select by it) in the system's text format, names, phone numbers, addresses and
/// statuses look like the real thing, and K3Cloud base-data references (`FCustId.FNumber`)
/// name customers, materials and organisations that exist.
class RecordGenerator final
{
public:
    using References = GeneratorReferences;

    RecordGenerator(const CatEndpoint &endpoint, quint64 seed, const MockClock &clock,
                    References references = {});

    const CatEndpoint &endpoint() const { return *m_endpoint; }
    /// The endpoint's own random stream (a hash of its reference).
    quint64 stream() const { return m_stream; }

    /// Record i whose time (its modification time, the one windows select by) is `timeMs`.
    QJsonObject record(qint64 i, qint64 timeMs) const;
    /// Adds the declared fields `record` lacks, and the lacking fields of the elements of its
    /// declared arrays; present values are kept as they are.
    void complete(QJsonObject &record, qint64 i, qint64 timeMs) const;
    /// One field's value for record i (`line` ≥ 0: a K3Cloud entry line's field).
    QJsonValue value(const CatField &field, qint64 i, qint64 timeMs, int line = -1) const;

    /// The id key's value of record i (int or text as declared); invertible by indexOfId.
    QJsonValue id(qint64 i) const;
    std::optional<qint64> indexOfId(const QString &id) const;
    /// The number key's text of record i, and back.
    QString number(qint64 i) const;
    std::optional<qint64> indexOfNumber(const QString &number) const;
    /// The name of the field windows select by (empty when the records carry none).
    QString timeField() const { return m_timeField; }
    /// K3Cloud entry forms: the lines of document i (1–3), and the id of one line.
    int lines(qint64 i) const;
    qint64 lineId(qint64 i, int line) const;

private:
    QJsonValue scalar(const CatField &field, const QString &type, quint64 key, qint64 i,
                      qint64 timeMs, int line) const;
    QJsonValue timeValue(const CatField &field, const QString &type, quint64 key,
                         qint64 timeMs) const;
    QString text(const CatField &field, quint64 key, qint64 i, int line) const;
    QJsonValue array(const CatField &field, quint64 key, qint64 i, qint64 timeMs) const;
    QJsonObject element(const QList<CatField> &fields, quint64 key, qint64 i, qint64 timeMs) const;
    bool isKey(const CatField &field, const QString &key) const;

    const CatEndpoint *m_endpoint;
    quint64 m_seed;
    quint64 m_stream;
    const MockClock &m_clock;
    References m_refs;
    QString m_timeField;
    QString m_numberPrefix;
    int m_numberWidth = 6;
    qint64 m_idBase = 0;
};

/// True for names that hold a time (modified, io_date, create_time, FModifyDate, workDate…).
bool isTimeName(const QString &name);

} // namespace weft::mock
