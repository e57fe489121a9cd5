#include "widgets/run/previewtablemodel.h"

#include "widgets/mapping/targetfields.h"

#include <QColor>

namespace weft {

namespace {
constexpr int kFixedColumns = 2; // record, status
}

PreviewTableModel::PreviewTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PreviewTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_columns.clear();
    m_failed = 0;
    endResetModel();
}

void PreviewTableModel::setResult(const PreviewResult &result)
{
    beginResetModel();
    m_rows.clear();
    m_columns.clear();
    m_failed = 0;
    const TransformOutput &out = result.output;
    auto addColumns = [this](const QJsonObject &payload) {
        for (auto it = payload.begin(); it != payload.end(); ++it) {
            if (!m_columns.contains(it.key()))
                m_columns << it.key();
        }
    };
    for (qsizetype i = 0; i < out.records.size(); ++i) {
        const TargetRecord &t = out.records.at(i);
        Row r;
        r.recordId = t.recordId;
        r.payload = t.payload;
        const QList<int> inputs = out.recordInputs.value(i);
        if (!inputs.isEmpty() && inputs.first() < out.inputs.size())
            r.input = out.inputs.at(inputs.first()).record.merged();
        addColumns(t.payload);
        m_rows << r;
    }
    for (const FailedRecord &f : out.failures) {
        Row r;
        r.recordId = f.recordId;
        r.payload = f.targetPayload;
        r.input = f.sourcePayload;
        r.error = f.message;
        addColumns(f.targetPayload);
        m_rows << r;
        ++m_failed;
    }
    endResetModel();
}

QJsonObject PreviewTableModel::inputOf(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).input : QJsonObject();
}

QString PreviewTableModel::errorOf(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).error : QString();
}

QJsonObject PreviewTableModel::payloadOf(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).payload : QJsonObject();
}

int PreviewTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PreviewTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kFixedColumns + int(m_columns.size());
}

QVariant PreviewTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const bool failed = !r.error.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0)
            return r.recordId;
        if (index.column() == 1)
            return failed ? r.error : tr("OK");
        return valueText(r.payload.value(m_columns.at(index.column() - kFixedColumns))).left(300);
    case Qt::ToolTipRole:
        if (index.column() == 1)
            return failed ? r.error : QString();
        if (index.column() >= kFixedColumns)
            return valueText(r.payload.value(m_columns.at(index.column() - kFixedColumns)));
        return {};
    case Qt::BackgroundRole:
        return failed ? QVariant(QColor(0xffebee)) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == 1)
            return failed ? QColor(0xc62828) : QColor(0x2e7d32);
        return {};
    case FailedRole:
        return failed;
    default:
        return {};
    }
}

QVariant PreviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return tr("Record");
    if (section == 1)
        return tr("Result");
    return m_columns.value(section - kFixedColumns);
}

} // namespace weft
