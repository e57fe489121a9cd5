#include "core/state/statestore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVarLengthArray>

// Header-only use of xxHash (Debian's libxxhash-dev): the hash is inlined here, nothing to link.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace weft {

namespace {

/// The bytes a record is hashed over, built in one buffer and hashed at once: per value a
/// type tag, then the value; strings and keys as their UTF-16 code units with a length first
/// (no conversion, no escaping). Rows of a few dozen fields fit the inline capacity, so
/// hashing a row allocates nothing.
class HashInput
{
public:
    void tag(char t) { m_bytes.append(t); }
    void raw(const void *data, qsizetype n) { m_bytes.append(static_cast<const char *>(data), n); }
    /// A string value: its tag, then the string.
    void text(const QString &s)
    {
        tag('s');
        string(s);
    }
    void string(const QString &s)
    {
        const qint64 n = s.size();
        raw(&n, sizeof n);
        raw(s.constData(), n * 2); // constData: inline, unlike utf16()
    }
    void value(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined: tag('n'); break;
        case QJsonValue::Bool: tag(v.toBool() ? 't' : 'f'); break;
        case QJsonValue::Double: {
            const double d = v.toDouble();
            tag('d');
            raw(&d, sizeof d);
            break;
        }
        case QJsonValue::String: text(v.toString()); break;
        case QJsonValue::Array: {
            tag('[');
            for (const QJsonValue &e : v.toArray())
                value(e);
            tag(']');
            break;
        }
        case QJsonValue::Object: {
            // QJsonObject iterates its keys sorted: equal content hashes equally whatever
            // order the keys were inserted in.
            const QJsonObject o = v.toObject();
            tag('{');
            for (auto it = o.begin(); it != o.end(); ++it) {
                string(it.key());
                value(it.value());
            }
            tag('}');
            break;
        }
        }
    }
    QByteArray digest() const
    {
        const XXH128_hash_t h = XXH3_128bits(m_bytes.constData(), size_t(m_bytes.size()));
        XXH128_canonical_t canonical; // big-endian: the same bytes on every machine
        XXH128_canonicalFromHash(&canonical, h);
        return QByteArray(reinterpret_cast<const char *>(canonical.digest), sizeof canonical.digest);
    }

private:
    // Native byte order (lengths, UTF-16 units, doubles): little-endian on every platform
    // Weft ships for, which the pinned digest in tst_statestore guards.
    QVarLengthArray<char, 4096> m_bytes;
};

} // namespace

QByteArray contentHash(const QStringList &names, const QList<QJsonValue> &values,
                       const QList<QString> &texts)
{
    HashInput input;
    input.tag('{');
    for (qsizetype i = 0; i < names.size() && i < values.size(); ++i) {
        const QJsonValue &v = values.at(i);
        if (v.isUndefined())
            continue;
        input.string(names.at(i));
        if (v.isString() && i < texts.size())
            input.text(texts.at(i)); // what value(v) would hash, without converting v again
        else
            input.value(v);
    }
    input.tag('}');
    return input.digest();
}

QByteArray contentHash(const QJsonObject &payload)
{
    HashInput input;
    input.value(payload);
    return input.digest();
}

} // namespace weft
