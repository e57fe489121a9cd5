#include "core/model/alertrule.h"

#include "core/util/translation.h"

#include <QJsonArray>

namespace weft {

namespace {

struct WhenName {
    AlertRule::When when;
    const char *name;
};
constexpr WhenName kWhen[] = {{AlertRule::When::RunFailed, "run_failed"},
                              {AlertRule::When::FailedRecords, "failed_records"},
                              {AlertRule::When::NoSuccess, "no_success"},
                              {AlertRule::When::AuthFailure, "auth_failure"}};

} // namespace

bool AlertRule::fromJson(const QJsonObject &json, AlertRule *rule, QStringList *errors)
{
    bool ok = true;
    rule->name = json.value(QLatin1String("name")).toString();
    if (rule->name.isEmpty()) {
        errors->append(ProjectText::tr("/name: an alert rule needs a name"));
        ok = false;
    }
    const QString when = json.value(QLatin1String("when")).toString();
    bool known = false;
    for (const WhenName &w : kWhen) {
        if (when == QLatin1String(w.name)) {
            rule->when = w.when;
            known = true;
        }
    }
    if (!known) {
        errors->append(ProjectText::tr("/when: \"%1\" is not run_failed, failed_records, "
                                       "no_success or auth_failure")
                           .arg(when));
        ok = false;
    }
    rule->threshold = json.value(QLatin1String("threshold")).toInt(0);
    rule->minutes = json.value(QLatin1String("minutes")).toInt(0);
    if (rule->when == When::NoSuccess && rule->minutes <= 0) {
        errors->append(ProjectText::tr("/minutes: a no_success rule needs \"minutes\" > 0"));
        ok = false;
    }
    rule->quietMinutes = json.value(QLatin1String("quietMinutes")).toInt(60);
    for (const QJsonValue &s : json.value(QLatin1String("schemes")).toArray())
        rule->schemes << s.toString();
    const QJsonArray channels = json.value(QLatin1String("channels")).toArray();
    if (channels.isEmpty()) {
        errors->append(ProjectText::tr("/channels: an alert rule needs at least one channel"));
        ok = false;
    }
    for (qsizetype i = 0; i < channels.size(); ++i) {
        const QJsonObject c = channels.at(i).toObject();
        const QString type = c.value(QLatin1String("type")).toString();
        const QString urlKey = type == QLatin1String("webhook") ? QStringLiteral("url")
                                                               : QStringLiteral("webhook");
        if (type != QLatin1String("dingtalk") && type != QLatin1String("wecom") &&
            type != QLatin1String("webhook")) {
            errors->append(ProjectText::tr("/channels/%1/type: \"%2\" is not dingtalk, wecom or "
                                           "webhook")
                               .arg(i)
                               .arg(type));
            ok = false;
        } else if (!c.contains(urlKey)) {
            errors->append(ProjectText::tr("/channels/%1: a %2 channel needs \"%3\"")
                               .arg(i)
                               .arg(type, urlKey));
            ok = false;
        }
        if (c.value(urlKey).isString() && c.value(urlKey).toString().contains(QLatin1String("access_token=")) &&
            !c.value(urlKey).toString().contains(QLatin1String("${")))
            errors->append(ProjectText::tr("/channels/%1/%2: the robot's access token is a secret: "
                                           "use {\"env\": \"NAME\"} or ${NAME}")
                               .arg(i)
                               .arg(urlKey));
        rule->channels.append(c);
    }
    return ok;
}

} // namespace weft
