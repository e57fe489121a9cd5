#include "core/model/projectio.h"
#include "core/model/stepjson.h"
#include "core/state/statestore.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/projectedits.h"
#include "widgets/common/stepedits.h"
#include "widgets/widgettestutil.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <algorithm>

using namespace weft;

/// ProjectDocument and every undo command that changes it (commands.h, and the pushes of
/// projectedits.h and stepedits.h). For each: the push changes the project as meant and the
/// document says so by its signal; undo gives back exactly the project before (its saved
/// JSON, byte for byte); redo the changed one again. Merging commands merge only what they
/// should. The document's modified state and its diagnostics follow the edits.
class TestProjectDocument : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void loadSaveAndModifiedState();
    void editSchemeReplacesAndUndoes();
    void editSchemeRenameCarriesTheLayout();
    void editSchemeMergesOnlyTheSameKey();
    void pushSchemeEditSkipsNoChange();
    void editLayout();
    void insertScheme();
    void removeScheme();
    void connectionInsertReplaceRemove();
    void connectionRenameCarriesItsSchemes();
    void editInfoMerges();
    void editAlertsMergesOnlyTheSameKey();
    void stepEditOfAConnectedStep();
    void stepEditOfADetachedStep();
    void diagnosticsFollowEdits();

private:
    /// The file form of the document's project: what undo must give back exactly.
    QByteArray saved() const { return saveProject(m_doc->project()); }
    /// Undoes the top command (the project must be `before` again), then redoes it (`after`).
    void checkUndoRedo(const QByteArray &before, const QByteArray &after);

    std::unique_ptr<ProjectDocument> m_doc;
};

namespace {
constexpr auto kScheme = "rebates";
constexpr auto kStep = "approved";

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

/// A scheme of its own, for inserts: a copy of the example's under another name.
Scheme copyOf(const Scheme &scheme, const QString &name)
{
    Scheme copy = scheme;
    copy.name = name;
    return copy;
}
} // namespace

void TestProjectDocument::init()
{
    m_doc = std::make_unique<ProjectDocument>();
    QVERIFY(test::loadExample(m_doc.get(), QStringLiteral("dingtalk-rebates-to-k3")));
    QCOMPARE(m_doc->project().schemeNames(), QStringList{s(kScheme)});
}

void TestProjectDocument::checkUndoRedo(const QByteArray &before, const QByteArray &after)
{
    QVERIFY(before != after);
    QCOMPARE(saved(), after);
    m_doc->undoStack()->undo();
    QCOMPARE(saved(), before);
    m_doc->undoStack()->redo();
    QCOMPARE(saved(), after);
}

void TestProjectDocument::loadSaveAndModifiedState()
{
    // A loaded file is clean, with no history.
    QVERIFY(!m_doc->isModified());
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QVERIFY(QFileInfo(m_doc->filePath()).isAbsolute());
    QVERIFY(m_doc->stateLocation().endsWith(QStringLiteral(".sqlite")));

    QSignalSpy modified(m_doc.get(), &ProjectDocument::modifiedChanged);
    m_doc->undoStack()->push(new EditInfoCommand(m_doc.get(), QStringLiteral("Renamed"), QString(),
                                                 QStringLiteral("UTC")));
    QVERIFY(m_doc->isModified());
    QCOMPARE(modified.count(), 1);
    QCOMPARE(modified.last().at(0).toBool(), true);
    // Undoing back to the saved state is clean again.
    m_doc->undoStack()->undo();
    QVERIFY(!m_doc->isModified());
    QCOMPARE(modified.last().at(0).toBool(), false);
    m_doc->undoStack()->redo();
    QVERIFY(m_doc->isModified());

    // Saving elsewhere marks clean, announces the new path and writes what the document holds.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("copy.weft.json"));
    QSignalSpy pathChanged(m_doc.get(), &ProjectDocument::filePathChanged);
    QString error;
    QVERIFY2(m_doc->save(path, &error), qPrintable(error));
    QVERIFY(!m_doc->isModified());
    QCOMPARE(modified.last().at(0).toBool(), false);
    QCOMPARE(pathChanged.count(), 1);
    QCOMPARE(m_doc->filePath(), QFileInfo(path).absoluteFilePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), saved());
    QCOMPARE(m_doc->displayName(), QStringLiteral("Renamed"));

    // A project never saved counts as modified and clears the history.
    QSignalSpy reset(m_doc.get(), &ProjectDocument::projectReset);
    m_doc->reset(Project{});
    QCOMPARE(reset.count(), 1);
    QVERIFY(m_doc->isModified());
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QCOMPARE(m_doc->filePath(), QString());
    // Its state goes to a temporary store until the first save (not beside any file).
    QVERIFY(!m_doc->stateLocation().isEmpty());
    QCOMPARE(QFileInfo(m_doc->stateLocation()).fileName(),
             QStringLiteral("untitled.weft.state.sqlite"));
    QVERIFY(m_doc->stateLocation() != StateStore::defaultLocationFor(path));
}

