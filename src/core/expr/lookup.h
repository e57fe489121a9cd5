#pragma once

#include "core/expr/exprerror.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMutex>
#include <QPair>
#include <QString>
#include <QStringList>

namespace weft::expr {

/// Answers `_findCollection find <field> from <scheme> where a={{x}} …`: a value from the
/// records another scheme stored.
class LookupProvider
{
public:
    virtual ~LookupProvider();

    /// The `field` of the first record of `scheme` whose fields equal every condition (ANDed);
    /// Undefined when no record matches, null when the match lacks the field. Problems such as
    /// an unknown scheme set *error (with a suggestion) and return Undefined.
    virtual QJsonValue find(const QString &scheme, const QString &field,
                            const QList<QPair<QString, QJsonValue>> &conditions,
                            ExprError *error) = 0;
};

/// A LookupProvider over records held in memory. The first query of a scheme with a set of
/// condition fields builds a hash index for exactly that set; later queries are one hash
/// lookup. Values match by their text, so 1001 finds "1001" (as the platform's textual
/// substitution does); a null or missing value never matches. Safe to share between threads.
class InMemoryLookup final : public LookupProvider
{
public:
    InMemoryLookup() = default;

    /// Makes a scheme known even before (or without) records.
    void addScheme(const QString &scheme);
    void addRecord(const QString &scheme, const QJsonObject &record);
    void addRecords(const QString &scheme, const QList<QJsonObject> &records);
    void clear();

    QStringList schemes() const;
    qsizetype recordCount(const QString &scheme) const;

    QJsonValue find(const QString &scheme, const QString &field,
                    const QList<QPair<QString, QJsonValue>> &conditions, ExprError *error) override;

    /// The text a value is matched by ("" for null: such keys are not indexed).
    static QString keyText(const QJsonValue &value);

private:
    struct Store {
        QList<QJsonObject> records;
        QHash<QString, QHash<QString, qsizetype>> indexes; // field set → key → first record
    };
    static QString indexKey(const Store &store, const QStringList &fields, qsizetype row,
                            bool *complete);

    mutable QMutex m_mutex;
    QHash<QString, Store> m_stores;
};

} // namespace weft::expr
