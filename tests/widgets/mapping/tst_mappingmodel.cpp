#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/editor/expressionfield.h"
#include "widgets/mapping/mappingeditor.h"
#include "widgets/mapping/mappingmodel.h"
#include "widgets/mapping/sourcefields.h"
#include "widgets/run/enginehost.h"
#include "widgets/run/samplecache.h"
#include "widgets/widgettestutil.h"

#include <QAbstractItemModelTester>
#include <QDrag>
#include <QLabel>
#include <QMimeData>
#include <QPointer>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

using namespace weft;

/// The mapping editor as a person uses it: drag source fields onto target fields, auto-map,
/// clear; every change one undo step; required fields without a value flagged.
class TestMappingModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void modelContract();
    void dragOneFieldOntoATargetAndUndo();
    void dragSeveralFieldsMakesACompositeValue();
    void detailListFieldsUseListPrefix();
    void groupsRefuseDrops();
    void dropOnEmptySpaceMapsByName();
    void autoMapAndClearAreOneUndoStepEach();
    void requiredFieldsAreFlagged();
    void badExpressionsAreFlagged();
    void parserIsStored();
    void dropThroughTheEditorsViews();
    void mouseDragFromTheTreeOntoTheTable();

private:
    int row(const QString &path) const { return m_model->rowOf(path); }
    QString value(const QString &path) const;
    QMimeData *drag(const QStringList &fields);

    ProjectDocument *m_doc = nullptr;
    MappingModel *m_model = nullptr;
    SourceFieldModel *m_sources = nullptr;
};

void TestMappingModel::init()
{
    delete m_model;
    delete m_sources;
    delete m_doc;
    m_doc = new ProjectDocument;
    QVERIFY(test::loadExample(m_doc, QStringLiteral("dingtalk-rebates-to-k3")));
    m_model = new MappingModel(m_doc);
    m_model->setScheme(QStringLiteral("rebates"));
    m_sources = new SourceFieldModel;
    // A flattened DingTalk approval, as a preview would give it.
    m_sources->setRecords({QJsonObject{{QStringLiteral("business_id"), QStringLiteral("202401")},
                                       {QStringLiteral("申请日期"), QStringLiteral("2024-01-05")},
                                       {QStringLiteral("组织"), QStringLiteral("100")},
                                       {QStringLiteral("表格_客户编码"), QStringLiteral("C001")},
                                       {QStringLiteral("表格_不含税金额"), QStringLiteral("12.5")},
                                       {QStringLiteral("FRemarks"), QStringLiteral("r")}}});
}

QString TestMappingModel::value(const QString &path) const
{
    return m_doc->project()
        .scheme(QStringLiteral("rebates"))
        ->target.metadata.requestField(path)
        .value.toString();
}

QMimeData *TestMappingModel::drag(const QStringList &fields)
{
    // What a drag from the source tree carries: the model's own mimeData of the rows.
    QModelIndexList indexes;
    for (const QString &f : fields) {
        const QList<QStandardItem *> found = m_sources->findItems(f);
        if (!found.isEmpty())
            indexes << found.first()->index();
    }
    return m_sources->mimeData(indexes);
}

void TestMappingModel::modelContract()
{
    QAbstractItemModelTester tester(m_model,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sourceTester(m_sources,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m_model->rowCount(), 13); // 9 fields + FEntity + its 3 children
    QCOMPARE(m_model->columnCount(), int(MappingModel::Column::Count));
    QVERIFY(m_model->field(row(QStringLiteral("FEntity"))).isGroup);
    QCOMPARE(m_model->field(row(QStringLiteral("FEntity/FCOMMENT"))).depth, 1);
    // Editing keeps the tester happy too.
    std::unique_ptr<QMimeData> data(drag({QStringLiteral("business_id")}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::CopyAction, -1, -1,
                                  m_model->index(row(QStringLiteral("FDATE")), 0)));
    m_doc->undoStack()->undo();
}

void TestMappingModel::dragOneFieldOntoATargetAndUndo()
{
    const QString before = value(QStringLiteral("FDATE"));
    std::unique_ptr<QMimeData> data(drag({QStringLiteral("申请日期")}));
    QVERIFY(data);
    QVERIFY(data->hasFormat(QStringLiteral("application/x-weft-field")));
    QCOMPARE(fieldsFromMime(data.get()), QStringList{QStringLiteral("申请日期")});
    // First clear, so the drop is a visible change.
    QVERIFY(m_model->setValue(row(QStringLiteral("FDATE")), QString()));
    QCOMPARE(value(QStringLiteral("FDATE")), QString());
    const int steps = m_doc->undoStack()->count();
    const QModelIndex target =
        m_model->index(row(QStringLiteral("FDATE")), int(MappingModel::Column::Value));
    QVERIFY(m_model->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, target));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::CopyAction, -1, -1, target));
    QCOMPARE(value(QStringLiteral("FDATE")), QStringLiteral("{{申请日期}}"));
    QCOMPARE(target.data().toString(), QStringLiteral("{{申请日期}}"));
    QCOMPARE(m_doc->undoStack()->count(), steps + 1);
    QVERIFY(m_doc->isModified());
    m_doc->undoStack()->undo();
    QCOMPARE(value(QStringLiteral("FDATE")), QString());
    QCOMPARE(target.data().toString(), QString());
    m_doc->undoStack()->undo();
    QCOMPARE(value(QStringLiteral("FDATE")), before);
    QVERIFY(!m_doc->isModified());
}

