#include "core/catalog/fieldmatch.h"

#include <functional>

namespace weft {

namespace {

void addFlattened(QList<LabelledField> *out, const QList<CatalogField> &fields,
                  const QString &prefix)
{
    for (const CatalogField &f : fields) {
        if (f.type == QLatin1String("array") || f.type == QLatin1String("object"))
            continue;
        out->append({prefix + f.name, f.label.zh, f.label.en, f.type, false});
    }
}

void addParams(QList<LabelledField> *out, const QList<CatalogParam> &params, const QString &prefix)
{
    for (const CatalogParam &p : params) {
        if (!p.children.isEmpty()) {
            addParams(out, p.children, prefix + p.field + u'.');
            continue;
        }
        out->append({prefix + p.field, p.label.zh, p.label.en, p.type, p.required});
    }
}

/// A name without case, separators or K3Cloud's field prefix: FNumber, f_number and number
/// are one.
QString looseName(const QString &name)
{
    QString n = name;
    if (n.size() > 1 && n.at(0) == u'F' && n.at(1).isUpper())
        n.remove(0, 1);
    n = n.toLower();
    n.remove(u'_');
    n.remove(u'-');
    n.remove(u' ');
    return n;
}

/// A label compared loosely: case and spaces do not matter.
QString looseLabel(const QString &label)
{
    QString l = label.trimmed().toLower();
    l.remove(u' ');
    l.remove(u'_');
    return l;
}

using KeysOf = std::function<QStringList(const LabelledField &)>;

} // namespace

QList<LabelledField> flattenedRecordFields(const CatalogEndpoint &endpoint)
{
    QList<LabelledField> out;
    addFlattened(&out, endpoint.fields, QString());
    for (const QString &array : endpoint.beatFlat) {
        for (const CatalogField &f : endpoint.fields) {
            if (f.name == array)
                addFlattened(&out, f.fields, array + u'_');
        }
    }
    return out;
}

QList<LabelledField> requestFields(const CatalogEndpoint &endpoint)
{
    QList<LabelledField> out;
    addParams(&out, endpoint.request, QString());
    return out;
}

QHash<QString, QString> matchFields(const QList<LabelledField> &targets,
                                    const QList<LabelledField> &sources)
{
    // Each pass gives a field the keys it may be found by; target and source keys are
    // produced by separate functions, as pass 5 crosses labels with names.
    const KeysOf name = [](const LabelledField &f) { return QStringList{f.name.toLower()}; };
    const KeysOf loose = [](const LabelledField &f) { return QStringList{looseName(f.name)}; };
    const KeysOf zh = [](const LabelledField &f) { return QStringList{looseLabel(f.zh)}; };
    const KeysOf en = [](const LabelledField &f) { return QStringList{looseLabel(f.en)}; };
    const KeysOf labels = [](const LabelledField &f) {
        return QStringList{looseLabel(f.zh), looseLabel(f.en)};
    };
    const QList<std::pair<KeysOf, KeysOf>> passes = {
        {name, name}, {loose, loose}, {zh, zh}, {en, en}, {labels, loose}, {loose, labels}};

    QHash<QString, QString> matched;
    for (const auto &[targetKeys, sourceKeys] : passes) {
        QHash<QString, QStringList> index;
        for (const LabelledField &s : sources) {
            for (const QString &k : sourceKeys(s)) {
                if (!k.isEmpty() && !index.value(k).contains(s.name))
                    index[k] << s.name;
            }
        }
        for (const LabelledField &t : targets) {
            if (matched.contains(t.name))
                continue;
            QStringList found;
            for (const QString &k : targetKeys(t)) {
                if (k.isEmpty())
                    continue;
                for (const QString &s : index.value(k)) {
                    if (!found.contains(s))
                        found << s;
                }
            }
            if (found.size() == 1)
                matched.insert(t.name, found.first());
        }
    }
    return matched;
}

} // namespace weft
