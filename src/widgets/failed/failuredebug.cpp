#include "widgets/failed/failuredebug.h"

#include "core/model/scheme.h"

namespace weft {

namespace {

bool isIdChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.';
}

} // namespace

QString failureNodeKey(const FailedRecord &record, const Scheme &scheme)
{
    switch (record.stage) {
    case FailureStage::Fetch:
        return QStringLiteral("source");
    case FailureStage::Write:
        return QStringLiteral("target");
    case FailureStage::Transform:
        break;
    }
    // The longest step id named as "step <id>", so that a step "check" does not win over
    // "check-2"; the character after the id must end it.
    QString best;
    for (const Step &step : scheme.steps) {
        if (step.id.isEmpty() || step.id.size() <= best.size())
            continue;
        const QString needle = QStringLiteral("step ") + step.id;
        for (qsizetype at = record.message.indexOf(needle); at >= 0;
             at = record.message.indexOf(needle, at + 1)) {
            const qsizetype end = at + needle.size();
            if (end == record.message.size() || !isIdChar(record.message.at(end))) {
                best = step.id;
                break;
            }
        }
    }
    return best.isEmpty() ? QStringLiteral("map") : best;
}

QList<QJsonObject> failurePayloads(const QList<FailedRecord> &records)
{
    QList<QJsonObject> out;
    for (const FailedRecord &r : records) {
        if (r.stage != FailureStage::Fetch && !r.sourcePayload.isEmpty() &&
            !out.contains(r.sourcePayload))
            out.append(r.sourcePayload);
    }
    return out;
}

} // namespace weft
