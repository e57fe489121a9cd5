#pragma once

#include "recordgenerator.h"
#include "timeline.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <functional>
#include <memory>

namespace weft::mock {

/// The records one catalogue query answers: generated ones (by index, spread over the span
/// on a timeline), what saves changed in them, and the records saves created.
///
/// Records are addressed by k: [0, generated) are generated (or hand-written) records,
/// [generated, size) the created ones in the order they were saved. A changed generated
/// record moves to the time of the change (Timeline::touch), so the next incremental window
/// sees it; a created record has the time it was saved.
class CatalogDataset final
{
public:
    CatalogDataset(const CatEndpoint &endpoint, quint64 seed, const MockClock &clock, qint64 count,
                   qint64 spanMs, RecordGenerator::References refs = {});

    /// Hand-written records for [0, count) instead of generated ones, on their own timeline
    /// (the example projects are built on them); the generator completes them with the
    /// declared fields they lack. `indexOfId` finds a record by its id text.
    void useHandWritten(Timeline *timeline, std::function<QJsonObject(qint64)> record,
                        std::function<std::optional<qint64>(const QString &)> indexOfId);

    /// Relations between datasets the generator cannot know (a DingTalk user's department):
    /// `shape` adjusts each generated record after it is made.
    void setShaper(std::function<void(qint64, QJsonObject &)> shape) { m_shape = std::move(shape); }

    const CatEndpoint &endpoint() const { return m_generator.endpoint(); }
    const RecordGenerator &generator() const { return m_generator; }
    Timeline &timeline() { return *m_timeline; }
    const Timeline &timeline() const { return *m_timeline; }
    qint64 generated() const { return m_timeline->count(); }
    qint64 size() const { return generated() + qint64(m_created.size()); }

    /// Record k as the API returns it.
    QJsonObject record(qint64 k) const;
    qint64 timeMs(qint64 k) const;

    /// The records of an inclusive time window, in time order: generated, then created.
    struct Selection {
        Timeline::Window window;
        std::vector<qint64> created; ///< k of the created records in the window
        qint64 size() const { return window.size() + qint64(created.size()); }
        qint64 at(qint64 n) const;
    };
    Selection select(qint64 fromMs, qint64 toMs) const;
    Selection all() const;

    std::optional<qint64> findNumber(const QString &number) const;
    std::optional<qint64> findId(const QString &id) const;
    /// Keeps a new record (its id already set) saved at `ms`; returns its k.
    qint64 create(const QJsonObject &record, qint64 ms);
    /// Changes record k: the given fields replace the record's, at `ms`.
    void update(qint64 k, const QJsonObject &fields, qint64 ms);
    /// What saves wrote: the created records and the changes to generated ones.
    QJsonArray written() const;
    void reset();

private:
    struct Created {
        QJsonObject record;
        qint64 ms = 0;
    };
    QJsonObject base(qint64 i) const;
    void indexNumber(const QString &number, qint64 k);

    RecordGenerator m_generator;
    std::unique_ptr<Timeline> m_ownTimeline;
    Timeline *m_timeline;
    std::function<QJsonObject(qint64)> m_handWritten;
    std::function<std::optional<qint64>(const QString &)> m_handWrittenId;
    std::function<void(qint64, QJsonObject &)> m_shape;
    QList<Created> m_created;
    QHash<qint64, QJsonObject> m_patches; ///< generated index → changed fields
    QHash<QString, qint64> m_numbers;     ///< numbers of created and changed records
    QSet<QString> m_released;             ///< generated numbers a change replaced
    QHash<QString, qint64> m_ids;         ///< ids of created records
};

} // namespace weft::mock