void TestProjectDocument::editSchemeReplacesAndUndoes()
{
    const QByteArray before = saved();
    QSignalSpy changed(m_doc.get(), &ProjectDocument::schemeChanged);
    Scheme after = m_doc->project().schemes.at(0);
    after.title = QStringLiteral("返利");
    after.enabled = false;
    m_doc->undoStack()->push(
        new EditSchemeCommand(m_doc.get(), s(kScheme), after, QStringLiteral("edit")));
    QCOMPARE(m_doc->project().schemes.at(0), after);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last(), (QVariantList{0, s(kScheme), s(kScheme)}));
    checkUndoRedo(before, saved());
    QCOMPARE(changed.count(), 3);
}

void TestProjectDocument::editSchemeRenameCarriesTheLayout()
{
    const QJsonObject nodes{{QStringLiteral("source"), QJsonObject{{QStringLiteral("x"), 10}}}};
    m_doc->undoStack()->push(
        new EditLayoutCommand(m_doc.get(), {{s(kScheme), nodes}}, QStringLiteral("move")));
    const QByteArray before = saved();
    QSignalSpy changed(m_doc.get(), &ProjectDocument::schemeChanged);
    Scheme after = m_doc->project().schemes.at(0);
    after.name = QStringLiteral("rebates2");
    m_doc->undoStack()->push(
        new EditSchemeCommand(m_doc.get(), s(kScheme), after, QStringLiteral("rename")));
    QCOMPARE(changed.last(), (QVariantList{0, s(kScheme), QStringLiteral("rebates2")}));
    QCOMPARE(m_doc->schemeLayout(QStringLiteral("rebates2")), nodes);
    QVERIFY(m_doc->schemeLayout(s(kScheme)).isEmpty());
    checkUndoRedo(before, saved());
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->schemeLayout(s(kScheme)), nodes);
    QCOMPARE(changed.last(), (QVariantList{0, QStringLiteral("rebates2"), s(kScheme)}));
}

void TestProjectDocument::editSchemeMergesOnlyTheSameKey()
{
    const QByteArray before = saved();
    QUndoStack *undo = m_doc->undoStack();
    // Keystrokes of one field: one undo step, which goes back to before the first.
    for (const QString &title : {QStringLiteral("a"), QStringLiteral("ab"), QStringLiteral("abc")})
        pushSchemeEdit(
            m_doc.get(), s(kScheme), QStringLiteral("title"), [&](Scheme &sc) { sc.title = title; },
            QStringLiteral("title"));
    QCOMPARE(undo->count(), 1);
    QCOMPARE(m_doc->project().schemes.at(0).title, QStringLiteral("abc"));
    const QByteArray typed = saved();
    // Another field is another step; so is an edit without a key.
    pushSchemeEdit(
        m_doc.get(), s(kScheme), QStringLiteral("description"),
        [](Scheme &sc) { sc.description = QStringLiteral("d"); }, QStringLiteral("description"));
    pushSchemeEdit(m_doc.get(), s(kScheme), QStringLiteral("enable"),
                   [](Scheme &sc) { sc.enabled = false; });
    pushSchemeEdit(m_doc.get(), s(kScheme), QStringLiteral("enable"),
                   [](Scheme &sc) { sc.enabled = true; });
    QCOMPARE(undo->count(), 4);
    undo->undo();
    undo->undo();
    undo->undo();
    QCOMPARE(saved(), typed);
    undo->undo();
    QCOMPARE(saved(), before);
}

void TestProjectDocument::pushSchemeEditSkipsNoChange()
{
    const QString title = m_doc->project().schemes.at(0).title;
    QVERIFY(pushSchemeEdit(m_doc.get(), s(kScheme), QStringLiteral("same"),
                           [&](Scheme &sc) { sc.title = title; }));
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QVERIFY(!m_doc->isModified());
    QVERIFY(!pushSchemeEdit(m_doc.get(), QStringLiteral("nowhere"), QStringLiteral("x"),
                            [](Scheme &sc) { sc.title = QStringLiteral("x"); }));
    QCOMPARE(m_doc->undoStack()->count(), 0);
}

