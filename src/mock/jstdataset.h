#pragma once

#include "timeline.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <map>
#include <optional>

namespace weft::mock {

class MockClock;
class RecordGenerator;
struct CatField;

/// Jushuitan's generated data: warehouses (partners) and purchase-ins with 1–5 items.
///
/// Deliberately invalid records, so that per-record errors happen for real:
/// partner i ≡ 5 (mod 97) has an empty name; partner i ≡ 11 (mod 97) repeats the wms_co_id
/// of partner i-1; purchase-in i ≡ 13 (mod 97) has an item whose name is 300 characters.
class JstDataset final
{
public:
    JstDataset(quint64 seed, const MockClock &clock, qint64 partners, qint64 purchaseIns,
               qint64 spanMs);

    qint64 partnerCount() const { return m_partners; }
    QJsonObject partner(qint64 i) const;
    qint64 partnerWmsCoId(qint64 i) const;
    QJsonArray invalidPartners() const;

    const Timeline &purchaseIns() const { return m_timeline; }
    Timeline &purchaseIns() { return m_timeline; }
    QJsonObject purchaseIn(qint64 i) const;
    /// The same purchase-in as compact JSON text, appended to `out` (serving pages).
    void appendPurchaseInJson(qint64 i, QByteArray &out) const;
    qint64 ioId(qint64 i) const { return 500001 + i; }
    std::optional<qint64> indexOfIoId(qint64 ioId) const;
    std::optional<qint64> indexOfPoId(qint64 poId) const;
    std::optional<qint64> indexOfSoId(const QString &soId) const;
    QJsonArray invalidPurchaseIns() const;

    /// Purchase-ins also carry the catalogue's declared fields they lack, made by `generator`
    /// (the catalogue walk needs every declared field; the hand-written ones stay as they are).
    void setPurchaseInCompletion(const RecordGenerator *generator);

    /// Touching a partner changes its remark1 (partners have no modification time).
    void touchPartner(qint64 i) { ++m_partnerVersions[i]; }
    void clearTouches();

    static bool hasEmptyName(qint64 i) { return i % 97 == 5; }
    static bool hasDuplicateWmsCoId(qint64 i) { return i % 97 == 11; }
    static bool hasLongItemName(qint64 i) { return i % 97 == 13; }

private:
    template<typename Sink>
    void writePurchaseIn(qint64 i, Sink &out) const;
    bool hasSoId(qint64 i) const;

    quint64 m_seed;
    const MockClock &m_clock;
    qint64 m_partners;
    Timeline m_timeline;
    std::map<qint64, int> m_partnerVersions;
    const RecordGenerator *m_completion = nullptr;
    QList<const CatField *> m_missing; ///< declared fields writePurchaseIn() adds
};

} // namespace weft::mock