void TestMappingModel::dragSeveralFieldsMakesACompositeValue()
{
    std::unique_ptr<QMimeData> data(drag({QStringLiteral("business_id"), QStringLiteral("组织")}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::CopyAction, -1, -1,
                                  m_model->index(row(QStringLiteral("FRemarks")), 0)));
    QCOMPARE(value(QStringLiteral("FRemarks")), QStringLiteral("{{business_id}}-{{组织}}"));
}

void TestMappingModel::detailListFieldsUseListPrefix()
{
    std::unique_ptr<QMimeData> data(drag({QStringLiteral("表格_不含税金额")}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::CopyAction, -1, -1,
                                  m_model->index(row(QStringLiteral("FEntity/FCOMMENT")), 0)));
    QCOMPARE(value(QStringLiteral("FEntity/FCOMMENT")), QStringLiteral("{{list.表格_不含税金额}}"));
}

void TestMappingModel::groupsRefuseDrops()
{
    std::unique_ptr<QMimeData> data(drag({QStringLiteral("组织")}));
    const QModelIndex group = m_model->index(row(QStringLiteral("FEntity")), 0);
    QVERIFY(!m_model->canDropMimeData(data.get(), Qt::CopyAction, -1, -1, group));
    QVERIFY(!(m_model->flags(group) & Qt::ItemIsDropEnabled));
    QSignalSpy messages(m_model, &MappingModel::message);
    const int steps = m_doc->undoStack()->count();
    QVERIFY(!m_model->dropMimeData(data.get(), Qt::CopyAction, -1, -1, group));
    QCOMPARE(messages.count(), 1);
    QCOMPARE(m_doc->undoStack()->count(), steps);
}

void TestMappingModel::dropOnEmptySpaceMapsByName()
{
    m_model->clear();
    std::unique_ptr<QMimeData> data(drag({QStringLiteral("FRemarks"), QStringLiteral("组织")}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::CopyAction, -1, -1, QModelIndex()));
    QCOMPARE(value(QStringLiteral("FRemarks")), QStringLiteral("{{FRemarks}}"));
}

void TestMappingModel::autoMapAndClearAreOneUndoStepEach()
{
    m_model->setSourceFields({QStringLiteral("fdate"), QStringLiteral("F_Rebate_Period"),
                              QStringLiteral("表格_FCOMMENT"), QStringLiteral("单据类型")},
                             true);
    QCOMPARE(m_model->clear(), 12);
    QCOMPARE(m_model->mappedCount(), 0);
    const int steps = m_doc->undoStack()->count();
    // Same name ignoring case; ignoring _ and -; without the array prefix; by label.
    QCOMPARE(m_model->autoMap(), 4);
    QCOMPARE(m_doc->undoStack()->count(), steps + 1);
    QCOMPARE(value(QStringLiteral("FDATE")), QStringLiteral("{{fdate}}"));
    QCOMPARE(value(QStringLiteral("FEntity/F_RebatePeriod")),
             QStringLiteral("{{list.F_Rebate_Period}}"));
    QCOMPARE(value(QStringLiteral("FEntity/FCOMMENT")), QStringLiteral("{{list.表格_FCOMMENT}}"));
    QCOMPARE(value(QStringLiteral("FBillTypeID")), QStringLiteral("{{单据类型}}"));
    m_doc->undoStack()->undo();
    QCOMPARE(m_model->mappedCount(), 0);
    m_doc->undoStack()->undo();
    QCOMPARE(m_model->mappedCount(), 12);
}

