#include "widgets/mapping/mappingmodel.h"

#include "core/expr/expression.h"
#include "core/model/mysqlstatement.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/mapping/sourcefields.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QMimeData>
#include <QUndoStack>

namespace weft {

namespace {

QString normalized(const QString &name)
{
    QString out;
    for (QChar c : name) {
        if (c != u'_' && c != u'-' && c != u' ' && c != u'.')
            out += c.toLower();
    }
    return out;
}

} // namespace

MappingModel::MappingModel(ProjectDocument *doc, QObject *parent)
    : QAbstractTableModel(parent)
    , m_doc(doc)
{
    connect(doc, &ProjectDocument::schemeChanged, this,
            [this](int, const QString &oldName, const QString &newName) {
                if (oldName != m_scheme)
                    return;
                m_scheme = newName;
                reload();
            });
    connect(doc, &ProjectDocument::schemeRemoved, this, [this](int, const QString &name) {
        if (name == m_scheme)
            reload();
    });
    connect(doc, &ProjectDocument::schemeInserted, this, [this] { reload(); });
    connect(doc, &ProjectDocument::projectReset, this, [this] { reload(); });
}

void MappingModel::setScheme(const QString &scheme)
{
    m_scheme = scheme;
    beginResetModel();
    m_rows.clear();
    m_problems.clear();
    endResetModel();
    reload();
}

void MappingModel::setSourceFields(const QStringList &fields, bool checkNames)
{
    m_sourceFields = fields;
    m_checkNames = checkNames && !fields.isEmpty();
    recheck();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void MappingModel::setTableColumns(const QList<ColumnInfo> &columns)
{
    m_columns = columns;
    reload();
}

QList<TargetField> MappingModel::currentRows() const
{
    const Scheme *s = m_doc->project().scheme(m_scheme);
    QList<TargetField> rows = s ? targetFieldsOf(s->target.metadata) : QList<TargetField>();
    for (const ColumnInfo &c : m_columns) {
        auto it = std::find_if(rows.begin(), rows.end(), [&](const TargetField &f) {
            return f.depth == 0 && f.field.compare(c.name, Qt::CaseInsensitive) == 0;
        });
        if (it != rows.end()) {
            if (it->type.isEmpty())
                it->type = c.type;
            if (it->label.isEmpty())
                it->label = c.comment;
            it->required = it->required || c.required;
            continue;
        }
        TargetField f;
        f.path = c.name;
        f.field = c.name;
        f.label = c.comment;
        f.type = c.type;
        f.required = c.required;
        f.columnOnly = true;
        rows << f;
    }
    return rows;
}

void MappingModel::reload()
{
    const QList<TargetField> rows = currentRows();
    bool sameShape = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameShape && i < rows.size(); ++i)
        sameShape =
            rows.at(i).path == m_rows.at(i).path && rows.at(i).isGroup == m_rows.at(i).isGroup;
    if (!sameShape) {
        beginResetModel();
        m_rows = rows;
        recheck();
        endResetModel();
        return;
    }
    const QList<QString> oldProblems = m_problems;
    QList<int> changed;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const TargetField &a = rows.at(i);
        const TargetField &b = m_rows.at(i);
        if (a.value != b.value || a.parser != b.parser || a.parserJson != b.parserJson ||
            a.label != b.label || a.type != b.type || a.required != b.required)
            changed << int(i);
    }
    m_rows = rows;
    recheck();
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_problems.at(i) != oldProblems.value(i) && !changed.contains(int(i)))
            changed << int(i);
    }
    for (int row : std::as_const(changed))
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
}

void MappingModel::recheck()
{
    m_problems.clear();
    expr::CompileOptions options;
    if (m_checkNames)
        options.knownFields = m_sourceFields;
    for (const TargetField &f : std::as_const(m_rows)) {
        QString problem;
        if (!f.isGroup) {
            if (f.columnOnly && !f.required) {
                problem = QString();
            } else if (f.isMapped() && f.rawValue.isString()) {
                QList<expr::ExprError> errors;
                expr::Expression::compile(f.value, &errors, options);
                if (!errors.isEmpty())
                    problem = errors.first().toString();
            } else if (f.required && !f.isMapped()) {
                problem = tr("Required: not mapped");
            }
        }
        m_problems << problem;
    }
}

int MappingModel::rowOf(const QString &path) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).path == path)
            return int(i);
    }
    return -1;
}

QString MappingModel::problem(int row) const
{
    return m_problems.value(row);
}

int MappingModel::unmappedRequiredCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const TargetField &f) {
        return !f.isGroup && f.required && !f.isMapped();
    }));
}

int MappingModel::mappedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const TargetField &f) { return !f.isGroup && f.isMapped(); }));
}

int MappingModel::leafCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const TargetField &f) { return !f.isGroup; }));
}

