// The MySQL target against a real MariaDB: values reach the table verbatim whatever they hold,
// bad rows fail alone with the server's message, identifiers are checked against the table,
// and a batch is written once however often it is sent (the write ledger).
#include "core/connectors/mysqltarget.h"
#include "core/connectors/mysqlsql.h"
#include "support/mariadb.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QUuid>
#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

using namespace weft;

namespace {

ResolvedConnection connectionTo(const QString &database)
{
    const test::MariaDbParams p = test::mariaDbParams();
    ResolvedConnection c;
    c.config.name = QStringLiteral("db");
    c.config.type = ConnectorType::MySql;
    c.account = {{"host", p.host},
                 {"port", QString::number(p.port)},
                 {"user", p.user},
                 {"password", p.password},
                 {"database", database}};
    return c;
}

ConnectorContext context(const QString &database, const QString &mainSql, const QString &ddl)
{
    ConnectorContext c;
    c.scheme = QStringLiteral("t");
    c.connection = connectionTo(database);
    QJsonObject meta{{"main_sql", mainSql}, {"limit", "50"}};
    if (!ddl.isEmpty())
        meta.insert("ddl", ddl);
    c.adapter.metadata = AdapterMetadata(meta);
    c.retry.attempts = 2;
    c.retry.initialDelayMs = 50;
    return c;
}

template <typename T>
T waitFor(std::function<void(std::function<void(T)>)> call)
{
    std::optional<T> result;
    call([&](T r) { result = std::move(r); });
    QElapsedTimer clock;
    clock.start();
    while (!result && clock.elapsed() < 30000)
        QTest::qWait(10);
    if (!result)
        qFatal("no answer within 30 s");
    return *result;
}

TargetRecord row(const QString &id, const QString &text, const QJsonValue &amount = 1.5)
{
    return TargetRecord{id, id, id, QJsonObject{{"id", id}, {"text", text}, {"amount", amount}}, {}, {}};
}

} // namespace

class TestMySqlTarget : public QObject
{
    Q_OBJECT
private:
    QString m_db;

    int count(const QString &sql)
    {
        int n = -1;
        {
            QSqlDatabase db = test::openMariaDb("count", m_db);
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                n = q.value(0).toInt();
        }
        QSqlDatabase::removeDatabase("count");
        QSqlDatabase::removeDatabase("count_admin");
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        WEFT_REQUIRE_MARIADB();
        m_db = test::freshDatabase("weft_mysqltarget");
    }

    void literalsEscapeEverything()
    {
        QByteArray out;
        appendSqlLiteral(out, QJsonValue(QStringLiteral("a'b\"c\\d\ne\rf")));
        QCOMPARE(out, QByteArray("'a\\'b\\\"c\\\\d\\ne\\rf'"));
        out.clear();
        appendSqlLiteral(out, QJsonValue(QString::fromUtf8("x\0y\x1a", 4)));
        QCOMPARE(out, QByteArray("'x\\0y\\Z'"));
        out.clear();
        appendSqlLiteral(out, QJsonValue(QJsonValue::Null));
        appendSqlLiteral(out, QJsonValue(true));
        appendSqlLiteral(out, QJsonValue(12.25));
        appendSqlLiteral(out, QJsonValue(1e6));
        QCOMPARE(out, QByteArray("NULL112.251000000"));
    }

    void numbersAreWrittenAsQtWritesThem()
    {
        // The writer formats numbers itself (std::to_chars); the SQL must stay what Qt's
        // shortest form gave: whole numbers as integers — exactly, also beyond 2^53 (1e16 as
        // 10000000000000000, the double's own value) — the rest in Qt's 'g' digits and
        // notation.
        const auto reference = [](double d) -> QByteArray {
            if (!std::isfinite(d))
                return "NULL";
            if (d == std::floor(d) && std::fabs(d) < 9223372036854775808.0)
                return QByteArray::number(qint64(d));
            return QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        };
        QList<double> samples{0.0, -0.0, 1.0, -1.0, 12.25, 0.1, 0.001, 0.0001, 1e-7, 5e-324,
                              123.4567, 999999999999999.9, 1e15 + 0.5, 1e16, 1e21, 1e22,
                              9007199254740992.0, -9007199254740993.0, 1.7976931348623157e308,
                              std::numeric_limits<double>::infinity(), std::nan("")};
        std::mt19937_64 random(7);
        std::uniform_real_distribution<double> unit(-1, 1);
        std::uniform_int_distribution<int> exponent(-12, 20);
        for (int i = 0; i < 200000; ++i) {
            samples.append(unit(random) * std::pow(10.0, exponent(random)));
            samples.append(std::round(unit(random) * 1e8) / 10000.0); // DECIMAL(18,4)-like
        }
        for (const double d : samples) {
            QByteArray out;
            appendSqlLiteral(out, QJsonValue(d));
            if (out != reference(d))
                QFAIL(qPrintable(QStringLiteral("%1: wrote %2, Qt writes %3")
                                     .arg(d, 0, 'g', 17)
                                     .arg(QString::fromLatin1(out), QString::fromLatin1(reference(d)))));
        }
    }

