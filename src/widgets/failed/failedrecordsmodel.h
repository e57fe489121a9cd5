#pragma once

#include "core/state/staterecords.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <atomic>
#include <memory>

namespace weft {

class StateService;

/// The failed records of the state store, as a table that never holds more than a few
/// pages: after a filter the first page comes first and is shown at once, then the count
/// (both asynchronously); further rows are fetched a page at a time on the state thread when
/// a view asks for them, and pages far from what is shown are dropped — so a store with a
/// million failures scrolls and filters as smoothly as one with ten.
class FailedRecordsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column {
        Id,
        Scheme,
        Stage,
        Record,
        Number,
        Code,
        Message,
        Attempts,
        Status,
        Updated,
        Run,
        Count
    };
    enum Role { LoadedRole = Qt::UserRole + 1, StoreIdRole, RecordIdRole, SchemeRole };
    static constexpr int kPageSize = 200;
    static constexpr int kMaxCachedPages = 40;

    explicit FailedRecordsModel(StateService *state, QObject *parent = nullptr);
    ~FailedRecordsModel() override;

    /// Shows the records matching `filter` (its offset and limit are ignored).
    void setFilter(const FailedFilter &filter);
    const FailedFilter &filter() const { return m_filter; }
    /// Counts again and drops the cached pages (after a run, a retry or a change).
    void refresh();
    /// The record of a row if its page is loaded, else nullptr (it is being fetched).
    const FailedRecord *record(int row) const;
    qint64 totalCount() const { return m_count; }
    bool isCounting() const { return m_counting; }
    /// Rows of pages fetched so far (for tests and the status line).
    int loadedPages() const { return int(m_pages.size()); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void countChanged(qint64 count);
    void pageLoaded(int page);

private:
    using CancelFlag = std::shared_ptr<std::atomic<bool>>;
    void requestPage(int page) const;
    void pageArrived(quint64 generation, int page, const QList<FailedRecord> &rows);
    void dropFarPages(int near);

    StateService *m_state;
    FailedFilter m_filter;
    qint64 m_count = 0;
    bool m_counting = false;
    quint64 m_generation = 0;
    bool m_firstShown = false; ///< the first page of the current filter is in the rows
    CancelFlag m_superseded;   ///< set when a newer filter or refresh replaces this one
    QHash<int, QList<FailedRecord>> m_pages;
    QList<int> m_pageOrder; ///< least recently used first
    mutable QHash<int, CancelFlag> m_pending;
};

} // namespace weft
