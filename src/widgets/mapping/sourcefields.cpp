#include "widgets/mapping/sourcefields.h"

#include "core/expr/expression.h"
#include "core/model/scheme.h"
#include "widgets/mapping/targetfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <functional>

namespace weft {

namespace {

void addReferences(const QString &value, QStringList *out, QSet<QString> *seen)
{
    if (value.isEmpty())
        return;
    const expr::Expression e = expr::Expression::compile(value);
    for (QString field : e.referencedFields()) {
        if (field.startsWith(QLatin1String("list.")))
            field = field.mid(5);
        if (!field.isEmpty() && !seen->contains(field)) {
            seen->insert(field);
            out->append(field);
        }
    }
}

void addName(const QString &name, QStringList *out, QSet<QString> *seen)
{
    if (name.isEmpty() || name == QLatin1String("1") || seen->contains(name))
        return;
    // `id` may be a template ("{io_id}-{items_ioi_id}"): take the fields it names.
    if (name.contains(u'{')) {
        addReferences(name, out, seen);
        return;
    }
    seen->insert(name);
    out->append(name);
}

QString sampleText(const QJsonValue &v)
{
    if (v.isObject() || v.isArray()) {
        const QByteArray json = v.isObject()
                                    ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                    : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.left(120));
    }
    return valueText(v);
}

} // namespace

QMimeData *fieldMimeData(const QStringList &fields)
{
    auto *data = new QMimeData;
    data->setData(QLatin1String(kFieldMimeType),
                  QJsonDocument(QJsonArray::fromStringList(fields)).toJson(QJsonDocument::Compact));
    data->setText(fields.join(u'\n'));
    return data;
}

QStringList fieldsFromMime(const QMimeData *data)
{
    if (!data || !data->hasFormat(QLatin1String(kFieldMimeType)))
        return {};
    QStringList out;
    const QJsonArray array =
        QJsonDocument::fromJson(data->data(QLatin1String(kFieldMimeType))).array();
    for (const QJsonValue &v : array) {
        if (!v.toString().isEmpty())
            out << v.toString();
    }
    return out;
}

QStringList inferredSourceFields(const Scheme &scheme)
{
    QStringList out;
    QSet<QString> seen;
    const AdapterMetadata &src = scheme.source.metadata;
    addName(src.idField(), &out, &seen);
    addName(src.numberField(), &out, &seen);
    addName(src.nameField(), &out, &seen);
    const AdapterMetadata &dst = scheme.target.metadata;
    addName(dst.idField(), &out, &seen);
    addName(dst.numberField(), &out, &seen);
    addName(dst.nameField(), &out, &seen);
    addReferences(dst.setting(QStringLiteral("documentKey")).toString(), &out, &seen);
    for (const TargetField &f : targetFieldsOf(dst))
        addReferences(f.value, &out, &seen);
    for (const Step &step : scheme.steps) {
        addReferences(step.settings.value(QLatin1String("condition")).toString(), &out, &seen);
        for (const QJsonValue &v : step.settings.value(QLatin1String("fields")).toArray())
            addReferences(v.toObject().value(QLatin1String("value")).toString(), &out, &seen);
    }
    return out;
}

QStringList fieldsOfRecords(const QList<QJsonObject> &records)
{
    QStringList out;
    QSet<QString> seen;
    std::function<void(const QJsonObject &, const QString &)> walk = [&](const QJsonObject &o,
                                                                         const QString &prefix) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
            if (!seen.contains(path)) {
                seen.insert(path);
                out << path;
            }
            if (it.value().isObject())
                walk(it.value().toObject(), path);
        }
    };
    // A sample of a few hundred records is plenty to know the fields.
    for (qsizetype i = 0; i < std::min<qsizetype>(records.size(), 200); ++i)
        walk(records.at(i), QString());
    return out;
}

SourceFieldModel::SourceFieldModel(QObject *parent)
    : QStandardItemModel(parent)
{
    setHeaders();
}

void SourceFieldModel::setHeaders()
{
    setHorizontalHeaderLabels({tr("Source field"), tr("Sample value")});
}

void SourceFieldModel::addObject(QStandardItem *parent, const QJsonObject &object,
                                 const QString &prefix)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
        auto *name = new QStandardItem(it.key());
        name->setData(path, PathRole);
        name->setToolTip(path);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        auto *sample = new QStandardItem(sampleText(it.value()));
        sample->setData(path, PathRole);
        sample->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        parent->appendRow({name, sample});
        m_paths << path;
        if (it.value().isObject())
            addObject(name, it.value().toObject(), path);
    }
}

void SourceFieldModel::setRecords(const QList<QJsonObject> &records)
{
    clear();
    m_paths.clear();
    setHeaders();
    // Fields of all records (a later one may have a field the first lacks), values of the
    // first record that has them.
    QJsonObject merged;
    for (qsizetype i = 0; i < std::min<qsizetype>(records.size(), 200); ++i) {
        const QJsonObject &r = records.at(i);
        for (auto it = r.begin(); it != r.end(); ++it) {
            if (!merged.contains(it.key()))
                merged.insert(it.key(), it.value());
        }
    }
    addObject(invisibleRootItem(), merged, QString());
}

void SourceFieldModel::setFieldNames(const QStringList &fields)
{
    clear();
    m_paths.clear();
    setHeaders();
    for (const QString &f : fields) {
        auto *name = new QStandardItem(f);
        name->setData(f, PathRole);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        auto *sample = new QStandardItem;
        sample->setData(f, PathRole);
        sample->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        invisibleRootItem()->appendRow({name, sample});
        m_paths << f;
    }
}

void SourceFieldModel::setLabels(const QHash<QString, QString> &labels)
{
    if (labels.isEmpty())
        return;
    setHorizontalHeaderItem(2, new QStandardItem(tr("Label")));
    for (int row = 0; row < rowCount(); ++row) {
        const QString path = item(row, 0)->data(PathRole).toString();
        auto *label = new QStandardItem(labels.value(path));
        label->setData(path, PathRole);
        label->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
        setItem(row, 2, label);
    }
}

QStringList SourceFieldModel::mimeTypes() const
{
    return {QString::fromLatin1(kFieldMimeType)};
}

QMimeData *SourceFieldModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList fields;
    for (const QModelIndex &index : indexes) {
        const QString path = index.data(PathRole).toString();
        if (!path.isEmpty() && !fields.contains(path))
            fields << path;
    }
    if (fields.isEmpty())
        return nullptr;
    return fieldMimeData(fields);
}

} // namespace weft