    void stringsBecomeEscapedUtf8()
    {
        // The one-pass writer against the obvious way: UTF-8 first, then escape byte by byte.
        const auto reference = [](const QString &s) -> QByteArray {
            QByteArray out = "'";
            for (const char c : s.toUtf8()) {
                switch (c) {
                case '\0': out += "\\0"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\\': out += "\\\\"; break;
                case '\'': out += "\\'"; break;
                case '"': out += "\\\""; break;
                case '\x1a': out += "\\Z"; break;
                default: out += c;
                }
            }
            return out + "'";
        };
        const QList<QString> samples{
            QString(),
            QStringLiteral("plain ASCII"),
            QStringLiteral("上海某某贸易有限公司"),
            QStringLiteral("café naïve"),
            QStringLiteral("emoji 😀 and 𠀀 (4-byte)"),
            QString::fromUtf8("x\0y\x1a\n\r'\"\\z", 11),
            QString(QChar(0xd800)) + QStringLiteral("lone high"),
            QStringLiteral("lone low") + QChar(0xdc00),
            QStringLiteral("high at the end") + QChar(0xdbff),
            QString(1000, QChar(u'長')),
            QString(300, QChar(u'\'')),               // every unit escaped: 2 bytes each
            QString(3, QChar(0xd83d)) + QChar(0xde00), // lone highs, then a pair
        };
        for (const QString &s : samples) {
            QByteArray out = "prefix ";
            appendSqlString(out, s);
            QCOMPARE(out, "prefix " + reference(s));
            // The row writer sizes its buffer by the bound before writing into it.
            QVERIFY(reference(s).size() <= sqlStringBound(s));
            QByteArray raw(sqlStringBound(s), Qt::Uninitialized);
            raw.truncate(writeSqlString(raw.data(), s) - raw.constData());
            QCOMPARE(raw, reference(s));
        }
        for (const QJsonValue &v : {QJsonValue(QJsonValue::Null), QJsonValue(false),
                                    QJsonValue(-1.7976931348623157e308), QJsonValue(-5e-324),
                                    QJsonValue(-9007199254740991.0), QJsonValue(-0.0012345678901234567)}) {
            QByteArray raw(kSqlScalarBound, Qt::Uninitialized);
            const qsizetype written = writeSqlScalar(raw.data(), v) - raw.constData();
            QVERIFY(written <= kSqlScalarBound);
            QByteArray viaAppend;
            appendSqlLiteral(viaAppend, v);
            QCOMPARE(raw.left(written), viaAppend);
        }
    }

    void valuesArriveVerbatim()
    {
        MySqlTarget target(context(m_db, "REPLACE INTO verbatim(id, text, amount) VALUES",
                                   "CREATE TABLE IF NOT EXISTS verbatim (id VARCHAR(40) PRIMARY "
                                   "KEY, text TEXT, amount DECIMAL(10,2)) CHARSET=utf8mb4"),
                           MySqlStatement::parse("REPLACE INTO verbatim(id, text, amount) VALUES"));
        const auto prepared = waitFor<std::optional<ConnectorError>>(
            [&](auto done) { target.prepare(done); });
        QVERIFY2(!prepared, qPrintable(prepared ? prepared->toString() : QString()));
        const QStringList nasty = {
            "'); DROP TABLE verbatim; --", "\\", "\\'", QString::fromUtf8("nul\0inside", 10),
            QString::fromUtf8("😀 emoji and 𠀀 (4-byte UTF-8)"), "line\nbreak\r\n", "\"quoted\"",
            QString::fromUtf8("中文，全角符号"), "%_ like wildcards", ""};
        QList<TargetRecord> batch;
        for (int i = 0; i < nasty.size(); ++i)
            batch << row(QStringLiteral("v%1").arg(i), nasty.at(i));
        const BatchResult result = waitFor<BatchResult>([&](auto done) { target.writeBatch(QUuid::createUuid().toString(), batch, done); });
        QVERIFY(std::holds_alternative<QList<WriteOutcome>>(result));
        for (const WriteOutcome &o : std::get<QList<WriteOutcome>>(result))
            QVERIFY2(o.ok, qPrintable(o.error.toString()));
        {
            QSqlDatabase db = test::openMariaDb("read", m_db);
            QSqlQuery q(db);
            QVERIFY(q.exec("SELECT id, text FROM verbatim ORDER BY CAST(SUBSTRING(id, 2) AS UNSIGNED)"));
            int i = 0;
            while (q.next())
                QCOMPARE(q.value(1).toString(), nasty.at(i++));
            QCOMPARE(i, nasty.size());
        }
        QSqlDatabase::removeDatabase("read");
        QSqlDatabase::removeDatabase("read_admin");
    }

