#include "widgets/run/runprogressmodel.h"

#include <QColor>
#include <QLocale>

namespace weft {

namespace {

QString elapsedText(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return QStringLiteral("%1.%2 s").arg(s).arg((ms % 1000) / 100);
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600)
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

RunProgressModel::RunProgressModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void RunProgressModel::start(const QStringList &schemes)
{
    beginResetModel();
    m_rows.clear();
    for (const QString &s : schemes) {
        Row r;
        r.scheme = s;
        m_rows << r;
    }
    endResetModel();
}

int RunProgressModel::rowOf(const QString &scheme) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).scheme == scheme)
            return int(i);
    }
    return -1;
}

int RunProgressModel::ensureRow(const QString &scheme)
{
    int i = rowOf(scheme);
    if (i >= 0)
        return i;
    i = int(m_rows.size());
    beginInsertRows(QModelIndex(), i, i);
    Row r;
    r.scheme = scheme;
    m_rows << r;
    endInsertRows();
    return i;
}

void RunProgressModel::changed(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void RunProgressModel::schemeStarted(const QString &scheme, const QString &runId)
{
    const int i = ensureRow(scheme);
    m_rows[i].runId = runId;
    m_rows[i].phase = QStringLiteral("preparing");
    changed(i);
}

void RunProgressModel::update(const RunProgress &p)
{
    const int i = ensureRow(p.scheme);
    Row &r = m_rows[i];
    if (!p.runId.isEmpty())
        r.runId = p.runId;
    r.phase = p.phase;
    r.counters = p.counters;
    r.recordsPerSecond = p.recordsPerSecond;
    r.elapsedMs = p.elapsedMs;
    r.windowIndex = p.windowIndex;
    r.windowCount = p.windowCount;
    changed(i);
}

void RunProgressModel::finish(const RunInfo &info)
{
    const int i = ensureRow(info.scheme);
    Row &r = m_rows[i];
    r.runId = info.runId;
    r.counters = info.counters;
    r.finished = true;
    r.outcome = info.outcome;
    r.message = info.message;
    r.phase = QStringLiteral("done");
    if (info.startedAt.isValid() && info.finishedAt.isValid())
        r.elapsedMs = info.startedAt.msecsTo(info.finishedAt);
    if (r.elapsedMs > 0)
        r.recordsPerSecond = r.counters.read * 1000.0 / double(r.elapsedMs);
    changed(i);
}

void RunProgressModel::runEnded()
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        if (r.finished)
            continue;
        r.finished = true;
        r.outcome = RunOutcome::Cancelled;
        changed(int(i));
    }
}

RunCounters RunProgressModel::totals() const
{
    RunCounters t;
    for (const Row &r : m_rows) {
        t.read += r.counters.read;
        t.written += r.counters.written;
        t.skipped += r.counters.skipped;
        t.failed += r.counters.failed;
        t.pages += r.counters.pages;
    }
    return t;
}

QString RunProgressModel::outcomeText(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Running:
        return tr("running");
    case RunOutcome::Succeeded:
        return tr("succeeded");
    case RunOutcome::FinishedWithFailures:
        return tr("finished with failures");
    case RunOutcome::Aborted:
        return tr("aborted");
    case RunOutcome::Cancelled:
        return tr("cancelled");
    }
    return {};
}

QString RunProgressModel::phaseText(const Row &r)
{
    if (r.finished)
        return outcomeText(r.outcome);
    if (r.phase == QLatin1String("pending"))
        return tr("waiting");
    if (r.phase == QLatin1String("preparing"))
        return tr("preparing");
    if (r.phase == QLatin1String("fetching"))
        return r.windowCount > 1
                   ? tr("reading window %1 of %2").arg(r.windowIndex).arg(r.windowCount)
                   : tr("reading");
    if (r.phase == QLatin1String("writing"))
        return tr("writing");
    if (r.phase == QLatin1String("done"))
        return tr("done");
    return r.phase;
}

int RunProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant RunProgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const QLocale locale;
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::Scheme:
            return r.scheme;
        case Column::State:
            return phaseText(r);
        case Column::Progress: {
            const int pct = data(index, PercentRole).toInt();
            return pct < 0 ? QString() : QStringLiteral("%1%").arg(pct);
        }
        case Column::Read:
            return locale.toString(r.counters.read);
        case Column::Written:
            return locale.toString(r.counters.written);
        case Column::Skipped:
            return locale.toString(r.counters.skipped);
        case Column::Failed:
            return locale.toString(r.counters.failed);
        case Column::Speed:
            return r.recordsPerSecond > 0
                       ? tr("%1/s").arg(locale.toString(r.recordsPerSecond, 'f', 0))
                       : QString();
        case Column::Elapsed:
            return r.elapsedMs > 0 ? elapsedText(r.elapsedMs) : QString();
        case Column::Count:
            break;
        }
        return {};
    case PercentRole:
        // The total is not known up front; windows of an incremental read give a measure,
        // otherwise the bar is busy until the scheme is done.
        if (r.finished)
            return 100;
        if (r.windowCount > 0)
            return std::clamp(100 * std::max(0, r.windowIndex - 1) / r.windowCount, 0, 99);
        return -1;
    case BusyRole:
        return !r.finished && r.phase != QLatin1String("pending");
    case FailedRole:
        return r.counters.failed > 0 || r.outcome == RunOutcome::Aborted;
    case Qt::TextAlignmentRole:
        if (column >= Column::Read && column <= Column::Elapsed)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (column == Column::Failed && r.counters.failed > 0)
            return QColor(0xc62828);
        if (column == Column::State && r.finished)
            return r.outcome == RunOutcome::Succeeded              ? QColor(0x2e7d32)
                   : r.outcome == RunOutcome::FinishedWithFailures ? QColor(0xb26a00)
                                                                   : QColor(0xc62828);
        return {};
    case Qt::ToolTipRole:
        return r.message.isEmpty() ? QVariant() : QVariant(r.message);
    default:
        return {};
    }
}

QVariant RunProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Scheme:
        return tr("Scheme");
    case Column::State:
        return tr("State");
    case Column::Progress:
        return tr("Progress");
    case Column::Read:
        return tr("Read");
    case Column::Written:
        return tr("Written");
    case Column::Skipped:
        return tr("Skipped");
    case Column::Failed:
        return tr("Failed");
    case Column::Speed:
        return tr("Records/s");
    case Column::Elapsed:
        return tr("Elapsed");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace weft
