#include "widgets/failed/failedrecordsmodel.h"

#include "core/state/statestore.h"
#include "widgets/common/stateservice.h"

#include <QColor>
#include <QLocale>

namespace weft {

namespace {

QString stageText(FailureStage stage)
{
    switch (stage) {
    case FailureStage::Fetch:
        return FailedRecordsModel::tr("fetch");
    case FailureStage::Transform:
        return FailedRecordsModel::tr("transform");
    case FailureStage::Write:
        return FailedRecordsModel::tr("write");
    }
    return {};
}

QString statusText(FailureStatus status)
{
    switch (status) {
    case FailureStatus::Failed:
        return FailedRecordsModel::tr("failed");
    case FailureStatus::Retrying:
        return FailedRecordsModel::tr("waiting for retry");
    case FailureStatus::Resolved:
        return FailedRecordsModel::tr("resolved");
    case FailureStatus::Ignored:
        return FailedRecordsModel::tr("ignored");
    }
    return {};
}

} // namespace

FailedRecordsModel::FailedRecordsModel(StateService *state, QObject *parent)
    : QAbstractTableModel(parent)
    , m_state(state)
{
    connect(state, &StateService::changed, this, &FailedRecordsModel::refresh);
}

FailedRecordsModel::~FailedRecordsModel()
{
    for (const CancelFlag &flag : std::as_const(m_pending))
        flag->store(true);
    if (m_superseded)
        m_superseded->store(true);
}

void FailedRecordsModel::setFilter(const FailedFilter &filter)
{
    m_filter = filter;
    m_filter.offset = 0;
    m_filter.limit = -1;
    beginResetModel();
    m_count = 0;
    m_pages.clear();
    m_pageOrder.clear();
    endResetModel();
    refresh();
}

void FailedRecordsModel::refresh()
{
    const quint64 generation = ++m_generation;
    for (const CancelFlag &flag : std::as_const(m_pending))
        flag->store(true);
    m_pending.clear();
    if (m_superseded)
        m_superseded->store(true);
    const CancelFlag superseded = std::make_shared<std::atomic<bool>>(false);
    m_superseded = superseded;
    m_counting = true;
    m_firstShown = false;
    FailedFilter first = m_filter;
    first.offset = 0;
    first.limit = kPageSize;
    // The first page is asked for before the count, and shown as soon as it comes: it is what
    // the person waits for, and it takes a fraction of the count's time — the store reads in
    // id order and stops at a page of matches, the count reads every match of a million.
    // Both are skipped when another filter came before their turn on the state thread.
    m_state->query<QList<FailedRecord>>(
        this,
        [first, superseded](StateStore *store) {
            return store && !superseded->load() ? store->failedRecords(first)
                                                : QList<FailedRecord>();
        },
        [this, generation](const QList<FailedRecord> &rows) {
            if (generation != m_generation || !m_counting)
                return;
            beginResetModel();
            m_pages.clear();
            m_pageOrder.clear();
            m_pages.insert(0, rows);
            m_pageOrder.append(0);
            m_count = rows.size(); // until the count says how many more there are
            endResetModel();
            m_firstShown = true;
            Q_EMIT pageLoaded(0);
        });
    const FailedFilter filter = m_filter;
    m_state->query<qint64>(
        this,
        [filter, superseded](StateStore *store) {
            return store && !superseded->load() ? store->countFailed(filter) : 0;
        },
        [this, generation](qint64 count) {
            if (generation != m_generation)
                return;
            m_counting = false;
            // A reset, not an insertion of the rest: QHeaderView takes ~100 ms to insert a
            // million sections and a few to reset to them (tst_failedrecords). The first page
            // stays loaded when the count agrees with it.
            beginResetModel();
            if (!m_firstShown || count < m_count) {
                m_pages.clear();
                m_pageOrder.clear();
            }
            m_count = count;
            endResetModel();
            Q_EMIT countChanged(count);
        });
}

void FailedRecordsModel::requestPage(int page) const
{
    if (m_pending.contains(page))
        return;
    auto *self = const_cast<FailedRecordsModel *>(this);
    self->dropFarPages(page);
    CancelFlag cancelled = std::make_shared<std::atomic<bool>>(false);
    m_pending.insert(page, cancelled);
    FailedFilter filter = m_filter;
    filter.offset = page * kPageSize;
    filter.limit = kPageSize;
    const quint64 generation = m_generation;
    m_state->query<QList<FailedRecord>>(
        self,
        [filter, cancelled](StateStore *store) {
            // Scrolled past before its turn came: skip the query altogether.
            if (!store || cancelled->load())
                return QList<FailedRecord>();
            return store->failedRecords(filter);
        },
        [self, generation, page, cancelled](const QList<FailedRecord> &rows) {
            if (cancelled->load())
                return;
            self->m_pending.remove(page);
            self->pageArrived(generation, page, rows);
        });
}

void FailedRecordsModel::dropFarPages(int near)
{
    // Requests for pages the view has left are cancelled; they would only delay this one.
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (std::abs(it.key() - near) > 3) {
            it.value()->store(true);
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
}

void FailedRecordsModel::pageArrived(quint64 generation, int page, const QList<FailedRecord> &rows)
{
    if (generation != m_generation)
        return;
    m_pages.insert(page, rows);
    m_pageOrder.removeAll(page);
    m_pageOrder.append(page);
    while (m_pageOrder.size() > kMaxCachedPages)
        m_pages.remove(m_pageOrder.takeFirst());
    const int first = page * kPageSize;
    const int last = std::min<qint64>(first + kPageSize, m_count) - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
    Q_EMIT pageLoaded(page);
}

const FailedRecord *FailedRecordsModel::record(int row) const
{
    const auto it = m_pages.constFind(row / kPageSize);
    if (it == m_pages.cend())
        return nullptr;
    const int offset = row % kPageSize;
    return offset < it->size() ? &it->at(offset) : nullptr;
}

int FailedRecordsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(std::min<qint64>(m_count, std::numeric_limits<int>::max()));
}

int FailedRecordsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant FailedRecordsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FailedRecord *r = record(index.row());
    if (!r) {
        if (role == Qt::DisplayRole || role == LoadedRole)
            requestPage(index.row() / kPageSize);
        if (role == Qt::DisplayRole && Column(index.column()) == Column::Message)
            return tr("loading…");
        if (role == Qt::ForegroundRole)
            return QColor(0x9e9e9e);
        return role == LoadedRole ? QVariant(false) : QVariant();
    }
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::Id:
            return r->id;
        case Column::Scheme:
            return r->scheme;
        case Column::Stage:
            return stageText(r->stage);
        case Column::Record:
            return r->recordId;
        case Column::Number:
            return r->recordNumber;
        case Column::Code:
            return r->errorCode;
        case Column::Message:
            return r->message.left(300).replace(u'\n', u' ');
        case Column::Attempts:
            return r->attempts;
        case Column::Status:
            return statusText(r->status);
        case Column::Updated:
            return QLocale().toString(r->updatedAt.toLocalTime(), QLocale::ShortFormat);
        case Column::Run:
            return r->runId;
        case Column::Count:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        return column == Column::Message ? QVariant(r->message) : QVariant();
    case Qt::ForegroundRole:
        if (column == Column::Stage)
            return r->stage == FailureStage::Write   ? QColor(0xc62828)
                   : r->stage == FailureStage::Fetch ? QColor(0x6a1b9a)
                                                     : QColor(0xb26a00);
        return {};
    case LoadedRole:
        return true;
    case StoreIdRole:
        return r->id;
    case RecordIdRole:
        return r->recordId;
    case SchemeRole:
        return r->scheme;
    default:
        return {};
    }
}

QVariant FailedRecordsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Id:
        return tr("#");
    case Column::Scheme:
        return tr("Scheme");
    case Column::Stage:
        return tr("Stage");
    case Column::Record:
        return tr("Record id");
    case Column::Number:
        return tr("Document number");
    case Column::Code:
        return tr("Code");
    case Column::Message:
        return tr("Error");
    case Column::Attempts:
        return tr("Attempts");
    case Column::Status:
        return tr("Status");
    case Column::Updated:
        return tr("Last attempt");
    case Column::Run:
        return tr("Run");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace weft
