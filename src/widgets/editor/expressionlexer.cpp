#include "widgets/editor/expressionlexer.h"

#include "widgets/editor/functioncatalog.h"

#include <QFontDatabase>
#include <QSet>
#include <Qsci/qsciscintilla.h>

namespace weft {

namespace {

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

const QSet<QByteArray> &keywordSet()
{
    static const QSet<QByteArray> set = [] {
        QSet<QByteArray> s;
        for (const QString &k : sqlKeywords())
            s.insert(k.toUpper().toLatin1());
        return s;
    }();
    return set;
}

} // namespace

ExpressionLexer::ExpressionLexer(QObject *parent)
    : QsciLexerCustom(parent)
{}

QString ExpressionLexer::description(int style) const
{
    switch (style) {
    case Default:
        return tr("Text");
    case Template:
        return tr("Field template");
    case Prefix:
        return tr("Value prefix");
    case Function:
        return tr("Function");
    case Keyword:
        return tr("Keyword");
    case String:
        return tr("String");
    case Number:
        return tr("Number");
    case Operator:
        return tr("Operator");
    default:
        return {};
    }
}

QColor ExpressionLexer::defaultColor(int style) const
{
    switch (style) {
    case Template:
        return QColor(0x00695c);
    case Prefix:
        return QColor(0x8e24aa);
    case Function:
        return QColor(0x1565c0);
    case Keyword:
        return QColor(0x6a1b9a);
    case String:
        return QColor(0xb26a00);
    case Number:
        return QColor(0xc2185b);
    case Operator:
        return QColor(0x455a64);
    default:
        return QColor(0x212121);
    }
}

QFont ExpressionLexer::defaultFont(int style) const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(std::max(font.pointSizeF(), 10.0));
    if (style == Prefix || style == Function || style == Template)
        font.setBold(true);
    return font;
}

QColor ExpressionLexer::defaultPaper(int style) const
{
    return style == Template ? QColor(0xe0f2f1) : QColor(0xffffff);
}

QList<ExpressionToken> ExpressionLexer::tokenize(const QByteArray &s)
{
    QList<ExpressionToken> out;
    const int n = int(s.size());
    int i = 0;
    auto push = [&](int start, int end, int style) {
        if (end > start)
            out.append({start, end - start, style});
    };
    while (i < n) {
        const char c = s.at(i);
        if (c == '{') {
            // A template runs to its matching close; `{{…}}` and `{…}` alike.
            const bool doubled = i + 1 < n && s.at(i + 1) == '{';
            const QByteArray close = doubled ? QByteArrayLiteral("}}") : QByteArrayLiteral("}");
            const int end = int(s.indexOf(close, i + (doubled ? 2 : 1)));
            const int stop = end < 0 ? n : end + int(close.size());
            push(i, stop, Template);
            i = stop;
        } else if (c == '\'' || c == '"') {
            int j = i + 1;
            while (j < n && s.at(j) != c) {
                if (s.at(j) == '\\')
                    ++j;
                ++j;
            }
            const int stop = std::min(n, j + 1);
            push(i, stop, String);
            i = stop;
        } else if (c >= '0' && c <= '9') {
            int j = i;
            while (j < n && ((s.at(j) >= '0' && s.at(j) <= '9') || s.at(j) == '.'))
                ++j;
            // A digit run glued to letters is part of a word (DAYS_AGO_30 is handled above).
            push(i, j, Number);
            i = j;
        } else if (isIdentStart(c)) {
            int j = i;
            while (j < n && isIdentChar(s.at(j)))
                ++j;
            const QByteArray word = s.mid(i, j - i);
            int k = j;
            while (k < n && s.at(k) == ' ')
                ++k;
            int style = Default;
            if (word.startsWith('_') && (word == "_function" || word == "_findCollection" ||
                                         word == "_map" || word == "_endFind"))
                style = Prefix;
            else if (k < n && s.at(k) == '(' && findFunctionEntry(QString::fromLatin1(word)))
                style = Function;
            else if (keywordSet().contains(word.toUpper()))
                style = Keyword;
            push(i, j, style);
            i = j;
        } else if (QByteArrayView("+-*/%=<>!(),|").contains(c)) {
            push(i, i + 1, Operator);
            ++i;
        } else {
            int j = i + 1;
            // Non-ASCII bytes (Chinese text) and spaces stay default, in one run.
            while (j < n && !isIdentStart(s.at(j)) && s.at(j) != '{' && s.at(j) != '\'' &&
                   s.at(j) != '"' && !(s.at(j) >= '0' && s.at(j) <= '9') &&
                   !QByteArrayView("+-*/%=<>!(),|").contains(s.at(j)))
                ++j;
            push(i, j, Default);
            i = j;
        }
    }
    return out;
}

void ExpressionLexer::styleText(int, int)
{
    // Values are short: re-style the whole text every time, so a template or a string opened
    // before the changed range is always right.
    QsciScintilla *ed = editor();
    if (!ed)
        return;
    const QByteArray text = ed->text().toUtf8();
    startStyling(0);
    int pos = 0;
    for (const ExpressionToken &t : tokenize(text)) {
        if (t.start > pos)
            setStyling(t.start - pos, Default);
        setStyling(t.length, t.style);
        pos = t.start + t.length;
    }
    if (pos < text.size())
        setStyling(int(text.size()) - pos, Default);
}

} // namespace weft
