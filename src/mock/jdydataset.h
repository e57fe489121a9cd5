#pragma once

#include "timeline.h"

#include <QJsonObject>

namespace weft::mock {

class MockClock;

/// Kingdee JDY's generated customers (`GET /jdy/v2/bd/customer`), modify_time in ms.
class JdyDataset final
{
public:
    JdyDataset(quint64 seed, const MockClock &clock, qint64 customers, qint64 spanMs);

    const Timeline &customers() const { return m_timeline; }
    Timeline &customers() { return m_timeline; }
    QJsonObject customer(qint64 i) const;
    QString customerId(qint64 i) const;

private:
    quint64 m_seed;
    const MockClock &m_clock;
    Timeline m_timeline;
};

} // namespace weft::mock
