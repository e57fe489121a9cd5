#include "core/model/projectio.h"
#include "widgets/common/language.h"
#include "widgets/common/projectdocument.h"
#include "widgets/mainwindow/environmentseditor.h"
#include "widgets/mainwindow/environmentswitcher.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/run/samplecache.h"
#include "widgets/widgettestutil.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace weft;

/// Environments in the designer as a person uses them: added, renamed and filled in the
/// project's properties (each edit one undo step), switched in the toolbar, shown in the
/// title bar, and used by a preview.
class TestEnvironmentsEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void editsAreOneUndoStepEach();
    void badNamesAreRefused();
    void switcherAndTitleFollowTheActiveEnvironment();
    void previewUsesTheActiveEnvironment();

private:
    ProjectDocument *doc() const { return m_window->document(); }
    const Environment *env(const QString &name) const { return doc()->project().environment(name); }
    int rowOf(const QString &variable) const
    {
        QTableWidget *t = m_editor->variableTable();
        for (int row = 0; row < t->rowCount(); ++row) {
            if (t->item(row, 0)->text() == variable)
                return row;
        }
        return -1;
    }
    void setCell(const QString &variable, int column, const QString &text)
    {
        const int row = rowOf(variable);
        QVERIFY2(row >= 0, qPrintable(variable));
        m_editor->variableTable()->item(row, column)->setText(text);
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    EnvironmentsEditor *m_editor = nullptr;
    QComboBox *m_combo = nullptr;
};

void TestEnvironmentsEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
    // The secrets of the example come from the environments here, never from the process.
    qunsetenv("DINGTALK_APP_SECRET");
    qunsetenv("WEFT_T_SECRET");
    qunsetenv("WEFT_MOCK_URL");
    m_path = m_dir.filePath(QStringLiteral("rebates.weft.json"));
    QVERIFY(QFile::copy(
        test::sourcePath(QStringLiteral("resources/examples/dingtalk-rebates-to-k3.weft.json")),
        m_path));
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    Language::apply(QStringLiteral("en"), false);
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(m_window->openProject(m_path, true));
    m_editor = m_window->findChild<EnvironmentsEditor *>();
    m_combo = m_window->findChild<QComboBox *>(QStringLiteral("environmentCombo"));
    QVERIFY(m_editor);
    QVERIFY(m_combo);
}

void TestEnvironmentsEditor::editsAreOneUndoStepEach()
{
    QUndoStack *undo = doc()->undoStack();
    QVERIFY(doc()->project().environments.isEmpty());
    QVERIFY(!m_combo->isEnabled());
    QVERIFY(!m_editor->variableTable()->isEnabled());

    // Add: the first environment becomes the active one.
    int steps = undo->count();
    m_editor->addEnvironment();
    QCOMPARE(undo->count(), steps + 1);
    QCOMPARE(doc()->project().environments.size(), 1);
    const QString added = doc()->project().environments.first().name;
    QCOMPARE(doc()->project().activeEnvironment, added);

    // Rename in the list: the active one follows.
    m_editor->environmentList()->item(0)->setText(QStringLiteral("测试"));
    QCOMPARE(undo->count(), steps + 2);
    QVERIFY(env(QStringLiteral("测试")));
    QCOMPARE(doc()->project().activeEnvironment, QStringLiteral("测试"));

    // A variable: added, named, given as an environment variable, its value typed.
    m_editor->addVariable();
    QCOMPARE(undo->count(), steps + 3);
    setCell(QStringLiteral("NEW_VARIABLE"), 0, QStringLiteral("DINGTALK_APP_SECRET"));
    QCOMPARE(undo->count(), steps + 4);
    m_editor->setVariableKind(rowOf(QStringLiteral("DINGTALK_APP_SECRET")),
                              EnvironmentsEditor::Kind::EnvVariable);
    QCOMPARE(undo->count(), steps + 5);
    setCell(QStringLiteral("DINGTALK_APP_SECRET"), 2, QStringLiteral("WEFT_T_SECRET"));
    QCOMPARE(undo->count(), steps + 6);
    QCOMPARE(env(QStringLiteral("测试"))->variables,
             (QJsonObject{{"DINGTALK_APP_SECRET", QJsonObject{{"env", "WEFT_T_SECRET"}}}}));

    // A second environment with a plain secret and its own URL; the first stays active.
    m_editor->addEnvironment();
    m_editor->environmentList()->item(1)->setText(QStringLiteral("生产"));
    QCOMPARE(m_editor->currentEnvironment(), QStringLiteral("生产"));
    m_editor->addVariable();
    setCell(QStringLiteral("NEW_VARIABLE"), 0, QStringLiteral("DINGTALK_APP_SECRET"));
    m_editor->setVariableKind(rowOf(QStringLiteral("DINGTALK_APP_SECRET")),
                              EnvironmentsEditor::Kind::Plain);
    setCell(QStringLiteral("DINGTALK_APP_SECRET"), 2, QStringLiteral("dd-secret"));
    m_editor->addVariable();
    setCell(QStringLiteral("NEW_VARIABLE"), 0, QStringLiteral("WEFT_MOCK_URL"));
    setCell(QStringLiteral("WEFT_MOCK_URL"), 2, QStringLiteral("http://127.0.0.1:9"));
    QCOMPARE(doc()->project().activeEnvironment, QStringLiteral("测试"));
    QCOMPARE(env(QStringLiteral("生产"))->variables.value("WEFT_MOCK_URL").toString(),
             QStringLiteral("http://127.0.0.1:9"));

    // Undo takes back exactly the last edit; redo brings it again.
    undo->undo();
    QCOMPARE(env(QStringLiteral("生产"))->variables.value("WEFT_MOCK_URL").toString(), QString());
    QVERIFY(env(QStringLiteral("生产"))->variables.contains("WEFT_MOCK_URL")); // named still
    QCOMPARE(m_editor->variableTable()->item(rowOf("WEFT_MOCK_URL"), 2)->text(), QString());
    undo->redo();
    QCOMPARE(m_editor->variableTable()->item(rowOf("WEFT_MOCK_URL"), 2)->text(),
             QStringLiteral("http://127.0.0.1:9"));

    // Remove a variable, then an environment: each one step, each undone whole.
    m_editor->variableTable()->setCurrentCell(rowOf(QStringLiteral("WEFT_MOCK_URL")), 0);
    steps = undo->count();
    m_editor->removeVariable();
    QCOMPARE(undo->count(), steps + 1);
    QVERIFY(!env(QStringLiteral("生产"))->variables.contains("WEFT_MOCK_URL"));
    undo->undo();
    QVERIFY(env(QStringLiteral("生产"))->variables.contains("WEFT_MOCK_URL"));
    m_editor->removeEnvironment();
    QVERIFY(!env(QStringLiteral("生产")));
    undo->undo();
    QCOMPARE(doc()->project().environmentNames(), (QStringList{"测试", "生产"}));

    // What is saved is what the editor shows.
    const QByteArray saved = saveProject(doc()->project());
    QVERIFY(saved.contains("\"activeEnvironment\": \"测试\""));
    QVERIFY(saved.contains("\"WEFT_T_SECRET\""));
}

