// libFuzzer target: JsonTape, the parser the runner reads API pages with, on arbitrary bytes.
//
// Two things are checked on every input. Memory safety (ASan, UBSan): the tape is parsed and
// every node is read the ways the runner reads them (find with and without a hint, keys,
// elements, string, span, value). And agreement: JsonTape promises to read exactly what
// QJsonDocument reads or to refuse the text (the runner then falls back to QJsonDocument),
// so whatever the tape accepts, QJsonDocument must accept and read the same, number kinds
// included. A tape refusing what QJsonDocument reads is allowed and not a finding.

#include "core/util/jsontape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariant>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using weft::JsonTape;

namespace {

[[noreturn]] void disagree(const char *what)
{
    std::fprintf(stderr, "fuzz_jsontape: the tape and QJsonDocument disagree: %s\n", what);
    std::abort();
}

/// Values equal, and integers stay integers (QJsonValue's == would call 100 and 100.0 equal).
bool same(const QJsonValue &a, const QJsonValue &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double: {
        const bool integer = a.toVariant().typeId() == QMetaType::LongLong;
        if (integer != (b.toVariant().typeId() == QMetaType::LongLong))
            return false;
        return integer ? a.toInteger() == b.toInteger()
                       : (a.toDouble() == b.toDouble() || (a.toDouble() != a.toDouble() &&
                                                           b.toDouble() != b.toDouble()));
    }
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!same(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys())
            return false;
        for (auto it = x.begin(), jt = y.begin(); it != x.end(); ++it, ++jt) {
            if (!same(it.value(), jt.value()))
                return false;
        }
        return true;
    }
    default:
        return a == b;
    }
}

/// Every node read the ways the runner reads it; returns a value derived from all of them so
/// the reads are not optimised away.
qsizetype walk(const JsonTape &tape, int node, int depth)
{
    qsizetype sum = tape.span(node).size();
    if (depth > 300) // the tape refuses nesting deeper than 256
        return sum;
    if (tape.isArray(node)) {
        const QList<int> elements = tape.elements(node);
        for (const int e : elements)
            sum += walk(tape, e, depth + 1);
        // The runner's way with a page's records: one hint per field, carried from record to
        // record, so a hint may point anywhere in the next record, also into a nested value.
        QList<QByteArrayView> names;
        for (const int e : elements) {
            if (!tape.isObject(e))
                continue;
            for (const int key : tape.keys(e)) {
                if (names.size() < 16 && !tape.span(key).contains('\\'))
                    names.append(tape.span(key));
            }
        }
        for (const QByteArrayView name : names) {
            int hint = -1;
            for (const int e : elements) {
                if (tape.find(e, name, &hint) != tape.find(e, name))
                    disagree("find() with a hint from another record");
            }
        }
    } else if (tape.isObject(node)) {
        int hint = -1;
        for (const int key : tape.keys(node)) {
            const QString name = tape.string(key);
            sum += walk(tape, key + 1, depth + 1);
            // find() takes the key's UTF-8; the span is that when the key has no escapes.
            const QByteArrayView raw = tape.span(key);
            if (raw.contains('\\'))
                continue;
            const int plain = tape.find(node, raw);
            const int hinted = tape.find(node, raw, &hint);
            if (plain < 0 || plain != hinted)
                disagree("find() with and without a hint");
            // With duplicate keys, find() gives the last one's value: a key of the same name.
            if (tape.string(plain - 1) != name)
                disagree("find() answered another key's value");
        }
    } else if (tape.type(node) == JsonTape::Type::String) {
        sum += tape.string(node).size();
    } else {
        sum += tape.value(node).isNull() ? 1 : 0;
    }
    return sum;
}

/// With keys of U+E000…U+FFFF beside keys beyond U+FFFF, Qt 6.4's QJsonDocument orders keys
/// inconsistently and may keep the first of two equal keys (see tst_jsontape's generator):
/// such texts are read for memory safety only, not compared.
bool hitsQtKeyOrderQuirk(const QByteArray &text)
{
    const bool high = text.contains("\xee") || text.contains("\xef") ||
                      text.contains("\\ue") || text.contains("\\uE") ||
                      text.contains("\\uf") || text.contains("\\uF");
    const bool beyond = text.contains("\xf0") || text.contains("\xf1") ||
                        text.contains("\xf2") || text.contains("\xf3") ||
                        text.contains("\xf4") || text.contains("\\ud") || text.contains("\\uD");
    return high && beyond;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384)
        return 0;
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    JsonTape tape;
    if (!tape.parse(text))
        return 0; // refused: the runner reads this text with QJsonDocument instead
    volatile qsizetype sink = walk(tape, JsonTape::root(), 0);
    (void)sink;

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        disagree("the tape accepted a text QJsonDocument refuses");
    if (hitsQtKeyOrderQuirk(text))
        return 0;
    const QJsonValue qt = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    if (!same(tape.value(JsonTape::root()), qt))
        disagree("the tape read a different value");
    return 0;
}
