#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace weft {

/// A 1-based line and column in a text file (columns count characters, not bytes).
struct TextPosition {
    int line = 0;
    int column = 0;
    bool isValid() const { return line > 0; }
};

/// Finds where each value of a JSON document starts, by JSON pointer.
///
/// Used to turn a diagnostic about "/schemes/2/target/connection" into "line 48, column 21"
/// so people can jump to it. It scans the raw bytes once; it expects JSON that QJsonDocument
/// already accepted and simply stops at anything it does not understand.
class JsonLocator final
{
public:
    explicit JsonLocator(const QByteArray &json);

    /// Position of the value at `pointer`; for a missing key, the nearest existing parent.
    TextPosition find(const QString &pointer) const;

    /// Converts a byte offset (as in QJsonParseError::offset) to a line and column.
    static TextPosition positionOfOffset(const QByteArray &text, qsizetype offset);

private:
    void scanValue(const QString &pointer);
    QString scanString();
    void skipWhitespace();

    const QByteArray &m_json;
    qsizetype m_pos = 0;
    QHash<QString, qsizetype> m_offsets;
};

} // namespace weft
