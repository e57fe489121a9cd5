#include "widgets/mapping/sourcefields.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace weft;

/// SourceFieldModel: the field tree of sample records, dragged as field paths. Checked by
/// QAbstractItemModelTester.
class TestSourceFields : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sourceFieldTree();
};

using Tester = QAbstractItemModelTester;
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

void TestSourceFields::sourceFieldTree()
{
    SourceFieldModel model;
    Tester tester(&model, kQtTest);
    model.setRecords({QJsonObject{{QStringLiteral("a"), 1},
                                  {QStringLiteral("addr"),
                                   QJsonObject{{QStringLiteral("city"), QStringLiteral("杭州")}}}},
                      QJsonObject{{QStringLiteral("b"), true}}});
    QCOMPARE(model.fieldPaths(), (QStringList{QStringLiteral("a"), QStringLiteral("addr"),
                                              QStringLiteral("addr.city"), QStringLiteral("b")}));
    std::unique_ptr<QMimeData> data(
        model.mimeData({model.index(1, 0).model()->index(0, 0, model.index(1, 0))}));
    QCOMPARE(fieldsFromMime(data.get()), QStringList{QStringLiteral("addr.city")});
    model.setFieldNames({QStringLiteral("x"), QStringLiteral("y")});
    QCOMPARE(model.rowCount(), 2);
}

QTEST_MAIN(TestSourceFields)
#include "tst_sourcefields.moc"
