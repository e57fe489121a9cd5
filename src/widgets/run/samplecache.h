#pragma once

#include "core/engine/preview.h"
#include "core/model/pinnedsamples.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <memory>
#include <optional>

class QTimer;

namespace weft {

class EngineHost;
class ProjectDocument;

/// The last preview of each scheme (a sample of source records and what the mapping makes
/// of them), shared by the preview panel, the node data panel, the mapping editor's field
/// tree and the expression editor's live value. Fetching is asynchronous and cancellable.
///
/// It also keeps the project's pinned samples (read from `<project>.samples.json` when a
/// project is opened, written by writePinned() when it is saved; every change an undo step on
/// the document's stack). A scheme with a pinned sample is previewed from it, never from the
/// network — also right after a project is opened. When a scheme is edited,
/// its sample (pinned or last fetched) is mapped again a moment after the last edit, on the
/// engine thread; a newer edit supersedes (cancels) the one before.
class SampleCache final : public QObject
{
    Q_OBJECT
public:
    SampleCache(EngineHost *engine, ProjectDocument *doc, QObject *parent = nullptr);
    ~SampleCache() override;

    /// Fetches a new sample of `scheme` (a running fetch of it is cancelled first). For a
    /// scheme with a pinned sample this is a refresh: the fetched records replace the pinned
    /// ones (an undo step).
    void fetch(const QString &scheme, int limit = 20);
    /// Maps the scheme's pinned sample (or else its last fetched records) again, no network.
    void recompute(const QString &scheme);
    bool isPinned(const QString &scheme) const;
    const PinnedSamples &pinnedSamples() const { return m_pinned; }
    /// Writes the pinned samples of the project's schemes beside `projectPath` (removes the
    /// file when there are none). Called after the project is saved.
    bool writePinned(const QString &projectPath, QString *error) const;
    /// Pins the current sample's source records (an undo step); false without a sample.
    bool pin(const QString &scheme);
    void unpin(const QString &scheme);
    /// Pins `records` as the scheme's sample, replacing a pinned one (an undo step; undo
    /// brings the sample before back) — the source payloads of failed records, to reproduce
    /// a failure offline. A fetch of the scheme under way is cancelled. False when empty.
    bool pinRecords(const QString &scheme, const QList<QJsonObject> &records);
    /// Replaces (index in range) or adds (index -1) a record of the pinned sample — to try an
    /// edge case. An undo step; false when the scheme has no pinned sample.
    bool setPinnedRecord(const QString &scheme, int index, const QJsonObject &record);
    /// Milliseconds between the last edit of a scheme and mapping its sample again.
    void setRecomputeDelay(int ms);
    void cancel(const QString &scheme);
    bool isFetching(const QString &scheme) const { return m_running.contains(scheme); }
    bool hasSample(const QString &scheme) const { return m_results.contains(scheme); }
    const PreviewResult *result(const QString &scheme) const;
    /// The flattened source records of the sample (what templates read).
    QList<QJsonObject> inputs(const QString &scheme) const;
    /// Source fields: the sample's, or (no sample yet) those the metadata and mapping name.
    QStringList fields(const QString &scheme) const;
    /// A label per source record of the sample: its id (or name) field's value.
    QStringList sourceLabels(const QString &scheme) const;
    /// Sets a result directly (tests, or a sample loaded from elsewhere).
    void setResult(const QString &scheme, const PreviewResult &result);

Q_SIGNALS:
    void fetchStarted(const QString &scheme);
    void updated(const QString &scheme);
    /// A scheme's pinned sample was pinned, edited, refreshed or unpinned (or undone).
    void pinnedChanged(const QString &scheme);

private:
    friend class PinSampleCommand;
    /// The undo command's mutator: pins (replaces) or, with nullopt, unpins.
    void setPinned(const QString &scheme, const std::optional<PinnedSample> &sample);
    QString stateLocation();
    void scheduleRecompute(const QString &scheme);
    void start(const QString &scheme, int limit, const std::optional<QList<QJsonObject>> &records);

    EngineHost *m_engine;
    ProjectDocument *m_doc;
    QHash<QString, PreviewResult> m_results;
    PinnedSamples m_pinned;
    QHash<QString, quint64> m_running;
    QSet<QString> m_refreshing; ///< pinned schemes whose running fetch replaces their pin
    QSet<QString> m_network;    ///< schemes whose running preview fetches from the source
    QSet<QString> m_dirty;      ///< edited schemes waiting for the recompute timer
    QTimer *m_recomputeTimer;
};

} // namespace weft
