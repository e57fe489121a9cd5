#pragma once

#include "systemmock.h"

#include <QList>

namespace weft::mock {

/// The `/_mock` control API: statistics, written data, generated records, invalid records,
/// the catalogue endpoints served, touch, reset and fault settings. Never subject to faults or rate
/// limits.
class ControlApi final
{
public:
    ControlApi(MockContext &context, QList<SystemMock *> systems);

    MockReply handle(const MockRequest &request);

private:
    static MockReply problem(int status, const QString &message);
    MockReply records(const MockRequest &request, const QString &dataset);
    MockReply touch(const MockRequest &request);
    MockReply faults(const MockRequest &request);
    MockReply reset();
    MockReply info() const;
    MockReply catalog() const;
    SystemMock *system(const QString &name) const;

    MockContext &m_ctx;
    QList<SystemMock *> m_systems;
    qint64 m_startedMs;
};

} // namespace weft::mock
