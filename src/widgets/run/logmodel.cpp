#include "widgets/run/logmodel.h"

#include <QColor>
#include <QTimer>
#include <mutex>
#include <spdlog/sinks/base_sink.h>
#include <vector>

namespace weft {

namespace detail {

/// Lines handed over from the logging threads to the GUI thread.
struct LogQueue {
    std::mutex mutex;
    std::vector<LogLine> lines;
    static constexpr std::size_t kMax = 50000; // beyond this, older pending lines are dropped
};

namespace {

class QueueSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit QueueSink(std::shared_ptr<LogQueue> queue)
        : m_queue(std::move(queue))
    {}

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        LogLine line;
        line.time = QDateTime::fromMSecsSinceEpoch(
            std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch())
                .count());
        line.level = int(msg.level);
        line.text = QString::fromUtf8(msg.payload.data(), qsizetype(msg.payload.size()));
        const std::lock_guard lock(m_queue->mutex);
        if (m_queue->lines.size() >= LogQueue::kMax)
            m_queue->lines.erase(m_queue->lines.begin());
        m_queue->lines.push_back(std::move(line));
    }
    void flush_() override {}

private:
    std::shared_ptr<LogQueue> m_queue;
};

} // namespace
} // namespace detail

LogModel::LogModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent)
    , m_queue(std::make_shared<detail::LogQueue>())
    , m_sink(std::make_shared<detail::QueueSink>(m_queue))
    , m_capacity(capacity)
{
    // Trace lines are for files; the view offers debug and above.
    m_sink->set_level(spdlog::level::debug);
    auto *timer = new QTimer(this);
    timer->setInterval(100);
    connect(timer, &QTimer::timeout, this, &LogModel::drain);
    timer->start();
}

LogModel::~LogModel() = default;

std::shared_ptr<spdlog::sinks::sink> LogModel::sink() const
{
    return m_sink;
}

void LogModel::append(const LogLine &line)
{
    insertLines({line});
}

void LogModel::drain()
{
    std::vector<LogLine> lines;
    {
        const std::lock_guard lock(m_queue->mutex);
        lines.swap(m_queue->lines);
    }
    if (!lines.empty())
        insertLines(lines);
}

void LogModel::insertLines(const std::vector<LogLine> &lines)
{
    if (lines.empty())
        return;
    const int capacity = m_capacity;
    const std::size_t first = lines.size() > std::size_t(capacity) ? lines.size() - capacity : 0;
    const int incoming = int(lines.size() - first);
    const int overflow = int(m_lines.size()) + incoming - capacity;
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, overflow - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + overflow);
        endRemoveRows();
    }
    const int start = int(m_lines.size());
    beginInsertRows(QModelIndex(), start, start + incoming - 1);
    for (std::size_t i = first; i < lines.size(); ++i)
        m_lines.push_back(lines[i]);
    endInsertRows();
}

void LogModel::clearLines()
{
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

QString LogModel::levelName(int level)
{
    switch (level) {
    case 0:
        return tr("trace");
    case 1:
        return tr("debug");
    case 2:
        return tr("info");
    case 3:
        return tr("warning");
    case 4:
        return tr("error");
    case 5:
        return tr("critical");
    default:
        return QString::number(level);
    }
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogLine &l = m_lines.at(std::size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Column::Time:
            return l.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case Column::Level:
            return levelName(l.level);
        case Column::Message:
            return l.text;
        case Column::Count:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        return Column(index.column()) == Column::Message ? QVariant(l.text) : QVariant();
    case Qt::ForegroundRole:
        if (l.level >= 4)
            return QColor(0xc62828);
        if (l.level == 3)
            return QColor(0xb26a00);
        if (l.level <= 1)
            return QColor(0x78909c);
        return {};
    case LevelRole:
        return l.level;
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Time:
        return tr("Time");
    case Column::Level:
        return tr("Level");
    case Column::Message:
        return tr("Message");
    case Column::Count:
        break;
    }
    return {};
}

void LogFilterModel::setMinimumLevel(int level)
{
    m_level = level;
    invalidateRowsFilter();
}

void LogFilterModel::setText(const QString &text)
{
    m_text = text;
    invalidateRowsFilter();
}

bool LogFilterModel::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex index = sourceModel()->index(row, int(LogModel::Column::Message), parent);
    if (index.data(LogModel::LevelRole).toInt() < m_level)
        return false;
    return m_text.isEmpty() || index.data().toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace weft
