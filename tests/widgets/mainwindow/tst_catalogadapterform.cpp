#include "core/catalog/catalog.h"
#include "core/model/projectvalidator.h"
#include "widgets/common/commands.h"
#include "widgets/mainwindow/adapterpropertiespage.h"
#include "widgets/mainwindow/catalogadapterform.h"
#include "widgets/widgettestutil.h"

#include <QComboBox>
#include <QCompleter>
#include <QGroupBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QtTest>

using namespace weft;

/// A source bound to a catalogue endpoint, in the properties panel: bound through the
/// searchable endpoint combo, its parameters edited in the form (one undo step each, the
/// project's JSON changing with them), and "Edit as JSON" for the rest.
class TestCatalogAdapterForm : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void bindingCopiesTheEntryAndKeepsValues();
    void editingAParameterIsOneUndoStep();
    void anOptionalParameterIsAddedAndRemoved();
    void editAsJsonShowsTheMetadata();
    void valuesAreTypedByTheParameter();

private:
    const AdapterMetadata &source() const
    {
        return m_doc.project().scheme(m_scheme)->source.metadata;
    }
    int row(const QString &field) const
    {
        QTableWidget *t = m_page->catalogForm()->parameters();
        for (int r = 0; r < t->rowCount(); ++r) {
            if (t->item(r, 1)->text() == field)
                return r;
        }
        return -1;
    }
    /// Types a value into the form's value cell, as the item delegate commits it.
    void type(const QString &field, const QString &text)
    {
        const int r = row(field);
        QVERIFY2(r >= 0, qPrintable(field));
        m_page->catalogForm()->parameters()->item(r, 4)->setText(text);
        QCoreApplication::processEvents();
    }
    QString jsonText() const
    {
        return m_page->findChild<QPlainTextEdit *>(QStringLiteral("metadata"))->toPlainText();
    }

    ProjectDocument m_doc;
    QString m_scheme;
    std::unique_ptr<AdapterPropertiesPage> m_page;
};

