#include "widgets/editor/expressioneditor.h"

#include "core/expr/expression.h"
#include "widgets/editor/expressionlexer.h"
#include "widgets/editor/functioncatalog.h"

#include <QKeyEvent>
#include <QTimer>

namespace weft {

namespace {

constexpr int kErrorIndicator = 8;
enum ListId { FieldList = 1, CodeList, PrefixList, FilterList };

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

int utf8Length(const QString &text)
{
    return int(text.toUtf8().size());
}

} // namespace

ExpressionEditor::ExpressionEditor(QWidget *parent)
    : QsciScintilla(parent)
    , m_lexer(new ExpressionLexer(this))
    , m_checkTimer(new QTimer(this))
{
    setUtf8(true);
    setLexer(m_lexer);
    setMarginWidth(0, 0);
    setMarginWidth(1, 0);
    setMarginWidth(2, 0);
    setFolding(NoFoldStyle);
    setWrapMode(WrapWord);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAutoCompletionSource(AcsNone);
    setBraceMatching(SloppyBraceMatch);
    setFrameShape(QFrame::StyledPanel);
    // As tall as its text needs: a value is a line or three, not a document.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    SendScintilla(SCI_SETHSCROLLBAR, 0L);
    SendScintilla(SCI_AUTOCSETMAXHEIGHT, 12L);
    SendScintilla(SCI_AUTOCSETIGNORECASE, 1L);
    indicatorDefine(SquiggleIndicator, kErrorIndicator);
    setIndicatorForegroundColor(QColor(0xd32f2f), kErrorIndicator);
    setCallTipsBackgroundColor(QColor(0xfffde7));

    m_checkTimer->setSingleShot(true);
    m_checkTimer->setInterval(150);
    connect(m_checkTimer, &QTimer::timeout, this, &ExpressionEditor::checkNow);
    connect(this, &QsciScintilla::textChanged, this, &ExpressionEditor::onTextChanged);
    connect(this, &QsciScintilla::SCN_CHARADDED, this, &ExpressionEditor::onCharAdded);
    connect(this, &QsciScintilla::userListActivated, this, &ExpressionEditor::insertCompletion);
}

QSize ExpressionEditor::sizeHint() const
{
    return QSize(320, fontMetrics().height() * 3 + 14);
}

QSize ExpressionEditor::minimumSizeHint() const
{
    return QSize(120, fontMetrics().height() + 14);
}

void ExpressionEditor::setValue(const QString &value)
{
    m_committed = value;
    if (value == text())
        return;
    m_settingValue = true;
    setText(value);
    m_settingValue = false;
    checkNow();
}

void ExpressionEditor::setFields(const QStringList &fields)
{
    m_fields = fields;
    m_checkTimer->start();
}

void ExpressionEditor::onTextChanged()
{
    m_checkTimer->start();
    if (!m_settingValue)
        Q_EMIT edited(text());
}

void ExpressionEditor::checkNow()
{
    m_checkTimer->stop();
    QList<expr::ExprError> errors;
    expr::CompileOptions options;
    // Field names are checked only against a real sample: names guessed from metadata would
    // flag fields that exist but have not been seen yet.
    if (!m_fields.isEmpty())
        options.knownFields = m_fields;
    expr::Expression::compile(text(), &errors, options);
    m_errors = errors;
    markErrors();
    Q_EMIT errorsChanged(m_errors);
}

void ExpressionEditor::markErrors()
{
    const QString value = text();
    const int total = utf8Length(value);
    SendScintilla(SCI_SETINDICATORCURRENT, long(kErrorIndicator));
    SendScintilla(SCI_INDICATORCLEARRANGE, 0L, long(total));
    QStringList tips;
    for (const expr::ExprError &e : std::as_const(m_errors)) {
        tips << e.toString();
        int start = 0;
        int length = total;
        if (e.position >= 0) {
            const int pos = std::min<int>(e.position, int(value.size()));
            start = utf8Length(value.left(pos));
            length = utf8Length(value.mid(pos, std::max(1, e.length)));
            if (length == 0 && start > 0) { // at the very end: underline the last character
                start = utf8Length(value.left(pos - 1));
                length = total - start;
            }
        }
        if (length > 0)
            SendScintilla(SCI_INDICATORFILLRANGE, long(start), long(length));
    }
    setToolTip(tips.join(u'\n'));
}

ExpressionEditor::Context ExpressionEditor::contextAtCursor(QString *prefix) const
{
    const long pos = SendScintilla(SCI_GETCURRENTPOS);
    const QString before = QString::fromUtf8(text().toUtf8().left(pos));
    bool inString = false;
    QChar quote;
    int templateStart = -1;
    for (int i = 0; i < before.size(); ++i) {
        const QChar c = before.at(i);
        if (inString) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                inString = false;
        } else if (templateStart >= 0) {
            if (c == u'}')
                templateStart = -1;
        } else if (c == u'{') {
            templateStart = i;
        } else if (c == u'\'' || c == u'"') {
            inString = true;
            quote = c;
        }
    }
    if (inString)
        return Context::String;
    if (templateStart >= 0) {
        QString inside = before.mid(templateStart + 1);
        while (inside.startsWith(u'{'))
            inside.remove(0, 1);
        *prefix = inside;
        return Context::Template;
    }
    int i = int(before.size());
    while (i > 0 && isWordChar(before.at(i - 1)))
        --i;
    *prefix = before.mid(i);
    const QString head = before.left(i).trimmed();
    return head.isEmpty() ? Context::Start : Context::Code;
}

