#include "widgets/run/jsontreemodel.h"

#include "widgets/mapping/targetfields.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonObject>

namespace weft {

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::build(Node *node)
{
    auto add = [node](const QString &key, const QJsonValue &value) {
        auto child = std::make_unique<Node>();
        child->key = key;
        child->value = value;
        child->parent = node;
        child->row = int(node->children.size());
        build(child.get());
        node->children.push_back(std::move(child));
    };
    if (node->value.isObject()) {
        const QJsonObject o = node->value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            add(it.key(), it.value());
    } else if (node->value.isArray()) {
        const QJsonArray a = node->value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            add(QStringLiteral("[%1]").arg(i), a.at(i));
    }
}

void JsonTreeModel::setRecords(const QList<QJsonObject> &records, const QStringList &labels)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    for (qsizetype i = 0; i < records.size(); ++i) {
        auto child = std::make_unique<Node>();
        child->key = i < labels.size() && !labels.at(i).isEmpty()
                         ? QStringLiteral("[%1] %2").arg(i).arg(labels.at(i))
                         : QStringLiteral("[%1]").arg(i);
        child->value = records.at(i);
        child->parent = m_root.get();
        child->row = int(i);
        build(child.get());
        m_root->children.push_back(std::move(child));
    }
    endResetModel();
}

void JsonTreeModel::setValue(const QJsonValue &value)
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->value = value;
    build(m_root.get());
    endResetModel();
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeOf(parent);
    return createIndex(row, column, p->children.at(std::size_t(row)).get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *n = nodeOf(child);
    if (!n->parent || n->parent == m_root.get())
        return {};
    return createIndex(n->parent->row, 0, n->parent);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return int(Column::Count);
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeOf(index);
    const auto column = Column(index.column());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (column) {
        case Column::Key:
            return n->key;
        case Column::Value:
            if (n->value.isObject())
                return tr("{%n field(s)}", nullptr, int(n->value.toObject().size()));
            if (n->value.isArray())
                return tr("[%n item(s)]", nullptr, int(n->value.toArray().size()));
            if (n->value.isNull())
                return QStringLiteral("null");
            return role == Qt::DisplayRole ? valueText(n->value).left(500) : valueText(n->value);
        case Column::Type:
            switch (n->value.type()) {
            case QJsonValue::Object:
                return tr("object");
            case QJsonValue::Array:
                return tr("array");
            case QJsonValue::String:
                return tr("string");
            case QJsonValue::Double:
                return tr("number");
            case QJsonValue::Bool:
                return tr("bool");
            default:
                return tr("null");
            }
        case Column::Count:
            break;
        }
    }
    if (role == Qt::ForegroundRole && column == Column::Value) {
        if (n->value.isString())
            return QColor(0xb26a00);
        if (n->value.isDouble() || n->value.isBool())
            return QColor(0x1565c0);
        if (n->value.isNull() || n->value.isObject() || n->value.isArray())
            return QColor(0x78909c);
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Key:
        return tr("Key");
    case Column::Value:
        return tr("Value");
    case Column::Type:
        return tr("Type");
    case Column::Count:
        break;
    }
    return {};
}

} // namespace weft