void TestCatalogAdapterForm::initTestCase()
{
    QVERIFY(test::loadExample(&m_doc, QStringLiteral("jst-purchasein-to-mysql")));
    m_scheme = m_doc.project().schemes.first().name;
    m_page = std::make_unique<AdapterPropertiesPage>(&m_doc);
    m_page->setAdapter(m_scheme, AdapterPropertiesPage::Role::Source);
    m_page->resize(520, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestCatalogAdapterForm::bindingCopiesTheEntryAndKeepsValues()
{
    // The example's metadata was written by hand: no "catalog", so the JSON editor shows.
    CatalogAdapterForm *form = m_page->catalogForm();
    QVERIFY(!source().json().contains("catalog"));
    QVERIFY(!form->endpoint());
    QVERIFY(m_page->findChild<QGroupBox *>(QStringLiteral("metadataGroup"))->isVisible());
    QVERIFY(!form->parameters()->isVisible());

    // Searchable by api path: the completer offers the purchase-in query.
    QComboBox *combo = form->endpointCombo();
    combo->completer()->setCompletionPrefix(QStringLiteral("/open/purchasein/"));
    QCOMPARE(combo->completer()->completionCount(), 1);
    QVERIFY(combo->completer()->currentCompletion().contains("/open/purchasein/query"));
    // …and by title, in the language of the interface.
    combo->completer()->setCompletionPrefix(QStringLiteral("purchase-ins"));
    QVERIFY(combo->completer()->completionCount() >= 1);

    const AdapterMetadata before = source();
    AdapterMetadata edited = before;
    edited.setRequestValue("modified_begin", "{{LAST_SYNC_TIME|date}}");
    pushSchemeEdit(&m_doc, m_scheme, "own value", [&](Scheme &s) { s.source.metadata = edited; });
    const int steps = m_doc.undoStack()->index();
    const int index = combo->findData(QStringLiteral("jushuitan/purchasein.query"));
    QVERIFY(index > 0);
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
    QCOMPARE(m_doc.undoStack()->index(), steps + 1);
    QCOMPARE(source().json().value("catalog").toString(), QString("jushuitan/purchasein.query"));
    QVERIFY(form->endpoint());
    // The user's own value survives the binding; the rest is the catalogue's entry.
    QCOMPARE(source().requestField("modified_begin").value.toString(),
             QString("{{LAST_SYNC_TIME|date}}"));
    QCOMPARE(source().api(), QString("/open/purchasein/query"));
    QVERIFY(form->parameters()->isVisible());
    QVERIFY(!m_page->findChild<QGroupBox *>(QStringLiteral("metadataGroup"))->isVisible());
    // Every catalogue parameter is a row, with its label in the interface's language.
    const CatalogEndpoint *e = Catalog::builtin()->endpoint("jushuitan/purchasein.query");
    QCOMPARE(form->parameters()->rowCount(), int(e->request.size()));
    QCOMPARE(form->parameters()->item(row("po_ids"), 0)->text(), e->request.at(4).label.en);

    m_doc.undoStack()->undo();
    QCOMPARE(source(), edited);
    QVERIFY(!form->endpoint());
    m_doc.undoStack()->redo();
    QVERIFY(form->endpoint());
}

void TestCatalogAdapterForm::editingAParameterIsOneUndoStep()
{
    QVERIFY(m_page->catalogForm()->endpoint());
    const int steps = m_doc.undoStack()->index();
    type("page_size", "40");
    QCOMPARE(m_doc.undoStack()->index(), steps + 1);
    QCOMPARE(source().requestField("page_size").value, QJsonValue(40));
    // The JSON the project saves follows the form.
    QVERIFY2(jsonText().contains("\"value\": 40"), qPrintable(jsonText()));

    m_doc.undoStack()->undo();
    QCOMPARE(source().requestField("page_size").value.toString(),
             QString("{PAGINATION_PAGE_SIZE}"));
    QCOMPARE(m_page->catalogForm()->parameters()->item(row("page_size"), 4)->text(),
             QString("{PAGINATION_PAGE_SIZE}"));
    m_doc.undoStack()->redo();
    QCOMPARE(source().requestField("page_size").value, QJsonValue(40));
    QCOMPARE(m_page->catalogForm()->parameters()->item(row("page_size"), 4)->text(), QString("40"));
}

void TestCatalogAdapterForm::anOptionalParameterIsAddedAndRemoved()
{
    // po_ids is in the catalogue but not sent: a value adds it, as catalogMetadata writes it.
    QVERIFY(source().requestField("po_ids").field.isEmpty());
    const int steps = m_doc.undoStack()->index();
    type("po_ids", "[\"PO-1\", \"PO-2\"]");
    QCOMPARE(m_doc.undoStack()->index(), steps + 1);
    const RequestField added = source().requestField("po_ids");
    QCOMPARE(added.value, QJsonValue(QJsonArray{"PO-1", "PO-2"}));
    QCOMPARE(added.label, QString("采购单号"));
    QCOMPARE(added.type, QString("array"));
    // The validator has nothing to say about the copy: it still is the catalogue's entry.
    Diagnostics ds = validateProject(m_doc.project());
    for (const Diagnostic &d : ds)
        QVERIFY2(!d.message.contains("catalogue"), qPrintable(d.message));

    // Emptied, the optional parameter leaves the request again.
    type("po_ids", "");
    QVERIFY(source().requestField("po_ids").field.isEmpty());
    QCOMPARE(m_doc.undoStack()->index(), steps + 2);
    m_doc.undoStack()->undo();
    QCOMPARE(source().requestField("po_ids").value, QJsonValue(QJsonArray{"PO-1", "PO-2"}));
}

void TestCatalogAdapterForm::editAsJsonShowsTheMetadata()
{
    auto *json = m_page->findChild<QGroupBox *>(QStringLiteral("metadataGroup"));
    auto *button = m_page->findChild<QPushButton *>(QStringLiteral("editAsJson"));
    QVERIFY(button->isVisible());
    QVERIFY(!json->isVisible());
    button->click();
    QVERIFY(json->isVisible());
    QVERIFY(jsonText().contains("\"catalog\": \"jushuitan/purchasein.query\""));
    button->click();
    QVERIFY(!json->isVisible());
}

void TestCatalogAdapterForm::valuesAreTypedByTheParameter()
{
    QCOMPARE(CatalogAdapterForm::parseValue("12", "int"), QJsonValue(12));
    QCOMPARE(CatalogAdapterForm::parseValue("12", "string"), QJsonValue("12"));
    QCOMPARE(CatalogAdapterForm::parseValue("true", "bool"), QJsonValue(true));
    QCOMPARE(CatalogAdapterForm::parseValue("{PAGINATION_PAGE_SIZE}", "int"),
             QJsonValue("{PAGINATION_PAGE_SIZE}"));
    QCOMPARE(CatalogAdapterForm::parseValue("{\"_function\": \"now\"}", "string"),
             QJsonValue(QJsonObject{{"_function", "now"}}));
    QCOMPARE(CatalogAdapterForm::parseValue("  ", "int"), QJsonValue(QJsonValue::Undefined));
    QCOMPARE(CatalogAdapterForm::valueText(QJsonValue(40)), QString("40"));
    QCOMPARE(CatalogAdapterForm::valueText(QJsonArray{"a"}), QString("[\"a\"]"));
}

QTEST_MAIN(TestCatalogAdapterForm)
#include "tst_catalogadapterform.moc"
