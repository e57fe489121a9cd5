#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <charconv>
#include <cstring>
#include <vector>

namespace weft::mock {

/// Write JSON text as QJsonDocument::toJson(Compact) does (jsonsink.cpp).
void appendJsonString(QByteArray &out, const QString &text);
void appendJsonNumber(QByteArray &out, double value);
/// Any value (objects and arrays as QJsonDocument writes them compactly).
void appendJsonValue(QByteArray &out, const QJsonValue &value);
/// A scalar as text for comparisons and keys: integers without a fraction (12, not 12.0 or
/// 1.2e+01), other numbers as short as they read back, booleans as true/false.
QString scalarText(const QJsonValue &value);
/// The longest text jsonNumberText() writes.
constexpr qsizetype kJsonNumberMax = 32;
/// A number's JSON text into `buffer` (kJsonNumberMax bytes); returns its length.
qsizetype jsonNumberText(char *buffer, double value);

/// Where a dataset emits a record, so one piece of code describes it and the caller picks
/// the form: JsonTextSink writes compact JSON straight into a page (the hot path — building
/// and serialising QJsonObjects was 90 % of serving a purchase-in page), JsonObjectSink builds
/// a QJsonObject (lookups by id, tests). Keys are ASCII literals.
class JsonTextSink
{
public:
    explicit JsonTextSink(QByteArray &out)
        : m_out(out)
    {}

    void beginObject(const char *key = nullptr) { open(key, '{'); }
    void endObject() { close('}'); }
    void beginArray(const char *key) { open(key, '['); }
    void endArray() { close(']'); }
    void field(const char *key, qint64 v)
    {
        char text[24];
        put(key, text, std::to_chars(text, text + sizeof text, v).ptr - text);
    }
    void field(const char *key, int v) { field(key, qint64(v)); }
    void field(const char *key, double v)
    {
        char text[kJsonNumberMax];
        put(key, text, jsonNumberText(text, v));
    }
    void field(const char *key, bool v) { put(key, v ? "true" : "false", v ? 4 : 5); }
    void field(const char *key, const QString &v)
    {
        put(key, nullptr, 0);
        appendJsonString(m_out, v);
    }
    void field(const char *key, const QJsonValue &v)
    {
        put(key, nullptr, 0);
        appendJsonValue(m_out, v);
    }
    /// An array element written by `write(QByteArray &)` (e.g. another sink on the buffer).
    template<typename Write>
    void element(const Write &write)
    {
        name(nullptr);
        write(m_out);
    }

private:
    // `,"key":` (the comma when needed, the key when given) and `value`, appended with one
    // resize: QByteArray's operator+= goes through insert() for every piece.
    void put(const char *key, const char *value, qsizetype valueSize)
    {
        const qsizetype keySize = key ? qsizetype(std::strlen(key)) : 0;
        const qsizetype at = m_out.size();
        m_out.resize(at + (m_needComma ? 1 : 0) + (key ? keySize + 3 : 0) + valueSize);
        char *p = m_out.data() + at;
        if (m_needComma)
            *p++ = ',';
        m_needComma = true;
        if (key) {
            *p++ = '"';
            std::memcpy(p, key, size_t(keySize));
            p += keySize;
            *p++ = '"';
            *p++ = ':';
        }
        if (valueSize > 0)
            std::memcpy(p, value, size_t(valueSize));
    }
    void name(const char *key) { put(key, nullptr, 0); }
    void open(const char *key, char bracket)
    {
        put(key, &bracket, 1);
        m_needComma = false;
    }
    void close(char bracket)
    {
        m_out.append(bracket);
        m_needComma = true;
    }

    QByteArray &m_out;
    bool m_needComma = false;
};

class JsonObjectSink
{
public:
    void beginObject(const char *key = nullptr) { m_open.push_back({key, QJsonObject(), {}, true}); }
    void endObject() { finish(QJsonValue(m_open.back().object)); }
    void beginArray(const char *key) { m_open.push_back({key, {}, QJsonArray(), false}); }
    void endArray() { finish(QJsonValue(m_open.back().array)); }
    template<typename T>
    void field(const char *key, const T &v)
    {
        add(key, QJsonValue(v));
    }

    /// The outermost object, once it is ended.
    QJsonObject result() const { return m_result; }

private:
    struct Open {
        const char *key;
        QJsonObject object;
        QJsonArray array;
        bool isObject;
    };
    void add(const char *key, const QJsonValue &v)
    {
        Open &top = m_open.back();
        if (top.isObject)
            top.object.insert(QLatin1String(key), v);
        else
            top.array.append(v);
    }
    void finish(const QJsonValue &done)
    {
        const char *key = m_open.back().key;
        m_open.pop_back();
        if (m_open.empty())
            m_result = done.toObject();
        else
            add(key, done);
    }

    std::vector<Open> m_open;
    QJsonObject m_result;
};

} // namespace weft::mock
