#pragma once

#include "core/state/staterecords.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace weft {

class StateService;

/// API calls per connection and endpoint over a period (the "API asset" overview), from the
/// state store's hourly call statistics, asked on the state thread. Refreshed whenever the
/// store changes (a run or a preview finished) and when the period changes.
class ApiUsageModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column {
        Connection,
        Endpoint,
        Calls,
        Errors,
        ErrorsByCode,
        Throttled,
        P50,
        P95,
        RecordsPerCall,
        Count
    };
    enum class Period { LastHour, Last24Hours, Last7Days, Last30Days };
    /// Numbers as numbers, for sorting.
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ApiUsageModel(StateService *state, QObject *parent = nullptr);

    Period period() const { return m_period; }
    void setPeriod(Period period);
    /// The period's length in seconds.
    static qint64 seconds(Period period);
    /// Asks the state store again (the period ends now).
    void refresh();
    const ApiUsage &usage(int row) const { return m_usage.at(row); }
    bool isLoading() const { return m_loading; }

    qint64 totalCalls() const;
    qint64 totalErrors() const;
    qint64 totalThrottled() const;
    /// "199×2, HTTP 503×1": the most frequent codes first.
    static QString errorsText(const ApiUsage &usage);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A query answered (also when nothing changed).
    void loaded();

private:
    void setUsage(const QList<ApiUsage> &usage);

    StateService *m_state;
    QList<ApiUsage> m_usage;
    Period m_period = Period::Last24Hours;
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace weft
