#include "core/model/projectio.h"

#include "core/model/projectreader.h"
#include "core/model/projectwriter.h"
#include "core/util/jsonlocator.h"
#include "core/util/jsonwriter.h"
#include "core/util/translation.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <algorithm>

namespace weft {

namespace {

// Key order per kind of object. Keys not listed come after, alphabetically.
const QStringList kRootKeys = {
    "format",    "version",           "name",      "description",  "timeZone",
    "state",     "activeEnvironment", "variables", "environments", "connections",
    "valueMaps", "schemes",           "alerts",    "layout"};
const QStringList kConnectionKeys = {"name",      "type",       "title",     "baseUrl",
                                     "account",   "rateLimit",  "timeoutMs", "deadlineMs",
                                     "verifyTls", "options"};
const QStringList kSchemeKeys = {"name", "title", "description", "enabled", "source",
                                 "steps", "target", "errorPolicy", "retry", "rateLimit",
                                 "sync", "schedule"};
const QStringList kAdapterKeys = {"connection", "metadata"};
// The order the seed documents use, so pasted blocks read the same way they were written.
const QStringList kMetadataKeys = {"api",      "effect",  "type",
                                   "method",   "number",  "id",
                                   "name",     "idCheck", "autoFillResponse",
                                   "beatFlat", "request", "otherRequest",
                                   "main_sql", "limit",   "documentKey",
                                   "ddl",      "bulk",    "catalog"};
const QStringList kRequestFieldKeys = {"field", "label", "type", "describe", "value",
                                       "parser", "children"};
const QStringList kParserKeys = {"name", "params", "params1", "params2"};
const QStringList kStepKeys = {"id", "type", "title", "enabled"};
const QStringList kRateKeys = {"perSecond", "perMinute"};
const QStringList kRetryKeys = {"attempts", "initialDelayMs", "multiplier", "maxDelayMs"};
const QStringList kScheduleKeys = {"kind", "everyMinutes", "cron", "after"};
const QStringList kLayoutNodeKeys = {"x", "y"};

int rankIn(const QStringList &order, const QString &key)
{
    const qsizetype i = order.indexOf(key);
    return i < 0 ? 1000 : int(i);
}

bool isIndex(QStringView token)
{
    return !token.isEmpty() &&
           std::all_of(token.begin(), token.end(), [](QChar c) { return c.isDigit(); });
}

} // namespace

int projectKeyRank(const QString &parentPointer, const QString &key)
{
    if (parentPointer.isEmpty())
        return rankIn(kRootKeys, key);
    const QList<QStringView> tokens = QStringView(parentPointer).mid(1).split(u'/');
    const qsizetype n = tokens.size();
    const QStringView last = tokens.at(n - 1);
    const QStringView prev = n >= 2 ? tokens.at(n - 2) : QStringView();
    if (n == 2 && prev == u"connections")
        return rankIn(kConnectionKeys, key);
    if (n == 2 && prev == u"schemes")
        return rankIn(kSchemeKeys, key);
    if (n == 3 && tokens.at(0) == u"layout")
        return rankIn(kLayoutNodeKeys, key);
    if (tokens.at(0) == u"connections" && n == 3 && last == u"rateLimit")
        return rankIn(kRateKeys, key);
    if (tokens.at(0) != u"schemes")
        return 1000;
    if (n == 3 && (last == u"source" || last == u"target"))
        return rankIn(kAdapterKeys, key);
    if (last == u"metadata")
        return rankIn(kMetadataKeys, key);
    if (isIndex(last) && (prev == u"request" || prev == u"otherRequest" || prev == u"children"))
        return rankIn(kRequestFieldKeys, key);
    if (last == u"parser")
        return rankIn(kParserKeys, key);
    if (isIndex(last) && prev == u"steps" && n == 4)
        return rankIn(kStepKeys, key);
    if (n == 3 && last == u"rateLimit")
        return rankIn(kRateKeys, key);
    if (n == 3 && last == u"retry")
        return rankIn(kRetryKeys, key);
    if (n == 3 && last == u"schedule")
        return rankIn(kScheduleKeys, key);
    return 1000;
}

ProjectLoadResult loadProject(const QByteArray &json)
{
    ProjectLoadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Diagnostic d;
        d.message = QStringLiteral("malformed JSON: %1").arg(parseError.errorString());
        d.position = JsonLocator::positionOfOffset(json, parseError.offset);
        result.diagnostics.append(d);
        return result;
    }
    if (!doc.isObject()) {
        result.diagnostics.append(
            {Diagnostic::Severity::Error,
             QString(),
             ProjectText::tr("a project file is a JSON object; this file holds a %1")
                 .arg(doc.isArray() ? QStringLiteral("JSON array") : QStringLiteral("value")),
             {}});
        return result;
    }
    result.project = detail::readProject(doc.object(), &result.diagnostics);
    if (!result.diagnostics.isEmpty()) {
        const JsonLocator locator(json);
        for (Diagnostic &d : result.diagnostics) {
            if (!d.position.isValid())
                d.position = locator.find(d.pointer);
        }
    }
    return result;
}

ProjectLoadResult loadProjectFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ProjectLoadResult result;
        result.diagnostics.append(
            {Diagnostic::Severity::Error,
             QString(),
             ProjectText::tr("cannot read %1: %2").arg(path, file.errorString()),
             {}});
        return result;
    }
    return loadProject(file.readAll());
}

QJsonObject projectToJson(const Project &project)
{
    return detail::writeProject(project);
}

QByteArray saveProject(const Project &project)
{
    return writeJson(projectToJson(project), projectKeyRank);
}

bool saveProjectFile(const Project &project, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = ProjectText::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(saveProject(project));
    if (!file.commit()) {
        if (error)
            *error = ProjectText::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace weft
