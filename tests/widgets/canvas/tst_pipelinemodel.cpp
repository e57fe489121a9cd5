#include "core/engine/runtypes.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinerunoverlay.h"
#include "widgets/canvas/pipelinescene.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/widgettestutil.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace weft;

/// The canvas model: nodes and edges mirror the project; the rules refuse what a scheme
/// cannot be, with a reason; every edit is one undo step; the scene mirrors the model.
class TestPipelineModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void mirrorsTheProject();
    void paletteStepIsKeptDetachedInTheLayout();
    void connectingInsertsIntoTheChainAndUndoes();
    void insertingBeforeTheMapping();
    void refusesWhatASchemeCannotBe();
    void cuttingAnEdgeDetachesTheStep();
    void deletingAStepAndUndo();
    void movesAreUndoableAndSaved();
    void sourceOnEmptyCanvasStartsAScheme();
    void autoLayoutForgetsPositions();
    void sceneMirrorsTheModel();
    void stepNodesShowTheirCounters();

private:
    ProjectDocument *m_doc = nullptr;
    PipelineModel *m_model = nullptr;
    NodeId node(const QString &key) const
    {
        return m_model->nodeFor(QStringLiteral("purchasein"), key);
    }
    QStringList stepIds() const;
};

void TestPipelineModel::init()
{
    delete m_model;
    delete m_doc;
    m_doc = new ProjectDocument;
    QVERIFY(test::loadExample(m_doc, QStringLiteral("jst-purchasein-to-mysql")));
    m_model = new PipelineModel(m_doc);
}

QStringList TestPipelineModel::stepIds() const
{
    QStringList ids;
    for (const Step &s : m_doc->project().scheme(QStringLiteral("purchasein"))->steps)
        ids << s.id;
    return ids;
}

void TestPipelineModel::mirrorsTheProject()
{
    QCOMPARE(m_model->nodeCount(), 3);
    QCOMPARE(m_model->edgeCount(), 2);
    QVERIFY(m_model->edgeBetween(node("source"), node("map")));
    QVERIFY(m_model->edgeBetween(node("map"), node("target")));
    const PipelineNode *source = m_model->node(node("source"));
    QCOMPARE(source->kind, NodeKind::Source);
    QVERIFY(source->detail.contains(QStringLiteral("/open/purchasein/query")));
    QVERIFY(source->detail.contains(QStringLiteral("beatFlat items")));
    QCOMPARE(m_model->node(node("map"))->detail, QStringLiteral("31 of 31 fields mapped"));
    // Positions nobody set come from the computed layout: column by chain position.
    QCOMPARE(m_model->node(node("target"))->pos.x(), 2 * PipelineModel::kColumnWidth);
}

void TestPipelineModel::paletteStepIsKeptDetachedInTheLayout()
{
    QString scheme;
    QString key;
    QVERIFY(
        m_model->addNode(NodeKind::Filter, QStringLiteral("purchasein"), {100, 300}, &scheme, &key)
            .ok);
    QCOMPARE(key, QStringLiteral("filter1"));
    const PipelineNode *n = m_model->node(node(key));
    QVERIFY(n);
    QVERIFY(!n->chained);
    QCOMPARE(n->pos, QPointF(100, 300));
    QCOMPARE(m_model->edgeCount(), 2);
    QVERIFY(stepIds().isEmpty()); // it does not run
    const QJsonObject entry =
        m_doc->schemeLayout(QStringLiteral("purchasein")).value(key).toObject();
    QCOMPARE(
        entry.value(QStringLiteral("detached")).toObject().value(QStringLiteral("type")).toString(),
        QStringLiteral("filter"));
    // … and survives a save and a load.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("p.weft.json"));
    QString error;
    QVERIFY2(m_doc->save(path, &error), qPrintable(error));
    ProjectDocument again;
    QVERIFY(again.load(path, &error));
    PipelineModel reloaded(&again);
    QVERIFY(reloaded.nodeFor(QStringLiteral("purchasein"), key));
    QVERIFY(!reloaded.node(reloaded.nodeFor(QStringLiteral("purchasein"), key))->chained);
    // One undo step removes it again.
    m_doc->undoStack()->undo();
    QVERIFY(!node(key));
}

