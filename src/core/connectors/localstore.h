#pragma once

#include "core/connectors/connector.h"

namespace weft {

/// The local store as a target — the platform's "写入空操作" (write nothing elsewhere): records
/// are kept in the state store, keyed by record id, queryable and used by _findCollection
/// lookups of other schemes.
class LocalStoreTarget final : public TargetConnector
{
    Q_OBJECT
public:
    explicit LocalStoreTarget(const ConnectorContext &context, QObject *parent = nullptr);
    int batchSize() const override { return m_batchSize; }
    void writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                    std::function<void(BatchResult)> done) override;
    void cancel() override {}

private:
    ConnectorContext m_context;
    int m_batchSize = 500;
};

/// The local store as a source: every record another scheme stored (read whole, one page).
class LocalStoreSource final : public SourceConnector
{
    Q_OBJECT
public:
    explicit LocalStoreSource(const ConnectorContext &context, QObject *parent = nullptr);
    SourceTraits traits() const override;
    void fetchPage(const PageRequest &request, std::function<void(PageResult)> done) override;
    void cancel() override {}
    bool isIncremental(bool) const override { return false; }

private:
    ConnectorContext m_context;
    QString m_fromScheme;
};

} // namespace weft
