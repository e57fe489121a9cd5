#include "core/util/jsonlocator.h"

#include "core/util/jsonwriter.h"

#include <algorithm>

namespace weft {

JsonLocator::JsonLocator(const QByteArray &json)
    : m_json(json)
{
    skipWhitespace();
    scanValue(QString());
}

TextPosition JsonLocator::positionOfOffset(const QByteArray &text, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, text.size());
    TextPosition p{1, 1};
    for (qsizetype i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        if (c == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((c & 0xC0) != 0x80) { // count UTF-8 lead bytes only: one per character
            ++p.column;
        }
    }
    return p;
}

TextPosition JsonLocator::find(const QString &pointer) const
{
    QString p = pointer;
    while (true) {
        const auto it = m_offsets.constFind(p);
        if (it != m_offsets.constEnd())
            return positionOfOffset(m_json, it.value());
        if (p.isEmpty())
            return {};
        p.truncate(p.lastIndexOf(u'/'));
    }
}

void JsonLocator::skipWhitespace()
{
    while (m_pos < m_json.size()) {
        const char c = m_json.at(m_pos);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            break;
        ++m_pos;
    }
}

QString JsonLocator::scanString()
{
    // m_pos is at the opening quote. Keys with escapes are rare in project files; decode the
    // common ones so pointers match QJsonObject keys.
    QByteArray raw;
    ++m_pos;
    while (m_pos < m_json.size() && m_json.at(m_pos) != '"') {
        char c = m_json.at(m_pos);
        if (c == '\\' && m_pos + 1 < m_json.size()) {
            ++m_pos;
            c = m_json.at(m_pos);
            switch (c) {
            case 'n': raw += '\n'; break;
            case 't': raw += '\t'; break;
            case 'r': raw += '\r'; break;
            case 'b': raw += '\b'; break;
            case 'f': raw += '\f'; break;
            case 'u':
                if (m_pos + 4 < m_json.size()) {
                    const ushort code = m_json.mid(m_pos + 1, 4).toUShort(nullptr, 16);
                    raw += QString(QChar(code)).toUtf8();
                    m_pos += 4;
                }
                break;
            default: raw += c;
            }
        } else {
            raw += c;
        }
        ++m_pos;
    }
    ++m_pos; // closing quote
    return QString::fromUtf8(raw);
}

void JsonLocator::scanValue(const QString &pointer)
{
    if (m_pos >= m_json.size())
        return;
    m_offsets.insert(pointer, m_pos);
    const char c = m_json.at(m_pos);
    if (c == '{') {
        ++m_pos;
        skipWhitespace();
        while (m_pos < m_json.size() && m_json.at(m_pos) != '}') {
            if (m_json.at(m_pos) != '"')
                return;
            const QString key = scanString();
            skipWhitespace();
            if (m_pos >= m_json.size() || m_json.at(m_pos) != ':')
                return;
            ++m_pos;
            skipWhitespace();
            scanValue(pointer + u'/' + jsonPointerToken(key));
            skipWhitespace();
            if (m_pos < m_json.size() && m_json.at(m_pos) == ',') {
                ++m_pos;
                skipWhitespace();
            }
        }
        ++m_pos;
    } else if (c == '[') {
        ++m_pos;
        skipWhitespace();
        int index = 0;
        while (m_pos < m_json.size() && m_json.at(m_pos) != ']') {
            scanValue(pointer + u'/' + QString::number(index++));
            skipWhitespace();
            if (m_pos < m_json.size() && m_json.at(m_pos) == ',') {
                ++m_pos;
                skipWhitespace();
            }
        }
        ++m_pos;
    } else if (c == '"') {
        scanString();
    } else {
        while (m_pos < m_json.size()) {
            const char d = m_json.at(m_pos);
            if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\r' ||
                d == '\t')
                break;
            ++m_pos;
        }
    }
}

} // namespace weft
