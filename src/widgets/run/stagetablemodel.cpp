#include "widgets/run/stagetablemodel.h"

#include <QBrush>
#include <QColor>
#include <QJsonDocument>
#include <QSet>

namespace weft {

namespace {

QString cellText(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

} // namespace

StageTableModel::StageTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void StageTableModel::setStage(const StageTrace &stage)
{
    beginResetModel();
    m_stage = stage;
    m_fields.clear();
    // The columns: every top-level field in the order records first show it.
    QSet<QString> seen;
    for (const StageRecord &r : std::as_const(m_stage.records)) {
        for (auto it = r.record.begin(); it != r.record.end(); ++it) {
            if (m_fields.size() >= kMaxFieldColumns)
                break;
            if (!seen.contains(it.key())) {
                seen.insert(it.key());
                m_fields << it.key();
            }
        }
    }
    endResetModel();
}

void StageTableModel::clear()
{
    setStage({});
}

const StageRecord *StageTableModel::record(int row) const
{
    return row >= 0 && row < m_stage.records.size() ? &m_stage.records.at(row) : nullptr;
}

int StageTableModel::countOf(StageRecord::Fate fate) const
{
    return int(std::count_if(m_stage.records.cbegin(), m_stage.records.cend(),
                             [fate](const StageRecord &r) { return r.fate == fate; }));
}

QString StageTableModel::note(int row) const
{
    const StageRecord *r = record(row);
    if (!r)
        return {};
    QStringList broken;
    for (const QJsonValue &rule : r->rules) {
        if (!rule.toObject().value(QLatin1String("ok")).toBool())
            broken << rule.toObject().value(QLatin1String("message")).toString();
    }
    if (r->fate != StageRecord::Fate::Passed && !r->rules.isEmpty()) {
        return tr("%1 of %2 rule(s) broken: %3")
            .arg(broken.size())
            .arg(r->rules.size())
            .arg(broken.join(QStringLiteral("; ")));
    }
    if (r->fate != StageRecord::Fate::Passed)
        return r->reason;
    if (!broken.isEmpty()) // rules that only warn
        return tr("passed with %n warning(s): %1", nullptr, int(broken.size()))
            .arg(broken.join(QStringLiteral("; ")));
    if (!r->rules.isEmpty())
        return tr("%n rule(s) passed", nullptr, int(r->rules.size()));
    if (!r->added.isEmpty()) {
        QString text = tr("added %1").arg(r->added.join(QStringLiteral(", ")));
        if (!r->missed.isEmpty())
            text += tr("; not found: %1").arg(r->missed.join(QStringLiteral(", ")));
        return text;
    }
    if (m_stage.type == QLatin1String("map"))
        return tr("made of %n record(s)", nullptr, int(r->inputs.size()));
    return {};
}

int StageTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_stage.records.size());
}

int StageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstFieldColumn + int(m_fields.size());
}

QVariant StageTableModel::data(const QModelIndex &index, int role) const
{
    const StageRecord *r = record(index.row());
    if (!r)
        return {};
    if (role == FateRole)
        return int(r->fate);
    if (role == Qt::ForegroundRole) {
        if (r->fate == StageRecord::Fate::Failed)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (r->fate == StageRecord::Fate::Dropped)
            return QBrush(QColor(0x80, 0x80, 0x80));
        if (index.column() == NoteColumn && !r->missed.isEmpty())
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case NumberColumn:
        return index.row() + 1;
    case FateColumn:
        switch (r->fate) {
        case StageRecord::Fate::Passed:
            return tr("passed");
        case StageRecord::Fate::Dropped:
            return tr("dropped");
        case StageRecord::Fate::Failed:
            return tr("failed");
        }
        return {};
    case NoteColumn:
        return note(index.row());
    default: {
        const QString text =
            cellText(r->record.value(m_fields.value(index.column() - FirstFieldColumn)));
        return role == Qt::DisplayRole && text.size() > 120 ? text.left(119) + QChar(0x2026) : text;
    }
    }
}

QVariant StageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NumberColumn:
        return QStringLiteral("#");
    case FateColumn:
        return tr("Result");
    case NoteColumn:
        return tr("Why / note");
    default:
        return m_fields.value(section - FirstFieldColumn);
    }
}

} // namespace weft
