#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSortFilterProxyModel>
#include <deque>
#include <memory>

namespace spdlog::sinks {
class sink;
}

namespace weft {

namespace detail {
struct LogQueue;
}

/// One line of the log view.
struct LogLine {
    QDateTime time;
    int level = 2; ///< spdlog's: 0 trace, 1 debug, 2 info, 3 warn, 4 error, 5 critical
    QString text;
};

/// The live log: an spdlog sink collects lines from any thread; the model takes them in
/// batches on the GUI thread (a flood of log lines never floods the event loop) and keeps
/// the most recent ones.
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column { Time, Level, Message, Count };
    enum Role { LevelRole = Qt::UserRole + 1 };

    explicit LogModel(QObject *parent = nullptr, int capacity = 20000);
    ~LogModel() override;

    /// The sink to register with weft::log::addSink().
    std::shared_ptr<spdlog::sinks::sink> sink() const;
    /// Adds a line directly (GUI thread).
    void append(const LogLine &line);
    /// Takes what the sink collected (called by a timer; public for tests).
    void drain();
    void clearLines();
    const LogLine &line(int row) const { return m_lines.at(std::size_t(row)); }
    static QString levelName(int level);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void insertLines(const std::vector<LogLine> &lines);

    std::shared_ptr<detail::LogQueue> m_queue;
    std::shared_ptr<spdlog::sinks::sink> m_sink;
    std::deque<LogLine> m_lines;
    int m_capacity;
};

/// Shows lines at or above a level that contain a text (e.g. a run id).
class LogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMinimumLevel(int level);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    int m_level = 0;
    QString m_text;
};

} // namespace weft
