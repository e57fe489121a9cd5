#pragma once

#include <QByteArray>
#include <QList>
#include <Qsci/qscilexercustom.h>

namespace weft {

/// One highlighted span of a mapping value, in UTF-8 byte offsets (Scintilla positions).
struct ExpressionToken {
    int start = 0;
    int length = 0;
    int style = 0;
};

/// Highlighting for the mapping language: templates `{field}` / `{{field}}`, the value
/// prefixes `_function` / `_findCollection` / `_map`, function names, SQL keywords, strings
/// and numbers.
class ExpressionLexer final : public QsciLexerCustom
{
    Q_OBJECT
public:
    enum Style {
        Default = 0,
        Template,
        Prefix,
        Function,
        Keyword,
        String,
        Number,
        Operator,
        StyleCount
    };

    explicit ExpressionLexer(QObject *parent = nullptr);

    const char *language() const override { return "WeftExpression"; }
    QString description(int style) const override;
    QColor defaultColor(int style) const override;
    QFont defaultFont(int style) const override;
    QColor defaultPaper(int style) const override;
    void styleText(int start, int end) override;

    /// The tokens of a whole value (the editor's completion reads the context from them).
    static QList<ExpressionToken> tokenize(const QByteArray &utf8);
};

} // namespace weft
