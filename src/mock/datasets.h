#pragma once

#include "catalogdataset.h"
#include "dddataset.h"
#include "jdydataset.h"
#include "jstdataset.h"
#include "k3dataset.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <map>
#include <memory>
#include <optional>

namespace weft::mock {

struct MockConfig;
class MockClock;
class MockCatalog;

/// All generated datasets, by the names the control API uses.
///
/// Names: jst-partners, jst-purchaseins, jdy-customers, k3-materials, k3-customers,
/// k3-orgs, dd-instances, and one per catalogue query the hand-written ones do not cover,
/// named by the endpoint ("jushuitan/orders.query"). Nothing is stored but the touched
/// records and what saves wrote: a record is computed from (seed, index) whenever it is
/// asked for.
class Datasets final
{
public:
    Datasets(const MockConfig &config, const MockClock &clock, const MockCatalog &catalog);
    ~Datasets();

    QStringList names() const;
    /// Number of records, or -1 for an unknown name.
    qint64 size(const QString &name) const;
    /// Records [offset, offset+limit) as the API returns them, by index (windows ignored).
    std::optional<QJsonArray> records(const QString &name, qint64 offset, qint64 limit) const;
    /// The deliberately invalid records of every dataset, and why they are invalid.
    QJsonObject invalid() const;
    /// Modifies `count` records now (picked deterministically); returns their ids. Records
    /// saves created are not picked.
    std::optional<QJsonArray> touch(const QString &name, qint64 count, qint64 atMs);
    /// Touches undone, and what saves wrote to the catalogue datasets (reset).
    void clearTouches();
    /// Changes whenever a record changes (touch, reset): cached query results compare it.
    quint64 generation() const { return m_generation; }

    JstDataset &jst() { return m_jst; }
    JdyDataset &jdy() { return m_jdy; }
    K3Dataset &k3() { return m_k3; }
    DdDataset &dd() { return m_dd; }
    /// The dataset of a catalogue query ("kingdee_jdy/store.list"), or nullptr: the
    /// Jushuitan, JDY and DingTalk queries (K3Cloud forms live in K3Dataset).
    CatalogDataset *catalog(const QString &endpointRef);
    const MockCatalog &catalogue() const { return m_catalogue; }
    /// The dataset name answering a catalogue query (its own name, or the hand-written
    /// dataset's: "jdy-customers"); empty for a save.
    QString datasetOf(const CatEndpoint &query) const;

private:
    QJsonValue idOf(const QString &name, qint64 i) const;
    /// The generated K3Cloud form a catalogue name ("kingdee_k3cloud/…") stands for.
    const K3Form *k3Form(const QString &name) const;
    void shapeDingTalk();

    const MockCatalog &m_catalogue;
    quint64 m_seed;
    quint64 m_touchSerial = 0;
    quint64 m_generation = 0;
    JstDataset m_jst;
    JdyDataset m_jdy;
    K3Dataset m_k3;
    DdDataset m_dd;
    std::vector<std::unique_ptr<CatEndpoint>> m_trimmed; ///< endpoints completion uses in part
    std::vector<std::unique_ptr<RecordGenerator>> m_completions;
    std::map<QString, std::unique_ptr<CatalogDataset>> m_catalog;
};

} // namespace weft::mock