void TestPipelineModel::connectingInsertsIntoTheChainAndUndoes()
{
    QString key;
    QVERIFY(
        m_model->addNode(NodeKind::Filter, QStringLiteral("purchasein"), {0, 200}, nullptr, &key)
            .ok);
    QSignalSpy added(m_model, &PipelineModel::edgeAdded);
    const int before = m_doc->undoStack()->count();
    const ModelResult r = m_model->connectNodes(node("source"), node(key));
    QVERIFY2(r.ok, qPrintable(r.reason));
    QCOMPARE(m_doc->undoStack()->count(), before + 1);
    QCOMPARE(stepIds(), QStringList{key});
    QVERIFY(m_model->edgeBetween(node("source"), node(key)));
    QVERIFY(m_model->edgeBetween(node(key), node("map")));
    QVERIFY(!m_model->edgeBetween(node("source"), node("map")));
    QVERIFY(m_model->node(node(key))->chained);
    QCOMPARE(added.count(), 2);
    QVERIFY(!m_doc->schemeLayout(QStringLiteral("purchasein"))
                 .value(key)
                 .toObject()
                 .contains(QStringLiteral("detached")));

    m_doc->undoStack()->undo();
    QVERIFY(stepIds().isEmpty());
    QVERIFY(m_model->edgeBetween(node("source"), node("map")));
    QVERIFY(!m_model->node(node(key))->chained);
    m_doc->undoStack()->redo();
    QCOMPARE(stepIds(), QStringList{key});
}

void TestPipelineModel::insertingBeforeTheMapping()
{
    QString filter;
    QString validate;
    m_model->addNode(NodeKind::Filter, QStringLiteral("purchasein"), {0, 200}, nullptr, &filter);
    m_model->addNode(NodeKind::Validate, QStringLiteral("purchasein"), {200, 200}, nullptr,
                     &validate);
    QVERIFY(m_model->connectNodes(node(filter), node("map")).ok); // dragged backwards
    QVERIFY(m_model->connectNodes(node(validate), node("map")).ok);
    QCOMPARE(stepIds(), (QStringList{filter, validate}));
    // Between the source and the filter.
    QString flatten;
    m_model->addNode(NodeKind::Flatten, QStringLiteral("purchasein"), {0, 300}, nullptr, &flatten);
    QVERIFY(m_model->connectNodes(node("source"), node(flatten)).ok);
    QCOMPARE(stepIds(), (QStringList{flatten, filter, validate}));
}

void TestPipelineModel::refusesWhatASchemeCannotBe()
{
    QString filter;
    m_model->addNode(NodeKind::Filter, QStringLiteral("purchasein"), {0, 200}, nullptr, &filter);
    const auto refused = [](const ModelResult &r) { return !r.ok && !r.reason.isEmpty(); };
    QVERIFY(refused(m_model->canConnect(node("target"), node(filter)))); // target has no output
    QVERIFY(refused(m_model->canConnect(node(filter), node("source")))); // source has no input
    QVERIFY(refused(m_model->canConnect(node("map"), node(filter)))); // map feeds the target only
    QVERIFY(refused(m_model->canConnect(node(filter), node("target"))));   // only the map feeds it
    QVERIFY(refused(m_model->canConnect(node("source"), node("map"))));    // already connected
    QVERIFY(refused(m_model->canConnect(node("source"), node("target")))); // a chain, no shortcuts
    QVERIFY(refused(m_model->canConnect(node(filter), node(filter))));
    QString other;
    m_model->addNode(NodeKind::Lookup, QStringLiteral("purchasein"), {0, 300}, nullptr, &other);
    QVERIFY(refused(m_model->canConnect(node(filter), node(other)))); // both loose
    // Another scheme's nodes.
    QString created;
    QVERIFY(m_model->addNode(NodeKind::Source, QString(), {0, 900}, &created).ok);
    QVERIFY(refused(
        m_model->canConnect(m_model->nodeFor(created, QStringLiteral("source")), node(filter))));
    QVERIFY(refused(m_model->canAddNode(NodeKind::Map, QStringLiteral("purchasein"))));
    QVERIFY(refused(m_model->canAddNode(NodeKind::Target, QString())));
    QVERIFY(refused(m_model->canAddNode(NodeKind::Source, QStringLiteral("purchasein"))));
    QVERIFY(refused(m_model->canAddNode(NodeKind::Filter, QString())));
    QVERIFY(refused(m_model->canRemoveNode(node("source"))));
    QVERIFY(refused(m_model->canRemoveEdge(m_model->edgeBetween(node("source"), node("map")))));
    // A refused edit changes nothing and pushes nothing.
    const int count = m_doc->undoStack()->count();
    QVERIFY(!m_model->connectNodes(node("target"), node(filter)).ok);
    QVERIFY(!m_model->removeItems({node("source")}, {}).ok);
    QCOMPARE(m_doc->undoStack()->count(), count);
}

