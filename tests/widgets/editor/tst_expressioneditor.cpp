#include "widgets/editor/expressioneditor.h"
#include "widgets/editor/expressionfield.h"
#include "widgets/editor/expressionlexer.h"
#include "widgets/editor/functioncatalog.h"

#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

using namespace weft;

/// The expression editor: highlighting, completion of fields and functions (with
/// signatures), errors underlined as you type, the live value for a sample record.
class TestExpressionEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lexerStylesTheLanguage();
    void functionsComeFromTheEvaluatorsTable();
    void completesFieldsInsideTemplates();
    void completesFunctionsWithSignatures();
    void typingAnErrorUnderlinesIt();
    void liveValueForTheSampleRecord();
};

namespace {

int styleAt(const QList<ExpressionToken> &tokens, const QByteArray &text, const QByteArray &part)
{
    const int pos = int(text.indexOf(part));
    for (const ExpressionToken &t : tokens) {
        if (pos >= t.start && pos < t.start + t.length)
            return t.style;
    }
    return -1;
}

/// The completion list as the person sees it: shown by complete() (Ctrl+Space), read item by
/// item by walking down it, then closed. Sorted: the order is the list's business.
QStringList shownCompletions(ExpressionEditor &editor)
{
    QStringList items;
    editor.complete();
    if (!editor.isListActive())
        return items;
    long last = -1;
    for (int guard = 0; guard < 500; ++guard) {
        const long current = editor.SendScintilla(QsciScintilla::SCI_AUTOCGETCURRENT);
        if (current == last)
            break;
        QByteArray text(1024, '\0');
        editor.SendScintilla(QsciScintilla::SCI_AUTOCGETCURRENTTEXT, 0UL,
                             static_cast<void *>(text.data()));
        items << QString::fromUtf8(text.constData());
        last = current;
        editor.SendScintilla(QsciScintilla::SCI_LINEDOWN);
    }
    editor.SendScintilla(QsciScintilla::SCI_AUTOCCANCEL);
    items.sort();
    return items;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

void TestExpressionEditor::lexerStylesTheLanguage()
{
    const QByteArray text =
        QStringLiteral("_function CONCAT({{表格_客户编码}}, '-', 12.5) AND {io_id} CASE").toUtf8();
    const QList<ExpressionToken> tokens = ExpressionLexer::tokenize(text);
    QCOMPARE(styleAt(tokens, text, "_function"), int(ExpressionLexer::Prefix));
    QCOMPARE(styleAt(tokens, text, "CONCAT"), int(ExpressionLexer::Function));
    QCOMPARE(styleAt(tokens, text, "{{"), int(ExpressionLexer::Template));
    QCOMPARE(styleAt(tokens, text, "'-'"), int(ExpressionLexer::String));
    QCOMPARE(styleAt(tokens, text, "12.5"), int(ExpressionLexer::Number));
    QCOMPARE(styleAt(tokens, text, "AND"), int(ExpressionLexer::Keyword));
    QCOMPARE(styleAt(tokens, text, "{io_id}"), int(ExpressionLexer::Template));
    // Tokens cover the text without overlapping.
    int end = 0;
    for (const ExpressionToken &t : tokens) {
        QVERIFY(t.start >= end);
        end = t.start + t.length;
    }
    QCOMPARE(end, int(text.size()));
}

void TestExpressionEditor::functionsComeFromTheEvaluatorsTable()
{
    const FunctionEntry *f = findFunctionEntry(QStringLiteral("date_format"));
    QVERIFY(f);
    QCOMPARE(f->signature, QStringLiteral("DATE_FORMAT(date, format)"));
    QVERIFY(functionCatalog().size() > 40);
    QCOMPARE(parserCatalog().size(), 5);
}

void TestExpressionEditor::completesFieldsInsideTemplates()
{
    ExpressionEditor editor;
    editor.setFields(
        {QStringLiteral("io_id"), QStringLiteral("items_sku_id"), QStringLiteral("表格_客户编码")});
    editor.show();
    editor.setText(QStringLiteral("{{ite"));
    editor.setCursorPosition(0, 5);
    QCOMPARE(shownCompletions(editor), QStringList{QStringLiteral("items_sku_id")});
    editor.setText(QStringLiteral("{客户"));
    editor.SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    QCOMPARE(shownCompletions(editor), QStringList{QStringLiteral("表格_客户编码")});
    // System variables are fields too; after | the filters.
    editor.setText(QStringLiteral("{{LAST_SYNC_TIME|da"));
    editor.SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    QCOMPARE(shownCompletions(editor),
             sorted({QStringLiteral("datetime"), QStringLiteral("date")}));
    // At the start of a value: the prefixes.
    editor.setText(QStringLiteral("_f"));
    editor.SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    QCOMPARE(shownCompletions(editor),
             sorted({QStringLiteral("_function"), QStringLiteral("_findCollection")}));
    // Inside a string: nothing.
    editor.setText(QStringLiteral("_function 'it"));
    editor.SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    QVERIFY(shownCompletions(editor).isEmpty());
}

void TestExpressionEditor::completesFunctionsWithSignatures()
{
    ExpressionEditor editor;
    editor.show();
    editor.setText(QStringLiteral("_function DATE_F"));
    editor.SendScintilla(QsciScintilla::SCI_DOCUMENTEND);
    QVERIFY(shownCompletions(editor).contains(QStringLiteral("DATE_FORMAT(date, format)")));
    // Choosing it inserts the name and the opening parenthesis.
    editor.complete();
    QVERIFY(editor.isListActive());
    QTest::keyClick(editor.viewport(), Qt::Key_Return);
    QCOMPARE(editor.text(), QStringLiteral("_function DATE_FORMAT("));
}

void TestExpressionEditor::typingAnErrorUnderlinesIt()
{
    ExpressionEditor editor;
    editor.show();
    QSignalSpy errors(&editor, &ExpressionEditor::errorsChanged);
    QSignalSpy edited(&editor, &ExpressionEditor::edited);
    editor.setText(QStringLiteral("_function DATE_FROMAT(NOW(), '%Y')"));
    QTRY_VERIFY(!editor.errors().isEmpty());
    const expr::ExprError e = editor.errors().first();
    QVERIFY2(e.suggestion.contains(QStringLiteral("DATE_FORMAT")) ||
                 e.message.contains(QStringLiteral("DATE_FORMAT")),
             qPrintable(e.toString()));
    QVERIFY(e.position >= 0);
    // The squiggle sits on the error.
    const long at = editor.SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, 8L, long(e.position));
    QCOMPARE(at, 1L);
    QCOMPARE(editor.SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, 8L, 0L), 0L);
    QVERIFY(edited.count() > 0);
    // Fixing it clears the error.
    editor.setText(QStringLiteral("_function DATE_FORMAT(NOW(), '%Y')"));
    QTRY_VERIFY(editor.errors().isEmpty());
    QCOMPARE(editor.SendScintilla(QsciScintilla::SCI_INDICATORVALUEAT, 8L, long(e.position)), 0L);
}

void TestExpressionEditor::liveValueForTheSampleRecord()
{
    ExpressionField field;
    field.show();
    field.setSample(
        QJsonObject{{QStringLiteral("qty"), 3}, {QStringLiteral("price"), QStringLiteral("2.5")}},
        QStringLiteral("record 1"));
    field.setValue(QStringLiteral("_function {qty} * {price}"));
    const auto *result = field.findChild<QLabel *>(QStringLiteral("expressionResult"));
    QTRY_VERIFY2(result->text().contains(QStringLiteral("7.5")), qPrintable(result->text()));
    field.setValue(QStringLiteral("{{qty}}"));
    QTRY_VERIFY2(result->text().endsWith(QStringLiteral(": 3")), qPrintable(result->text()));
    field.setSample(std::nullopt);
    QVERIFY(result->text().contains(QStringLiteral("preview")));
}

QTEST_MAIN(TestExpressionEditor)
#include "tst_expressioneditor.moc"