    void badRowsFailAloneWithTheServersMessage()
    {
        const QString ddl = "CREATE TABLE IF NOT EXISTS strict_rows (id VARCHAR(40) PRIMARY KEY, "
                            "text VARCHAR(10) NOT NULL, amount DECIMAL(5,2)) CHARSET=utf8mb4";
        MySqlTarget target(context(m_db, "INSERT INTO strict_rows(id, text, amount) VALUES", ddl),
                           MySqlStatement::parse("INSERT INTO strict_rows(id, text, amount) VALUES"));
        QVERIFY(!waitFor<std::optional<ConnectorError>>([&](auto done) { target.prepare(done); }));
        QList<TargetRecord> batch;
        for (int i = 0; i < 40; ++i)
            batch << row(QStringLiteral("r%1").arg(i), "ok");
        batch[7] = row("r7", "much too long for ten");        // 1406, "at row 8"
        batch[21] = row("r21", "ok", 123456.0);                // 1264 out of range
        batch[30] = TargetRecord{"r30", "", "", QJsonObject{{"id", "r30"}, {"text", QJsonValue()}}, {}, {}};
        batch[35] = row("r0", "dup");                          // 1062 duplicate key, no row named
        const BatchResult result = waitFor<BatchResult>([&](auto done) { target.writeBatch(QUuid::createUuid().toString(), batch, done); });
        const auto &outcomes = std::get<QList<WriteOutcome>>(result);
        QList<int> failed;
        for (int i = 0; i < outcomes.size(); ++i) {
            if (!outcomes.at(i).ok)
                failed << i;
        }
        QCOMPARE(failed, (QList<int>{7, 21, 30, 35}));
        QCOMPARE(outcomes.at(7).error.code, QStringLiteral("1406"));
        QCOMPARE(outcomes.at(7).error.message,
                 QStringLiteral("Data too long for column 'text' at row 1"));
        QCOMPARE(outcomes.at(21).error.code, QStringLiteral("1264"));
        QCOMPARE(outcomes.at(30).error.code, QStringLiteral("1048"));
        QVERIFY(outcomes.at(35).error.message.contains("Duplicate entry 'r0'"));
        int count = 0;
        {
            QSqlDatabase db = test::openMariaDb("count", m_db);
            QSqlQuery q(db);
            q.exec("SELECT COUNT(*) FROM strict_rows");
            q.next();
            count = q.value(0).toInt();
        }
        QSqlDatabase::removeDatabase("count");
        QSqlDatabase::removeDatabase("count_admin");
        QCOMPARE(count, 36);
    }

