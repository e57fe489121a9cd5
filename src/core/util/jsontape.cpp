#include "core/util/jsontape.h"

#include <QJsonDocument>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace weft {

namespace {

constexpr int kMaxDepth = 256; // QJsonDocument allows 1024: deeper documents fall back to it

bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// One UTF-8 sequence at `p` (a byte ≥ 0x80), strictly: no overlong forms, no surrogates,
/// nothing above U+10FFFF — what QJsonDocument refuses as "invalid UTF8 string". Returns
/// the byte after it, or nullptr.
const char *skipUtf8(const char *p, const char *end)
{
    const auto u = [](char c) { return static_cast<unsigned char>(c); };
    const unsigned char b0 = u(*p);
    int n = 0;
    unsigned char lo = 0x80, hi = 0xBF; // the allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 2;
        if (b0 == 0xE0)
            lo = 0xA0; // overlong
        else if (b0 == 0xED)
            hi = 0x9F; // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 3;
        if (b0 == 0xF0)
            lo = 0x90; // overlong
        else if (b0 == 0xF4)
            hi = 0x8F; // above U+10FFFF
    } else {
        return nullptr;
    }
    if (end - p <= n)
        return nullptr;
    if (u(p[1]) < lo || u(p[1]) > hi)
        return nullptr;
    for (int i = 2; i <= n; ++i) {
        if ((u(p[i]) & 0xC0) != 0x80)
            return nullptr;
    }
    return p + n + 1;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// A number's value as QJsonDocument keeps it: an integer when the text is one that fits
/// qint64, or when the double it reads is a whole number that fits; a double otherwise.
QJsonValue numberValue(QByteArrayView text)
{
    const char *b = text.data();
    const char *e = b + text.size();
    const bool integerText = std::none_of(b, e, [](char c) {
        return c == '.' || c == 'e' || c == 'E';
    });
    if (integerText) {
        qint64 n = 0;
        const auto [end, ec] = std::from_chars(b, e, n);
        if (ec == std::errc() && end == e)
            return QJsonValue(n);
    }
    double d = 0;
    std::from_chars(b, e, d); // checked by the parser: in range
    constexpr double two63 = 9223372036854775808.0;
    if (d >= -two63 && d < two63 && std::trunc(d) == d)
        return QJsonValue(qint64(d));
    return QJsonValue(d);
}

} // namespace

class JsonTape::Parser
{
public:
    Parser(const QByteArray &text, QList<Node> &nodes)
        : m_begin(text.constData())
        , m_p(text.constData())
        , m_end(text.constData() + text.size())
        , m_nodes(nodes)
    {}

    bool document()
    {
        whitespace();
        if (m_p == m_end || (*m_p != '{' && *m_p != '['))
            return false; // QJsonDocument reads only objects and arrays (and a BOM)
        if (!value(0))
            return false;
        whitespace();
        return m_p == m_end;
    }

private:
    void whitespace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    quint32 offset(const char *p) const { return quint32(p - m_begin); }

