#include "core/util/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace weft {

namespace {

void writeString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += QByteArray::number(static_cast<unsigned char>(c), 16)
                           .rightJustified(2, '0');
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void writeNumber(QByteArray &out, double d)
{
    // Whole numbers within the exact range of a double print as integers: 1000, not 1000.0
    // or 1e3, so ids and limits read the way people wrote them.
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0) {
        out += QByteArray::number(static_cast<qint64>(d));
    } else if (std::isfinite(d)) {
        out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
    } else {
        out += "null"; // JSON has no NaN or infinity
    }
}

bool isScalar(const QJsonValue &v)
{
    return !v.isArray() && !v.isObject();
}

// Small leaf containers — secret references {"env": "X"}, parsers, rate limits, canvas
// positions, beatFlat lists — read better on one line than spread over four.
constexpr qsizetype kInlineWidth = 72;

void writeValue(QByteArray &out, const QJsonValue &v, const QString &pointer, int depth,
                const JsonKeyRank &rank);

bool writeInline(QByteArray &out, const QJsonValue &v, const QString &pointer,
                 const JsonKeyRank &rank)
{
    QByteArray line;
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty() || !std::all_of(a.begin(), a.end(), isScalar))
            return false;
        line += '[';
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                line += ", ";
            writeValue(line, a.at(i), QString(), 0, rank);
        }
        line += ']';
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty() || o.size() > 2)
            return false;
        QStringList keys = o.keys();
        for (const QString &k : keys) {
            if (!isScalar(o.value(k)))
                return false;
        }
        if (rank) {
            std::stable_sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
                return rank(pointer, a) < rank(pointer, b);
            });
        }
        line += '{';
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (i)
                line += ", ";
            writeString(line, keys.at(i));
            line += ": ";
            writeValue(line, o.value(keys.at(i)), QString(), 0, rank);
        }
        line += '}';
    } else {
        return false;
    }
    if (line.size() > kInlineWidth)
        return false;
    out += line;
    return true;
}

void writeValue(QByteArray &out, const QJsonValue &v, const QString &pointer, int depth,
                const JsonKeyRank &rank)
{
    if ((v.isArray() || v.isObject()) && depth > 0 && writeInline(out, v, pointer, rank))
        return;
    const QByteArray indent(2 * (depth + 1), ' ');
    const QByteArray closeIndent(2 * depth, ' ');
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: out += "null"; break;
    case QJsonValue::Bool: out += v.toBool() ? "true" : "false"; break;
    case QJsonValue::Double: writeNumber(out, v.toDouble()); break;
    case QJsonValue::String: writeString(out, v.toString()); break;
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out += "[]";
            break;
        }
        out += "[\n";
        for (qsizetype i = 0; i < a.size(); ++i) {
            out += indent;
            writeValue(out, a.at(i), pointer + u'/' + QString::number(i), depth + 1, rank);
            out += i + 1 < a.size() ? ",\n" : "\n";
        }
        out += closeIndent;
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        if (o.isEmpty()) {
            out += "{}";
            break;
        }
        QStringList keys = o.keys(); // alphabetical already
        if (rank) {
            std::stable_sort(keys.begin(), keys.end(), [&](const QString &a, const QString &b) {
                return rank(pointer, a) < rank(pointer, b);
            });
        }
        out += "{\n";
        for (qsizetype i = 0; i < keys.size(); ++i) {
            out += indent;
            writeString(out, keys.at(i));
            out += ": ";
            writeValue(out, o.value(keys.at(i)), pointer + u'/' + jsonPointerToken(keys.at(i)),
                       depth + 1, rank);
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        out += closeIndent;
        out += '}';
        break;
    }
    }
}

} // namespace

QString jsonPointerToken(const QString &key)
{
    QString t = key;
    t.replace(u'~', QStringLiteral("~0"));
    t.replace(u'/', QStringLiteral("~1"));
    return t;
}

QByteArray writeJson(const QJsonValue &value, const JsonKeyRank &rank)
{
    QByteArray out;
    out.reserve(4096);
    writeValue(out, value, QString(), 0, rank);
    out += '\n';
    return out;
}

} // namespace weft
