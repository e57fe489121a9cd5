#pragma once

#include "core/connectors/connector.h"

#include <QThread>

#include <atomic>

namespace weft {

namespace detail {
class MySqlReader;
}

/// MySQL/MariaDB as a source: the metadata's `sql` SELECT, its `:name` placeholders bound to
/// the evaluated request fields (so `{{LAST_SYNC_TIME|datetime}}` makes it incremental),
/// read in pages of 1000 rows with LIMIT/OFFSET (give the SELECT an ORDER BY so pages are
/// stable). Queries run on a thread of their own that owns the connection.
class MySqlSource final : public SourceConnector
{
    Q_OBJECT
public:
    explicit MySqlSource(const ConnectorContext &context, QObject *parent = nullptr);
    ~MySqlSource() override;
    SourceTraits traits() const override;
    void fetchPage(const PageRequest &request, std::function<void(PageResult)> done) override;
    void cancel() override { m_cancelled->store(true); }

private:
    ConnectorContext m_context;
    QThread m_thread;
    detail::MySqlReader *m_reader = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled;
};

} // namespace weft
