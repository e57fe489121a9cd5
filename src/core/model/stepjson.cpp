#include "core/model/stepjson.h"

#include "core/model/jsonobjectreader.h"
#include "core/util/textdistance.h"
#include "core/util/translation.h"

namespace weft {

QJsonObject writeStep(const Step &step)
{
    QJsonObject o = stepToJson(step);
    o.insert(QStringLiteral("id"), step.id);
    return o;
}

Step readStep(const QJsonObject &json, const DiagnosticSink &sink)
{
    Step s;
    detail::ObjectReader r(json, sink, {});
    s.id = r.string(QStringLiteral("id"), true);
    const QString type = r.string(QStringLiteral("type"), true);
    if (const auto t = stepTypeFromName(type)) {
        s.type = *t;
    } else if (!type.isEmpty()) {
        s.unknownType = type;
        sink.at(QStringLiteral("type"))
            .error(ProjectText::tr("unknown step type \"%1\"%2; known types: %3")
                       .arg(type, didYouMean(type, stepTypeNames()),
                            stepTypeNames().join(QStringLiteral(", "))));
    }
    s.title = r.string(QStringLiteral("title"));
    s.enabled = r.boolean(QStringLiteral("enabled"), true);
    s.settings = json;
    for (const char *k : {"id", "type", "title", "enabled"})
        s.settings.remove(QString::fromLatin1(k));
    return s;
}

QJsonObject stepToJson(const Step &step)
{
    QJsonObject o = step.settings;
    o.insert(QStringLiteral("type"),
             step.unknownType.isEmpty() ? stepTypeName(step.type) : step.unknownType);
    if (!step.title.isEmpty())
        o.insert(QStringLiteral("title"), step.title);
    if (!step.enabled)
        o.insert(QStringLiteral("enabled"), false);
    return o;
}

Step stepFromJson(const QString &id, const QJsonObject &json)
{
    Step s = readStep(json, DiagnosticSink(nullptr));
    s.id = id;
    return s;
}

} // namespace weft
