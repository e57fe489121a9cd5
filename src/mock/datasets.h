#pragma once

#include "dddataset.h"
#include "jdydataset.h"
#include "jstdataset.h"
#include "k3dataset.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace weft::mock {

struct MockConfig;
class MockClock;

/// All generated datasets, by the names the control API uses.
///
/// Names: jst-partners, jst-purchaseins, jdy-customers, k3-materials, k3-customers,
/// k3-orgs, dd-instances. Nothing is stored but the touched records: a record is computed
/// from (seed, index) whenever it is asked for.
class Datasets final
{
public:
    Datasets(const MockConfig &config, const MockClock &clock);

    static QStringList names();
    /// Number of records, or -1 for an unknown name.
    qint64 size(const QString &name) const;
    /// Records [offset, offset+limit) as the API returns them, by index (windows ignored).
    std::optional<QJsonArray> records(const QString &name, qint64 offset, qint64 limit) const;
    /// The deliberately invalid records of every dataset, and why they are invalid.
    QJsonObject invalid() const;
    /// Modifies `count` records now (picked deterministically); returns their ids.
    std::optional<QJsonArray> touch(const QString &name, qint64 count, qint64 atMs);
    void clearTouches();
    /// Changes whenever a record changes (touch, reset): cached query results compare it.
    quint64 generation() const { return m_generation; }

    JstDataset &jst() { return m_jst; }
    JdyDataset &jdy() { return m_jdy; }
    K3Dataset &k3() { return m_k3; }
    DdDataset &dd() { return m_dd; }

private:
    QJsonValue idOf(const QString &name, qint64 i) const;

    quint64 m_seed;
    quint64 m_touchSerial = 0;
    quint64 m_generation = 0;
    JstDataset m_jst;
    JdyDataset m_jdy;
    K3Dataset m_k3;
    DdDataset m_dd;
};

} // namespace weft::mock
