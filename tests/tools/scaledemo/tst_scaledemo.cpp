#include "core/model/projectio.h"
#include "core/model/projectvalidator.h"
#include "core/state/statestore.h"
#include "tools/scaledemo/scaledemo.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

/// The demo data of weft_scaledemo (the canvas at scale, bench_designer, the screenshots): a
/// project of any number of schemes, five nodes each, that is still a valid project, and a
/// state store filled with failed records in one statement.
class TestScaleDemo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void projectOfManySchemes();
    void missingExamplesAreRefused();
    void failuresSpreadOverTheSchemes();
};

namespace {
QString examples()
{
    return qEnvironmentVariable("WEFT_EXAMPLES_DIR");
}
} // namespace

void TestScaleDemo::projectOfManySchemes()
{
    QString error;
    const std::optional<Project> project = scaleDemoProject(examples(), 12, &error);
    QVERIFY2(project, qPrintable(error));
    QCOMPARE(project->schemes.size(), 12);
    // The first five keep the examples' names; the rest are numbered copies.
    const QStringList names = project->schemeNames();
    QCOMPARE(names.mid(0, 5),
             (QStringList{QStringLiteral("purchasein"), QStringLiteral("warehouses"),
                          QStringLiteral("jdy_customers"), QStringLiteral("rebates"),
                          QStringLiteral("materials")}));
    QCOMPARE(names.at(5), QStringLiteral("purchasein_005"));
    QCOMPARE(names.at(11), QStringLiteral("warehouses_011"));
    QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), 12);
    // Two steps a scheme (a filter and a validate step) between source and target.
    for (const Scheme &s : project->schemes)
        QVERIFY2(s.steps.size() == 2, qPrintable(s.name));
    // The first runs against weft-mock without a database: into the local store.
    QCOMPARE(project->schemes.first().target.connection, QStringLiteral("local"));
    // Every connection a scheme names is in the project, and the project validates.
    for (const Scheme &s : project->schemes) {
        QVERIFY2(project->connection(s.source.connection), qPrintable(s.source.connection));
        QVERIFY2(project->connection(s.target.connection), qPrintable(s.target.connection));
    }
    QVERIFY(!hasErrors(validateProject(*project)));
    // And it survives its own file form.
    const ProjectLoadResult reloaded = loadProject(saveProject(*project));
    QVERIFY(reloaded.project);
    QCOMPARE(*reloaded.project, *project);
}

void TestScaleDemo::missingExamplesAreRefused()
{
    QTemporaryDir empty;
    QString error;
    QVERIFY(!scaleDemoProject(empty.path(), 3, &error));
    QVERIFY(error.contains(QStringLiteral("cannot load the example")));
}

void TestScaleDemo::failuresSpreadOverTheSchemes()
{
    QTemporaryDir dir;
    const QString location = dir.filePath(QStringLiteral("demo.weft.state.sqlite"));
    const QStringList schemes{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QString error;
    QVERIFY2(addDemoFailures(location, schemes, 3000, &error), qPrintable(error));
    std::unique_ptr<StateStore> store = StateStore::open(location, &error);
    QVERIFY2(store, qPrintable(error));
    QCOMPARE(store->countFailed({}), 3000);
    for (const QString &scheme : schemes) {
        FailedFilter filter;
        filter.scheme = scheme;
        QCOMPARE(store->countFailed(filter), 1000);
    }
    FailedFilter one;
    one.text = QStringLiteral("rec-2999");
    const QList<FailedRecord> found = store->failedRecords(one);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().scheme, QStringLiteral("c")); // 2999 % 3
}

QTEST_GUILESS_MAIN(TestScaleDemo)
#include "tst_scaledemo.moc"
