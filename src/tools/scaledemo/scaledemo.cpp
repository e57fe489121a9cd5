#include "tools/scaledemo/scaledemo.h"

#include "core/model/projectio.h"
#include "core/state/statestore.h"

#include <QDir>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

namespace weft {

namespace {

Step filterStep(const QString &field)
{
    Step s;
    s.id = QStringLiteral("filter1");
    s.type = StepType::Filter;
    s.title = QStringLiteral("有 %1 / has %1").arg(field);
    s.settings.insert(QStringLiteral("condition"),
                      QStringLiteral("_function '{%1}' <> ''").arg(field));
    return s;
}

Step validateStep(const QString &field, int maxLength)
{
    Step s;
    s.id = QStringLiteral("validate1");
    s.type = StepType::Validate;
    QJsonObject rule{{QStringLiteral("field"), field}};
    if (maxLength > 0)
        rule.insert(QStringLiteral("maxLength"), maxLength);
    else
        rule.insert(QStringLiteral("required"), true);
    s.settings.insert(QStringLiteral("rules"), QJsonArray{rule});
    return s;
}

// The purchase-in scheme with the local store as its target: the mapping stays, the MySQL
// statement goes. Its validate step refuses the mock's over-long item names (~0.35 %), so a
// run also stores failures, as a real one does.
void intoLocalStore(Scheme &s)
{
    QJsonObject target = s.target.metadata.json();
    for (const char *key : {"otherRequest", "ddl"})
        target.remove(QLatin1String(key));
    target.insert(QStringLiteral("api"), QStringLiteral("写入空操作"));
    s.target.connection = QStringLiteral("local");
    s.target.metadata = AdapterMetadata(target);
    s.steps = {filterStep(QStringLiteral("io_id")),
               validateStep(QStringLiteral("items_name"), 200)};
}

} // namespace

std::optional<Project> scaleDemoProject(const QString &examplesDir, int schemes, QString *error)
{
    Project project;
    project.name = QStringLiteral("%1 schemes").arg(schemes);
    QList<Scheme> bases;
    for (const char *file :
         {"jst-purchasein-to-mysql", "jst-warehouses-to-jdy", "jdy-customers-to-local",
          "dingtalk-rebates-to-k3", "k3-materials-to-mysql"}) {
        const QString path =
            QDir(examplesDir).filePath(QLatin1String(file) + QStringLiteral(".weft.json"));
        const ProjectLoadResult loaded = loadProjectFile(path);
        if (!loaded.project) {
            if (error)
                *error = QStringLiteral("cannot load the example %1").arg(path);
            return std::nullopt;
        }
        for (const Connection &c : loaded.project->connections) {
            if (!project.connection(c.name))
                project.connections << c;
        }
        bases << loaded.project->schemes.first();
    }
    intoLocalStore(bases.first());
    for (int i = 0; i < schemes; ++i) {
        Scheme s = bases.at(i % bases.size());
        if (i >= bases.size()) {
            s.name = QStringLiteral("%1_%2").arg(s.name).arg(i, 3, 10, QLatin1Char('0'));
            s.title = QStringLiteral("%1 #%2").arg(s.title).arg(i);
            s.schedule.after.clear();
        }
        const QString id = s.source.metadata.idField();
        if (s.steps.isEmpty())
            s.steps << filterStep(id);
        if (s.steps.size() < 2)
            s.steps << validateStep(id, 0);
        project.schemes << s;
    }
    return project;
}

bool addDemoFailures(const QString &location, const QStringList &schemes, int count, QString *error)
{
    std::unique_ptr<StateStore> store = StateStore::open(location, error);
    if (!store)
        return false;
    QSqlDatabase db = store->database();
    QSqlQuery q(db);
    db.transaction();
    bool ok = q.exec(QStringLiteral("CREATE TEMP TABLE demo_schemes (i INTEGER PRIMARY KEY, "
                                    "name TEXT NOT NULL)"));
    q.prepare(QStringLiteral("INSERT INTO demo_schemes VALUES (?, ?)"));
    for (qsizetype i = 0; ok && i < schemes.size(); ++i) {
        q.addBindValue(i);
        q.addBindValue(schemes.at(i));
        ok = q.exec();
    }
    // Four kinds of failure, as the examples' targets report them; ids and payloads numbered.
    ok = ok &&
         q.exec(QStringLiteral(
                    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
                    "INSERT INTO failed_records (scheme, run_id, stage, record_id, record_number, "
                    "record_name, error_code, message, source_payload, target_payload, attempts, "
                    "status, created_at, updated_at) SELECT (SELECT name FROM demo_schemes WHERE "
                    "demo_schemes.i = n.i % %2), 'run-' || (n.i / 100000), CASE n.i % 10 WHEN 0 "
                    "THEN 'transform' ELSE 'write' END, 'rec-' || n.i, 'NO' || n.i, '名称' || n.i, "
                    "CASE n.i % 4 WHEN 0 THEN '1406' WHEN 1 THEN '2012' WHEN 2 THEN 'validate' "
                    "ELSE '1062' END, CASE n.i % 4 WHEN 0 THEN 'Data too long for column "
                    "''items_name'' at row ' || (n.i % 1000) WHEN 1 THEN '字段“往来单位”的值"
                    "“CUST9999”在基础资料中不存在' WHEN 2 THEN 'items_name: longer than 200 "
                    "characters' ELSE 'Duplicate entry ''NO' || n.i || ''' for key ''number''' "
                    "END, '{\"io_id\":' || n.i || ',\"items_name\":\"商品' || n.i || '\"}', "
                    "'{\"id\":\"' || n.i || '\"}', 1 + n.i % 3, 'failed', 1700000000000, "
                    "1700000000000 + n.i FROM n")
                    .arg(count - 1)
                    .arg(schemes.size()));
    if (!ok) {
        if (error)
            *error = q.lastError().text();
        db.rollback();
        return false;
    }
    return db.commit();
}

} // namespace weft