bool MappingModel::inList(int row) const
{
    const TargetField &f = m_rows.at(row);
    for (int i = row - 1; i >= 0 && f.depth > 0; --i) {
        const TargetField &g = m_rows.at(i);
        if (g.isGroup && g.depth < f.depth) {
            const QString type = g.type.toLower();
            return type == QLatin1String("array") || type == QLatin1String("list");
        }
    }
    return false;
}

bool MappingModel::pushValues(const QHash<QString, QJsonValue> &values, const QString &text,
                              const QString &mergeKey)
{
    if (values.isEmpty())
        return false;
    const int before = m_doc->undoStack()->count();
    const bool ok = pushSchemeEdit(
        m_doc, m_scheme, text,
        [&](Scheme &s) {
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                AdapterMetadata &m = s.target.metadata;
                const int row = rowOf(it.key());
                const bool newColumn = row >= 0 && m_rows.at(row).columnOnly;
                m.setRequestValue(it.key(), it.value());
                if (!newColumn || it.value().isUndefined())
                    continue;
                // A table column the metadata did not list: describe it, and have a statement
                // with a column list write it too.
                const TargetField &f = m_rows.at(row);
                if (!f.label.isEmpty())
                    m.setRequestKey(f.path, QStringLiteral("label"), f.label);
                m.setRequestKey(f.path, QStringLiteral("type"), f.type);
                const QString sql = MySqlStatement::withColumnAdded(m.mainSql(), f.field);
                if (!sql.isEmpty())
                    m.setSetting(QStringLiteral("main_sql"), sql);
            }
        },
        mergeKey);
    return ok && (m_doc->undoStack()->count() != before || !mergeKey.isEmpty());
}

bool MappingModel::setValue(int row, const QString &value)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).isGroup)
        return false;
    const TargetField &f = m_rows.at(row);
    if (f.value == value)
        return false;
    return pushValues({{f.path, valueFromText(value)}}, value.isEmpty()
                                                            ? tr("Clear mapping of %1").arg(f.field)
                                                            : tr("Map %1").arg(f.field));
}

QString MappingModel::valueForFields(int row, const QStringList &fields) const
{
    const QString prefix =
        row >= 0 && row < m_rows.size() && inList(row) ? QStringLiteral("list.") : QString();
    QStringList parts;
    for (const QString &f : fields)
        parts << QStringLiteral("{{%1%2}}").arg(prefix, f);
    return parts.join(u'-');
}

bool MappingModel::mapFields(int row, const QStringList &fields)
{
    if (row < 0 || row >= m_rows.size() || fields.isEmpty())
        return false;
    const TargetField &f = m_rows.at(row);
    if (f.isGroup) {
        Q_EMIT message(tr("%1 is a group: drop the source fields onto its fields.").arg(f.field));
        return false;
    }
    const QString value = valueForFields(row, fields);
    if (f.value == value)
        return false;
    return pushValues({{f.path, QJsonValue(value)}},
                      tr("Map %1 → %2").arg(fields.join(QStringLiteral(", ")), f.field));
}

int MappingModel::autoMap(const QStringList &onlyThese)
{
    const QStringList candidates = onlyThese.isEmpty() ? m_sourceFields : onlyThese;
    QHash<QString, QStringList> exact;
    QHash<QString, QStringList> loose;
    QHash<QString, QStringList> suffix;
    for (const QString &s : candidates) {
        exact[s.toLower()] << s;
        loose[normalized(s)] << s;
        // items_sku_id (a flattened array field) also answers to sku_id.
        const int underscore = int(s.indexOf(u'_'));
        if (underscore > 0)
            suffix[s.mid(underscore + 1).toLower()] << s;
    }
    auto unique = [](const QHash<QString, QStringList> &h, const QString &key) {
        const QStringList v = h.value(key);
        return v.size() == 1 ? v.first() : QString();
    };
    QHash<QString, QJsonValue> values;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const TargetField &f = m_rows.at(i);
        if (f.isGroup || f.isMapped())
            continue;
        QString match = unique(exact, f.field.toLower());
        if (match.isEmpty())
            match = unique(loose, normalized(f.field));
        if (match.isEmpty())
            match = unique(suffix, f.field.toLower());
        if (match.isEmpty() && !f.label.isEmpty())
            match = unique(exact, f.label.toLower());
        if (!match.isEmpty())
            values.insert(f.path, valueForFields(int(i), {match}));
    }
    if (values.isEmpty())
        return 0;
    pushValues(values, tr("Auto-map %n field(s)", nullptr, int(values.size())));
    return int(values.size());
}

int MappingModel::clear(const QList<int> &rows)
{
    QHash<QString, QJsonValue> values;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (!rows.isEmpty() && !rows.contains(int(i)))
            continue;
        const TargetField &f = m_rows.at(i);
        if (!f.isGroup && !f.rawValue.isUndefined())
            values.insert(f.path, QJsonValue(QJsonValue::Undefined));
    }
    if (values.isEmpty())
        return 0;
    pushValues(values, tr("Clear %n mapping(s)", nullptr, int(values.size())));
    return int(values.size());
}