QStringList ExpressionEditor::completionsAtCursor() const
{
    QString prefix;
    QStringList out;
    switch (contextAtCursor(&prefix)) {
    case Context::Template: {
        const int bar = int(prefix.lastIndexOf(u'|'));
        if (bar >= 0) {
            const QString p = prefix.mid(bar + 1);
            for (const QString &f : templateFilters()) {
                if (f.startsWith(p, Qt::CaseInsensitive))
                    out << f;
            }
            return out;
        }
        for (const QStringList &names : {m_fields, systemVariables()}) {
            for (const QString &f : names) {
                if (f.startsWith(prefix, Qt::CaseInsensitive))
                    out << f;
            }
        }
        // Searching among hundreds of fields: also offer names containing the text.
        for (const QString &f : m_fields) {
            if (!prefix.isEmpty() && !out.contains(f) && f.contains(prefix, Qt::CaseInsensitive))
                out << f;
        }
        return out;
    }
    case Context::Start:
        for (const QString &p : valuePrefixes()) {
            if (p.startsWith(prefix, Qt::CaseInsensitive))
                out << p;
        }
        return out;
    case Context::Code:
        for (const FunctionEntry &f : functionCatalog()) {
            if (f.name.startsWith(prefix, Qt::CaseInsensitive))
                out << f.signature;
        }
        for (const QString &k : sqlKeywords()) {
            if (k.startsWith(prefix, Qt::CaseInsensitive) && !prefix.isEmpty())
                out << k;
        }
        return out;
    case Context::String:
        return {};
    }
    return out;
}

void ExpressionEditor::complete()
{
    QString prefix;
    const Context context = contextAtCursor(&prefix);
    const QStringList list = completionsAtCursor();
    if (list.isEmpty())
        return;
    int id = CodeList;
    if (context == Context::Template)
        id = prefix.contains(u'|') ? FilterList : FieldList;
    else if (context == Context::Start)
        id = PrefixList;
    showUserList(id, list);
}

void ExpressionEditor::onCharAdded(int ch)
{
    QString prefix;
    const Context context = contextAtCursor(&prefix);
    if (ch == '{' || ch == '|') {
        if (context == Context::Template)
            complete();
        return;
    }
    if (ch == '(') {
        showCallTip();
        return;
    }
    if (ch == ')') {
        SendScintilla(SCI_CALLTIPCANCEL);
        return;
    }
    if (context == Context::Template && !prefix.isEmpty() && !isListActive())
        complete();
    else if (context == Context::Start && prefix == QLatin1String("_"))
        complete();
    else if (context == Context::Code && prefix.size() >= 2 && !isListActive())
        complete();
}

void ExpressionEditor::insertCompletion(int id, const QString &chosen)
{
    QString prefix;
    contextAtCursor(&prefix);
    if (id == FilterList)
        prefix = prefix.mid(prefix.lastIndexOf(u'|') + 1);
    const long pos = SendScintilla(SCI_GETCURRENTPOS);
    const long start = pos - utf8Length(prefix);
    QString insert = chosen;
    if (id == CodeList && chosen.contains(u'('))
        insert = chosen.left(chosen.indexOf(u'(') + 1);
    else if (id == CodeList || id == PrefixList)
        insert += u' ';
    if (id == FieldList) {
        // Close the template the person opened, unless it is closed already.
        const QString after = QString::fromUtf8(text().toUtf8().mid(pos));
        const QString before = QString::fromUtf8(text().toUtf8().left(start));
        const bool doubled = before.endsWith(QLatin1String("{{"));
        if (!after.startsWith(u'}'))
            insert += doubled ? QStringLiteral("}}") : QStringLiteral("}");
    }
    SendScintilla(SCI_SETSELECTION, start, pos);
    replaceSelectedText(insert);
    if (id == CodeList && insert.endsWith(u'('))
        showCallTip();
    m_checkTimer->start();
}

void ExpressionEditor::showCallTip()
{
    const long pos = SendScintilla(SCI_GETCURRENTPOS);
    const QString before = QString::fromUtf8(text().toUtf8().left(pos));
    int i = int(before.size()) - 1;
    if (i < 0 || before.at(i) != u'(')
        return;
    int j = i;
    while (j > 0 && isWordChar(before.at(j - 1)))
        --j;
    const FunctionEntry *f = findFunctionEntry(before.mid(j, i - j));
    if (!f)
        return;
    SendScintilla(SCI_CALLTIPSHOW, pos, f->signature.toUtf8().constData());
}

void ExpressionEditor::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier)) {
        complete();
        event->accept();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && !isListActive() &&
        !(event->modifiers() & Qt::ShiftModifier)) {
        m_committed = text();
        Q_EMIT committed(m_committed);
        event->accept();
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

void ExpressionEditor::focusOutEvent(QFocusEvent *event)
{
    if (text() != m_committed && !isListActive()) {
        m_committed = text();
        Q_EMIT committed(m_committed);
    }
    QsciScintilla::focusOutEvent(event);
}

} // namespace weft
