#include "widgets/run/previewtablemodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace weft;

/// PreviewTableModel shows a preview's records and marks the failed ones. Checked by
/// QAbstractItemModelTester.
class TestPreviewTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void previewTableMarksFailures();
};

using Tester = QAbstractItemModelTester;
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

void TestPreviewTableModel::previewTableMarksFailures()
{
    PreviewTableModel model;
    Tester tester(&model, kQtTest);
    PreviewResult r;
    TransformInput in;
    in.record = QJsonObject{{QStringLiteral("name"), QStringLiteral("仓库A")}};
    r.output.inputs << in;
    TargetRecord t;
    t.recordId = QStringLiteral("1");
    t.payload = QJsonObject{{QStringLiteral("name"), QStringLiteral("仓库A")},
                            {QStringLiteral("number"), 7}};
    r.output.records << t;
    r.output.recordInputs << QList<int>{0};
    FailedRecord f;
    f.recordId = QStringLiteral("2");
    f.message = QStringLiteral("target field number: unknown field wms_co_idd");
    r.output.failures << f;
    model.setResult(r);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 4);
    QVERIFY(!model.index(0, 0).data(PreviewTableModel::FailedRole).toBool());
    QVERIFY(model.index(1, 0).data(PreviewTableModel::FailedRole).toBool());
    QCOMPARE(model.index(1, 1).data().toString(), f.message);
    QCOMPARE(model.inputOf(0), in.record.merged());
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("7"));
}

QTEST_MAIN(TestPreviewTableModel)
#include "tst_previewtablemodel.moc"