void TestEnvironmentsEditor::badNamesAreRefused()
{
    m_editor->environmentList()->setCurrentRow(0);
    const Project before = doc()->project();
    const int steps = doc()->undoStack()->count();
    // A variable name that ${…} could not name, a name twice, an environment's name twice.
    setCell(QStringLiteral("DINGTALK_APP_SECRET"), 0, QStringLiteral("1 BAD"));
    m_editor->environmentList()->item(0)->setText(QStringLiteral("生产"));
    QCOMPARE(doc()->undoStack()->count(), steps);
    QCOMPARE(doc()->project(), before);
    QCOMPARE(m_editor->environmentList()->item(0)->text(), QStringLiteral("测试"));
    QVERIFY(rowOf(QStringLiteral("DINGTALK_APP_SECRET")) >= 0);
}

void TestEnvironmentsEditor::switcherAndTitleFollowTheActiveEnvironment()
{
    QVERIFY(m_combo->isEnabled());
    QCOMPARE(m_combo->count(), 2);
    QCOMPARE(m_combo->currentText(), QStringLiteral("测试"));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("测试")));

    // index(), not count(): the last test ended on an undo, which a new step replaces.
    const int steps = doc()->undoStack()->index();
    m_combo->setCurrentIndex(1);
    Q_EMIT m_combo->activated(1);
    QCOMPARE(doc()->undoStack()->index(), steps + 1);
    QCOMPARE(doc()->project().activeEnvironment, QStringLiteral("生产"));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("生产")));
    QVERIFY(!m_window->windowTitle().contains(QStringLiteral("测试")));
    // The properties mark it too.
    QVERIFY(m_editor->environmentList()->item(1)->font().bold());
    QVERIFY(!m_editor->environmentList()->item(0)->font().bold());

    doc()->undoStack()->undo();
    QCOMPARE(m_combo->currentText(), QStringLiteral("测试"));
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("测试")));
}

void TestEnvironmentsEditor::previewUsesTheActiveEnvironment()
{
    SampleCache *samples = m_window->samples();
    const QString scheme = QStringLiteral("rebates");
    const auto fetchError = [&]() -> QString {
        samples->fetch(scheme, 5);
        if (!test::waitUntil([&] { return !samples->isFetching(scheme); }, 30000))
            return QStringLiteral("(still fetching)");
        const PreviewResult *r = samples->result(scheme);
        return r ? r->error : QStringLiteral("(no result)");
    };
    // 测试: the app secret is the process's WEFT_T_SECRET, which is not set.
    QCOMPARE(doc()->project().activeEnvironment, QStringLiteral("测试"));
    const QString test = fetchError();
    QVERIFY2(test.contains(QStringLiteral("DINGTALK_APP_SECRET")), qPrintable(test));

    // 生产: the secret is there, the URL points at a closed port: the fetch gets as far as
    // the network.
    Q_EMIT m_combo->activated(1);
    QCOMPARE(doc()->project().activeEnvironment, QStringLiteral("生产"));
    const QString prod = fetchError();
    QVERIFY2(!prod.isEmpty(), "the closed port must fail the fetch");
    QVERIFY2(!prod.contains(QStringLiteral("DINGTALK_APP_SECRET")), qPrintable(prod));
}

QTEST_MAIN(TestEnvironmentsEditor)
#include "tst_environmentseditor.moc"