void TestProjectDocument::editLayout()
{
    const QByteArray before = saved();
    QSignalSpy layout(m_doc.get(), &ProjectDocument::layoutChanged);
    const QJsonObject nodes{
        {s(kStep), QJsonObject{{QStringLiteral("x"), 120}, {QStringLiteral("y"), -40}}}};
    m_doc->undoStack()->push(
        new EditLayoutCommand(m_doc.get(), {{s(kScheme), nodes}}, QStringLiteral("move")));
    QCOMPARE(m_doc->schemeLayout(s(kScheme)), nodes);
    QCOMPARE(layout.count(), 1);
    QCOMPARE(layout.last().at(0).toString(), s(kScheme));
    // Layout is part of the file: the saved JSON changes, and undo takes it out again.
    checkUndoRedo(before, saved());
    m_doc->undoStack()->undo();
    QVERIFY(m_doc->schemeLayout(s(kScheme)).isEmpty());
    QVERIFY(!m_doc->project().layout.contains(s(kScheme)));
}

void TestProjectDocument::insertScheme()
{
    const QByteArray before = saved();
    QSignalSpy inserted(m_doc.get(), &ProjectDocument::schemeInserted);
    const QJsonObject nodes{{s(kStep), QJsonObject{{QStringLiteral("x"), 5}}}};
    // At the front, so that undo must remove it by index, not the last.
    m_doc->undoStack()->push(new InsertSchemeCommand(
        m_doc.get(), 0, copyOf(m_doc->project().schemes.at(0), QStringLiteral("front")), nodes,
        QStringLiteral("insert")));
    QCOMPARE(m_doc->project().schemeNames(), (QStringList{QStringLiteral("front"), s(kScheme)}));
    QCOMPARE(m_doc->schemeLayout(QStringLiteral("front")), nodes);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.last().at(0).toInt(), 0);
    checkUndoRedo(before, saved());
    // -1 appends.
    m_doc->undoStack()->push(new InsertSchemeCommand(
        m_doc.get(), -1, copyOf(m_doc->project().schemes.at(0), QStringLiteral("back")), {},
        QStringLiteral("append")));
    QCOMPARE(m_doc->project().schemeNames().last(), QStringLiteral("back"));
    QCOMPARE(inserted.last().at(0).toInt(), 2);
}

void TestProjectDocument::removeScheme()
{
    m_doc->undoStack()->push(new InsertSchemeCommand(
        m_doc.get(), -1, copyOf(m_doc->project().schemes.at(0), QStringLiteral("second")), {},
        QStringLiteral("insert")));
    const QJsonObject nodes{{s(kStep), QJsonObject{{QStringLiteral("x"), 7}}}};
    m_doc->undoStack()->push(
        new EditLayoutCommand(m_doc.get(), {{s(kScheme), nodes}}, QStringLiteral("move")));
    const QByteArray before = saved();
    QSignalSpy removed(m_doc.get(), &ProjectDocument::schemeRemoved);
    m_doc->undoStack()->push(new RemoveSchemeCommand(m_doc.get(), 0));
    QVERIFY(m_doc->undoStack()->text(m_doc->undoStack()->count() - 1).contains(s(kScheme)));
    QCOMPARE(m_doc->project().schemeNames(), QStringList{QStringLiteral("second")});
    QVERIFY(!m_doc->project().layout.contains(s(kScheme)));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.last(), (QVariantList{0, s(kScheme)}));
    // Undo puts it back in its place, with its layout.
    checkUndoRedo(before, saved());
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->project().schemeNames(), (QStringList{s(kScheme), QStringLiteral("second")}));
    QCOMPARE(m_doc->schemeLayout(s(kScheme)), nodes);
}

