#include "widgets/usage/apiusagemodel.h"

#include "core/state/statestore.h"
#include "widgets/common/stateservice.h"

#include <QColor>
#include <QLocale>

namespace weft {

ApiUsageModel::ApiUsageModel(StateService *state, QObject *parent)
    : QAbstractTableModel(parent)
    , m_state(state)
{
    if (state)
        connect(state, &StateService::changed, this, &ApiUsageModel::refresh);
}

qint64 ApiUsageModel::seconds(Period period)
{
    switch (period) {
    case Period::LastHour:
        return 3600;
    case Period::Last24Hours:
        return 24 * 3600;
    case Period::Last7Days:
        return 7 * 24 * 3600;
    case Period::Last30Days:
        return 30 * 24 * 3600;
    }
    return 24 * 3600;
}

void ApiUsageModel::setPeriod(Period period)
{
    if (period == m_period)
        return;
    m_period = period;
    refresh();
}

void ApiUsageModel::refresh()
{
    if (!m_state)
        return;
    const quint64 generation = ++m_generation;
    const QDateTime until = QDateTime::currentDateTimeUtc();
    const QDateTime since = until.addSecs(-seconds(m_period));
    m_loading = true;
    m_state->query<QList<ApiUsage>>(
        this,
        [since, until](StateStore *store) {
            return store ? store->apiUsage(since, until) : QList<ApiUsage>();
        },
        [this, generation](const QList<ApiUsage> &usage) {
            if (generation != m_generation)
                return; // a newer question is on its way
            m_loading = false;
            setUsage(usage);
        });
}

void ApiUsageModel::setUsage(const QList<ApiUsage> &usage)
{
    beginResetModel();
    m_usage = usage;
    endResetModel();
    Q_EMIT loaded();
}

qint64 ApiUsageModel::totalCalls() const
{
    qint64 n = 0;
    for (const ApiUsage &u : m_usage)
        n += u.calls;
    return n;
}

qint64 ApiUsageModel::totalErrors() const
{
    qint64 n = 0;
    for (const ApiUsage &u : m_usage)
        n += u.errors;
    return n;
}

qint64 ApiUsageModel::totalThrottled() const
{
    qint64 n = 0;
    for (const ApiUsage &u : m_usage)
        n += u.throttled;
    return n;
}

QString ApiUsageModel::errorsText(const ApiUsage &usage)
{
    QStringList parts;
    for (const auto &[code, count] : usage.errorsByCode)
        parts << QStringLiteral("%1×%2").arg(code).arg(count);
    return parts.join(QStringLiteral(", "));
}

int ApiUsageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_usage.size());
}

int ApiUsageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant ApiUsageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiUsage &u = m_usage.at(index.row());
    const auto column = Column(index.column());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::Connection:
            return u.connection;
        case Column::Endpoint:
            return u.endpoint;
        case Column::Calls:
            return locale.toString(u.calls);
        case Column::Errors:
            return u.calls > 0 && u.errors > 0
                       ? tr("%1 (%2%)")
                             .arg(locale.toString(u.errors))
                             .arg(locale.toString(100.0 * double(u.errors) / double(u.calls), 'f',
                                                  1))
                       : locale.toString(u.errors);
        case Column::ErrorsByCode:
            return errorsText(u);
        case Column::Throttled:
            return locale.toString(u.throttled);
        case Column::P50:
            return locale.toString(u.p50Ms);
        case Column::P95:
            return locale.toString(u.p95Ms);
        case Column::RecordsPerCall:
            return locale.toString(u.recordsPerCall(), 'f', 1);
        case Column::Count:
            break;
        }
        return {};
    case SortRole:
        switch (column) {
        case Column::Connection:
            return u.connection;
        case Column::Endpoint:
            return u.endpoint;
        case Column::Calls:
            return u.calls;
        case Column::Errors:
            return u.errors;
        case Column::ErrorsByCode:
            return errorsText(u);
        case Column::Throttled:
            return u.throttled;
        case Column::P50:
            return u.p50Ms;
        case Column::P95:
            return u.p95Ms;
        case Column::RecordsPerCall:
            return u.recordsPerCall();
        case Column::Count:
            break;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column >= Column::Calls && column != Column::ErrorsByCode)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if ((column == Column::Errors || column == Column::ErrorsByCode) && u.errors > 0)
            return QColor(0xc62828);
        if (column == Column::Throttled && u.throttled > 0)
            return QColor(0xb26a00);
        return {};
    case Qt::ToolTipRole:
        if (column == Column::ErrorsByCode && !u.errorsByCode.isEmpty())
            return errorsText(u);
        if (column == Column::Endpoint)
            return QStringLiteral("%1 %2").arg(u.connection, u.endpoint);
        return {};
    default:
        return {};
    }
}

QVariant ApiUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case Column::Throttled:
            return tr("Calls the system answered with “too many requests” (waited out and "
                      "repeated)");
        case Column::P50:
        case Column::P95:
            return tr("Latency: half (p50) and 95 % (p95) of the calls took at most this long "
                      "(upper bound of a histogram bucket)");
        case Column::RecordsPerCall:
            return tr("Records the calls brought, on average");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Connection:
        return tr("Connection");
    case Column::Endpoint:
        return tr("Endpoint");
    case Column::Calls:
        return tr("Calls");
    case Column::Errors:
        return tr("Errors");
    case Column::ErrorsByCode:
        return tr("Error codes");
    case Column::Throttled:
        return tr("Throttled");
    case Column::P50:
        return tr("p50 ms");
    case Column::P95:
        return tr("p95 ms");
    case Column::RecordsPerCall:
        return tr("Rec./call");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace weft
