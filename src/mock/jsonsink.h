#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace weft::mock {

/// Writes a JSON value as compact text (mockhttp.cpp; the same text toJson() gives).
void appendJsonString(QByteArray &out, const QString &text);
void appendJsonNumber(QByteArray &out, double value);

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
        name(key);
        m_out += QByteArray::number(v);
    }
    void field(const char *key, int v) { field(key, qint64(v)); }
    void field(const char *key, double v)
    {
        name(key);
        appendJsonNumber(m_out, v);
    }
    void field(const char *key, bool v)
    {
        name(key);
        m_out += v ? "true" : "false";
    }
    void field(const char *key, const QString &v)
    {
        name(key);
        appendJsonString(m_out, v);
    }
    /// An array element written by `write(QByteArray &)` (e.g. another sink on the buffer).
    template<typename Write>
    void element(const Write &write)
    {
        name(nullptr);
        write(m_out);
    }

private:
    void name(const char *key)
    {
        if (m_needComma)
            m_out += ',';
        m_needComma = true;
        if (key) {
            m_out += '"';
            m_out += key;
            m_out += "\":";
        }
    }
    void open(const char *key, char bracket)
    {
        name(key);
        m_out += bracket;
        m_needComma = false;
    }
    void close(char bracket)
    {
        m_out += bracket;
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