    void rowsAreCommittedWhateverTheServersAutocommitDefault()
    {
        // Each statement is its own transaction (no BEGIN/COMMIT around it): that needs
        // autocommit, which a server may have switched off for new sessions. Then rows would
        // sit in a transaction nobody commits, and vanish with the connection.
        {
        QSqlDatabase admin = test::openMariaDb("autocommit", m_db);
        QSqlQuery global(admin);
        QVERIFY(global.exec("SET GLOBAL autocommit = 0"));
        const auto restore = qScopeGuard([&] { QSqlQuery(admin).exec("SET GLOBAL autocommit = 1"); });
        MySqlTarget target(context(m_db, "INSERT INTO committed(id, text, amount) VALUES",
                                   "CREATE TABLE IF NOT EXISTS committed (id VARCHAR(40) PRIMARY "
                                   "KEY, text TEXT, amount DECIMAL(10,2)) ENGINE=InnoDB"),
                           MySqlStatement::parse("INSERT INTO committed(id, text, amount) VALUES"));
        QVERIFY(!waitFor<std::optional<ConnectorError>>([&](auto done) { target.prepare(done); }));
        const QList<TargetRecord> batch = {row("c1", "one"), row("c2", "two"), row("c3", "three")};
        const BatchResult result = waitFor<BatchResult>([&](auto done) { target.writeBatch(QUuid::createUuid().toString(), batch, done); });
        QVERIFY(std::holds_alternative<QList<WriteOutcome>>(result));
        for (const WriteOutcome &o : std::get<QList<WriteOutcome>>(result))
            QVERIFY2(o.ok, qPrintable(o.error.toString()));
        // Seen from another session (opened before the default changed, so autocommitting)
        // while the target's connection is still open: committed.
        QSqlQuery count(admin);
        QVERIFY(count.exec("SELECT COUNT(*) FROM committed"));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), 3);
        }
        QSqlDatabase::removeDatabase("autocommit");
        QSqlDatabase::removeDatabase("autocommit_admin");
    }

    void columnsAreCheckedBeforeTheFirstWrite()
    {
        MySqlTarget missingColumn(context(m_db, "REPLACE INTO verbatim(id, txet) VALUES", QString()),
                                  MySqlStatement::parse("REPLACE INTO verbatim(id, txet) VALUES"));
        auto e = waitFor<std::optional<ConnectorError>>([&](auto done) { missingColumn.prepare(done); });
        QVERIFY(e);
        QCOMPARE(e->kind, ConnectorError::Kind::Config);
        QVERIFY2(e->message.contains("has no column txet (did you mean text?)"), qPrintable(e->message));

        MySqlTarget missingTable(context(m_db, "REPLACE INTO nowhere(id) VALUES", QString()),
                                 MySqlStatement::parse("REPLACE INTO nowhere(id) VALUES"));
        e = waitFor<std::optional<ConnectorError>>([&](auto done) { missingTable.prepare(done); });
        QVERIFY(e);
        QVERIFY(e->message.contains("does not exist"));
    }

    void aBatchSentTwiceIsWrittenOnce()
    {
        // A plain INSERT into a table without any key: the shape where writing a batch again
        // after a lost answer doubles every row. The second write of the same batch (a new
        // target, as a new run or the writer's own retry would send it) finds the batch's
        // ledger row and writes nothing; both report every record written.
        const QString sql = "INSERT INTO keyless(id, text, amount) VALUES";
        const QString ddl = "CREATE TABLE IF NOT EXISTS keyless (id VARCHAR(40), text TEXT, "
                            "amount DECIMAL(10,2)) ENGINE=InnoDB";
        const QList<TargetRecord> batch = {row("k1", "one"), row("k2", "two"), row("k3", "three")};
        const QString batchId = QStringLiteral("run-1/1");
        for (int attempt = 0; attempt < 2; ++attempt) {
            MySqlTarget target(context(m_db, sql, ddl), MySqlStatement::parse(sql));
            QVERIFY(!waitFor<std::optional<ConnectorError>>([&](auto done) { target.prepare(done); }));
            const BatchResult result =
                waitFor<BatchResult>([&](auto done) { target.writeBatch(batchId, batch, done); });
            QVERIFY(std::holds_alternative<QList<WriteOutcome>>(result));
            for (const WriteOutcome &o : std::get<QList<WriteOutcome>>(result))
                QVERIFY2(o.ok, qPrintable(o.error.toString()));
        }
        QCOMPARE(count("SELECT COUNT(*) FROM keyless"), 3);
        QCOMPARE(count("SELECT COUNT(*) FROM weft_write_ledger WHERE batch_id = 'run-1/1'"), 1);
    }

    void theLedgerTellsWhichRowsOfABatchWereCommitted()
    {
        const QString sql = "INSERT INTO ledgered(id, text, amount) VALUES";
        const QString ddl = "CREATE TABLE IF NOT EXISTS ledgered (id VARCHAR(40) PRIMARY KEY, "
                            "text VARCHAR(10), amount DECIMAL(10,2)) ENGINE=InnoDB";
        MySqlTarget target(context(m_db, sql, ddl), MySqlStatement::parse(sql));
        QVERIFY(!waitFor<std::optional<ConnectorError>>([&](auto done) { target.prepare(done); }));
        QList<TargetRecord> batch;
        for (int i = 0; i < 10; ++i)
            batch << row(QStringLiteral("l%1").arg(i), "ok");
        batch[4] = row("l4", "far too long for it"); // fails alone: the rest in other commits
        const BatchResult written =
            waitFor<BatchResult>([&](auto done) { target.writeBatch("run-2/1", batch, done); });
        QVERIFY(std::holds_alternative<QList<WriteOutcome>>(written));
        InFlightBatch asked;
        asked.batchId = "run-2/1";
        for (const TargetRecord &r : batch)
            asked.records.append({r.recordId, {}, {}, {}, {r.recordId}});
        const InFlightResult held =
            waitFor<InFlightResult>([&](auto done) { target.resolveInFlight(asked, done); });
        QVERIFY(std::holds_alternative<QList<std::optional<QString>>>(held));
        const auto &rows = std::get<QList<std::optional<QString>>>(held);
        QCOMPARE(rows.size(), 10);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(rows.at(i).has_value(), i != 4);
        // A batch the target never saw: nothing of it is held.
        asked.batchId = "run-2/2";
        const InFlightResult none =
            waitFor<InFlightResult>([&](auto done) { target.resolveInFlight(asked, done); });
        for (const auto &r : std::get<QList<std::optional<QString>>>(none))
            QVERIFY(!r.has_value());
        // Once forgotten (outcome recorded by the runner), the ledger rows go with the next
        // commit; forgetAllBatches clears the scheme's rows at once.
        target.forgetAllBatches();
        const BatchResult next = waitFor<BatchResult>(
            [&](auto done) { target.writeBatch("run-2/3", {row("l99", "ok")}, done); });
        QVERIFY(std::holds_alternative<QList<WriteOutcome>>(next));
        QCOMPARE(count("SELECT COUNT(*) FROM weft_write_ledger WHERE batch_id LIKE 'run-2/%' "
                       "AND part >= 0"),
                 1);
    }

    void aBatchFencedOffByANewerRunIsNotWritten()
    {
        // Process A journalled batch run-5/1, then stalled (paused past its lease). Process B
        // took the scheme over and asked the ledger about the batch: not committed — and B's
        // question leaves a tombstone. When A wakes up and sends the batch, it is refused;
        // otherwise B, which reads and writes those records again, and A would both write them.
        const QString sql = "INSERT INTO fenced_rows(id, text, amount) VALUES";
        const QString ddl = "CREATE TABLE IF NOT EXISTS fenced_rows (id VARCHAR(40), text TEXT, "
                            "amount DECIMAL(10,2)) ENGINE=InnoDB";
        MySqlTarget stalled(context(m_db, sql, ddl), MySqlStatement::parse(sql));
        MySqlTarget newer(context(m_db, sql, ddl), MySqlStatement::parse(sql));
        for (MySqlTarget *t : {&stalled, &newer})
            QVERIFY(!waitFor<std::optional<ConnectorError>>([&](auto done) { t->prepare(done); }));
        const QList<TargetRecord> batch = {row("f1", "one"), row("f2", "two")};
        InFlightBatch asked;
        asked.batchId = "run-5/1";
        for (const TargetRecord &r : batch)
            asked.records.append({r.recordId, {}, {}, {}, {r.recordId}});
        const InFlightResult held =
            waitFor<InFlightResult>([&](auto done) { newer.resolveInFlight(asked, done); });
        for (const auto &r : std::get<QList<std::optional<QString>>>(held))
            QVERIFY(!r.has_value());
        const BatchResult late =
            waitFor<BatchResult>([&](auto done) { stalled.writeBatch("run-5/1", batch, done); });
        QVERIFY(std::holds_alternative<ConnectorError>(late));
        QVERIFY2(std::get<ConnectorError>(late).message.contains("taken over"),
                 qPrintable(std::get<ConnectorError>(late).message));
        QCOMPARE(count("SELECT COUNT(*) FROM fenced_rows"), 0);
        // Clearing the ledger after a recovery keeps the tombstone (for a day).
        newer.forgetAllBatches();
        QVERIFY(std::holds_alternative<ConnectorError>(waitFor<BatchResult>(
            [&](auto done) { stalled.writeBatch("run-5/1", batch, done); })));
        QCOMPARE(count("SELECT COUNT(*) FROM fenced_rows"), 0);
    }

    void insertIgnoreFailsTheRowsItWouldClip()
    {
        // INSERT IGNORE turns strict mode's errors into warnings and stores clipped or zeroed
        // values; Weft reads the warnings before COMMIT: the clipped rows fail with the
        // warning's text and are not stored, a duplicate key (what IGNORE is for) passes.
        const QString sql = "INSERT IGNORE INTO ignoring(id, text, amount) VALUES";
        const QString ddl = "CREATE TABLE IF NOT EXISTS ignoring (id VARCHAR(40) PRIMARY KEY, "
                            "text VARCHAR(5) NOT NULL, amount DECIMAL(5,2)) ENGINE=InnoDB";
        MySqlTarget target(context(m_db, sql, ddl), MySqlStatement::parse(sql));
        QVERIFY(!waitFor<std::optional<ConnectorError>>([&](auto done) { target.prepare(done); }));
        QList<TargetRecord> batch;
        for (int i = 0; i < 8; ++i)
            batch << row(QStringLiteral("g%1").arg(i), "ok");
        batch[2] = row("g2", "ok", 99999.0);        // out of range: would be stored as 999.99
        batch[5] = row("g0", "dup");                // duplicate key: ignored by design
        QJsonObject noText{{"id", "g6"}, {"text", QJsonValue()}, {"amount", 1}};
        batch[6] = TargetRecord{"g6", "", "", noText, {}, {}}; // NOT NULL: would become ''
        const BatchResult result =
            waitFor<BatchResult>([&](auto done) { target.writeBatch("run-3/1", batch, done); });
        const auto &outcomes = std::get<QList<WriteOutcome>>(result);
        QList<int> failed;
        for (int i = 0; i < outcomes.size(); ++i) {
            if (!outcomes.at(i).ok)
                failed << i;
        }
        QCOMPARE(failed, (QList<int>{2, 6}));
        QCOMPARE(outcomes.at(2).error.code, QStringLiteral("1264"));
        QVERIFY2(outcomes.at(2).error.message.contains("Out of range"),
                 qPrintable(outcomes.at(2).error.message));
        QCOMPARE(outcomes.at(6).error.code, QStringLiteral("1048"));
        QCOMPARE(count("SELECT COUNT(*) FROM ignoring"), 5); // g0 g1 g3 g4 g7 (g5 is a second g0)
        QCOMPARE(count("SELECT COUNT(*) FROM ignoring WHERE id IN ('g2', 'g6')"), 0);
        QCOMPARE(count("SELECT COUNT(*) FROM ignoring WHERE id = 'g0' AND text = 'ok'"), 1);
    }

    void integersBeyondDoublesArriveExactly()
    {
        // 2^53 + 1 and a snowflake id: as doubles they would be written wrong.
        const QString sql = "REPLACE INTO bigints(id, text, amount) VALUES";
        const QString ddl = "CREATE TABLE IF NOT EXISTS bigints (id VARCHAR(40) PRIMARY KEY, "
                            "text VARCHAR(40), amount BIGINT, wide DECIMAL(38,0)) ENGINE=InnoDB";
        const QString wideSql = "REPLACE INTO bigints(id, wide) VALUES";
        MySqlTarget target(context(m_db, sql, ddl), MySqlStatement::parse(sql));
        QVERIFY(!waitFor<std::optional<ConnectorError>>([&](auto done) { target.prepare(done); }));
        const QList<qint64> values = {9007199254740993LL, 1234567890123456789LL,
                                      std::numeric_limits<qint64>::max(),
                                      std::numeric_limits<qint64>::min()};
        QList<TargetRecord> batch;
        for (qsizetype i = 0; i < values.size(); ++i)
            batch << row(QStringLiteral("b%1").arg(i), "big", QJsonValue(values.at(i)));
        QVERIFY(std::holds_alternative<QList<WriteOutcome>>(waitFor<BatchResult>(
            [&](auto done) { target.writeBatch("run-4/1", batch, done); })));
        MySqlTarget wide(context(m_db, wideSql, QString()), MySqlStatement::parse(wideSql));
        QVERIFY(!waitFor<std::optional<ConnectorError>>([&](auto done) { wide.prepare(done); }));
        QList<TargetRecord> wideBatch;
        for (qsizetype i = 0; i < values.size(); ++i)
            wideBatch << TargetRecord{QStringLiteral("w%1").arg(i), "", "",
                                      QJsonObject{{"id", QStringLiteral("w%1").arg(i)},
                                                  {"wide", QJsonValue(values.at(i))}},
                                      {}, {}};
        // Digits too many for 64 bits come as text (the mapping keeps them so) and a
        // DECIMAL(38,0) column takes them exactly.
        wideBatch << TargetRecord{"w9", "", "",
                                  QJsonObject{{"id", "w9"},
                                              {"wide", "12345678901234567890123456789012345678"}},
                                  {}, {}};
        QVERIFY(std::holds_alternative<QList<WriteOutcome>>(waitFor<BatchResult>(
            [&](auto done) { wide.writeBatch("run-4/2", wideBatch, done); })));
        QSqlDatabase db = test::openMariaDb("bigints", m_db);
        {
            QSqlQuery q(db);
            for (qsizetype i = 0; i < values.size(); ++i) {
                QVERIFY(q.exec(QStringLiteral("SELECT CAST(amount AS CHAR) FROM bigints WHERE id "
                                              "= 'b%1'").arg(i)) && q.next());
                QCOMPARE(q.value(0).toString(), QString::number(values.at(i)));
                QVERIFY(q.exec(QStringLiteral("SELECT CAST(wide AS CHAR) FROM bigints WHERE id "
                                              "= 'w%1'").arg(i)) && q.next());
                QCOMPARE(q.value(0).toString(), QString::number(values.at(i)));
            }
            QVERIFY(q.exec("SELECT CAST(wide AS CHAR) FROM bigints WHERE id = 'w9'") && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("12345678901234567890123456789012345678"));
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase("bigints");
        QSqlDatabase::removeDatabase("bigints_admin");
    }

    // ---- the bulk path (LOAD DATA LOCAL INFILE from memory) against the statements -----
private:
    /// One batch written into a fresh table, by LOAD DATA (the default) or by statements
    /// ("bulk": false), after `before` was written by statements: the table's rows as text
    /// and each row's outcome as "ok" or "<code> <message>".
    struct Written {
        QStringList rows;
        QStringList outcomes;
        int bulkCommits = 0;
        int statementCommits = 0;
    };
    Written writeWith(bool bulk, const QString &table, const QString &verbHead, const QString &tail,
                      const QList<TargetRecord> &before, const QList<TargetRecord> &batch)
    {
        const QString ddl =
            QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (id VARCHAR(40) PRIMARY KEY, text "
                           "VARCHAR(10) NOT NULL, amount DECIMAL(5,2), day DATE NULL, n INT "
                           "NULL) ENGINE=InnoDB CHARSET=utf8mb4")
                .arg(table);
        const QString sql = QStringLiteral("%1 %2(id, text, amount, day, n) VALUES %3")
                                .arg(verbHead, table, tail)
                                .trimmed();
        ConnectorContext c = context(m_db, sql, ddl);
        QJsonObject meta = c.adapter.metadata.json();
        meta.insert("bulk", bulk);
        c.adapter.metadata = AdapterMetadata(meta);
        Written w;
        MySqlTarget target(c, MySqlStatement::parse(sql));
        if (waitFor<std::optional<ConnectorError>>([&](auto done) { target.prepare(done); }))
            return w;
        if (!before.isEmpty()) {
            ConnectorContext plain = c;
            meta.insert("bulk", false);
            plain.adapter.metadata = AdapterMetadata(meta);
            MySqlTarget first(plain, MySqlStatement::parse(sql));
            waitFor<std::optional<ConnectorError>>([&](auto done) { first.prepare(done); });
            waitFor<BatchResult>(
                [&](auto done) { first.writeBatch(QUuid::createUuid().toString(), before, done); });
        }
        const BatchResult result = waitFor<BatchResult>(
            [&](auto done) { target.writeBatch(QUuid::createUuid().toString(), batch, done); });
        if (const auto *e = std::get_if<ConnectorError>(&result)) {
            w.outcomes << QStringLiteral("batch failed: ") + e->toString();
            return w;
        }
        // Messages name the table (`db`.`bulk_x`.`amount`): the two tables' names differ.
        for (const WriteOutcome &o : std::get<QList<WriteOutcome>>(result))
            w.outcomes
                << (o.ok ? QStringLiteral("ok")
                         : QString(o.error.code + u' ' + o.error.message).replace(table, "T"));
        w.bulkCommits = target.bulkCommits();
        w.statementCommits = target.statementCommits();
        {
            QSqlDatabase db = test::openMariaDb("rows", m_db);
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT CONCAT_WS('|', id, HEX(text), IFNULL(amount, '-'), "
                                      "IFNULL(day, '-'), IFNULL(n, '-')) FROM %1 ORDER BY id")
                           .arg(table))) {
                while (q.next())
                    w.rows << q.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase("rows");
        QSqlDatabase::removeDatabase("rows_admin");
        return w;
    }

    static TargetRecord full(const QString &id, const QJsonValue &text, const QJsonValue &amount,
                             const QJsonValue &day = QJsonValue(),
                             const QJsonValue &n = QJsonValue())
    {
        return TargetRecord{
            id, id,
            id, QJsonObject{{"id", id}, {"text", text}, {"amount", amount}, {"day", day}, {"n", n}},
            {}, {}};
    }

    static int globalStatus(const QString &name)
    {
        int value = -1;
        {
            QSqlDatabase db = test::openMariaDb("status");
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SHOW GLOBAL STATUS LIKE '%1'").arg(name)) && q.next())
                value = q.value(1).toInt();
        }
        QSqlDatabase::removeDatabase("status");
        QSqlDatabase::removeDatabase("status_admin");
        return value;
    }

private Q_SLOTS:
    void bulkLeavesTheTableStatementsLeave_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("tail");
        QTest::addColumn<QList<int>>("failed");
        // Rows 3-6 are refused on both paths (too long, out of range, NULL in NOT NULL, text
        // in a number column); row 8 repeats row 0's key, row 9 an existing one. INSERT
        // refuses both duplicates, the other verbs take them their way.
        QTest::newRow("REPLACE") << "REPLACE INTO"
                                 << "" << QList<int>{3, 4, 5, 6};
        QTest::newRow("INSERT") << "INSERT INTO"
                                << "" << QList<int>{3, 4, 5, 6, 8, 9};
        QTest::newRow("INSERT IGNORE") << "INSERT IGNORE INTO"
                                       << "" << QList<int>{3, 4, 5, 6};
        QTest::newRow("ON DUPLICATE KEY UPDATE")
            << "INSERT INTO"
            << "ON DUPLICATE KEY UPDATE text = VALUES(text), n = VALUES(n)"
            << QList<int>{3, 4, 5, 6};
    }

    void bulkLeavesTheTableStatementsLeave()
    {
        QFETCH(QString, verb);
        QFETCH(QString, tail);
        QFETCH(QList<int>, failed);
        const QList<TargetRecord> before = {full("old", "before", 1, "2020-01-01", 5)};
        QList<TargetRecord> batch = {
            full("a", "tab\there", 1.5, "2024-02-29", 1),
            full("b", "nl\nbs\\q'\"", -12.25, QJsonValue(), 2),
            full("c", QStringLiteral("ü€😀"), QJsonValue(), "2024-03-01", QJsonValue()),
            full("d", "much too long", 1),              // 1406, the writer's own check
            full("e", "big", 123456.0),                 // 1264 out of range
            full("f", QJsonValue(), 1),                 // 1048 NULL in NOT NULL
            full("g", "word", "abc"),                   // 1366 text in a number column
            full("h", "\\N", 0, QJsonValue(), 7),       // a backslash-N string, not NULL
            full("a", "again", 2.5, QJsonValue(), 10),  // duplicate within the batch
            full("old", "anew", 3.5, "2021-01-01", 20), // duplicate of an earlier row
        };
        for (int i = 0; i < 30; ++i) // enough clean rows that a bulk batch is worth it
            batch << full(QStringLiteral("z%1").arg(i, 2, 10, QChar(u'0')), "clean", i,
                          "2023-05-06", i);
        const QString name = QString(QTest::currentDataTag()).toLower().replace(u' ', u'_');
        const Written viaBulk = writeWith(true, "bulk_" + name, verb, tail, before, batch);
        const Written viaStatements = writeWith(false, "stmt_" + name, verb, tail, before, batch);
        QCOMPARE(viaBulk.outcomes.size(), batch.size());
        QCOMPARE(viaBulk.outcomes, viaStatements.outcomes);
        QCOMPARE(viaBulk.rows, viaStatements.rows);
        QList<int> refused;
        for (int i = 0; i < viaBulk.outcomes.size(); ++i) {
            if (viaBulk.outcomes.at(i) != QLatin1String("ok"))
                refused << i;
        }
        QCOMPARE(refused, failed);
        QCOMPARE(viaBulk.outcomes.at(3),
                 QStringLiteral("1406 Data too long for column 'text' at row 1"));
        QVERIFY2(viaBulk.outcomes.at(4).startsWith("1264 Out of range value for column 'amount'"),
                 qPrintable(viaBulk.outcomes.at(4)));
        QCOMPARE(viaBulk.outcomes.at(5), QStringLiteral("1048 Column 'text' cannot be null"));
        QVERIFY2(viaBulk.outcomes.at(6).startsWith("1366 Incorrect decimal value: 'abc'"),
                 qPrintable(viaBulk.outcomes.at(6)));
        // The clean rows went by LOAD DATA; "bulk": false never used it.
        QVERIFY(viaBulk.bulkCommits >= 1);
        QCOMPARE(viaStatements.bulkCommits, 0);
        QVERIFY(viaStatements.statementCommits >= 1);
    }

    void cleanBatchesGoWhollyByLoadData_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("tail");
        QTest::newRow("REPLACE") << "REPLACE INTO"
                                 << "";
        QTest::newRow("INSERT") << "INSERT INTO"
                                << "";
        QTest::newRow("INSERT IGNORE") << "INSERT IGNORE INTO"
                                       << "";
        QTest::newRow("ON DUPLICATE KEY UPDATE") << "INSERT INTO"
                                                 << "ON DUPLICATE KEY UPDATE n = VALUES(n)";
    }

    void cleanBatchesGoWhollyByLoadData()
    {
        QFETCH(QString, verb);
        QFETCH(QString, tail);
        QList<TargetRecord> batch;
        for (int i = 0; i < 45; ++i)
            batch << full(QStringLiteral("k%1").arg(i % 40), "x", i, QJsonValue(), i < 40 ? 1 : 2);
        const QString name = QString(QTest::currentDataTag()).toLower().replace(u' ', u'_');
        const int loads = globalStatus("Com_load");
        const Written w =
            writeWith(true, "clean_" + name, verb, tail, {},
                      verb == "INSERT INTO" && tail.isEmpty() ? batch.mid(0, 40) : batch);
        QVERIFY(globalStatus("Com_load") > loads); // measured by the server, not by Weft
        QCOMPARE(w.statementCommits, 0);
        QCOMPARE(w.bulkCommits, 1);
        QCOMPARE(w.rows.size(), 40);
        if (!tail.isEmpty()) { // k0..k4 came twice: n = 2, the later row's
            int updated = 0;
            for (const QString &r : w.rows)
                updated += r.endsWith(QLatin1String("|2")) ? 1 : 0;
            QCOMPARE(updated, 5);
        }
    }

    void aRefusedBulkBatchIsolatesTheBadRow()
    {
        // A date the server cannot read passes the writer's checks (it leaves dates to the
        // server): LOAD DATA LOCAL only warns about it, so the batch is rolled back and sent
        // as statements, where it fails alone with the server's message.
        QList<TargetRecord> batch;
        for (int i = 0; i < 40; ++i)
            batch << full(QStringLiteral("r%1").arg(i), "ok", i, "2024-01-02");
        batch[17] = full("r17", "ok", 17, "not a date");
        const int loads = globalStatus("Com_load");
        const Written w = writeWith(true, "refused_rows", "REPLACE INTO", "", {}, batch);
        QVERIFY(globalStatus("Com_load") > loads);
        QCOMPARE(w.bulkCommits, 0);
        QVERIFY(w.statementCommits >= 1);
        QCOMPARE(w.rows.size(), 39);
        for (int i = 0; i < batch.size(); ++i)
            QCOMPARE(w.outcomes.at(i) == QLatin1String("ok"), i != 17);
        QVERIFY2(w.outcomes.at(17).startsWith("1292 Incorrect date value: 'not a date' for column"),
                 qPrintable(w.outcomes.at(17)));
        QVERIFY(w.outcomes.at(17).endsWith("at row 1"));
        QVERIFY(w.rows.filter("r17|").isEmpty());
    }

    void tablesThatCannotRollBackAreRefused()
    {
        const QString sql = "INSERT INTO myisam_rows(id, text) VALUES";
        MySqlTarget target(context(m_db, sql,
                                   "CREATE TABLE IF NOT EXISTS myisam_rows (id VARCHAR(40), text "
                                   "TEXT) ENGINE=MyISAM"),
                           MySqlStatement::parse(sql));
        const auto e =
            waitFor<std::optional<ConnectorError>>([&](auto done) { target.prepare(done); });
        QVERIFY(e);
        QCOMPARE(e->kind, ConnectorError::Kind::Config);
        QVERIFY2(e->message.contains("MyISAM") && e->message.contains("ENGINE=InnoDB"),
                 qPrintable(e->message));
    }

    void wrongPasswordIsAnAuthenticationError()
    {
        ConnectorContext c = context(m_db, "REPLACE INTO verbatim(id) VALUES", QString());
        c.connection.account.insert("password", "wrong");
        MySqlTarget target(c, MySqlStatement::parse("REPLACE INTO verbatim(id) VALUES"));
        const auto e = waitFor<std::optional<ConnectorError>>([&](auto done) { target.prepare(done); });
        QVERIFY(e);
        QCOMPARE(e->kind, ConnectorError::Kind::Auth);
        QVERIFY(!e->message.contains("wrong")); // never the password in a message
    }
};

QTEST_GUILESS_MAIN(TestMySqlTarget)
#include "tst_mysqltarget.moc"
