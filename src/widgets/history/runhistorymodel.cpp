#include "widgets/history/runhistorymodel.h"

#include "core/state/statestore.h"
#include "widgets/common/stateservice.h"
#include "widgets/run/runprogressmodel.h"

#include <QColor>
#include <QLocale>

namespace weft {

RunHistoryModel::RunHistoryModel(StateService *state, QObject *parent, int limit)
    : QAbstractTableModel(parent)
    , m_state(state)
    , m_limit(limit)
{
    if (state)
        connect(state, &StateService::changed, this, &RunHistoryModel::refresh);
}

void RunHistoryModel::refresh()
{
    if (!m_state)
        return;
    const quint64 generation = ++m_generation;
    const int limit = m_limit;
    m_state->query<QList<RunInfo>>(
        this,
        [limit](StateStore *store) {
            return store ? store->runs(QString(), limit) : QList<RunInfo>();
        },
        [this, generation](const QList<RunInfo> &runs) {
            if (generation == m_generation)
                setRuns(runs);
        });
}

void RunHistoryModel::setRuns(const QList<RunInfo> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
    Q_EMIT loaded();
}

int RunHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant RunHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunInfo &r = m_runs.at(index.row());
    const QLocale locale;
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::Started:
            return locale.toString(r.startedAt.toLocalTime(), QLocale::ShortFormat);
        case Column::Scheme:
            return r.scheme;
        case Column::Trigger:
            return r.trigger;
        case Column::Outcome:
            return RunProgressModel::outcomeText(r.outcome);
        case Column::Read:
            return locale.toString(r.counters.read);
        case Column::Written:
            return locale.toString(r.counters.written);
        case Column::Skipped:
            return locale.toString(r.counters.skipped);
        case Column::Failed:
            return locale.toString(r.counters.failed);
        case Column::Duration: {
            if (!r.finishedAt.isValid())
                return {};
            const qint64 ms = r.startedAt.msecsTo(r.finishedAt);
            return ms < 60000 ? tr("%1 s").arg(locale.toString(ms / 1000.0, 'f', 1))
                              : tr("%1 min").arg(locale.toString(ms / 60000.0, 'f', 1));
        }
        case Column::Message:
            return r.message;
        case Column::RunId:
            return r.runId;
        case Column::Count:
            break;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == Column::Outcome) {
            switch (r.outcome) {
            case RunOutcome::Succeeded:
                return QColor(0x2e7d32);
            case RunOutcome::FinishedWithFailures:
                return QColor(0xb26a00);
            case RunOutcome::Aborted:
                return QColor(0xc62828);
            default:
                return {};
            }
        }
        if (column == Column::Failed && r.counters.failed > 0)
            return QColor(0xc62828);
        return {};
    case Qt::TextAlignmentRole:
        if (column >= Column::Read && column <= Column::Duration)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        return r.message.isEmpty() ? QVariant() : QVariant(r.message);
    case RunIdRole:
        return r.runId;
    case SchemeRole:
        return r.scheme;
    default:
        return {};
    }
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Started:
        return tr("Started");
    case Column::Scheme:
        return tr("Scheme");
    case Column::Trigger:
        return tr("Trigger");
    case Column::Outcome:
        return tr("Outcome");
    case Column::Read:
        return tr("Read");
    case Column::Written:
        return tr("Written");
    case Column::Skipped:
        return tr("Skipped");
    case Column::Failed:
        return tr("Failed");
    case Column::Duration:
        return tr("Duration");
    case Column::Message:
        return tr("Message");
    case Column::RunId:
        return tr("Run id");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace weft