void TestPipelineModel::cuttingAnEdgeDetachesTheStep()
{
    QString filter;
    m_model->addNode(NodeKind::Filter, QStringLiteral("purchasein"), {0, 200}, nullptr, &filter);
    m_model->connectNodes(node("source"), node(filter));
    const QPointF where = m_model->node(node(filter))->pos;
    QVERIFY(m_model->removeEdge(m_model->edgeBetween(node("source"), node(filter))).ok);
    QVERIFY(stepIds().isEmpty());
    QVERIFY(m_model->node(node(filter)));                       // still on the canvas,
    QVERIFY(!m_model->node(node(filter))->chained);             // not connected,
    QCOMPARE(m_model->node(node(filter))->pos, where);          // where it was,
    QVERIFY(m_model->edgeBetween(node("source"), node("map"))); // and the chain closed up
}

void TestPipelineModel::deletingAStepAndUndo()
{
    QString filter;
    m_model->addNode(NodeKind::Filter, QStringLiteral("purchasein"), {0, 200}, nullptr, &filter);
    m_model->connectNodes(node("source"), node(filter));
    QVERIFY(m_model->removeItems({node(filter)}, {}).ok);
    QVERIFY(!node(filter));
    QVERIFY(stepIds().isEmpty());
    QVERIFY(!m_doc->schemeLayout(QStringLiteral("purchasein")).contains(filter));
    m_doc->undoStack()->undo();
    QCOMPARE(stepIds(), QStringList{filter});
    QVERIFY(node(filter));
}

void TestPipelineModel::movesAreUndoableAndSaved()
{
    const NodeId target = node("target");
    const QPointF before = m_model->node(target)->pos;
    QSignalSpy moved(m_model, &PipelineModel::nodeMoved);
    QVERIFY(m_model->moveNodes({{target, QPointF(700, 40)}}).ok);
    QCOMPARE(m_model->node(target)->pos, QPointF(700, 40));
    QCOMPARE(moved.count(), 1);
    const QJsonObject entry = m_doc->schemeLayout(QStringLiteral("purchasein"))
                                  .value(QStringLiteral("target"))
                                  .toObject();
    QCOMPARE(entry.value(QStringLiteral("x")).toInt(), 700);
    QCOMPARE(entry.value(QStringLiteral("y")).toInt(), 40);
    QVERIFY(m_doc->isModified());
    m_doc->undoStack()->undo();
    QCOMPARE(m_model->node(target)->pos, before);
    QVERIFY(!m_doc->isModified());
    QVERIFY(m_doc->project().layout.isEmpty()); // the file is as it was
}

void TestPipelineModel::sourceOnEmptyCanvasStartsAScheme()
{
    QString created;
    QVERIFY(m_model->addNode(NodeKind::Source, QString(), {0, 900}, &created).ok);
    QCOMPARE(created, QStringLiteral("scheme1"));
    QCOMPARE(m_doc->project().schemes.size(), 2);
    QCOMPARE(m_model->schemeNodes(created).size(), 3);
    QCOMPARE(m_model->node(m_model->nodeFor(created, QStringLiteral("source")))->pos,
             QPointF(0, 900));
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->project().schemes.size(), 1);
    QVERIFY(m_model->schemeNodes(created).isEmpty());
}

void TestPipelineModel::autoLayoutForgetsPositions()
{
    QString filter;
    m_model->addNode(NodeKind::Filter, QStringLiteral("purchasein"), {555, 555}, nullptr, &filter);
    m_model->moveNodes({{node("target"), QPointF(900, 10)}});
    m_model->autoLayout();
    QCOMPARE(m_model->node(node("target"))->pos, m_model->defaultPosition(0, 2));
    QCOMPARE(m_model->node(node(filter))->pos, m_model->defaultPosition(0, 4)); // after the chain
    QVERIFY(m_model->node(node(filter)));
}

