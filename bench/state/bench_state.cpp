// The state store's share of a run, per record, on a SQLite store as weft-run uses it: the
// idCheck lookup of a page's ids (written()), recording a written batch (markWritten) and
// the content hash of a 31-field row (figures in bench/README.md).
//
//   build/bench/state/bench_state --benchmark_min_time=1

#include "core/state/statestore.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

using namespace weft;

namespace {

QString recordId(qint64 i)
{
    return QStringLiteral("%1-%2").arg(1000000 + i / 3).arg(1000000 + i);
}

struct Store {
    QTemporaryDir dir;
    std::unique_ptr<StateStore> store;
    Store()
    {
        QString error;
        store = StateStore::open(dir.filePath(QStringLiteral("state.sqlite")), &error);
        if (!store)
            qFatal("cannot open the state store: %s", qPrintable(error));
    }
};

QList<WrittenRecord> batch(qint64 first, qint64 n)
{
    QList<WrittenRecord> records;
    records.reserve(n);
    for (qint64 i = first; i < first + n; ++i)
        records.append({recordId(i), QByteArray(16, char(i)), QString(), QStringLiteral("run-1")});
    return records;
}

// markWritten of batches of 1000 rows into a growing store; items = rows.
void BM_MarkWritten(benchmark::State &state)
{
    Store s;
    qint64 next = 0;
    for (auto _ : state) {
        s.store->markWritten(QStringLiteral("purchasein"), batch(next, 1000));
        next += 1000;
    }
    state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_MarkWritten)->Unit(benchmark::kMicrosecond);

// written() of a page's 150 ids against a store of 300 000 rows, half of them present.
void BM_WrittenLookup(benchmark::State &state)
{
    Store s;
    for (qint64 i = 0; i < 300000; i += 1000)
        s.store->markWritten(QStringLiteral("purchasein"), batch(i * 2, 1000));
    qint64 page = 0;
    for (auto _ : state) {
        QStringList ids;
        for (qint64 i = 0; i < 150; ++i)
            ids << recordId((page * 150 + i) % 600000);
        benchmark::DoNotOptimize(s.store->written(QStringLiteral("purchasein"), ids));
        ++page;
    }
    state.SetItemsProcessed(state.iterations() * 150);
}
BENCHMARK(BM_WrittenLookup)->Unit(benchmark::kMicrosecond);

// The content hash of one 31-column row (idCheck), as the MySQL writer computes it.
void BM_ContentHashRow(benchmark::State &state)
{
    QStringList names;
    QList<QJsonValue> values;
    for (int c = 0; c < 31; ++c) {
        names << QStringLiteral("column_%1").arg(c);
        values << (c % 3 == 0 ? QJsonValue(1000.0 + c)
                              : QJsonValue(QStringLiteral("上海某某贸易有限公司 %1").arg(c)));
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(contentHash(names, values));
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ContentHashRow);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // QtSql wants an application object
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
