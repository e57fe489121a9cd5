#include "widgets/common/metadataedit.h"

#include "core/model/mysqlstatement.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/stepjson.h"

#include <QJsonArray>
#include <QUndoStack>

namespace weft {

namespace {

bool isEmptyValue(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().isEmpty()) ||
           (v.isArray() && v.toArray().isEmpty());
}

bool setKeyIn(QJsonArray &list, QStringList parts, const QString &key, const QJsonValue &value)
{
    const QString name = parts.takeFirst();
    for (qsizetype i = 0; i < list.size(); ++i) {
        QJsonObject o = list.at(i).toObject();
        if (o.value(QLatin1String("field")).toString() != name)
            continue;
        if (parts.isEmpty()) {
            if (value.isUndefined())
                o.remove(key);
            else
                o.insert(key, value);
        } else {
            QJsonArray children = o.value(QLatin1String("children")).toArray();
            if (!setKeyIn(children, parts, key, value))
                return false;
            o.insert(QStringLiteral("children"), children);
        }
        list.replace(i, o);
        return true;
    }
    if (!parts.isEmpty() || value.isUndefined())
        return false;
    list.append(QJsonObject{{QStringLiteral("field"), name}, {key, value}});
    return true;
}

} // namespace

void setMetadataSetting(AdapterMetadata &metadata, const QString &name, const QJsonValue &value)
{
    QJsonObject &json = metadata.json();
    QJsonArray other = json.value(QLatin1String("otherRequest")).toArray();
    if (!json.contains(name)) {
        for (qsizetype i = 0; i < other.size(); ++i) {
            QJsonObject o = other.at(i).toObject();
            if (o.value(QLatin1String("field")).toString() != name)
                continue;
            if (isEmptyValue(value)) {
                other.removeAt(i);
            } else {
                o.insert(QStringLiteral("value"), value);
                other.replace(i, o);
            }
            json.insert(QStringLiteral("otherRequest"), other);
            return;
        }
    }
    if (isEmptyValue(value))
        json.remove(name);
    else
        json.insert(name, value);
}

bool setRequestEntryKey(AdapterMetadata &metadata, const QString &path, const QString &key,
                        const QJsonValue &value)
{
    QJsonArray list = metadata.json().value(QLatin1String("request")).toArray();
    if (!setKeyIn(list, path.split(u'/'), key, value))
        return false;
    metadata.json().insert(QStringLiteral("request"), list);
    return true;
}

QString withColumnAdded(const QString &mainSql, const QString &column)
{
    const MySqlStatement statement = MySqlStatement::parse(mainSql);
    if (!statement.isValid() || statement.usesPlaceholders() || statement.columns.isEmpty() ||
        statement.columns.contains(column, Qt::CaseInsensitive) ||
        !MySqlStatement::isValidIdentifier(column))
        return {};
    // The column list is the first parenthesised list after the table name.
    const int open = int(mainSql.indexOf(u'('));
    const int close = open < 0 ? -1 : int(mainSql.indexOf(u')', open));
    if (close < 0)
        return {};
    return mainSql.left(close) + QStringLiteral(", ") + column + mainSql.mid(close);
}

std::optional<Step> findStep(const ProjectDocument *doc, const QString &scheme,
                             const QString &stepId, bool *connected)
{
    const Scheme *s = doc->project().scheme(scheme);
    if (!s)
        return std::nullopt;
    if (const Step *step = s->step(stepId)) {
        if (connected)
            *connected = true;
        return *step;
    }
    const QJsonObject entry = doc->schemeLayout(scheme).value(stepId).toObject();
    if (!entry.contains(QLatin1String("detached")))
        return std::nullopt;
    if (connected)
        *connected = false;
    return stepFromJson(stepId, entry.value(QLatin1String("detached")).toObject());
}

bool pushStepEdit(ProjectDocument *doc, const QString &scheme, const QString &stepId,
                  const QString &text, const std::function<void(Step &)> &edit,
                  const QString &mergeKey)
{
    bool connected = false;
    const std::optional<Step> step = findStep(doc, scheme, stepId, &connected);
    if (!step)
        return false;
    if (connected) {
        return pushSchemeEdit(
            doc, scheme, text,
            [&](Scheme &s) {
                for (Step &st : s.steps) {
                    if (st.id == stepId)
                        edit(st);
                }
            },
            mergeKey);
    }
    Step changed = *step;
    edit(changed);
    if (changed == *step)
        return true;
    QJsonObject layout = doc->schemeLayout(scheme);
    QJsonObject entry = layout.value(stepId).toObject();
    entry.insert(QStringLiteral("detached"), stepToJson(changed));
    layout.insert(stepId, entry);
    doc->undoStack()->push(new EditLayoutCommand(doc, {{scheme, layout}}, text));
    return true;
}

} // namespace weft
