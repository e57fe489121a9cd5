#include "core/connectors/connectorerror.h"

#include <QLatin1String>
#include <QRegularExpression>

namespace weft {

QString ConnectorError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network: return QStringLiteral("network");
    case Kind::Timeout: return QStringLiteral("timeout");
    case Kind::Server: return QStringLiteral("server");
    case Kind::Throttled: return QStringLiteral("throttled");
    case Kind::Auth: return QStringLiteral("auth");
    case Kind::Malformed: return QStringLiteral("malformed");
    case Kind::Rejected: return QStringLiteral("rejected");
    case Kind::Config: return QStringLiteral("config");
    case Kind::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

namespace {

/// Whether a member or parameter name looks like it holds a secret. Generous on purpose: an
/// ordinary value masked in an error message costs little, a token shown costs a lot.
bool secretName(QStringView name)
{
    static const QLatin1String kWords[] = {
        QLatin1String("token"),    QLatin1String("secret"),    QLatin1String("session"),
        QLatin1String("password"), QLatin1String("passwd"),    QLatin1String("pwd"),
        QLatin1String("sign"),     QLatin1String("ticket"),    QLatin1String("key"),
        QLatin1String("auth"),     QLatin1String("credential")};
    for (const QLatin1String &word : kWords) {
        if (name.contains(word, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool escapedQuoteAt(QStringView text, qsizetype i)
{
    return i + 1 < text.size() && text[i] == u'\\' && text[i + 1] == u'"';
}

/// The end of a JSON string whose contents start at `from`: the index after its closing
/// quote, or the end of the text when it was cut off. `escaped`: the JSON is itself quoted
/// inside a string, so the string ends at \".
qsizetype stringEnd(QStringView text, qsizetype from, bool escaped)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (escaped) {
            if (escapedQuoteAt(text, i))
                return i + 2;
        } else if (text[i] == u'\\') {
            ++i;
        } else if (text[i] == u'"') {
            return i + 1;
        }
    }
    return text.size();
}

/// The end of the object or array opening at `from`, strings skipped; the end of the text
/// when it was cut off.
qsizetype containerEnd(QStringView text, qsizetype from, bool escaped)
{
    int depth = 0;
    for (qsizetype i = from; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'{' || c == u'[') {
            ++depth;
        } else if (c == u'}' || c == u']') {
            if (--depth == 0)
                return i + 1;
        } else if (escaped && escapedQuoteAt(text, i)) {
            i = stringEnd(text, i + 2, true) - 1;
        } else if (!escaped && c == u'"') {
            i = stringEnd(text, i + 1, false) - 1;
        }
    }
    return text.size();
}

/// The end of an unquoted value (a number, a form value) starting at `from`.
qsizetype bareEnd(QStringView text, qsizetype from, QStringView stops)
{
    qsizetype i = from;
    while (i < text.size() && !text[i].isSpace() && !stops.contains(text[i]))
        ++i;
    return i;
}

} // namespace

QString redactSecrets(QStringView text)
{
    // A JSON member name with its colon (\"name\": when the JSON is quoted inside a string),
    // or a form, query or cookie name with its equals sign.
    static const QRegularExpression name(
        QStringLiteral(R"(\\?"([^"\\]{1,200})\\?"\s*:\s*|([A-Za-z0-9_.\-]{1,200})=)"));
    const QLatin1String mask("***");
    QString out;
    out.reserve(text.size());
    qsizetype pos = 0;
    while (pos < text.size()) {
        const QRegularExpressionMatch m = name.match(text, pos);
        if (!m.hasMatch())
            break;
        const bool form = m.capturedLength(2) > 0;
        const bool escaped = !form && m.capturedView(0).startsWith(u'\\');
        out += text.sliced(pos, m.capturedEnd(0) - pos);
        pos = m.capturedEnd(0);
        if (!secretName(m.capturedView(form ? 2 : 1)) || pos >= text.size())
            continue;
        if (form) {
            const qsizetype end = bareEnd(text, pos, u"&;,\"'<>\\");
            if (end > pos)
                out += mask;
            pos = end;
        } else if (escapedQuoteAt(text, pos)) {
            pos = stringEnd(text, pos + 2, true);
            out += QLatin1String(R"(\"***\")");
        } else if (text[pos] == u'"') {
            // Cut off or not, the value is replaced whole and the quotes closed.
            pos = stringEnd(text, pos + 1, false);
            out += QLatin1String(R"("***")");
        } else if (text[pos] == u'{' || text[pos] == u'[') {
            pos = containerEnd(text, pos, escaped);
            out += mask;
        } else {
            const qsizetype end = bareEnd(text, pos, u",}]\"\\");
            const QStringView value = text.sliced(pos, end - pos);
            if (value.isEmpty() || value == u"null" || value == u"true" || value == u"false")
                continue;
            out += mask;
            pos = end;
        }
    }
    if (pos < text.size())
        out += text.sliced(pos);
    return out;
}

QString bodySample(const QByteArray &body, int maxBytes)
{
    return redactSecrets(QString::fromUtf8(body.left(maxBytes))).simplified();
}

} // namespace weft