void TestMappingModel::requiredFieldsAreFlagged()
{
    // A target whose fields say they are required (describe 必填, "required": true).
    pushSchemeEdit(m_doc, QStringLiteral("rebates"), QStringLiteral("t"), [](Scheme &s) {
        QJsonArray request = s.target.metadata.json().value(QStringLiteral("request")).toArray();
        request.append(QJsonObject{{QStringLiteral("field"), QStringLiteral("FCurrency")},
                                   {QStringLiteral("label"), QStringLiteral("币别")},
                                   {QStringLiteral("describe"), QStringLiteral("必填，币别编码")}});
        request.append(QJsonObject{{QStringLiteral("field"), QStringLiteral("FOwner")},
                                   {QStringLiteral("required"), true}});
        request.append(QJsonObject{{QStringLiteral("field"), QStringLiteral("FOptional")},
                                   {QStringLiteral("describe"), QStringLiteral("非必填")}});
        s.target.metadata.json().insert(QStringLiteral("request"), request);
    });
    const int currency = row(QStringLiteral("FCurrency"));
    QVERIFY(m_model->index(currency, 0).data(MappingModel::RequiredRole).toBool());
    QVERIFY(
        m_model->index(row(QStringLiteral("FOwner")), 0).data(MappingModel::RequiredRole).toBool());
    QVERIFY(!m_model->index(row(QStringLiteral("FOptional")), 0)
                 .data(MappingModel::RequiredRole)
                 .toBool());
    QCOMPARE(m_model->unmappedRequiredCount(), 2);
    QVERIFY(!m_model->problem(currency).isEmpty());
    QVERIFY(m_model->index(currency, int(MappingModel::Column::Status))
                .data()
                .toString()
                .contains(QStringLiteral("Required")));
    QVERIFY(m_model->index(currency, 0).data(Qt::BackgroundRole).isValid());
    m_model->mapFields(currency, {QStringLiteral("组织")});
    QCOMPARE(m_model->unmappedRequiredCount(), 1);
    QVERIFY(m_model->problem(currency).isEmpty());
}

void TestMappingModel::badExpressionsAreFlagged()
{
    const int r = row(QStringLiteral("FDATE"));
    QVERIFY(m_model->setValue(r, QStringLiteral("_function DATE_FROMAT(NOW(), '%Y')")));
    QVERIFY2(m_model->problem(r).contains(QStringLiteral("DATE_FORMAT")),
             qPrintable(m_model->problem(r)));
    // With a real sample, unknown field names are problems too (with a suggestion).
    m_model->setSourceFields({QStringLiteral("申请日期"), QStringLiteral("business_id")}, true);
    QVERIFY(m_model->setValue(r, QStringLiteral("{{business_idd}}")));
    QVERIFY2(m_model->problem(r).contains(QStringLiteral("business_id")),
             qPrintable(m_model->problem(r)));
}

void TestMappingModel::parserIsStored()
{
    const int r = row(QStringLiteral("FDATE"));
    const QJsonObject parser{{QStringLiteral("name"), QStringLiteral("ConvertObjectParser")},
                             {QStringLiteral("params"), QStringLiteral("FNumber")}};
    QVERIFY(m_model->setParser(r, parser));
    QCOMPARE(m_model->field(r).parserJson, parser);
    QCOMPARE(m_model->index(r, int(MappingModel::Column::Parser)).data().toString(),
             QStringLiteral("ConvertObjectParser(FNumber)"));
    m_doc->undoStack()->undo();
    QVERIFY(m_model->field(r).parser.isEmpty());
}

namespace {

/// The rebates scheme's mapping editor, shown, with one sample record (organisation 100).
struct ShownEditor {
    explicit ShownEditor(ProjectDocument *doc)
        : samples(&engine, doc)
        , editor(doc, &samples)
    {
        PreviewResult sample;
        TransformInput in;
        in.record = QJsonObject{{QStringLiteral("business_id"), QStringLiteral("9")},
                                {QStringLiteral("组织"), QStringLiteral("100")}};
        in.id = QStringLiteral("9");
        sample.output.inputs << in;
        sample.sourceRecords << in.record.merged();
        samples.setResult(QStringLiteral("rebates"), sample);
        editor.setScheme(QStringLiteral("rebates"));
        editor.resize(1000, 700);
        editor.show();
    }
    EngineHost engine;
    SampleCache samples;
    MappingEditor editor;
};

QModelIndex topLevelRow(const QAbstractItemModel *model, const QString &text)
{
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->index(i, 0).data().toString() == text)
            return model->index(i, 0);
    }
    return {};
}

} // namespace

