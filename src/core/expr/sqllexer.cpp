#include "core/expr/sqllexer.h"

namespace weft::expr::detail {

namespace {

using T = TokenKind;

bool isIdentStart(QChar c)
{
    return c == QLatin1Char('_') || c == QLatin1Char('$') || (c.unicode() < 128 && c.isLetter()) ||
           (c.unicode() >= 128 && c.isLetterOrNumber());
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || (c.unicode() < 128 && c.isDigit());
}

bool isDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

QString unescape(QStringView raw, QChar quote)
{
    QString out;
    out.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw[i];
        if (c == QLatin1Char('\\') && i + 1 < raw.size()) {
            const char16_t e = raw[++i].unicode();
            switch (e) {
            case '0':
                out += QChar(0);
                break;
            case 'b':
                out += QLatin1Char('\b');
                break;
            case 'n':
                out += QLatin1Char('\n');
                break;
            case 'r':
                out += QLatin1Char('\r');
                break;
            case 't':
                out += QLatin1Char('\t');
                break;
            case 'Z':
                out += QChar(0x1A);
                break;
            case '%':
            case '_':
                out += QLatin1Char('\\'); // MySQL keeps these for LIKE patterns
                out += QChar(e);
                break;
            default:
                out += QChar(e);
                break;
            }
        } else if (c == quote && i + 1 < raw.size() && raw[i + 1] == quote) {
            out += quote;
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

class Lexer
{
public:
    Lexer(Program &prog, int start)
        : m_prog(prog)
        , m_text(prog.text)
        , m_i(start)
    {
    }

    bool run(std::vector<Token> &out)
    {
        const qsizetype n = m_text.size();
        while (m_i < n) {
            const QChar c = m_text[m_i];
            if (c.isSpace()) {
                ++m_i;
                continue;
            }
            Token tok;
            tok.pos = int(m_i);
            if (c == QLatin1Char('{')) {
                qsizetype next = 0;
                if (parseTemplateAt(m_text, m_i, 0, &m_prog.errors, &tok.field, &next)) {
                    tok.t = T::Field;
                    tok.len = int(next - m_i);
                    m_i = next;
                    out.push_back(std::move(tok));
                    continue;
                }
                return error(int(m_i), 1, QStringLiteral("unexpected {"),
                             QStringLiteral("a field is written {name} or {{name}}"));
            }
            if (isDigit(c) || (c == QLatin1Char('.') && m_i + 1 < n && isDigit(m_text[m_i + 1]))) {
                if (!lexNumber(tok))
                    return false;
            } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                if (!lexString(tok))
                    return false;
            } else if (c == QLatin1Char('`')) {
                const qsizetype end = m_text.indexOf(QLatin1Char('`'), m_i + 1);
                if (end < 0)
                    return error(tok.pos, int(n - m_i), QStringLiteral("unclosed `"),
                                 QStringLiteral("close it with `"));
                tok.t = T::QuotedIdent;
                tok.text = m_text.mid(m_i + 1, end - m_i - 1);
                m_i = end + 1;
            } else if (isIdentStart(c)) {
                qsizetype j = m_i;
                while (j < n && isIdentChar(m_text[j]))
                    ++j;
                tok.t = T::Ident;
                tok.text = m_text.mid(m_i, j - m_i);
                m_i = j;
                if (tok.text.compare(QLatin1String("_findCollection"), Qt::CaseInsensitive) == 0 &&
                    !lexFind(tok))
                    return false;
            } else if (!lexPunct(tok)) {
                return false;
            }
            tok.len = int(m_i) - tok.pos;
            out.push_back(std::move(tok));
        }
        Token end;
        end.pos = int(n);
        out.push_back(end);
        return true;
    }

private:
    bool error(int pos, int len, QString message, QString suggestion)
    {
        m_prog.errors.append({std::move(message), pos, len, std::move(suggestion)});
        return false;
    }

    bool lexNumber(Token &tok)
    {
        const qsizetype n = m_text.size();
        qsizetype j = m_i;
        if (m_text[j] == QLatin1Char('0') && j + 1 < n &&
            (m_text[j + 1] == QLatin1Char('x') || m_text[j + 1] == QLatin1Char('b')))
            return error(int(m_i), 2,
                         QStringLiteral("hexadecimal and bit literals are not "
                                        "supported"),
                         QStringLiteral("write the number in decimal"));
        while (j < n && isDigit(m_text[j]))
            ++j;
        if (j < n && m_text[j] == QLatin1Char('.')) {
            ++j;
            while (j < n && isDigit(m_text[j]))
                ++j;
        }
        if (j < n && (m_text[j] == QLatin1Char('e') || m_text[j] == QLatin1Char('E'))) {
            qsizetype k = j + 1;
            if (k < n && (m_text[k] == QLatin1Char('+') || m_text[k] == QLatin1Char('-')))
                ++k;
            if (k < n && isDigit(m_text[k])) {
                while (k < n && isDigit(m_text[k]))
                    ++k;
                j = k;
            }
        }
        if (j < n && isIdentChar(m_text[j]))
            return error(
                int(m_i), int(j - m_i + 1),
                QStringLiteral("unexpected text after the number %1").arg(m_text.mid(m_i, j - m_i)),
                QStringLiteral("put a space or an operator after the number"));
        tok.t = T::Number;
        tok.text = m_text.mid(m_i, j - m_i);
        m_i = j;
        return true;
    }

    bool lexString(Token &tok)
    {
        const qsizetype n = m_text.size();
        const QChar quote = m_text[m_i];
        qsizetype j = m_i + 1;
        while (j < n) {
            const QChar c = m_text[j];
            if (c == QLatin1Char('\\') && j + 1 < n) {
                j += 2;
                continue;
            }
            if (c == quote) {
                if (j + 1 < n && m_text[j + 1] == quote) {
                    j += 2;
                    continue;
                }
                break;
            }
            ++j;
        }
        if (j >= n)
            return error(int(m_i), int(n - m_i), QStringLiteral("unclosed string"),
                         QStringLiteral("close it with %1").arg(quote));
        const QStringView raw = QStringView(m_text).mid(m_i + 1, j - m_i - 1);
        tok.t = T::String;
        tok.parts = parseTemplate(raw, int(m_i + 1), &m_prog.errors);
        for (TemplatePart &part : tok.parts) {
            if (part.isField)
                tok.templated = true;
            else
                part.literal = unescape(part.literal, quote);
        }
        if (!tok.templated)
            tok.text = tok.parts.isEmpty() ? QString() : tok.parts.first().literal;
        m_i = j + 1;
        return true;
    }

    bool lexFind(Token &tok)
    {
        // The clause runs to _endFind; its values are templates, so it is read raw.
        const qsizetype end = m_text.indexOf(QLatin1String("_endFind"), m_i, Qt::CaseInsensitive);
        if (end < 0)
            return error(tok.pos, int(m_text.size()) - tok.pos,
                         QStringLiteral("_findCollection inside _function is not closed"),
                         QStringLiteral("end the lookup with _endFind"));
        tok.t = T::Find;
        tok.innerStart = int(m_i);
        tok.innerEnd = int(end);
        m_i = end + 8;
        return true;
    }

    bool lexPunct(Token &tok)
    {
        static const char *const kOps[] = {"<=>", "<=", ">=", "<>", "!=", "&&", "||", "<<",
                                           ">>",  ":=", "+",  "-",  "*",  "/",  "%",  "=",
                                           "<",   ">",  "!",  "(",  ")",  ",",  "~",  "^",
                                           "|",   "&",  ";",  ".",  "@",  "?",  ":"};
        const QStringView rest = QStringView(m_text).mid(m_i);
        for (const char *op : kOps) {
            if (rest.startsWith(QLatin1String(op))) {
                tok.t = T::Punct;
                tok.text = QLatin1String(op);
                m_i += qsizetype(qstrlen(op));
                return true;
            }
        }
        const QChar c = m_text[m_i];
        static const QString kFullWidth = QStringLiteral("（）,，‘’“”；");
        static const QString kAscii = QStringLiteral("(),,''\"\";");
        const qsizetype fw = kFullWidth.indexOf(c);
        if (fw >= 0)
            return error(int(m_i), 1, QStringLiteral("full-width character %1").arg(c),
                         QStringLiteral("use the ASCII %1 instead").arg(kAscii[fw]));
        return error(int(m_i), 1, QStringLiteral("unexpected character %1").arg(c), {});
    }

    Program &m_prog;
    const QString &m_text;
    qsizetype m_i;
};

} // namespace

bool tokenize(Program &prog, int start, std::vector<Token> &out)
{
    return Lexer(prog, start).run(out);
}

} // namespace weft::expr::detail
