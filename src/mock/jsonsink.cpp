#include "jsonsink.h"

#include <QJsonDocument>
#include <QLocale>
#include <charconv>
#include <cmath>
#include <cstring>

namespace weft::mock {

// A compact JSON writer: QJsonDocument::toJson grows its buffer a few bytes at a time, which
// made serialisation the largest cost of a 50-record page.
void appendJsonString(QByteArray &out, const QString &text)
{
    // UTF-16 to escaped UTF-8 in one pass, into room made once (at most 6 bytes a unit: a
    // \u00XX escape; a surrogate pair's 4 bytes are 2 units): no toUtf8() copy and no
    // QByteArray::append per piece, which was most of serving a purchase-in page.
    static const char hex[] = "0123456789abcdef";
    const qsizetype at = out.size();
    out.resize(at + 2 + 6 * text.size());
    char *const start = out.data() + at;
    char *p = start;
    *p++ = '"';
    const char16_t *s = reinterpret_cast<const char16_t *>(text.constData());
    const char16_t *const end = s + text.size();
    while (s != end) {
        const char16_t c = *s++;
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *p++ = char(c);
                continue;
            }
            *p++ = '\\';
            switch (c) {
            case u'"': *p++ = '"'; break;
            case u'\\': *p++ = '\\'; break;
            case u'\n': *p++ = 'n'; break;
            case u'\r': *p++ = 'r'; break;
            case u'\t': *p++ = 't'; break;
            default:
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = hex[(c >> 4) & 0xf];
                *p++ = hex[c & 0xf];
            }
        } else if (c < 0x800) {
            *p++ = char(0xc0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && s != end && QChar::isLowSurrogate(*s)) {
            const char32_t u = QChar::surrogateToUcs4(c, *s++);
            *p++ = char(0xf0 | (u >> 18));
            *p++ = char(0x80 | ((u >> 12) & 0x3f));
            *p++ = char(0x80 | ((u >> 6) & 0x3f));
            *p++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isSurrogate(c)) {
            *p++ = '?'; // a lone surrogate, as QString::toUtf8() writes it
        } else {
            *p++ = char(0xe0 | (c >> 12));
            *p++ = char(0x80 | ((c >> 6) & 0x3f));
            *p++ = char(0x80 | (c & 0x3f));
        }
    }
    *p++ = '"';
    out.resize(at + (p - start)); // shrinking keeps the capacity
}

qsizetype jsonNumberText(char *buffer, double d)
{
    // Qt's text for numbers (QJsonDocument::toJson, QByteArray::number(d, 'g', shortest)):
    // integers exactly; in 1e-3 <= |d| < 1e15 the shortest round-trip decimal digits, which
    // std::to_chars writes without QLocale's machinery; the rest through Qt.
    char *const end = buffer + kJsonNumberMax;
    std::to_chars_result written{buffer, std::errc::value_too_large};
    const double magnitude = std::fabs(d);
    if (!std::isfinite(d)) {
        std::memcpy(buffer, "null", 4);
        return 4;
    }
    if (d == std::floor(d) && magnitude < 9007199254740992.0)
        written = std::to_chars(buffer, end, qint64(d));
    else if (magnitude >= 1e-3 && magnitude < 1e15)
        written = std::to_chars(buffer, end, d, std::chars_format::fixed);
    if (written.ec == std::errc())
        return written.ptr - buffer;
    const QByteArray text = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
    const qsizetype n = std::min<qsizetype>(text.size(), kJsonNumberMax);
    std::memcpy(buffer, text.constData(), size_t(n));
    return n;
}

void appendJsonNumber(QByteArray &out, double d)
{
    char buffer[kJsonNumberMax];
    out.append(buffer, jsonNumberText(buffer, d));
}

void appendJsonValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        appendJsonString(out, value.toString());
        break;
    case QJsonValue::Double:
        appendJsonNumber(out, value.toDouble());
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Array:
        out += QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        break;
    case QJsonValue::Object:
        out += QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        break;
    default:
        out += "null";
        break;
    }
}

QString scalarText(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::abs(d) < 9007199254740992.0) // exact in a double
            return QString::number(qint64(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

} // namespace weft::mock
