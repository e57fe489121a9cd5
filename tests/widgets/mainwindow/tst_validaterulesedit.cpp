#include "core/model/project.h"
#include "widgets/common/projectdocument.h"
#include "widgets/mainwindow/steppropertiespage.h"
#include "widgets/mainwindow/validaterulesedit.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QtTest>

using namespace weft;

/// A validate step's rule table in the step's properties, as a person uses it: adding a rule,
/// choosing its check and severity, typing its field and value; each change is one undo step
/// and shows at once in the rules' JSON. Rules from a file keep their meaning when shown.
class TestValidateRulesEdit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void rulesAreBuiltRowByRow();
    void rulesFromAFileShowOneCheckPerRow();

private:
    QJsonArray stepRules() const
    {
        return m_doc.project()
            .scheme(QStringLiteral("orders"))
            ->step(QStringLiteral("checked"))
            ->settings.value(QLatin1String("rules"))
            .toArray();
    }
    QString jsonText() const
    {
        return m_page->findChild<QPlainTextEdit *>(QStringLiteral("settingsJson"))->toPlainText();
    }

    ProjectDocument m_doc;
    std::unique_ptr<StepPropertiesPage> m_page;
};

namespace {

QJsonArray parse(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).array();
}

} // namespace

void TestValidateRulesEdit::init()
{
    Project p;
    Scheme s;
    s.name = QStringLiteral("orders");
    Step step;
    step.id = QStringLiteral("checked");
    step.type = StepType::Validate;
    step.settings.insert(QStringLiteral("rules"), parse(R"([{"field":"io_id","required":true}])"));
    s.steps = {step};
    p.schemes = {s};
    m_doc.reset(p);
    m_page = std::make_unique<StepPropertiesPage>(&m_doc);
    m_page->setStep(QStringLiteral("orders"), QStringLiteral("checked"));
}

void TestValidateRulesEdit::rulesAreBuiltRowByRow()
{
    ValidateRulesEdit *edit = m_page->rulesEdit();
    QTableWidget *table = edit->table();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("io_id"));
    const int before = m_doc.undoStack()->count();

    // Add a rule: a required row with no field yet.
    QTest::mouseClick(edit->addButton(), Qt::LeftButton);
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(m_doc.undoStack()->count(), before + 1);
    // The user types the field, chooses "range", types the bounds, chooses "warn".
    table->item(1, 0)->setText(QStringLiteral("qty"));
    edit->checkBox(1)->setCurrentIndex(ValidateRulesEdit::Range);
    table->item(1, 2)->setText(QStringLiteral("1..99.5"));
    edit->severityBox(1)->setCurrentIndex(2);
    QCOMPARE(m_doc.undoStack()->count(), before + 5);
    QCOMPARE(stepRules(), parse(R"([{"field":"io_id","required":true},
                                    {"field":"qty","min":1,"max":99.5,"severity":"warn"}])"));
    QVERIFY(jsonText().contains(QStringLiteral("\"severity\": \"warn\"")));

    // Allowed values and "exists in scheme.field", skipping the record.
    QTest::mouseClick(edit->addButton(), Qt::LeftButton);
    table->item(2, 0)->setText(QStringLiteral("customer"));
    edit->checkBox(2)->setCurrentIndex(ValidateRulesEdit::Exists);
    table->item(2, 2)->setText(QStringLiteral("customers.number"));
    edit->severityBox(2)->setCurrentIndex(1);
    QCOMPARE(stepRules().at(2).toObject(),
             parse(R"([{"field":"customer","exists":{"scheme":"customers","field":"number"},
                        "severity":"skip"}])")
                 .at(0)
                 .toObject());

    // Undo takes back one change at a time; the table follows the document.
    m_doc.undoStack()->undo();
    QCOMPARE(edit->severityBox(2)->currentIndex(), 0);
    QVERIFY(!stepRules().at(2).toObject().contains(QStringLiteral("severity")));
    for (int i = 0; i < 4; ++i)
        m_doc.undoStack()->undo();
    QCOMPARE(table->rowCount(), 2);
    m_doc.undoStack()->redo();
    QCOMPARE(table->rowCount(), 3);

    // Remove the selected rule.
    table->setCurrentCell(0, 0);
    QTest::mouseClick(edit->removeButton(), Qt::LeftButton);
    QCOMPARE(stepRules().size(), 2);
    QCOMPARE(stepRules().at(0).toObject().value("field").toString(), QStringLiteral("qty"));
}

void TestValidateRulesEdit::rulesFromAFileShowOneCheckPerRow()
{
    // A rule with several checks (as files may hold them) shows as a row per check with the
    // same field, severity and message; an edit writes the rules one check each.
    const QJsonArray given = parse(R"([{"field":"name","required":true,"minLength":2,
        "maxLength":20,"message":"bad name"},{"field":"status","values":["A","B"]},
        {"condition":"_function {qty} > 0","severity":"skip"},{"field":"no","unique":true},
        {"field":"m","pattern":"^1"}])");
    QUndoStack *undo = m_doc.undoStack();
    m_page->findChild<QPlainTextEdit *>(QStringLiteral("settingsJson"))
        ->setPlainText(QString::fromUtf8(QJsonDocument(given).toJson()));
    QTest::mouseClick(m_page->findChild<QPushButton *>(QStringLiteral("applySettings")),
                      Qt::LeftButton);
    QCOMPARE(stepRules(), given);
    ValidateRulesEdit *edit = m_page->rulesEdit();
    QTableWidget *table = edit->table();
    QCOMPARE(table->rowCount(), 6);
    QCOMPARE(edit->checkBox(0)->currentIndex(), int(ValidateRulesEdit::Required));
    QCOMPARE(edit->checkBox(1)->currentIndex(), int(ValidateRulesEdit::Length));
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("2..20"));
    QCOMPARE(table->item(2, 2)->text(), QStringLiteral("A, B"));
    QCOMPARE(edit->severityBox(3)->currentIndex(), 1);
    QCOMPARE(edit->rules(), parse(R"([{"field":"name","required":true,"message":"bad name"},
        {"field":"name","minLength":2,"maxLength":20,"message":"bad name"},
        {"field":"status","values":["A","B"]},
        {"condition":"_function {qty} > 0","severity":"skip"},{"field":"no","unique":true},
        {"field":"m","pattern":"^1"}])"));
    // Showing them changed nothing; the first edit writes one check per rule.
    QCOMPARE(stepRules(), given);
    const int before = undo->count();
    table->item(1, 2)->setText(QStringLiteral("..30"));
    QCOMPARE(undo->count(), before + 1);
    QCOMPARE(stepRules().at(1).toObject(),
             parse(R"([{"field":"name","maxLength":30,"message":"bad name"}])").at(0).toObject());
    undo->undo();
    QCOMPARE(stepRules(), given);
}

QTEST_MAIN(TestValidateRulesEdit)
#include "tst_validaterulesedit.moc"
