#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace weft {

/// A JSON text read once into a "tape": one entry per value, in document order, pointing
/// into the text. Nothing is converted while parsing; a string becomes a QString, a number
/// a QJsonValue, only when it is asked for.
///
/// Why: QJsonDocument::fromJson builds every value of a page (and sorts every object's keys)
/// although a mapping reads a fraction of them, and it was the largest single cost of a run
/// (bench/README.md); the runner reads Jushuitan pages this way (docs/architecture.md). On
/// the same Jushuitan pages the tape parses ~4× faster (bench/json).
///
/// It reads exactly what QJsonDocument reads, or nothing: parse() refuses anything outside
/// strict JSON (RFC 8259) that it does not read identically — a byte order mark, raw control
/// characters in strings, ".5", a number out of double's range, nesting deeper than 256,
/// invalid UTF-8 — so the caller falls back to QJsonDocument::fromJson, which reads what it
/// accepts and says why it refuses the rest. For whatever the tape accepts, value() of a
/// node equals QJsonDocument's value, down to integers kept as integers and duplicate keys
/// (the last one counts).
///
/// Layout: an array's elements follow it; an object's members follow it as key, value,
/// key, value… A value's children end before next(node).
class JsonTape final
{
public:
    enum class Type : quint8 { Null, False, True, Number, String, Array, Object };

    /// Empty until parse() succeeded.
    JsonTape() = default;

    /// Reads `text` (kept, shared). False, leaving the tape empty, when the text is not a
    /// JSON object or array that the tape reads exactly as QJsonDocument does.
    bool parse(const QByteArray &text);

    bool isEmpty() const { return m_nodes.isEmpty(); }
    const QByteArray &text() const { return m_text; }
    /// Entries of the tape: one per value and per object key.
    qsizetype nodeCount() const { return m_nodes.size(); }

    static constexpr int root() { return 0; }
    Type type(int node) const { return m_nodes.at(node).type; }
    bool isObject(int node) const { return type(node) == Type::Object; }
    bool isArray(int node) const { return type(node) == Type::Array; }
    /// Elements of an array, members of an object; 0 for other values.
    int size(int node) const { return int(m_nodes.at(node).count); }
    /// The entry after `node` and everything inside it.
    int next(int node) const { return int(m_nodes.at(node).next); }

    /// The value nodes of an array's elements.
    QList<int> elements(int array) const;
    /// The key nodes of an object's members, in the text's order (each value is key + 1).
    QList<int> keys(int object) const;
    /// The value of `object`'s member `key` (UTF-8), or -1. With duplicate keys the last one,
    /// as QJsonObject keeps it.
    int find(int object, QByteArrayView key) const;
    /// The same answer, quicker for records of one shape: `hint` (start at -1) remembers
    /// where the key was, relative to the object, and is tried first the next time.
    int find(int object, QByteArrayView key, int *hint) const;

    /// A string node's text (also a key's).
    QString string(int node) const;
    /// The node's value exactly as QJsonDocument::fromJson gives it.
    QJsonValue value(int node) const;
    QJsonObject object(int node) const { return value(node).toObject(); }
    QJsonArray array(int node) const { return value(node).toArray(); }
    /// The node's bytes in the text: a string's without its quotes.
    QByteArrayView span(int node) const
    {
        const Node &n = m_nodes.at(node);
        return QByteArrayView(m_text.constData() + n.pos, n.len);
    }

private:
    enum Flag : quint8 {
        Escaped = 1,       ///< a string with backslash escapes
        DuplicateKeys = 2, ///< an object that may name a key twice: find() looks at all
        Key = 4,           ///< an object's key; its `count` is the object's node
    };
    struct Node {
        Type type = Type::Null;
        quint8 flags = 0;
        quint32 count = 0; ///< elements or members; for a key, its object
        quint32 pos = 0;   ///< first byte (a string's after its quote)
        quint32 len = 0;   ///< bytes (a string's without its quotes)
        quint32 next = 0;  ///< the entry after this value's children
    };
    class Parser;

    bool keyEquals(int keyNode, QByteArrayView key) const;

    QByteArray m_text;
    QList<Node> m_nodes;
};

} // namespace weft
