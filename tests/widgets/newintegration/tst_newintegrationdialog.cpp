// The new-integration flow (issue 19) driven as a user would: every click is a real mouse
// click on the widget a user would click, counted; typing is typing (no JSON anywhere). The
// scheme it makes is then saved and run by the real weft-run against weft-mock and the
// throwaway MariaDB, and the rows are checked against the mock's records.
#include "core/catalog/catalog.h"
#include "integration/catalogwalk.h"
#include "integration/examplechecks.h"
#include "widgets/common/language.h"
#include "widgets/common/projectdocument.h"
#include "widgets/mainwindow/mainactions.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/mainwindow/startpage.h"
#include "widgets/mapping/mappingeditor.h"
#include "widgets/mapping/mappingmodel.h"
#include "widgets/newintegration/endpointpicker.h"
#include "widgets/newintegration/newintegrationdialog.h"
#include "widgets/run/samplecache.h"
#include "widgets/widgettestutil.h"

#include <QAction>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSqlError>
#include <QTreeWidget>
#include <QUndoStack>

using namespace weft;
using namespace weft::test;

namespace {

/// Counts the user's clicks while making them.
struct User {
    int clicks = 0;

    void click(QWidget *w)
    {
        QVERIFY2(w->isVisible() && w->isEnabled(), qPrintable(w->objectName()));
        QTest::mouseClick(w, Qt::LeftButton);
        ++clicks;
    }
    /// A click on the list row showing `ref` (it must be shown).
    void clickEndpoint(EndpointPicker *picker, const QString &ref)
    {
        QTreeWidget *list = picker->list();
        QTreeWidgetItem *row = nullptr;
        for (int i = 0; i < list->topLevelItemCount() && !row; ++i) {
            if (list->topLevelItem(i)->data(0, Qt::UserRole + 1).toString() == ref)
                row = list->topLevelItem(i);
        }
        QVERIFY2(row, qPrintable(ref + QStringLiteral(" is not listed")));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(row).center());
        ++clicks;
        QCOMPARE(picker->current() ? picker->current()->ref() : QString(), ref);
    }
    /// File → New integration…: two clicks (the menu, the entry).
    NewIntegrationDialog *openFlow(MainWindow &window)
    {
        clicks += 2;
        window.actions()->newIntegration->trigger();
        return window.findChild<NewIntegrationDialog *>();
    }
};

/// Types into a line edit: keys for ASCII, an input method's commit for Chinese (as an IME
/// hands a composed word to the widget; QTest's key clicks know ASCII only).
void type(QLineEdit *edit, const QString &text)
{
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 128;
    if (ascii) {
        QTest::keyClicks(edit, text);
        return;
    }
    edit->setFocus();
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QCoreApplication::sendEvent(edit, &commit);
}

/// The mock's process environment in this process too, so the designer's own sample fetch
/// reaches weft-mock as weft-run does.
void exportEnvironment(const IntegrationEnv &env)
{
    const QProcessEnvironment e = env.environment();
    for (const QString &key : e.keys()) {
        if (key.startsWith(QLatin1String("WEFT_")) || key.startsWith(QLatin1String("JST_")) ||
            key.startsWith(QLatin1String("JDY_")) || key.startsWith(QLatin1String("K3_")))
            qputenv(qPrintable(key), e.value(key).toUtf8());
    }
}

/// A project holding only these connections (what a user has set up once), loaded.
bool loadConnectionsOnly(IntegrationEnv &env, MainWindow &window, const QJsonArray &connections)
{
    if (!env.editProject([&](QJsonObject &root) {
            root.insert(QStringLiteral("connections"), connections);
            root.insert(QStringLiteral("schemes"), QJsonArray());
            root.remove(QStringLiteral("layout"));
        }))
        return false;
    return window.openProject(env.projectPath(), true);
}

} // namespace

class TestNewIntegrationDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        WEFT_REQUIRE_MARIADB();
        Language::apply(QStringLiteral("en"), false);
    }

    void startPageOpensTheFlow()
    {
        MainWindow window;
        window.show();
        window.newProject(true);
        auto *button = window.findChild<QPushButton *>(QStringLiteral("startNewIntegration"));
        QVERIFY(button && button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        auto *dialog = window.findChild<NewIntegrationDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->page(), int(NewIntegrationDialog::SourcePage));
        QVERIFY(!dialog->nextButton()->isEnabled()); // nothing chosen yet
        dialog->reject();
    }

    void searchFindsByChineseEnglishPathAndField()
    {
        ProjectDocument doc;
        NewIntegrationDialog dialog(&doc);
        EndpointPicker *p = dialog.sourcePicker();
        const auto listed = [p] {
            QStringList refs;
            for (int i = 0; i < p->list()->topLevelItemCount(); ++i)
                refs << p->list()->topLevelItem(i)->data(0, Qt::UserRole + 1).toString();
            return refs;
        };
        p->searchField()->setText(QStringLiteral("采购退货"));
        QVERIFY(listed().contains(QStringLiteral("jushuitan/purchaseout.query")));
        p->searchField()->setText(QStringLiteral("purchase-outs"));
        QVERIFY(listed().contains(QStringLiteral("jushuitan/purchaseout.query")));
        p->searchField()->setText(QStringLiteral("/open/purchaseout"));
        QCOMPARE(listed(), QStringList{QStringLiteral("jushuitan/purchaseout.query")});
        p->searchField()->setText(QStringLiteral("ioi_id"));
        QVERIFY(listed().contains(QStringLiteral("jushuitan/purchaseout.query")));
        // Saves are not sources.
        p->searchField()->setText(QStringLiteral("BD_Customer"));
        QCOMPARE(listed(), QStringList{QStringLiteral("kingdee_k3cloud/BD_Customer.query")});
        QVERIFY(dialog.targetPicker()->select(QStringLiteral("kingdee_k3cloud/BD_Customer.save")));
    }

    void purchaseOutsToANewMySqlTable()
    {
        // The mock's data within the last 20 days: a drafted scheme starts 30 days back.
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(QStringLiteral("jst-purchasein-to-mysql"),
                           anchoredMock({"--seed", "11", "--span-days", "20", "--quiet"}),
                           QStringLiteral("it_newflow_out"), &error),
                 qPrintable(error));
        exportEnvironment(env);
        MainWindow window;
        window.show();
        QJsonArray connections;
        QFile file(env.projectPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        connections = QJsonDocument::fromJson(file.readAll())
                          .object()
                          .value(QLatin1String("connections"))
                          .toArray();
        file.close();
        QVERIFY(loadConnectionsOnly(env, window, connections));
        ProjectDocument *doc = window.document();
        const int undoBefore = doc->undoStack()->count();

        User user;
        NewIntegrationDialog *dialog = user.openFlow(window);
        QVERIFY(dialog);
        type(dialog->sourcePicker()->searchField(), QStringLiteral("采购退货"));
        user.clickEndpoint(dialog->sourcePicker(), QStringLiteral("jushuitan/purchaseout.query"));
        user.click(dialog->nextButton());
        user.click(dialog->newTableTarget());
        QCOMPARE(dialog->tableName()->text(), QStringLiteral("jst_purchaseout"));
        const QString ddl = dialog->ddlEdit()->toPlainText();
        QVERIFY2(ddl.contains(QStringLiteral("PRIMARY KEY (`id`)")), qPrintable(ddl));
        QVERIFY(ddl.contains(QStringLiteral("utf8mb4")));
        QVERIFY(ddl.contains(QStringLiteral("`items_sku_id` VARCHAR(255)")));
        user.click(dialog->nextButton());
        QCOMPARE(dialog->sourceConnection()->currentData().toString(), QStringLiteral("jushuitan"));
        QCOMPARE(dialog->targetConnection()->currentData().toString(), QStringLiteral("bi_mysql"));
        user.click(dialog->createButton());
        qInfo("Jushuitan purchase-outs → new MySQL table: %d clicks", user.clicks);
        QVERIFY2(user.clicks <= 12, qPrintable(QString::number(user.clicks)));

        // One undo step made the scheme, with complete metadata; the mapping editor shows it.
        const QString scheme = QStringLiteral("jst_purchaseout_to_mysql");
        QCOMPARE(doc->undoStack()->count(), undoBefore + 1);
        QVERIFY(doc->schemeIndex(scheme) >= 0);
        auto *editor = window.findChild<MappingEditor *>();
        QVERIFY(editor);
        QCOMPARE(editor->scheme(), scheme);
        MappingModel *model = editor->model();
        QVERIFY(model->leafCount() > 30);
        QCOMPARE(model->mappedCount(), model->leafCount());
        QCOMPARE(model->unmappedRequiredCount(), 0);
        // A sample is fetched from weft-mock through the connection just chosen.
        QVERIFY2(waitUntil([&] { return window.samples()->hasSample(scheme); }, 60000),
                 "no sample");
        QVERIFY(window.samples()->fields(scheme).contains(QStringLiteral("items_sku_id")));
        doc->undoStack()->undo();
        QCOMPARE(doc->schemeIndex(scheme), -1);
        doc->undoStack()->redo();
        QVERIFY(doc->schemeIndex(scheme) >= 0);

        // Run it: the table is created from the DDL and holds one row per line.
        QVERIFY2(doc->save(env.projectPath(), &error), qPrintable(error));
        const RunResult r = env.weftRun(QStringLiteral("run"),
                                        {QStringLiteral("--scheme"), scheme,
                                         QStringLiteral("--progress"), QStringLiteral("jsonl")});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QMap<QString, QString> expected;
        for (const QJsonObject &h :
             mockRecords(env, QStringLiteral("jushuitan/purchaseout.query"))) {
            const QString io = QString::number(h.value("io_id").toInteger());
            for (const QJsonValue &v : h.value("items").toArray()) {
                const QJsonObject item = v.toObject();
                expected.insert(io + u'-' + QString::number(item.value("ioi_id").toInteger()),
                                item.value("sku_id").toString() + u'|' +
                                    h.value("warehouse").toString());
            }
        }
        QVERIFY(!expected.isEmpty());
        QMap<QString, QString> actual;
        {
            QSqlDatabase db = openMariaDb(QStringLiteral("newflow"), env.database());
            QSqlQuery q(db);
            QVERIFY2(
                q.exec(QStringLiteral("SELECT id, items_sku_id, warehouse FROM jst_purchaseout")),
                qPrintable(q.lastError().text()));
            while (q.next())
                actual.insert(q.value(0).toString(),
                              q.value(1).toString() + u'|' + q.value(2).toString());
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newflow"));
        QSqlDatabase::removeDatabase(QStringLiteral("newflow_admin"));
        QCOMPARE(actual.size(), expected.size());
        QCOMPARE(actual, expected);
    }

    void jdyCustomersToK3Customers()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(QStringLiteral("jdy-customers-to-local"),
                           anchoredMock({"--seed", "5", "--span-days", "20", "--quiet"}), QString(),
                           &error),
                 qPrintable(error));
        exportEnvironment(env);
        MainWindow window;
        window.show();
        QVERIFY(loadConnectionsOnly(
            env, window,
            {mockConnection(QStringLiteral("jdy"), QStringLiteral("kingdee_jdy")),
             mockConnection(QStringLiteral("k3"), QStringLiteral("kingdee_k3cloud"))}));
        ProjectDocument *doc = window.document();

        User user;
        NewIntegrationDialog *dialog = user.openFlow(window);
        QVERIFY(dialog);
        type(dialog->sourcePicker()->searchField(), QStringLiteral("客户"));
        user.clickEndpoint(dialog->sourcePicker(), QStringLiteral("kingdee_jdy/customer.list"));
        user.click(dialog->nextButton());
        QVERIFY(dialog->endpointTarget()->isChecked()); // a system's API: the default
        type(dialog->targetPicker()->searchField(), QStringLiteral("BD_Customer"));
        user.clickEndpoint(dialog->targetPicker(),
                           QStringLiteral("kingdee_k3cloud/BD_Customer.save"));
        user.click(dialog->nextButton());
        QCOMPARE(dialog->sourceConnection()->currentData().toString(), QStringLiteral("jdy"));
        QCOMPARE(dialog->targetConnection()->currentData().toString(), QStringLiteral("k3"));
        QVERIFY(dialog->summary()->text().contains(QStringLiteral("FCreateOrgId")));
        user.click(dialog->createButton());

        const QString scheme = QStringLiteral("jdy_customer_to_k3_bd_customer");
        auto *editor = window.findChild<MappingEditor *>();
        QVERIFY(editor);
        QCOMPARE(editor->scheme(), scheme);
        MappingModel *model = editor->model();
        const int number = model->rowOf(QStringLiteral("FNumber"));
        const int name = model->rowOf(QStringLiteral("FName"));
        QVERIFY(number >= 0 && name >= 0);
        QCOMPARE(model->field(number).rawValue.toString(), QStringLiteral("{{number}}"));
        QCOMPARE(model->field(name).rawValue.toString(), QStringLiteral("{{name}}"));
        // The labels are shown; the two required organisations stay unmapped and marked.
        QCOMPARE(model->data(model->index(name, int(MappingModel::Column::Label))).toString(),
                 QStringLiteral("客户名称"));
        QCOMPARE(model->unmappedRequiredCount(), 2);
        const int createOrg = model->rowOf(QStringLiteral("FCreateOrgId"));
        const int useOrg = model->rowOf(QStringLiteral("FUseOrgId"));
        QVERIFY(!model->problem(createOrg).isEmpty());
        QVERIFY(!model->problem(useOrg).isEmpty());

        // The user types the organisation's number into both (a value, not JSON).
        const QString org = env.control("GET", QStringLiteral("/_mock/records/k3-orgs?limit=1"))
                                .object()
                                .value(QLatin1String("records"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QLatin1String("FNumber"))
                                .toString();
        QVERIFY(!org.isEmpty());
        QVERIFY(model->setData(model->index(createOrg, int(MappingModel::Column::Value)), org));
        QVERIFY(model->setData(model->index(useOrg, int(MappingModel::Column::Value)), org));
        QCOMPARE(model->unmappedRequiredCount(), 0);
        qInfo("JDY customers → K3Cloud BD_Customer: %d clicks and one value typed twice",
              user.clicks);

        QVERIFY2(doc->save(env.projectPath(), &error), qPrintable(error));
        const RunResult r = env.weftRun(QStringLiteral("run"),
                                        {QStringLiteral("--scheme"), scheme,
                                         QStringLiteral("--progress"), QStringLiteral("jsonl")});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QMap<QString, QString> expected;
        for (const QJsonObject &c : mockRecords(env, QStringLiteral("jdy-customers")))
            expected.insert(c.value("number").toString(), c.value("name").toString());
        QVERIFY(!expected.isEmpty());
        // Every customer is now a K3Cloud customer, saved with its number, name and org.
        QMap<QString, QString> saved;
        for (const QJsonValue &v : env.control("GET", QStringLiteral("/_mock/written"))
                                       .object()
                                       .value(QLatin1String("k3cloud"))
                                       .toObject()
                                       .value(QLatin1String("documents"))
                                       .toArray()) {
            const QJsonObject d = v.toObject();
            if (d.value(QLatin1String("FormId")).toString() != QLatin1String("BD_Customer"))
                continue;
            const QJsonObject model = d.value(QLatin1String("Model")).toObject();
            QCOMPARE(model.value(QLatin1String("FUseOrgId")).toObject().value("FNumber").toString(),
                     org);
            saved.insert(model.value(QLatin1String("FNumber")).toString(),
                         model.value(QLatin1String("FName")).toString());
        }
        QCOMPARE(saved, expected);
    }
};

QTEST_MAIN(TestNewIntegrationDialog)
#include "tst_newintegrationdialog.moc"