void TestMappingModel::dropThroughTheEditorsViews()
{
    // The editor's views sit on proxies (search, "unmapped only"): a drag from the source
    // tree onto the target table must arrive at the mapping model all the same.
    ShownEditor shown(m_doc);
    MappingEditor &editor = shown.editor;
    QAbstractItemModel *sourceView = editor.sourceView()->model();
    const QModelIndex field = topLevelRow(sourceView, QStringLiteral("组织"));
    QVERIFY(field.isValid());
    std::unique_ptr<QMimeData> data(sourceView->mimeData({field}));
    QAbstractItemModel *targetView = editor.targetView()->model();
    const QModelIndex onto =
        targetView->index(editor.model()->rowOf(QStringLiteral("FRemarks")), 0);
    QVERIFY(targetView->dropMimeData(data.get(), Qt::CopyAction, -1, -1, onto));
    QCOMPARE(value(QStringLiteral("FRemarks")), QStringLiteral("{{组织}}"));
    // The expression editor shows the value and what it gives for the sample record.
    editor.selectTarget(editor.model()->rowOf(QStringLiteral("FRemarks")));
    QTest::qWait(250);
    QCOMPARE(editor.expressionField()->value(), QStringLiteral("{{组织}}"));
    const auto *result = editor.findChild<QLabel *>(QStringLiteral("expressionResult"));
    QVERIFY2(result->text().contains(QStringLiteral("\"100\"")), qPrintable(result->text()));
    m_doc->undoStack()->undo();
    QCOMPARE(value(QStringLiteral("FRemarks")), QStringLiteral("钉钉审批 {{business_id}}"));
}

void TestMappingModel::mouseDragFromTheTreeOntoTheTable()
{
    // The gesture with the mouse: press on a source field and move — the tree starts a real
    // QDrag carrying the field — then the drag enters the target table, moves over a row and
    // is dropped there (QDragEnter/Move/Drop events on its viewport, at the row's position).
    ShownEditor shown(m_doc);
    MappingEditor &editor = shown.editor;
    QVERIFY(QTest::qWaitForWindowExposed(&editor));

    QTreeView *tree = editor.sourceView();
    const QModelIndex field = topLevelRow(tree->model(), QStringLiteral("组织"));
    QVERIFY(field.isValid());
    const QPoint start = tree->visualRect(field).center();
    QTest::mousePress(tree->viewport(), Qt::LeftButton, Qt::NoModifier, start);
    const int distance = QApplication::startDragDistance() + 5;
    for (const QPoint &to : {start + QPoint(distance / 2, 0), start + QPoint(distance, 0)}) {
        // A move with the button held (QTest::mouseMove would send it without buttons).
        QMouseEvent moveEvent(QEvent::MouseMove, to, tree->viewport()->mapToGlobal(to),
                              Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(tree->viewport(), &moveEvent);
    }
    // The drag the tree started: the offscreen platform ends it at once (the QDrag is deleted
    // later), so the test delivers what it carries as the platform would.
    QPointer<QDrag> drag = tree->findChild<QDrag *>();
    QVERIFY2(drag, "moving the pressed mouse did not start a drag");
    QMimeData *carried = drag->mimeData();
    QVERIFY(carried);
    QTest::mouseRelease(tree->viewport(), Qt::LeftButton, Qt::NoModifier, start);

    QTableView *table = editor.targetView();
    const QModelIndex onto =
        table->model()->index(editor.model()->rowOf(QStringLiteral("FRemarks")), 0);
    table->scrollTo(onto);
    const QPoint at = table->visualRect(onto).center();
    QDragEnterEvent enter(at, Qt::CopyAction, carried, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(table->viewport(), &enter);
    QVERIFY2(enter.isAccepted(), "the target table refused the drag");
    QDragMoveEvent move(at, Qt::CopyAction, carried, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(table->viewport(), &move);
    QVERIFY2(move.isAccepted(), "the target row refused the drag");
    QDropEvent drop(at, Qt::CopyAction, carried, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(table->viewport(), &drop);
    QCOMPARE(value(QStringLiteral("FRemarks")), QStringLiteral("{{组织}}"));
    m_doc->undoStack()->undo();
    QCOMPARE(value(QStringLiteral("FRemarks")), QStringLiteral("钉钉审批 {{business_id}}"));
}

QTEST_MAIN(TestMappingModel)
#include "tst_mappingmodel.moc"