void TestPipelineModel::sceneMirrorsTheModel()
{
    PipelineScene scene(m_model);
    QTest::qWait(0);
    auto count = [&](int type) {
        int n = 0;
        for (QGraphicsItem *item : scene.items())
            n += item->type() == type ? 1 : 0;
        return n;
    };
    QCOMPARE(count(NodeItem::Type), 3);
    QCOMPARE(count(EdgeItem::Type), 2);
    QCOMPARE(count(SchemeFrameItem::Type), 1);
    QString filter;
    m_model->addNode(NodeKind::Filter, QStringLiteral("purchasein"), {0, 200}, nullptr, &filter);
    m_model->connectNodes(node("source"), node(filter));
    QCOMPARE(count(NodeItem::Type), 4);
    QCOMPARE(count(EdgeItem::Type), 3);
    // Deleting through the scene asks the model; a refusal is reported, nothing changes.
    QSignalSpy messages(&scene, &PipelineScene::message);
    scene.selectNode(QStringLiteral("purchasein"), QStringLiteral("source"));
    scene.deleteSelection();
    QCOMPARE(messages.count(), 1);
    QCOMPARE(count(NodeItem::Type), 4);
    scene.selectNode(QStringLiteral("purchasein"), filter);
    scene.deleteSelection();
    QCOMPARE(count(NodeItem::Type), 3);
    QCOMPARE(count(EdgeItem::Type), 2);
    m_doc->undoStack()->undo();
    QCOMPARE(count(EdgeItem::Type), 3);
}

void TestPipelineModel::stepNodesShowTheirCounters()
{
    // A filter and a disabled validate step in the chain (purchasein flattens items by
    // beatFlat, which has no node: the source's "read" counts its lines).
    QVERIFY(
        pushSchemeEdit(m_doc, QStringLiteral("purchasein"), QStringLiteral("steps"), [](Scheme &s) {
            Step filter;
            filter.id = QStringLiteral("open");
            filter.settings.insert(QStringLiteral("condition"), QStringLiteral("{status}"));
            Step validate;
            validate.id = QStringLiteral("checked");
            validate.type = StepType::Validate;
            validate.enabled = false;
            s.steps = {filter, validate};
        }));
    PipelineScene scene(m_model);
    QTest::qWait(0);
    const auto text = [&](const QString &key) { return scene.nodeItem(node(key))->counterText(); };
    m_model->runOverlay()->markPending({QStringLiteral("purchasein")});
    QCOMPARE(text("open"), QString());

    RunProgress p;
    p.scheme = QStringLiteral("purchasein");
    p.phase = QStringLiteral("fetching");
    p.counters.read = 1674;
    p.counters.skipped = 83;
    p.counters.failed = 2;
    p.counters.written = 1500;
    p.steps = {{QStringLiteral("beatFlat"), QStringLiteral("beatFlat"), 500, 1674, 0},
               {QStringLiteral("open"), QStringLiteral("filter"), 1674, 1591, 0},
               {QStringLiteral("map"), QStringLiteral("map"), 1591, 1589, 2}};
    m_model->runOverlay()->applyProgress(p);
    const NodeRunCounts filter = m_model->runOverlay()->counts(node("open"));
    QCOMPARE(filter.state, NodeRunState::Running);
    QCOMPARE(filter.in, qint64(1674));
    QCOMPARE(filter.out, qint64(1591));
    QCOMPARE(filter.failed, qint64(0));
    // The locale's digit grouping, as for the source's and the target's counters.
    const QLocale locale;
    QCOMPARE(text("open"),
             QStringLiteral("in %1 → out %2").arg(locale.toString(1674), locale.toString(1591)));
    QCOMPARE(text("map"), QStringLiteral("in %1 → out %2 · failed 2")
                              .arg(locale.toString(1591), locale.toString(1589)));
    QCOMPARE(text("checked"), QStringLiteral("disabled")); // did not run: no stage
    QCOMPARE(text("source"), QStringLiteral("read %1").arg(locale.toString(1674)));

    // The end of the run comes as a RunInfo, which has no stages: the nodes keep theirs.
    RunInfo info;
    info.scheme = QStringLiteral("purchasein");
    info.outcome = RunOutcome::FinishedWithFailures;
    info.counters = p.counters;
    m_model->runOverlay()->applyFinished(info);
    QCOMPARE(m_model->runOverlay()->counts(node("open")).state, NodeRunState::Done);
    QCOMPARE(m_model->runOverlay()->counts(node("map")).failed, qint64(2));
    QCOMPARE(m_model->runOverlay()->counts(node("target")).state, NodeRunState::Failed);
    QCOMPARE(text("open"),
             QStringLiteral("in %1 → out %2").arg(locale.toString(1674), locale.toString(1591)));
    // The card shows everything; its tooltip too.
    QVERIFY(scene.nodeItem(node("map"))->toolTip().endsWith(text("map")));

    m_model->runOverlay()->clear();
    QCOMPARE(text("open"), QString());
    QCOMPARE(m_model->runOverlay()->counts(node("target")), NodeRunCounts());
}

QTEST_MAIN(TestPipelineModel)
#include "tst_pipelinemodel.moc"
