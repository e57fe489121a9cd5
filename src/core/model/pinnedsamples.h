#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace weft {

/// One scheme's pinned sample: source records as the source gave them (before beatFlat),
/// kept so that a scheme can be designed and previewed without the network.
struct PinnedSample {
    QList<QJsonObject> records;
    QString pinnedAt; ///< when it was fetched or last refreshed, ISO 8601 UTC ("" if unknown)
    bool operator==(const PinnedSample &) const = default;
};

/// The pinned samples of a project, saved beside it as `<project>.samples.json`
/// (docs/studio.md "Pinned samples"). The file is written to be read in a diff: keys sorted,
/// schemes sorted by name, one record per line. No secret reaches it: every record passes
/// through the log redactor (the secret values resolved in this process) and fields whose
/// names say they are secret (token, secret, password, sign …) are replaced by "***".
class PinnedSamples
{
public:
    /// "x.weft.json" → "x.weft.samples.json" (beside the state store "x.weft.state.sqlite").
    static QString locationFor(const QString &projectPath);

    /// Reads a samples file; a missing file is no samples (true). False and a message when
    /// the file exists but is not a samples file.
    bool read(const QString &path, QString *error);
    /// Writes atomically; with no samples, removes the file instead.
    bool write(const QString &path, QString *error) const;

    /// The file's text (what write() stores).
    QByteArray toJson() const;
    /// Parses a file's text.
    bool fromJson(const QByteArray &text, QString *error);

    bool isEmpty() const { return m_samples.isEmpty(); }
    bool contains(const QString &scheme) const { return m_samples.contains(scheme); }
    const PinnedSample *sample(const QString &scheme) const;
    QStringList schemes() const { return m_samples.keys(); }
    /// Pins (replaces) a scheme's sample; its records are redacted here (see the class).
    void set(const QString &scheme, const PinnedSample &sample);
    void remove(const QString &scheme) { m_samples.remove(scheme); }
    /// A scheme was renamed: its sample follows it.
    void rename(const QString &from, const QString &to);

    /// `record` without secrets: registered secret values and secret-named fields replaced.
    static QJsonObject redacted(const QJsonObject &record);

    bool operator==(const PinnedSamples &) const = default;

private:
    QMap<QString, PinnedSample> m_samples;
};

} // namespace weft
