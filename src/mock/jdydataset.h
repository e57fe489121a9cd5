#pragma once

#include "timeline.h"

#include <QJsonObject>

namespace weft::mock {

class MockClock;
class RecordGenerator;

/// Kingdee JDY's generated customers (`GET /jdy/v2/bd/customer`), modify_time in ms.
class JdyDataset final
{
public:
    JdyDataset(quint64 seed, const MockClock &clock, qint64 customers, qint64 spanMs);

    const Timeline &customers() const { return m_timeline; }
    Timeline &customers() { return m_timeline; }
    QJsonObject customer(qint64 i) const;
    /// Records also carry the catalogue's declared fields they lack, made by `generator`.
    void setCompletion(const RecordGenerator *generator) { m_completion = generator; }
    QString customerId(qint64 i) const;

private:
    quint64 m_seed;
    const RecordGenerator *m_completion = nullptr;
    const MockClock &m_clock;
    Timeline m_timeline;
};

} // namespace weft::mock