void TestProjectDocument::connectionInsertReplaceRemove()
{
    using Kind = ConnectionCommand::Kind;
    QUndoStack *undo = m_doc->undoStack();
    QSignalSpy changed(m_doc.get(), &ProjectDocument::connectionsChanged);
    const QStringList names = m_doc->project().connectionNames();

    QByteArray before = saved();
    Connection added = m_doc->project().connections.at(0);
    added.name = QStringLiteral("dingtalk_test");
    undo->push(new ConnectionCommand(m_doc.get(), Kind::Insert, -1, added, QStringLiteral("add")));
    QCOMPARE(m_doc->project().connectionNames(), names + QStringList{added.name});
    QCOMPARE(changed.count(), 1);
    checkUndoRedo(before, saved());

    before = saved();
    Connection replaced = added;
    replaced.timeoutMs = 1234;
    const int index = m_doc->connectionIndex(added.name);
    QCOMPARE(index, 2);
    undo->push(
        new ConnectionCommand(m_doc.get(), Kind::Replace, index, replaced, QStringLiteral("edit")));
    QCOMPARE(m_doc->project().connections.at(index), replaced);
    checkUndoRedo(before, saved());

    // Removing the first: undo must put it back first, not last.
    before = saved();
    const Connection first = m_doc->project().connections.at(0);
    undo->push(
        new ConnectionCommand(m_doc.get(), Kind::Remove, 0, first, QStringLiteral("remove")));
    QCOMPARE(m_doc->connectionIndex(first.name), -1);
    checkUndoRedo(before, saved());
    undo->undo();
    QCOMPARE(m_doc->project().connections.at(0), first);
    // Each of the three: push, undo, redo; then the last undo.
    QCOMPARE(changed.count(), 3 * 3 + 1);
}

void TestProjectDocument::connectionRenameCarriesItsSchemes()
{
    const QByteArray before = saved();
    QCOMPARE(connectionUsers(m_doc->project(), QStringLiteral("dingtalk")),
             QStringList{s(kScheme)});
    Connection renamed = m_doc->project().connections.at(0);
    QCOMPARE(renamed.name, QStringLiteral("dingtalk"));
    renamed.name = QStringLiteral("dd");
    applyConnectionEdit(m_doc.get(), QStringLiteral("dingtalk"), renamed);
    // One undo step for the connection and the scheme that uses it.
    QCOMPARE(m_doc->undoStack()->count(), 1);
    QCOMPARE(m_doc->project().schemes.at(0).source.connection, QStringLiteral("dd"));
    QCOMPARE(m_doc->project().schemes.at(0).target.connection, QStringLiteral("k3cloud"));
    checkUndoRedo(before, saved());
    // An unchanged connection pushes nothing; an unknown old name adds a connection.
    applyConnectionEdit(m_doc.get(), QStringLiteral("dd"), renamed);
    QCOMPARE(m_doc->undoStack()->count(), 1);
    renamed.name = QStringLiteral("fresh");
    applyConnectionEdit(m_doc.get(), QString(), renamed);
    QCOMPARE(m_doc->undoStack()->count(), 2);
    QCOMPARE(m_doc->project().connectionNames().last(), QStringLiteral("fresh"));
}

void TestProjectDocument::editInfoMerges()
{
    const QByteArray before = saved();
    QSignalSpy info(m_doc.get(), &ProjectDocument::infoChanged);
    QUndoStack *undo = m_doc->undoStack();
    undo->push(new EditInfoCommand(m_doc.get(), QStringLiteral("R"), QStringLiteral("d"),
                                   QStringLiteral("UTC")));
    undo->push(new EditInfoCommand(m_doc.get(), QStringLiteral("Re"), QStringLiteral("d"),
                                   QStringLiteral("UTC")));
    QCOMPARE(info.count(), 2);
    QCOMPARE(undo->count(), 1);
    QCOMPARE(m_doc->project().name, QStringLiteral("Re"));
    QCOMPARE(m_doc->project().description, QStringLiteral("d"));
    QCOMPARE(m_doc->project().timeZone, QStringLiteral("UTC"));
    checkUndoRedo(before, saved());
    QCOMPARE(info.count(), 4);
}

void TestProjectDocument::editAlertsMergesOnlyTheSameKey()
{
    const QByteArray before = saved();
    QSignalSpy alerts(m_doc.get(), &ProjectDocument::alertsChanged);
    QUndoStack *undo = m_doc->undoStack();
    auto rule = [](const QString &name, int threshold) {
        return QJsonArray{
            QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("threshold"), threshold}}};
    };
    undo->push(new EditAlertsCommand(m_doc.get(), rule(QStringLiteral("f"), 1),
                                     QStringLiteral("name"), QStringLiteral("0/name")));
    undo->push(new EditAlertsCommand(m_doc.get(), rule(QStringLiteral("fail"), 1),
                                     QStringLiteral("name"), QStringLiteral("0/name")));
    QCOMPARE(undo->count(), 1);
    const QByteArray named = saved();
    undo->push(new EditAlertsCommand(m_doc.get(), rule(QStringLiteral("fail"), 5),
                                     QStringLiteral("threshold"), QStringLiteral("0/threshold")));
    undo->push(new EditAlertsCommand(m_doc.get(), rule(QStringLiteral("fail"), 6),
                                     QStringLiteral("no key")));
    QCOMPARE(undo->count(), 3);
    QCOMPARE(alerts.count(), 4);
    QCOMPARE(m_doc->project().alerts, rule(QStringLiteral("fail"), 6));
    checkUndoRedo(saveProject([&] {
                      Project p = m_doc->project();
                      p.alerts = rule(QStringLiteral("fail"), 5);
                      return p;
                  }()),
                  saved());
    undo->undo();
    undo->undo();
    QCOMPARE(saved(), named);
    undo->undo();
    QCOMPARE(saved(), before);
}

