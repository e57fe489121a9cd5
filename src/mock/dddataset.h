#pragma once

#include "timeline.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace weft::mock {

class MockClock;
class RecordGenerator;
class K3Dataset;

/// DingTalk's generated approval instances of the rebate process (`PROC-WEFT-REBATE`).
///
/// Each has the form components 申请日期, 组织 (an org number that exists in K3Cloud), 申请人,
/// 备注 and the 表格 table (a JSON string of 1–4 rows sharing one customer code). Instance
/// i ≡ 19 (mod 97) names a customer that does not exist in K3Cloud, so BatchSave fails it.
class DdDataset final
{
public:
    DdDataset(quint64 seed, const MockClock &clock, const K3Dataset &k3, qint64 instances,
              qint64 spanMs);

    const Timeline &instances() const { return m_timeline; }
    Timeline &instances() { return m_timeline; }
    QString instanceId(qint64 i) const;
    std::optional<qint64> indexOf(const QString &instanceId) const;
    /// The `process_instance` object of topapi/processinstance/get.
    QJsonObject instance(qint64 i) const;
    /// Records also carry the catalogue's declared fields they lack, made by `generator`.
    void setCompletion(const RecordGenerator *generator) { m_completion = generator; }
    QJsonArray invalidInstances() const;
    QString missingCustomerCode() const;

    static bool hasMissingCustomer(qint64 i) { return i % 97 == 19; }

private:
    quint64 m_seed;
    const RecordGenerator *m_completion = nullptr;
    const MockClock &m_clock;
    const K3Dataset &m_k3;
    Timeline m_timeline;
};

} // namespace weft::mock