    bool value(int depth)
    {
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '"': return string();
        case '{': return object(depth + 1);
        case '[': return array(depth + 1);
        case 't': return literal("true", Type::True);
        case 'f': return literal("false", Type::False);
        case 'n': return literal("null", Type::Null);
        default: return number();
        }
    }

    bool literal(const char *word, Type type)
    {
        const qsizetype n = qsizetype(std::strlen(word));
        if (m_end - m_p < n || std::memcmp(m_p, word, size_t(n)) != 0)
            return false;
        append(type, 0, m_p, quint32(n));
        m_p += n;
        return true;
    }

    int append(Type type, quint8 flags, const char *at, quint32 len)
    {
        Node n;
        n.type = type;
        n.flags = flags;
        n.pos = offset(at);
        n.len = len;
        n.next = quint32(m_nodes.size() + 1);
        m_nodes.append(n);
        return int(m_nodes.size() - 1);
    }

    bool string()
    {
        const char *start = ++m_p; // after the quote
        quint8 flags = 0;
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '"')
                break;
            if (c == '\\') {
                flags |= Escaped;
                if (!escape())
                    return false;
                continue;
            }
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20)
                return false; // QJsonDocument takes raw control characters; JSON does not
            if (u < 0x80) {
                ++m_p;
                continue;
            }
            m_p = skipUtf8(m_p, m_end);
            if (!m_p)
                return false;
        }
        if (m_p == m_end)
            return false;
        append(Type::String, flags, start, quint32(m_p - start));
        ++m_p; // the closing quote
        return true;
    }

    bool escape()
    {
        if (m_end - m_p < 2)
            return false;
        switch (m_p[1]) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
            m_p += 2;
            return true;
        case 'u':
            if (m_end - m_p < 6)
                return false;
            for (int i = 2; i < 6; ++i) {
                if (hexDigit(m_p[i]) < 0)
                    return false;
            }
            m_p += 6;
            return true;
        default: return false;
        }
    }

    bool number()
    {
        const char *start = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return false;
        if (*m_p == '0') {
            ++m_p;
        } else {
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        bool exponent = false;
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            exponent = true;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            if (m_p == m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        // QJsonDocument refuses a number that overflows a double or underflows to zero.
        // Without an exponent that takes hundreds of digits: only then is it parsed here.
        if (exponent || m_p - start > 300) {
            double d = 0;
            const auto [end, ec] = std::from_chars(start, m_p, d);
            if (ec != std::errc() || end != m_p || std::isinf(d))
                return false;
        }
        append(Type::Number, 0, start, quint32(m_p - start));
        return true;
    }

    /// An array or object: `item` reads one element or member; the separators and the
    /// closing bracket are read here.
    template<typename Item>
    bool container(Type type, char closing, int depth, Item item)
    {
        if (depth > kMaxDepth)
            return false;
        const int at = append(type, 0, m_p, 0);
        ++m_p;
        whitespace();
        quint32 count = 0;
        if (m_p < m_end && *m_p == closing) {
            ++m_p;
        } else {
            for (;;) {
                whitespace();
                if (!item(at))
                    return false;
                ++count;
                whitespace();
                if (m_p == m_end)
                    return false;
                if (*m_p == ',') {
                    ++m_p;
                    continue;
                }
                if (*m_p != closing)
                    return false;
                ++m_p;
                break;
            }
        }
        close(at, count);
        return true;
    }

    bool array(int depth)
    {
        return container(Type::Array, ']', depth, [this, depth](int) { return value(depth); });
    }

    bool object(int depth)
    {
        quint64 seen = 0; // a bit per key hash: a repeated bit is checked for a repeated key
        return container(Type::Object, '}', depth, [this, depth, &seen](int at) {
            if (m_p == m_end || *m_p != '"' || !string())
                return false;
            Node &key = m_nodes.last();
            key.flags |= Key;
            key.count = quint32(at);
            noteKey(at, int(m_nodes.size() - 1), &seen);
            whitespace();
            if (m_p == m_end || *m_p != ':')
                return false;
            ++m_p;
            whitespace();
            return value(depth);
        });
    }

    /// Marks the object when `key` may repeat one of its earlier keys.
    void noteKey(int object, int key, quint64 *seen)
    {
        Node &o = m_nodes[object];
        if (o.flags & DuplicateKeys)
            return;
        const Node &k = m_nodes.at(key);
        if (k.flags & Escaped) { // compared decoded: find() looks at every key instead
            o.flags |= DuplicateKeys;
            return;
        }
        const char *text = m_begin + k.pos;
        const unsigned h = k.len == 0 ? 0
                                      : (k.len * 7u + static_cast<unsigned char>(text[0]) +
                                         static_cast<unsigned char>(text[k.len - 1]) * 3u) & 63u;
        const quint64 bit = quint64(1) << h;
        if (!(*seen & bit)) {
            *seen |= bit;
            return;
        }
        // Same hash as an earlier key: compare with each (members so far: key, value, …).
        for (int earlier = object + 1; earlier < key; earlier = int(m_nodes.at(earlier + 1).next)) {
            const Node &e = m_nodes.at(earlier);
            if (e.len == k.len && std::memcmp(m_begin + e.pos, text, k.len) == 0) {
                o.flags |= DuplicateKeys;
                return;
            }
        }
    }

    void close(int container, quint32 count)
    {
        Node &n = m_nodes[container];
        n.count = count;
        n.len = quint32(offset(m_p) - n.pos);
        n.next = quint32(m_nodes.size());
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    QList<Node> &m_nodes;
};

bool JsonTape::parse(const QByteArray &text)
{
    m_nodes.clear();
    m_text.clear();
    if (text.size() >= qsizetype(std::numeric_limits<quint32>::max()))
        return false;
    // About one entry per 12 bytes of a typical page: reserved once instead of grown.
    m_nodes.reserve(text.size() / 12 + 16);
    Parser parser(text, m_nodes);
    if (!parser.document()) {
        m_nodes.clear();
        m_nodes.squeeze();
        return false;
    }
    m_text = text;
    return true;
}

QList<int> JsonTape::elements(int array) const
{
    QList<int> out;
    if (!isArray(array))
        return out;
    out.reserve(size(array));
    for (int e = array + 1, i = 0; i < size(array); ++i, e = next(e))
        out.append(e);
    return out;
}

QList<int> JsonTape::keys(int object) const
{
    QList<int> out;
    if (!isObject(object))
        return out;
    out.reserve(size(object));
    for (int k = object + 1, i = 0; i < size(object); ++i, k = next(k + 1))
        out.append(k);
    return out;
}

bool JsonTape::keyEquals(int keyNode, QByteArrayView key) const
{
    const Node &k = m_nodes.at(keyNode);
    if (!(k.flags & Escaped))
        return k.len == quint32(key.size()) &&
               std::memcmp(m_text.constData() + k.pos, key.data(), size_t(k.len)) == 0;
    return string(keyNode) == QString::fromUtf8(key);
}

int JsonTape::find(int object, QByteArrayView key) const
{
    if (!isObject(object))
        return -1;
    const bool all = m_nodes.at(object).flags & DuplicateKeys;
    int found = -1;
    for (int k = object + 1, i = 0; i < size(object); ++i, k = next(k + 1)) {
        if (keyEquals(k, key)) {
            found = k + 1;
            if (!all)
                break;
        }
    }
    return found;
}

int JsonTape::find(int object, QByteArrayView key, int *hint) const
{
    if (*hint > 0 && isObject(object) && !(m_nodes.at(object).flags & DuplicateKeys)) {
        // The key node there must be one of this object's keys (not a string inside one of
        // its values that happens to read the same).
        const qsizetype at = qsizetype(object) + *hint;
        if (at < next(object)) {
            const Node &k = m_nodes.at(at);
            if ((k.flags & Key) && k.count == quint32(object) && keyEquals(int(at), key))
                return int(at) + 1;
        }
    }
    const int v = find(object, key);
    if (v > 0)
        *hint = v - 1 - object;
    return v;
}

QString JsonTape::string(int node) const
{
    const Node &n = m_nodes.at(node);
    const char *p = m_text.constData() + n.pos;
    if (!(n.flags & Escaped))
        return QString::fromUtf8(p, n.len);
    const char *end = p + n.len;
    QString out;
    out.reserve(n.len);
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            out += QString::fromUtf8(run, p - run);
        if (p == end)
            break;
        const char c = p[1]; // the parser checked every escape
        switch (c) {
        case 'b': out += u'\b'; break;
        case 'f': out += u'\f'; break;
        case 'n': out += u'\n'; break;
        case 'r': out += u'\r'; break;
        case 't': out += u'\t'; break;
        case 'u': {
            char16_t unit = 0;
            for (int i = 2; i < 6; ++i)
                unit = char16_t(unit * 16 + hexDigit(p[i]));
            out += QChar(unit); // a lone surrogate stays one, as in QJsonDocument
            p += 6;
            continue;
        }
        default: out += QChar(c); break; // '"', '\\', '/'
        }
        p += 2;
    }
    return out;
}

QJsonValue JsonTape::value(int node) const
{
    switch (type(node)) {
    case Type::Null: return QJsonValue(QJsonValue::Null);
    case Type::False: return QJsonValue(false);
    case Type::True: return QJsonValue(true);
    case Type::Number: return numberValue(span(node));
    case Type::String: return QJsonValue(string(node));
    case Type::Array:
    case Type::Object: {
        // A container is QJsonDocument's reading of its own text: the same values, key
        // order and duplicates by construction. Only failures and previews ask for one.
        const QByteArrayView s = span(node);
        const QJsonDocument doc =
            QJsonDocument::fromJson(QByteArray::fromRawData(s.data(), s.size()));
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    }
    return QJsonValue(QJsonValue::Undefined);
}

} // namespace weft
