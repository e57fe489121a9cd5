#include "widgets/run/jsontreemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QtTest>

using namespace weft;

/// JsonTreeModel shows records as a tree of keys, values and types. Checked by
/// QAbstractItemModelTester.
class TestJsonTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jsonTree();
};

using Tester = QAbstractItemModelTester;
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

void TestJsonTreeModel::jsonTree()
{
    JsonTreeModel model;
    Tester tester(&model, kQtTest);
    model.setRecords(
        {QJsonObject{{QStringLiteral("io_id"), 1},
                     {QStringLiteral("items"),
                      QJsonArray{QJsonObject{{QStringLiteral("sku"), QStringLiteral("A")}}}}},
         QJsonObject{{QStringLiteral("io_id"), 2}}});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex first = model.index(0, 0);
    QCOMPARE(model.rowCount(first), 2);
    const QModelIndex items = model.index(1, 0, first);
    QCOMPARE(items.data().toString(), QStringLiteral("items"));
    QCOMPARE(model.index(1, 2, first).data().toString(), QStringLiteral("array"));
    const QModelIndex sku = model.index(0, 0, model.index(0, 0, items));
    QCOMPARE(model.index(0, 1, sku.parent()).data().toString(), QStringLiteral("A"));
    QCOMPARE(model.parent(items), first);
}

QTEST_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