void TestProjectDocument::stepEditOfAConnectedStep()
{
    const QByteArray before = saved();
    QSignalSpy changed(m_doc.get(), &ProjectDocument::schemeChanged);
    bool connected = false;
    QVERIFY(findStep(m_doc.get(), s(kScheme), s(kStep), &connected));
    QVERIFY(connected);
    QVERIFY(pushStepEdit(m_doc.get(), s(kScheme), s(kStep), QStringLiteral("title"),
                         [](Step &st) { st.title = QStringLiteral("审批通过"); }));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_doc->project().schemes.at(0).step(s(kStep))->title, QStringLiteral("审批通过"));
    checkUndoRedo(before, saved());
    QVERIFY(!pushStepEdit(m_doc.get(), s(kScheme), QStringLiteral("nowhere"), QStringLiteral("x"),
                          [](Step &st) { st.enabled = false; }));
}

void TestProjectDocument::stepEditOfADetachedStep()
{
    // A step on the canvas but not connected yet lives in the scheme's layout.
    Step loose;
    loose.id = QStringLiteral("loose");
    loose.type = StepType::Filter;
    loose.settings.insert(QStringLiteral("condition"), QStringLiteral("1 = 1"));
    const QJsonObject nodes{
        {loose.id,
         QJsonObject{{QStringLiteral("x"), 1}, {QStringLiteral("detached"), stepToJson(loose)}}}};
    m_doc->undoStack()->push(
        new EditLayoutCommand(m_doc.get(), {{s(kScheme), nodes}}, QStringLiteral("drop")));
    bool connected = true;
    const std::optional<Step> found = findStep(m_doc.get(), s(kScheme), loose.id, &connected);
    QVERIFY(found);
    QVERIFY(!connected);
    QCOMPARE(*found, loose);

    const QByteArray before = saved();
    QSignalSpy layout(m_doc.get(), &ProjectDocument::layoutChanged);
    QSignalSpy schemes(m_doc.get(), &ProjectDocument::schemeChanged);
    QVERIFY(pushStepEdit(m_doc.get(), s(kScheme), loose.id, QStringLiteral("title"),
                         [](Step &st) { st.title = QStringLiteral("loose one"); }));
    QCOMPARE(layout.count(), 1);
    QCOMPARE(schemes.count(), 0); // the scheme's steps are untouched
    QCOMPARE(findStep(m_doc.get(), s(kScheme), loose.id)->title, QStringLiteral("loose one"));
    QCOMPARE(m_doc->schemeLayout(s(kScheme)).value(loose.id).toObject().value(QStringLiteral("x")),
             QJsonValue(1));
    checkUndoRedo(before, saved());
}

void TestProjectDocument::diagnosticsFollowEdits()
{
    auto pointsAtNowhere = [this] {
        const Diagnostics &all = m_doc->diagnostics();
        return std::any_of(all.cbegin(), all.cend(), [](const Diagnostic &d) {
            return d.isError() && d.pointer == QStringLiteral("/schemes/0/source/connection") &&
                   d.message.contains(QStringLiteral("nowhere"));
        });
    };
    QVERIFY(test::waitUntil([&] { return !hasErrors(m_doc->diagnostics()); }));
    QSignalSpy diagnostics(m_doc.get(), &ProjectDocument::diagnosticsChanged);
    pushSchemeEdit(m_doc.get(), s(kScheme), QStringLiteral("source"),
                   [](Scheme &sc) { sc.source.connection = QStringLiteral("nowhere"); });
    QVERIFY(test::waitUntil(pointsAtNowhere));
    QVERIFY(diagnostics.count() >= 1);
    m_doc->undoStack()->undo();
    QVERIFY(test::waitUntil([&] { return !hasErrors(m_doc->diagnostics()); }));
    QVERIFY(!pointsAtNowhere());
}

QTEST_MAIN(TestProjectDocument)
#include "tst_projectdocument.moc"