bool MappingModel::setParser(int row, const QJsonObject &parser)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).isGroup)
        return false;
    const TargetField &f = m_rows.at(row);
    if (f.parserJson == parser)
        return false;
    return pushSchemeEdit(m_doc, m_scheme, tr("Set parser of %1").arg(f.field), [&](Scheme &s) {
        s.target.metadata.setRequestKey(f.path, QStringLiteral("parser"),
                                        parser.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                         : QJsonValue(parser));
    });
}

int MappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant MappingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TargetField &f = m_rows.at(index.row());
    const QString problem = m_problems.value(index.row());
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (column) {
        case Column::Field:
            return role == Qt::EditRole ? f.field : QString(f.depth * 4, u' ') + f.field;
        case Column::Label:
            return f.label;
        case Column::Type:
            return f.type;
        case Column::Value:
            return f.isGroup ? QVariant() : QVariant(f.value);
        case Column::Parser: {
            if (f.parser.isEmpty())
                return {};
            QStringList params;
            for (auto it = f.parserJson.begin(); it != f.parserJson.end(); ++it) {
                if (it.key() != QLatin1String("name"))
                    params << valueText(it.value());
            }
            return params.isEmpty() ? f.parser
                                    : QStringLiteral("%1(%2)").arg(f.parser, params.join(u','));
        }
        case Column::Status:
            if (f.isGroup)
                return {};
            if (!problem.isEmpty())
                return problem;
            return f.isMapped() ? tr("OK") : QString();
        case Column::Count:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (!problem.isEmpty())
            return problem;
        if (column == Column::Field || column == Column::Label)
            return f.describe.isEmpty() ? f.label : f.describe;
        return column == Column::Value ? QVariant(f.value) : QVariant();
    case Qt::ForegroundRole:
        if (column == Column::Status && !problem.isEmpty())
            return QColor(0xc62828);
        if (column == Column::Status)
            return QColor(0x2e7d32);
        if (f.isGroup)
            return QColor(0x546e7a);
        return {};
    case Qt::BackgroundRole:
        if (!f.isGroup && f.required && !f.isMapped())
            return QColor(0xffebee);
        if (!problem.isEmpty())
            return QColor(0xfff3e0);
        return {};
    case Qt::FontRole:
        if (f.isGroup || (column == Column::Field && f.required)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case RequiredRole:
        return f.required;
    case PathRole:
        return f.path;
    case ProblemRole:
        return problem;
    case GroupRole:
        return f.isGroup;
    default:
        return {};
    }
}

QVariant MappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Field:
        return tr("Target field");
    case Column::Label:
        return tr("Label");
    case Column::Type:
        return tr("Type");
    case Column::Value:
        return tr("Value (template or expression)");
    case Column::Parser:
        return tr("Parser");
    case Column::Status:
        return tr("Status");
    case Column::Count:
        break;
    }
    return {};
}

Qt::ItemFlags MappingModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // dropped on empty space: auto-map those fields
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!m_rows.at(index.row()).isGroup) {
        f |= Qt::ItemIsDropEnabled;
        if (Column(index.column()) == Column::Value)
            f |= Qt::ItemIsEditable;
    }
    return f;
}

bool MappingModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || Column(index.column()) != Column::Value)
        return false;
    return setValue(index.row(), value.toString());
}

QStringList MappingModel::mimeTypes() const
{
    return {QString::fromLatin1(kFieldMimeType)};
}

Qt::DropActions MappingModel::supportedDropActions() const
{
    return Qt::CopyAction | Qt::MoveAction;
}

bool MappingModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int row, int,
                                   const QModelIndex &parent) const
{
    if (!data || !data->hasFormat(QLatin1String(kFieldMimeType)))
        return false;
    const int target = parent.isValid() ? parent.row() : row;
    if (target >= 0 && target < m_rows.size())
        return !m_rows.at(target).isGroup;
    return true;
}

bool MappingModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                const QModelIndex &parent)
{
    if (action == Qt::IgnoreAction)
        return true;
    if (!canDropMimeData(data, action, row, column, parent)) {
        const int target = parent.isValid() ? parent.row() : row;
        if (target >= 0 && target < m_rows.size() && m_rows.at(target).isGroup)
            Q_EMIT message(tr("%1 is a group: drop the source fields onto its fields.")
                               .arg(m_rows.at(target).field));
        return false;
    }
    const QStringList fields = fieldsFromMime(data);
    if (fields.isEmpty())
        return false;
    const int target = parent.isValid() ? parent.row() : row;
    if (target >= 0 && target < m_rows.size())
        return mapFields(target, fields);
    if (autoMap(fields) == 0) {
        Q_EMIT message(tr("No unmapped target field has the name of %1: drop the fields onto a "
                          "target field.")
                           .arg(fields.join(QStringLiteral(", "))));
        return false;
    }
    return true;
}

} // namespace weft
